"""Figures of the window itself, offscreen: typing in the search, opening a chart, importing.

Each runs the real main window (its task runner, its models, its style) on a copy of the demo
database, driven by synthetic key events and plain Qt event loops; the floor is bare Qt doing
the same work in the same process, in turn with the app, so both see the same machine:

* `search.keystroke`: one key in the search field → the first paint of the list with the rows
  of the new text; floor: a QLineEdit whose `textChanged` runs the service's own SQL through
  raw sqlite3 and fills a QStandardItemModel in a QTableView.
* `chart.tab`: `open_chart` → the first paint of the chart tab with its data (50 sessions, 200
  photo records); floor: sqlite3 reads of the sessions and photos into a QTableWidget and a
  QListWidget, added as a tab.
* `thumbnail.ui_gap`: the longest gap of a 5 ms heartbeat timer while the import dialog brings
  in 50 twelve-megapixel photos and the grid shows them; floor: the same heartbeat while
  bare Pillow makes draft-mode thumbnails of the same files on every core.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from benchmarks.common import Result, Settings, cores, median, p95
from benchmarks.data_figures import _raw_search
from benchmarks.dataset import heavy_patient, working_copy
from benchmarks.photo_figures import camera_files
from benchmarks.photo_import import bare_thumbnail
from mesodesk.db.engine import sqlite_url
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import PhotoView, Sex
from mesodesk.photos.vault import Vault
from mesodesk.services import Services
from mesodesk.services.store import Store
from mesodesk.ui.app import create_application
from mesodesk.ui.main_window import MainWindow
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import select_enum

TIMEOUT = 30.0  # seconds for any one step: a hang is an error, not a slow figure


def wait_for(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    """Run the event loop, sleeping until events arrive, until `condition` holds.

    `processEvents(flags, maxtime)` ignores WaitForMoreEvents and returns at once when
    nothing is pending: waiting with it spun the GUI thread (half a million Python calls
    during one import), taking the interpreter from the threads being measured. The
    one-argument form sleeps; a wake-up timer lets the deadline be checked.
    """
    app = QApplication.instance()
    deadline = time.perf_counter() + timeout
    wake = QTimer()
    wake.start(20)
    try:
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not get there in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def settle(ms: int = 100) -> None:
    """Let pending events (repaints, layouts) run out before the next measured step."""
    deadline = time.perf_counter() + ms / 1000
    wait_for(lambda: time.perf_counter() >= deadline)


class Paints(QObject):
    """The time of the latest paint of the watched widgets."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.last = 0.0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.last = time.perf_counter()
        return False


class Heartbeat(QObject):
    """A 5 ms timer on the GUI thread; `longest` is the largest gap between two ticks (ms)."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last, self.longest = 0.0, 0.0

    def start(self) -> None:
        self.last, self.longest = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self.last) * 1000)
        self.last = now


# -- search.keystroke ----------------------------------------------------------------------
class BareSearch(QMainWindow):
    """The floor: a line edit that queries synchronously and fills a standard item model."""

    def __init__(self, db: sqlite3.Connection) -> None:
        super().__init__()
        self.db, self.edit, self.view = db, QLineEdit(), QTableView()
        self.model = QStandardItemModel(0, 4)
        self.view.setModel(self.model)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.edit)
        layout.addWidget(self.view)
        self.setCentralWidget(body)
        self.filled = 0.0
        self.edit.textChanged.connect(self._search)

    def _search(self, text: str) -> None:
        rows = _raw_search(self.db, text)()
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            self.model.appendRow([QStandardItem(str(v)) for v in row[1:5]])
        self.view.viewport().update()  # shown again even when no row changed (as the app does)
        self.filled = time.perf_counter()


def _names(db: sqlite3.Connection, count: int) -> list[str]:
    rows = db.execute(
        "SELECT family_name FROM patients WHERE id % 89 = 0 ORDER BY id LIMIT ?", (count,)
    ).fetchall()
    return [r[0] for r in rows]


def _type_app(window: MainWindow, runner: TaskRunner, paints: Paints, name: str) -> list[float]:
    edit, model = window.ui.searchEdit, window.patient_model
    reset = [0.0]
    model.modelReset.connect(lambda: reset.__setitem__(0, time.perf_counter()))
    samples = []
    for char in name[:4]:
        started = time.perf_counter()
        QTest.keyClick(edit, char)
        wanted = edit.text()
        wait_for(lambda w=wanted: model.query == w and not model.is_loading())
        wait_for(lambda s=started: paints.last >= reset[0] >= s)
        samples.append((paints.last - started) * 1000)
        wait_for(lambda: runner.pending == 0)  # the caption's count, before the next key
    edit.clear()
    wait_for(lambda: model.query == "" and runner.pending == 0)
    return samples


def _type_bare(bare: BareSearch, paints: Paints, name: str) -> list[float]:
    samples = []
    for char in name[:4]:
        started = time.perf_counter()
        QTest.keyClick(bare.edit, char)
        wait_for(lambda s=started: bare.filled >= s and paints.last >= bare.filled)
        samples.append((paints.last - started) * 1000)
    bare.edit.clear()
    return samples


def keystroke(settings: Settings, window: MainWindow, runner: TaskRunner, db) -> Result:
    bare = BareSearch(db)
    bare.resize(1366, 768)
    bare.show()
    app_paints = Paints(window.ui.patientTable.viewport())
    bare_paints = Paints(bare.view.viewport())
    value: list[float] = []
    floor: list[float] = []
    names = _names(db, settings.reps(15, 40))
    for name in names:  # in turn, so both see the same machine
        window.activateWindow()
        window.ui.searchEdit.setFocus()
        settle()  # the repaint a switch of window brings is not part of a keystroke
        value += _type_app(window, runner, app_paints, name)
        bare.activateWindow()
        settle()
        floor += _type_bare(bare, bare_paints, name)
    bare.close()
    v, f = p95(value), p95(floor)
    note = f"{len(value)} keystrokes (the first 4 letters of {len(names)} family names)"
    return Result("search.keystroke", "ms p95", v, f, "p95 ≤ 16 ms", v <= 16, note=note)


# -- chart.tab -----------------------------------------------------------------------------
def _open_app_chart(window: MainWindow) -> Callable[[int], float]:
    def once(patient: int) -> float:
        started = time.perf_counter()
        chart = window.open_chart(patient)
        paints, shown = Paints(chart), [0.0]
        chart.title_changed.connect(lambda _title: shown.__setitem__(0, time.perf_counter()))
        wait_for(lambda: chart.data is not None)
        wait_for(lambda: paints.last >= shown[0] > 0)
        elapsed = (paints.last - started) * 1000
        window._on_tab_close_requested(window.ui.tabs.indexOf(chart))
        wait_for(lambda: window.runner.pending == 0)
        return elapsed

    return once


def _open_bare_chart(db: sqlite3.Connection, tabs: QTabWidget, patient: int) -> float:
    started = time.perf_counter()
    page = QWidget()
    layout = QVBoxLayout(page)
    sessions = db.execute(
        "SELECT performed_at, volume_ml, needle_gauge, technique, pain_score FROM "
        "treatment_sessions WHERE patient_id = ? AND deleted_at IS NULL ORDER BY performed_at "
        "DESC", (patient,)
    ).fetchall()  # fmt: skip
    table = QTableWidget(len(sessions), 5)
    for r, row in enumerate(sessions):
        for c, cell in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(cell)))
    photos = QListWidget()
    for row in db.execute(
        "SELECT view, taken_at FROM photos WHERE patient_id = ? AND deleted_at IS NULL "
        "ORDER BY taken_at DESC, id DESC", (patient,)
    ):  # fmt: skip
        QListWidgetItem(f"{row[0]}\n{row[1]}", photos)
    layout.addWidget(table)
    layout.addWidget(photos)
    paints = Paints(page)
    tabs.setCurrentIndex(tabs.addTab(page, "Patient"))
    filled = time.perf_counter()
    wait_for(lambda: paints.last >= filled)
    elapsed = (paints.last - started) * 1000
    tabs.removeTab(tabs.indexOf(page))
    page.deleteLater()
    return elapsed


def chart_tab(settings: Settings, window: MainWindow, db, patient: int) -> Result:
    bare = QMainWindow()
    tabs = QTabWidget()
    bare.setCentralWidget(tabs)
    bare.resize(1366, 768)
    bare.show()
    app_once = _open_app_chart(window)
    value, floor = [], []
    runs = settings.reps(10, 30)
    app_once(patient)  # warm-up: first use of every chart module
    _open_bare_chart(db, tabs, patient)
    for _ in range(runs):
        value.append(app_once(patient))
        floor.append(_open_bare_chart(db, tabs, patient))
    bare.close()
    v, f = median(value), median(floor)
    note = f"{runs} opens; 50 sessions, 200 photo records, until the chart tab is painted"
    return Result("chart.tab", "ms", v, f, "≤ 100 ms to a usable chart tab", v <= 100, note=note)


# -- thumbnail.ui_gap ----------------------------------------------------------------------
def _import_gap(window: MainWindow, services: Services, files: list[Path], run: int) -> float:
    draft = PatientDraft(family_name="Heartbeat", given_names=f"Run {run}",
                         birth_date=date(1980, 1, 1), sex=Sex.FEMALE, consent_treatment=True,
                         consent_photos=True)  # fmt: skip
    patient = services.patients.register(draft).id
    chart = window.open_chart(patient)
    wait_for(lambda: chart.data is not None)
    chart.tabs.setCurrentWidget(chart.photos)
    dialog = chart.photos.import_paths([str(p) for p in files])
    select_enum(dialog.ui.viewCombo, PhotoView.VERTEX)
    wait_for(lambda: window.runner.pending == 0)
    beat = Heartbeat()
    beat.start()
    dialog.import_button.click()
    wait_for(lambda: dialog.report is not None, timeout=300)
    assert len(dialog.report.imported) == len(files), dialog.ui.summaryText.toPlainText()
    wait_for(lambda: chart.data is not None and len(chart.data.photos) == len(files))
    wait_for(lambda: window.runner.pending == 0, timeout=120)  # the grid's thumbnails
    longest = beat.stop()
    dialog.accept()
    window._on_tab_close_requested(window.ui.tabs.indexOf(chart))
    return longest


def _bare_gap(files: list[Path]) -> float:
    beat = Heartbeat()
    beat.start()
    with ThreadPoolExecutor(max_workers=cores()) as pool:
        futures = [pool.submit(bare_thumbnail, path) for path in files]
        wait_for(lambda: all(f.done() for f in futures), timeout=300)
    return beat.stop()


def ui_gap(settings: Settings, window: MainWindow, services: Services) -> Result:
    files = camera_files(settings, 50)
    services.photos.vault = Vault(settings.work / "ui-vault")
    value, floor = [], []
    for run in range(settings.reps(3, 5)):  # the longest of one run is a noisy figure
        value.append(_import_gap(window, services, files, run))
        floor.append(_bare_gap(files))
    v, f = median(value), median(floor)
    note = f"{len(files)} photos of 12 MP, {len(value)} run(s), import to thumbnails shown"
    return Result("thumbnail.ui_gap", "ms", v, f, "≤ 50 ms", v <= 50, note=note)


# -- the family ----------------------------------------------------------------------------
def run(settings: Settings, only: set[str]) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the application starts
    app = create_application()
    path = working_copy(settings, "ui")
    patient = heavy_patient(path)
    store = Store(sqlite_url(path))
    services = Services(store)
    runner = TaskRunner()
    window = MainWindow(services, runner, "benchmark")
    window.resize(1366, 768)
    window.show()
    db = sqlite3.connect(path)
    results = []
    try:
        wait_for(lambda: window.patient_model.rowCount() > 0 and runner.pending == 0)
        if "search.keystroke" in only:
            results.append(keystroke(settings, window, runner, db))
        if "chart.tab" in only:
            results.append(chart_tab(settings, window, db, patient))
        if "thumbnail.ui_gap" in only:
            results.append(ui_gap(settings, window, services))
    finally:
        runner.wait_idle()
        window.close()
        window.deleteLater()
        app.processEvents()
        db.close()
        store.dispose()
    return results

"""The patient list pages in the background: never the whole table, never on the UI thread."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from mesodesk.demo import generate
from mesodesk.domain.enums import Sex
from mesodesk.services import Services
from mesodesk.services.patients import PatientRow
from mesodesk.services.store import Store
from mesodesk.ui.main_window import MainWindow
from mesodesk.ui.models.patient_table import PAGE_SIZE, PatientTableModel


def test_rows_arrive_page_by_page_and_the_caption_counts_all(
    qtbot,
    runner,
    tmp_path: Path,
    questions,
) -> None:
    store = Store.open(str(tmp_path / "demo.db"))
    generate(store, patients=250)
    window = MainWindow(Services(store), runner, "demo")
    qtbot.addWidget(window)
    window.show()
    model = window.patient_model
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and model.total == 250, timeout=5000)
    assert "250 patients" in window.ui.resultCountLabel.text()
    table = window.ui.patientTable
    while model.rowCount() < 250:
        before = model.rowCount()
        table.scrollToBottom()
        qtbot.waitUntil(lambda b=before: model.rowCount() > b, timeout=5000)
    assert not model.canFetchMore()
    ids = [model.patient_at(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == 250
    window.close()
    store.dispose()


def test_at_1366_by_768_the_list_shows_names_dates_and_phones_whole(
    qtbot, window, clinic, questions
) -> None:
    from datetime import date

    from mesodesk.domain.drafts import PatientDraft

    clinic.services.patients.register(
        PatientDraft(
            "Fernandes-Oliveira", "Jean-Pierre", date(1999, 12, 31), phone="+49 151 0727 8072"
        )
    )
    window.patient_model.refresh()
    qtbot.waitUntil(lambda: window.patient_model.rowCount() == 1, timeout=5000)
    table = window.ui.patientTable
    assert not table.horizontalScrollBar().isVisible()
    metrics = table.fontMetrics()
    model = window.patient_model
    for column in range(model.columnCount()):
        text = str(model.index(0, column).data())
        if column != 1:  # the name column takes what is left; the others fit their content
            assert metrics.horizontalAdvance(text) + 8 <= table.columnWidth(column), text
    assert table.columnWidth(1) >= metrics.horizontalAdvance("Fernandes, Kenji")


def test_after_a_failed_lookup_the_next_query_shows_its_own_rows(qtbot, runner) -> None:
    """A lookup fails while the user types on: what was typed meanwhile must not come back."""
    release = threading.Event()

    def find(query: str, limit: int, offset: int) -> list[PatientRow]:
        if query == "k":
            release.wait(5)  # still reading while "ke" is typed
            raise RuntimeError("database is locked")
        row = PatientRow(1, "P000001", query.title(), "Anna", date(1985, 6, 1), Sex.FEMALE, "")
        return [row]

    model = PatientTableModel(runner, find, lambda _query: 1)
    failures: list[str] = []
    model.failed.connect(failures.append)
    model.search("k")
    model.search("ke")  # queued behind "k"
    with qtbot.waitSignal(model.failed, timeout=5000):
        release.set()
    assert failures == ["The patient list could not be read: database is locked"]
    assert not model.is_loading()

    model.search("kel")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.is_loading(), timeout=5000)
    runner.wait_idle()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)
    assert model.query == "kel"
    assert [model.patient_at(0).family_name] == ["Kel"] and model.rowCount() == 1
    assert len(failures) == 1


def test_a_shown_list_asks_for_its_first_page_once(qtbot, runner) -> None:
    """An empty list on screen asks for more rows; while the first page of a query is on
    its way that would read the same page twice."""
    from PySide6.QtWidgets import QTableView

    calls: list[tuple[str, int]] = []
    release = threading.Event()

    def find(query: str, limit: int, offset: int) -> list[PatientRow]:
        calls.append((query, offset))
        release.wait(5)
        born = date(1985, 6, 1)
        return [
            PatientRow(i, f"P{i:06d}", "Keller", "Anna", born, Sex.FEMALE, "") for i in range(3)
        ]

    model = PatientTableModel(runner, find, lambda _query: 3)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.search("")
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)  # the view lays out and asks whether it can fetch more
    release.set()
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.is_loading(), timeout=5000)
    runner.wait_idle()
    assert calls == [("", 0)]


def test_the_today_panel_starts_once_the_list_has_its_rows(
    qtbot, runner, clinic, questions, monkeypatch
) -> None:
    """At start-up the list's search makes the window ready; the Today panel waits for it."""
    from mesodesk.ui.today_panel import TodayPanel

    events: list[str] = []
    refresh = TodayPanel.refresh

    def recorded(panel: TodayPanel) -> None:
        events.append("today")
        refresh(panel)

    monkeypatch.setattr(TodayPanel, "refresh", recorded)
    window = MainWindow(clinic.services, runner, "test clinic")
    qtbot.addWidget(window)
    window.patient_model.modelAboutToBeReset.connect(lambda: events.append("rows"))
    window.show()
    qtbot.waitUntil(lambda: "today" in events and runner.pending == 0, timeout=5000)
    assert events[:2] == ["rows", "today"] and events.count("today") == 1


def test_a_slow_today_list_does_not_hold_up_opening_a_chart(
    qtbot, runner, clinic, questions, monkeypatch
) -> None:
    """The Today list can take seconds on a large clinic; a chart opens meanwhile."""
    release = threading.Event()
    due_list = type(clinic.services.courses).due_list

    def slow(self, *args, **kwargs):
        release.wait(10)
        return due_list(self, *args, **kwargs)

    monkeypatch.setattr(type(clinic.services.courses), "due_list", slow)
    from mesodesk.domain.drafts import PatientDraft

    clinic.services.patients.register(PatientDraft("Keller", "Anna", date(1985, 6, 1)))
    window = MainWindow(clinic.services, runner, "test clinic")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.patient_model.rowCount() > 0, timeout=5000)
    chart = window.open_chart(window.patient_model.patient_at(0).id)
    try:
        qtbot.waitUntil(lambda: chart.data is not None, timeout=3000)
        assert not release.is_set()  # the Today list is still being read
    finally:
        release.set()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)


def test_enter_while_the_matches_are_read_opens_the_first_once_they_are(
    qtbot, window, clinic, monkeypatch
) -> None:
    """…but not when the search text changes first: Enter meant the matches of that text."""
    from mesodesk.domain.drafts import PatientDraft
    from mesodesk.services.patients import PatientService

    for family in ("Berg", "Bergmann", "Costa"):
        clinic.services.patients.register(PatientDraft(family, "Anna", date(1980, 1, 1)))
    real, go = PatientService.find, threading.Event()

    def slow(self, query="", **kwargs):
        assert go.wait(10)
        return real(self, query, **kwargs)

    monkeypatch.setattr(PatientService, "find", slow)
    model, edit = window.patient_model, window.ui.searchEdit
    edit.setText("berg")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert model.is_loading() and window.current_chart() is None
    go.set()
    qtbot.waitUntil(lambda: window.current_chart() is not None, timeout=5000)
    assert window.current_chart().patient_id == model.patient_at(0).id
    assert model.patient_at(0).family_name == "Berg"

    window._on_tab_close_requested(window.ui.tabs.indexOf(window.current_chart()))
    go.clear()
    edit.setText("cos")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit.setText("co")  # typed on before the matches came: Enter is forgotten
    go.set()
    qtbot.waitUntil(lambda: model.query == "co" and not model.is_loading(), timeout=5000)
    qtbot.wait(50)
    assert window.current_chart() is None


def test_enter_while_more_rows_are_read_opens_the_first_at_once(
    qtbot, runner, tmp_path: Path, questions, monkeypatch
) -> None:
    """Reading the next page does not make Enter wait: the first row is already the first."""
    from mesodesk.services.patients import PatientService

    store = Store.open(str(tmp_path / "demo.db"))
    generate(store, patients=150)
    window = MainWindow(Services(store), runner, "demo")
    qtbot.addWidget(window)
    window.show()
    model = window.patient_model
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE and not model.is_loading(), timeout=5000)
    real, go = PatientService.find, threading.Event()

    def slow_next_page(self, query="", *, limit=100, offset=0):
        assert offset == 0 or go.wait(10)
        return real(self, query, limit=limit, offset=offset)

    monkeypatch.setattr(PatientService, "find", slow_next_page)
    window.ui.patientTable.scrollToBottom()
    qtbot.waitUntil(model.is_loading, timeout=5000)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_chart() is not None, timeout=5000)
    assert window.current_chart().patient_id == model.patient_at(0).id
    go.set()
    qtbot.waitUntil(lambda: model.rowCount() == 150, timeout=5000)
    window.close()
    store.dispose()

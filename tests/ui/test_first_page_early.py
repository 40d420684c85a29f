"""At start-up the list shows its first page while the database is still being opened; what
the user does meanwhile (typing, Enter) is carried out once it is open."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import mesodesk.ui.app as app_module
from mesodesk.domain.drafts import PatientDraft
from mesodesk.services.auth import AuthService
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store
from mesodesk.ui.app import Workstation
from mesodesk.ui.main_window import MainWindow
from tests.instance_locks import locked


def _clinic(path: Path, sign_in: bool = False, more: int = 0) -> Path:
    """Four patients (and `more`, named Zimmer, to fill more than one page)."""
    store = Store.open(str(path))
    patients = PatientService(store, SYSTEM)
    for family in ("Müller", "Aalto", "muller", "Berg"):
        patients.register(PatientDraft(family, "Anna", date(1980, 1, 1)))
    for n in range(more):
        patients.register(PatientDraft("Zimmer", f"Kind {n:03d}", date(1990, 1, 1)))
    if sign_in:
        AuthService(store).create_first_administrator("admin", "Admin", "correct horse battery 9")
    else:
        AuthService(store).choose_no_login(SYSTEM)
    store.dispose()
    return path


class Gate:
    """Holds a start-up step (the early read or the store's opening) until `open()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.event, self.results = threading.Event(), []
        real = getattr(app_module, name)

        def held(db):
            assert self.event.wait(30)
            result = real(db)
            self.results.append(result)
            return result

        monkeypatch.setattr(app_module, name, held)

    def open(self) -> None:
        self.event.set()


@pytest.fixture
def gates(monkeypatch: pytest.MonkeyPatch):
    made: list[Gate] = []

    def gate(name: str) -> Gate:
        made.append(Gate(monkeypatch, name))
        return made[-1]

    yield gate
    for each in made:
        each.open()


@dataclass
class Early:
    """A four-patient clinic's window showing its early page, its store held back."""

    workstation: Workstation
    window: MainWindow
    store: Gate


@pytest.fixture
def early(qtbot, station, gates, tmp_path: Path) -> Early:
    store = gates("open_store")
    workstation = station(_clinic(tmp_path / "clinic.db"))
    return Early(workstation, _early_window(qtbot, workstation), store)


def _shown_window(qtbot, workstation):
    """The window on screen, whatever its database is doing."""
    qtbot.waitUntil(lambda: workstation.opening is not None, timeout=10_000)
    window = workstation.opening
    qtbot.waitExposed(window)
    return window


def _early_window(qtbot, workstation):
    def early_page_shown() -> bool:
        window = workstation.opening
        return window is not None and bool(window.patient_model and window.patient_model.rowCount())

    qtbot.waitUntil(early_page_shown, timeout=10_000)
    window = workstation.opening
    assert window.services is None  # the store is not open yet
    return window


def _names(model) -> list[str]:
    return [model.patient_at(r).family_name for r in range(model.rowCount())]


def test_a_search_and_enter_typed_before_the_database_is_open_run_once_it_is(
    qtbot, early: Early
) -> None:
    window, store = early.window, early.store
    model = window.patient_model
    assert _names(model) == ["Aalto", "Berg", "Müller", "muller"]
    assert "4 patients" in window.ui.resultCountLabel.text()
    assert not window.ui.newPatientButton.isEnabled()  # writes wait for the store

    qtbot.keyClicks(window.ui.searchEdit, "ber")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)  # Berg's, not Aalto's
    assert window.current_chart() is None and model.rowCount() == 4
    store.open()
    qtbot.waitUntil(lambda: window.current_chart() is not None, timeout=10_000)
    assert window.patient_model is model and model.query == "ber" and _names(model) == ["Berg"]
    chart = window.current_chart()
    qtbot.waitUntil(lambda: chart.data is not None, timeout=10_000)
    assert chart.name_label.text() == "Berg, Anna"
    assert "1 patient matching “ber”" in window.ui.resultCountLabel.text()
    assert window.ui.newPatientButton.isEnabled()


def test_text_typed_before_the_early_page_keeps_it_off_the_list(
    qtbot, station, gates, tmp_path: Path
) -> None:
    read, store = gates("read_early_page"), gates("open_store")
    workstation = station(_clinic(tmp_path / "clinic.db"))
    window = _shown_window(qtbot, workstation)
    qtbot.keyClicks(window.ui.searchEdit, "ber")
    read.open()
    qtbot.waitUntil(lambda: bool(read.results), timeout=10_000)
    qtbot.waitUntil(lambda: window.patient_model is not None, timeout=10_000)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert window.patient_model.rowCount() == 0  # everyone's page would not match "ber"
    store.open()
    qtbot.waitUntil(lambda: window.current_chart() is not None, timeout=10_000)
    assert _names(window.patient_model) == ["Berg"]
    assert window.current_chart().patient_id == window.patient_model.patient_at(0).id


def test_enter_on_the_early_page_opens_that_chart_once_the_database_is_open(
    qtbot, early: Early
) -> None:
    window, store = early.window, early.store
    model = window.patient_model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert window.current_chart() is None
    assert "as soon as the database is ready" in window.ui.statusbar.currentMessage()
    store.open()
    qtbot.waitUntil(lambda: window.current_chart() is not None, timeout=10_000)
    chart = window.current_chart()
    qtbot.waitUntil(lambda: chart.data is not None, timeout=10_000)
    assert chart.name_label.text() == "Aalto, Anna"
    assert resets == []  # the early page stays: it was the same first page
    qtbot.waitUntil(lambda: window.today.title.text().startswith("Due and overdue"), timeout=5000)
    window.ui.searchEdit.setText("berg")  # searching works as usual from here
    qtbot.waitUntil(lambda: model.query == "berg" and not model.is_loading(), timeout=10_000)
    assert _names(model) == ["Berg"]


def test_a_store_that_fails_to_open_after_the_early_page_closes_the_window_and_the_lock(
    qtbot, station, gates, questions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _clinic(tmp_path / "clinic.db")
    store = gates("open_store")
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    monkeypatch.setattr(Store, "open", classmethod(lambda *_a, **_k: 1 / 0))
    workstation = station(database)
    window = _early_window(qtbot, workstation)
    assert locked(database)  # held for the early page
    store.open()
    qtbot.waitUntil(lambda: bool(exits), timeout=10_000)
    assert exits == [1] and "could not be opened" in questions[-1]
    assert not window.isVisible() and workstation.opening is None
    assert not locked(database)


def test_a_clinic_with_sign_in_shows_no_patient_before_someone_signs_in(
    qtbot, station, gates, tmp_path: Path
) -> None:
    store = gates("open_store")
    read = gates("read_early_page")
    read.open()
    workstation = station(_clinic(tmp_path / "clinic.db", sign_in=True))
    qtbot.waitUntil(lambda: bool(read.results), timeout=10_000)
    assert read.results == [None]
    window = workstation.opening
    store.open()
    qtbot.waitUntil(lambda: getattr(window, "sign_in_dialog", None) is not None, timeout=10_000)
    assert window.patient_model is None  # the sign-in dialog comes first
    window.sign_in_dialog.reject()


def _charts(window) -> list[str]:
    from mesodesk.ui.chart.patient_chart import PatientChart

    tabs = window.ui.tabs
    found = [tabs.widget(i) for i in range(tabs.count())]
    return [tabs.tabText(i) for i, w in enumerate(found) if isinstance(w, PatientChart)]


def _wait_settled(qtbot, workstation, window) -> None:
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=10_000)
    qtbot.wait(50)


def test_a_forgotten_chart_no_longer_says_it_will_open(qtbot, early: Early) -> None:
    window = early.window
    status = window.ui.statusbar
    before = status.currentMessage()
    assert before == "Opening the MesoDesk database…"
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert "as soon as the database is ready" in status.currentMessage()
    qtbot.keyClicks(window.ui.searchEdit, "b")
    assert status.currentMessage() == before


@pytest.mark.parametrize(
    ("keys", "opened"),
    [
        (["Return", "ber"], []),  # the chart asked for first is forgotten once the text changes
        (["Return", "ber", "Return"], ["Berg, A."]),  # the latest Enter counts, once
        (["b", "Backspace", "Return"], ["Aalto, A."]),  # back to the page shown: its first
    ],
)
def test_only_the_latest_wish_is_carried_out_once_the_database_is_open(
    qtbot, early: Early, keys: list[str], opened: list[str]
) -> None:
    workstation, window, store = early.workstation, early.window, early.store
    for key in keys:
        if key in ("Return", "Backspace"):
            qtbot.keyClick(window.ui.searchEdit, getattr(Qt.Key, f"Key_{key}"))
        else:
            qtbot.keyClicks(window.ui.searchEdit, key)
    store.open()
    _wait_settled(qtbot, workstation, window)
    if opened:
        qtbot.waitUntil(lambda: bool(_charts(window)), timeout=10_000)
        qtbot.wait(100)
    assert [title.split(" (")[0] for title in _charts(window)] == opened


def test_enter_before_the_early_page_arrives_opens_the_first_match_once_open(
    qtbot, station, gates, tmp_path: Path
) -> None:
    read, store = gates("read_early_page"), gates("open_store")
    workstation = station(_clinic(tmp_path / "clinic.db"))
    window = _shown_window(qtbot, workstation)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    read.open()
    store.open()
    qtbot.waitUntil(lambda: window.current_chart() is not None, timeout=10_000)
    chart = window.current_chart()
    qtbot.waitUntil(lambda: chart.data is not None, timeout=10_000)
    assert chart.name_label.text() == "Aalto, Anna" and len(_charts(window)) == 1


def test_scrolled_to_the_end_of_the_early_page_the_next_page_comes_once_open(
    qtbot, station, gates, tmp_path: Path
) -> None:
    store = gates("open_store")
    workstation = station(_clinic(tmp_path / "clinic.db", more=146))
    window = _early_window(qtbot, workstation)
    model, table = window.patient_model, window.ui.patientTable
    assert model.rowCount() == 100
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert model.rowCount() == 100  # nothing more to read it with yet
    store.open()
    qtbot.waitUntil(lambda: model.rowCount() == 150, timeout=10_000)


def test_quit_about_and_escape_work_while_the_database_opens(qtbot, early: Early) -> None:
    window = early.window
    ui = window.ui
    assert ui.menuFile.menuAction().isEnabled() and ui.menuHelp.menuAction().isEnabled()
    assert ui.actionQuit.isEnabled() and not ui.actionNewPatient.isEnabled()
    qtbot.keyClicks(ui.searchEdit, "ber")
    qtbot.keyClick(ui.searchEdit, Qt.Key.Key_Escape)
    assert ui.searchEdit.text() == ""
    ui.patientTable.setFocus()
    qtbot.keyClick(ui.patientTable, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is ui.searchEdit
    qtbot.keyClick(ui.searchEdit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_a_window_closed_while_its_database_opens_is_not_given_it(
    qtbot, station, gates, tmp_path: Path
) -> None:
    database = _clinic(tmp_path / "clinic.db")
    store = gates("open_store")
    workstation = station(database)
    window = _early_window(qtbot, workstation)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)  # a chart asked for, then closed
    window.close()
    assert workstation.opening is None
    store.open()
    qtbot.waitUntil(lambda: bool(store.results), timeout=10_000)
    window.runner.wait_idle()
    qtbot.wait(50)
    assert window.services is None and window.current_chart() is None
    assert not workstation.windows and not locked(database)


def test_enter_pressed_before_someone_signs_in_is_forgotten(
    qtbot, station, gates, tmp_path: Path
) -> None:
    store = gates("open_store")
    workstation = station(_clinic(tmp_path / "clinic.db", sign_in=True))
    window = _shown_window(qtbot, workstation)
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    store.open()
    qtbot.waitUntil(lambda: getattr(window, "sign_in_dialog", None) is not None, timeout=10_000)
    dialog = window.sign_in_dialog
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "correct horse battery 9")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    _wait_settled(qtbot, workstation, window)
    assert window.patient_model.rowCount() == 4 and _charts(window) == []
    window.idle_lock.stop()

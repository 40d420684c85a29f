"""At start-up the list shows its first page while the database is still being opened; what
the user does meanwhile (typing, Enter) is carried out once it is open."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import mesodesk.ui.app as app_module
from mesodesk.domain.drafts import PatientDraft
from mesodesk.services.auth import AuthService
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store


def _clinic(path: Path, sign_in: bool = False) -> Path:
    store = Store.open(str(path))
    patients = PatientService(store, SYSTEM)
    for family in ("Müller", "Aalto", "muller", "Berg"):
        patients.register(PatientDraft(family, "Anna", date(1980, 1, 1)))
    if sign_in:
        AuthService(store).create_first_administrator("admin", "Admin", "correct horse battery 9")
    else:
        AuthService(store).choose_no_login(SYSTEM)
    store.dispose()
    return path


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The store's opening waits until the test sets this event."""
    go = threading.Event()
    real = app_module.open_store

    def open_store(db):
        assert go.wait(30)
        return real(db)

    monkeypatch.setattr(app_module, "open_store", open_store)
    yield go
    go.set()


def _early_window(qtbot, workstation):
    qtbot.waitUntil(
        lambda: (
            workstation.opening is not None
            and workstation.opening.patient_model is not None
            and workstation.opening.patient_model.rowCount() == 4
        ),
        timeout=10_000,
    )
    window = workstation.opening
    assert window.services is None  # the store is not open yet
    return window


def _names(model) -> list[str]:
    return [model.patient_at(r).family_name for r in range(model.rowCount())]


def test_a_search_typed_before_the_database_is_open_runs_once_it_is(
    qtbot, station, held, tmp_path: Path
) -> None:
    workstation = station(_clinic(tmp_path / "clinic.db"))
    window = _early_window(qtbot, workstation)
    model = window.patient_model
    assert _names(model) == ["Aalto", "Berg", "Müller", "muller"]
    assert "4 patients" in window.ui.resultCountLabel.text()
    assert not window.ui.newPatientButton.isEnabled()  # writes wait for the store

    qtbot.keyClicks(window.ui.searchEdit, "mul")
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)  # still loading: opens nothing
    assert window.ui.searchEdit.text() == "mul" and model.rowCount() == 4
    held.set()
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    qtbot.waitUntil(lambda: model.query == "mul" and not model.is_loading(), timeout=10_000)
    assert window.patient_model is model
    assert sorted(_names(model)) == ["Müller", "muller"]
    assert "2 patients matching “mul”" in window.ui.resultCountLabel.text()
    assert window.current_chart() is None and window.ui.newPatientButton.isEnabled()


def test_enter_before_the_database_is_open_opens_that_chart_once_it_is(
    qtbot, station, held, tmp_path: Path
) -> None:
    workstation = station(_clinic(tmp_path / "clinic.db"))
    window = _early_window(qtbot, workstation)
    model = window.patient_model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert window.current_chart() is None
    assert "as soon as the database is ready" in window.ui.statusbar.currentMessage()
    held.set()
    qtbot.waitUntil(lambda: window.current_chart() is not None, timeout=10_000)
    chart = window.current_chart()
    qtbot.waitUntil(lambda: chart.data is not None, timeout=10_000)
    assert chart.name_label.text() == "Aalto, Anna"
    assert resets == []  # the early page stays: it was the same first page
    qtbot.waitUntil(lambda: window.today.title.text().startswith("Due and overdue"), timeout=5000)
    window.ui.searchEdit.setText("berg")  # searching works as usual from here
    qtbot.waitUntil(lambda: model.query == "berg" and not model.is_loading(), timeout=10_000)
    assert _names(model) == ["Berg"]


def test_a_clinic_with_sign_in_shows_no_patient_before_someone_signs_in(
    qtbot, station, held, tmp_path: Path
) -> None:
    workstation = station(_clinic(tmp_path / "clinic.db", sign_in=True))
    qtbot.waitUntil(lambda: workstation.opening is not None, timeout=10_000)
    window = workstation.opening
    qtbot.waitExposed(window)
    qtbot.wait(300)  # the early read has long finished by now
    assert window.patient_model is None
    held.set()
    qtbot.waitUntil(lambda: getattr(window, "sign_in_dialog", None) is not None, timeout=10_000)
    assert window.patient_model is None  # the sign-in dialog comes first
    window.sign_in_dialog.reject()

"""Two workstations on one database, seen from the window: a stale save offers a reload, and
another workstation's new patient shows up without a restart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Role, Sex
from mesodesk.services.patients import PatientService
from mesodesk.services.store import Actor, Store
from mesodesk.ui.change_watch import ChangeWatcher
from mesodesk.ui.dialogs.patient_dialog import PatientDialog

SAVE = QDialogButtonBox.StandardButton.Save
OTHER = Actor(None, "ben.frontdesk", Role.ADMINISTRATOR)


def _visible(qtbot, kind, name: str | None = None):
    found: list = []

    def look() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, kind) and w.isVisible() and (name is None or w.objectName() == name)
        ]
        return bool(found)

    qtbot.waitUntil(look, timeout=5000)
    return found[0]


def _register(store: Store, family: str) -> int:
    draft = PatientDraft(family, "Jana", date(1985, 4, 12), Sex.FEMALE, phone="030 1")
    return PatientService(store, OTHER).register(draft).id


def test_a_save_after_another_workstations_offers_to_reload(qtbot, window, clinic) -> None:
    patient_id = _register(clinic.store, "Müller")
    chart = window.open_chart(patient_id)
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    chart.edit_patient()
    dialog = _visible(qtbot, PatientDialog)

    other = Store(clinic.store.url)  # the other workstation saves first
    try:
        theirs = PatientService(other, OTHER).get(patient_id)
        PatientService(other, OTHER).update(
            patient_id, replace(theirs.draft, phone="030 999"), expected_version=theirs.version
        )
    finally:
        other.dispose()

    qtbot.keyClicks(dialog.ui.notesEdit, "mine")
    qtbot.mouseClick(dialog.ui.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    box = _visible(qtbot, QMessageBox, "staleRecordBox")
    assert "Müller, Jana was changed by ben.frontdesk on " in box.text()
    reload = next(b for b in box.buttons() if b.text() == "Reload")
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.phoneEdit.text() == "030 999", timeout=5000)
    assert dialog.ui.notesEdit.toPlainText() == ""

    qtbot.keyClicks(dialog.ui.notesEdit, "mine again")
    qtbot.mouseClick(dialog.ui.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    saved = window.services.patients.get(patient_id).draft
    assert (saved.phone, saved.notes) == ("030 999", "mine again")


def test_another_workstations_new_patient_appears(qtbot, window, clinic) -> None:
    watcher = ChangeWatcher(clinic.store, window.runner, window, interval_ms=50)
    watcher.changed.connect(window._on_changed_elsewhere)
    watcher.start()
    try:
        qtbot.waitUntil(lambda: watcher._marker is not None, timeout=5000)
        assert window.patient_model.rowCount() == 0
        other = Store(clinic.store.url)
        try:
            _register(other, "Neumann")
        finally:
            other.dispose()
        qtbot.waitUntil(lambda: window.patient_model.rowCount() == 1, timeout=5000)
        assert window.patient_model.patient_at(0).family_name == "Neumann"
    finally:
        watcher.stop()
        qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=5000)

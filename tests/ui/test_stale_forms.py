"""A form other than the patient's, saved after another workstation changed its record:
the message names who saved first, and Reload brings the stored record into the form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from mesodesk.domain.enums import Role
from mesodesk.services.mixtures import MixtureService
from mesodesk.services.store import Actor, Store
from mesodesk.ui.library import AdjustLotDialog, LotLibraryDialog

LEFT = Qt.MouseButton.LeftButton
SAVE = QDialogButtonBox.StandardButton.Save
OTHER = Actor(None, "ben.back", Role.ADMINISTRATOR)


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


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=5000)


def test_a_lot_correction_after_another_workstations_offers_to_reload(qtbot, window) -> None:
    window.ui.actionLots.trigger()
    lots = _visible(qtbot, LotLibraryDialog)
    _idle(qtbot, window)
    lot = lots.table.current_record()
    qtbot.mouseClick(lots.ui.adjustButton, LEFT)
    form = _visible(qtbot, AdjustLotDialog)
    assert form.lot.id == lot.id

    other = Store(window.services.store.url)  # the other workstation counts first
    try:
        theirs = MixtureService(other, OTHER)
        stored = theirs.get_lot(lot.id)
        counted = stored.quantity_left - 1
        theirs.adjust_lot_quantity(lot.id, counted, "count", expected_version=stored.version)
    finally:
        other.dispose()

    qtbot.keyClicks(form.ui.newQuantityEdit, f"{counted + 2:g}")
    qtbot.keyClicks(form.ui.reasonEdit, "Counted the fridge")
    assert form.ui.buttonBox.button(SAVE).isEnabled(), form.ui.problemsLabel.text()
    qtbot.mouseClick(form.ui.buttonBox.button(SAVE), LEFT)
    box = _visible(qtbot, QMessageBox, "staleRecordBox")
    assert f"Lot {lot.lot_number} of {lot.product_name} was changed by ben.back on " in box.text()
    assert [b.text() for b in box.buttons()] == ["Reload", "Keep my edits open"]
    reload = next(b for b in box.buttons() if b.text() == "Reload")
    qtbot.mouseClick(reload, LEFT)
    qtbot.waitUntil(
        lambda: form.ui.stockLabel.text().startswith(f"Now {counted:g} of"), timeout=5000
    )
    assert form.isVisible()

    qtbot.mouseClick(form.ui.buttonBox.button(SAVE), LEFT)  # the count typed, on the new copy
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    _idle(qtbot, window)
    assert window.services.mixtures.get_lot(lot.id).quantity_left == counted + 2
    lots.close()
    _idle(qtbot, window)


def test_a_session_draft_saved_elsewhere_meanwhile_offers_to_reload(qtbot, window, clinic) -> None:
    from dataclasses import replace
    from datetime import date, datetime, timedelta

    from mesodesk.domain.drafts import LotUse, PatientDraft, SessionDraft, ZoneEntry
    from mesodesk.domain.enums import ScalpZone, Technique
    from mesodesk.services.sessions import SessionService
    from mesodesk.ui.dialogs.session_form import Mode, SessionForm

    patient_id = window.services.patients.register(
        PatientDraft("Lindqvist", "Maja", date(1986, 5, 2), consent_treatment=True)
    ).id
    draft = SessionDraft(
        patient_id=patient_id,
        practitioner_id=clinic.practitioner_id,
        performed_at=datetime.now().astimezone() - timedelta(hours=1),
        recipe_id=clinic.recipe_id,
        volume_ml=3.0,
        needle_gauge=30,
        needle_length_mm=4,
        technique=Technique.NAPPAGE,
        zones=[ZoneEntry(ScalpZone.VERTEX, depth_mm=1.5)],
        lots=[LotUse(clinic.good_lot_id)],
        pain_score=2,
        no_adverse_events=True,
    )
    stored = window.services.sessions.record(draft)
    chart = window.open_chart(patient_id)
    qtbot.waitUntil(lambda: chart.data is not None and bool(chart.data.sessions), timeout=5000)
    chart.open_session(chart.data.sessions[0])
    form = _visible(qtbot, SessionForm)
    assert form.mode is Mode.EDIT_DRAFT and form.version == stored.version

    other = Store(window.services.store.url)  # another workstation changes the pain score
    try:
        SessionService(other, OTHER).update_draft(
            stored.id, replace(draft, pain_score=6), expected_version=stored.version
        )
    finally:
        other.dispose()

    form.ui.painSpin.setValue(4)
    qtbot.mouseClick(form.ui.saveDraftButton, LEFT)
    box = _visible(qtbot, QMessageBox, "staleRecordBox")
    assert "ben.back" in box.text()
    assert window.services.sessions.get(stored.id).draft.pain_score == 6  # theirs stands
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Reload"), LEFT)
    qtbot.waitUntil(lambda: form.ui.painSpin.value() == 6, timeout=5000)
    assert form.version == window.services.sessions.get(stored.id).version

    form.ui.painSpin.setValue(4)  # now on the stored copy: the save goes in
    qtbot.mouseClick(form.ui.saveDraftButton, LEFT)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    _idle(qtbot, window)
    assert window.services.sessions.get(stored.id).draft.pain_score == 4


def test_a_recipe_changed_elsewhere_meanwhile_offers_to_reload(
    qtbot, window, clinic, questions
) -> None:
    from dataclasses import replace

    from mesodesk.ui.library import RecipeLibraryDialog

    window.ui.actionRecipes.trigger()
    editor = _visible(qtbot, RecipeLibraryDialog)
    qtbot.waitUntil(lambda: editor.shown is not None, timeout=5000)
    _idle(qtbot, window)
    shown = editor.shown
    assert shown.id == clinic.recipe_id

    other = Store(window.services.store.url)  # another workstation renames it first
    try:
        theirs = MixtureService(other, OTHER)
        stored = theirs.get_recipe(shown.id)
        theirs.update_recipe(
            shown.id, replace(stored.as_draft(), name="AGA standard 2026"),
            expected_version=stored.version,
        )  # fmt: skip
    finally:
        other.dispose()

    editor.ui.notesEdit.setPlainText("Shake before drawing up.")
    editor.save()
    box = _visible(qtbot, QMessageBox, "staleRecordBox")
    assert "was changed by ben.back" in box.text()
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Reload"), LEFT)
    qtbot.waitUntil(lambda: editor.ui.nameEdit.text() == "AGA standard 2026", timeout=5000)
    assert window.services.mixtures.get_recipe(shown.id).notes != "Shake before drawing up."
    assert editor.shown.version == window.services.mixtures.get_recipe(shown.id).version
    editor.close()
    _idle(qtbot, window)

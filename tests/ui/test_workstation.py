"""Drive the workstation as a practitioner would: clicks and keystrokes, then look at the result."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from mesodesk.db.models import AuditEntry, SessionZone, TreatmentSession
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import ScalpZone, Sex
from mesodesk.ui.chart.patient_chart import PatientChart
from mesodesk.ui.dialogs.assessment_dialog import AssessmentDialog
from mesodesk.ui.dialogs.patient_dialog import PatientDialog
from mesodesk.ui.dialogs.session_form import Mode, SessionForm

SAVE = QDialogButtonBox.StandardButton.Save


def _dialog(qtbot, kind):
    found: list = []

    def visible() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=5000)
    return found[0]


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=5000)


def _register(window, **kw) -> int:
    draft = PatientDraft(
        family_name=kw.get("family", "Müller"),
        given_names=kw.get("given", "Jana"),
        birth_date=date(1985, 4, 12),
        sex=Sex.FEMALE,
        consent_treatment=True,
        consent_photos=True,
        phone="+49 30 1234567",
    )
    return window.services.patients.register(draft).id


def _chart(qtbot, window, patient_id: int) -> PatientChart:
    chart = window.open_chart(patient_id)
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    return chart


def _searched(window, query: str) -> bool:
    """The list shows the results of `query`, not of a query typed (or refreshed) earlier."""
    model = window.patient_model
    return model.query == query and not model.is_loading()


def test_register_a_patient_and_find_them_by_typing(qtbot, window, questions) -> None:
    qtbot.mouseClick(window.ui.newPatientButton, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, PatientDialog)
    dialog.ui.familyNameEdit.setFocus()
    dialog.ui.familyNameEdit.insert("Nguyễn")  # typed with a dead key; keyClicks is ASCII-only
    dialog.ui.familyNameEdit.textEdited.emit(dialog.ui.familyNameEdit.text())
    qtbot.keyClicks(dialog.ui.givenNamesEdit, "Thi Mai")
    qtbot.keyClicks(dialog.ui.birthDateEdit, "14.02.1979")
    qtbot.keyClicks(dialog.ui.phoneEdit, "+33 6 12 34 56 78")
    dialog.ui.consentTreatmentCheck.click()
    assert dialog.ui.buttonBox.button(SAVE).isEnabled()
    qtbot.mouseClick(dialog.ui.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    chart = window.current_chart()
    assert chart is not None
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    assert chart.name_label.text() == "Nguyễn, Thi Mai"
    _register(window, family="Nguyen-Baptiste", given="Paul")
    _register(window, family="Ørsted", given="Hans")

    window.ui.searchEdit.clear()
    qtbot.keyClicks(window.ui.searchEdit, "nguy")
    qtbot.waitUntil(lambda: _searched(window, "nguy"), timeout=5000)
    assert window.patient_model.rowCount() == 2
    names = {window.patient_model.patient_at(r).display_name for r in range(2)}
    assert names == {"Nguyễn, Thi Mai", "Nguyen-Baptiste, Paul"}
    assert "2 patients" in window.ui.resultCountLabel.text()
    window.ui.searchEdit.clear()
    qtbot.keyClicks(window.ui.searchEdit, "orst")
    qtbot.waitUntil(lambda: _searched(window, "orst"), timeout=5000)
    assert window.patient_model.rowCount() == 1
    assert window.patient_model.patient_at(0).family_name == "Ørsted"
    assert questions == []


def test_future_birth_date_is_refused_next_to_the_field(qtbot, window) -> None:
    window.ui.actionNewPatient.trigger()
    dialog = _dialog(qtbot, PatientDialog)
    qtbot.keyClicks(dialog.ui.familyNameEdit, "Test")
    qtbot.keyClicks(dialog.ui.givenNamesEdit, "Future")
    qtbot.keyClicks(dialog.ui.birthDateEdit, f"{date.today().year + 1}-01-01")
    assert not dialog.ui.buttonBox.button(SAVE).isEnabled()
    assert dialog.ui.birthDateEdit.property("problem") == "error"
    assert "future" in dialog.ui.problemsLabel.text().lower()
    assert window.services.patients.count("") == 0


def test_closing_a_form_with_unsaved_edits_asks_first(qtbot, window, questions) -> None:
    window.ui.actionNewPatient.trigger()
    dialog = _dialog(qtbot, PatientDialog)
    qtbot.keyClicks(dialog.ui.familyNameEdit, "Half-typed")
    questions.answer(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert questions and "not saved" in questions[-1]
    questions.answer(QMessageBox.StandardButton.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert window.services.patients.count("") == 0


def test_record_an_assessment_with_a_scale_stage(qtbot, window) -> None:
    chart = _chart(qtbot, window, _register(window, family="Keller", given="Tom"))
    chart.new_assessment()
    dialog = _dialog(qtbot, AssessmentDialog)
    ui = dialog.ui
    ui.diagnosisCombo.setCurrentIndex(0)  # androgenetic alopecia, male pattern
    qtbot.waitUntil(lambda: ui.stageCombo.count() == 12)
    ui.stageCombo.setCurrentText("IIIa")
    ui.trichoscopyTable.item(0, 0).setText("142")
    ui.trichoscopyTable.item(0, 1).setText("52")
    qtbot.mouseClick(ui.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: len(chart.data.assessments) == 1, timeout=5000)
    table = chart.assessments.table
    row_text = " ".join(table.item(0, c).text() for c in range(table.columnCount()))
    assert "Norwood" in row_text and "IIIa" in row_text


def _new_session_form(qtbot, window, patient_id: int) -> tuple[PatientChart, SessionForm]:
    chart = _chart(qtbot, window, patient_id)
    chart.new_session()
    return chart, _dialog(qtbot, SessionForm)


def _click_zone(qtbot, form: SessionForm, zone: ScalpZone) -> None:
    rect = form.ui.scalpMap.zone_rect(zone)
    qtbot.mouseClick(form.ui.scalpMap, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def _fill_session(qtbot, form: SessionForm, clinic, depths: dict[ScalpZone, str]) -> None:
    ui = form.ui
    ui.recipeCombo.setCurrentIndex(ui.recipeCombo.findData(clinic.recipe_id))
    ui.lotCombo.setCurrentIndex(ui.lotCombo.findData(clinic.good_lot_id))
    qtbot.mouseClick(ui.addLotButton, Qt.MouseButton.LeftButton)
    for zone, depth in depths.items():
        _click_zone(qtbot, form, zone)
        row = ui.zoneTable.rowCount() - 1
        assert ui.zoneTable.item(row, 0).text() == zone.label
        ui.zoneTable.item(row, 1).setText(depth)
    ui.painSpin.setValue(3)
    ui.noAdverseCheck.click()


def _sessions(clinic) -> int:
    with clinic.store.reading() as s:
        return s.scalar(select(func.count()).select_from(TreatmentSession))


def test_record_sign_and_amend_a_session_with_three_zones(qtbot, window, clinic) -> None:
    chart, form = _new_session_form(qtbot, window, _register(window))
    _fill_session(
        qtbot,
        form,
        clinic,
        {
            ScalpZone.VERTEX: "1.5",
            ScalpZone.FRONTAL: "1",
            ScalpZone.MID_SCALP: "2",
        },
    )
    assert form.ui.signButton.isEnabled(), form.ui.problemsLabel.text()
    qtbot.mouseClick(form.ui.signButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: len(chart.data.sessions) == 1, timeout=5000)
    row = chart.data.sessions[0]
    assert row.status.value == "signed"
    assert "Vertex (crown) 1.5 mm" in row.zones and "Mid-scalp 2.0 mm" in row.zones
    table = chart.sessions.table
    assert "Signed" in table.item(0, 1).text()

    chart.sessions.table.setCurrentCell(0, 0)
    qtbot.mouseClick(chart.sessions.amend_button, Qt.MouseButton.LeftButton)
    amend = _dialog(qtbot, SessionForm)
    assert amend.mode is Mode.AMEND
    assert not amend.ui.signButton.isEnabled()  # a reason is required first
    for r in range(amend.ui.zoneTable.rowCount()):
        if amend.ui.zoneTable.item(r, 0).text() == ScalpZone.MID_SCALP.label:
            amend.ui.zoneTable.item(r, 1).setText("1.8")
    qtbot.keyClicks(amend.ui.reasonEdit, "Depth mistyped for mid-scalp")
    assert amend.ui.signButton.isEnabled(), amend.ui.problemsLabel.text()
    qtbot.mouseClick(amend.ui.signButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not amend.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: chart.data.sessions[0].amended, timeout=5000)
    assert "Mid-scalp 1.8 mm" in chart.data.sessions[0].zones
    assert len(chart.data.sessions) == 1
    history = window.services.sessions.history(chart.data.sessions[0].id)
    assert [v.zones_summary.count("mm") for v in history] == [3, 3]
    assert "Mid-scalp 2.0 mm" in history[0].zones_summary
    assert history[1].amendment_reason == "Depth mistyped for mid-scalp"
    assert _sessions(clinic) == 2


def test_a_depth_of_40_mm_is_refused_and_nothing_is_written(qtbot, window, clinic) -> None:
    _, form = _new_session_form(qtbot, window, _register(window))
    _fill_session(qtbot, form, clinic, {ScalpZone.VERTEX: "40"})
    assert not form.ui.signButton.isEnabled()
    assert not form.ui.saveDraftButton.isEnabled()
    assert "40" in form.ui.problemsLabel.text()
    assert form.ui.zoneTable.property("problem") == "error"
    form.ui.signButton.click()  # disabled: nothing happens
    with clinic.store.reading() as s:
        zones = s.scalar(select(func.count()).select_from(SessionZone))
    assert _sessions(clinic) == 0 and zones == 0


def test_an_expired_lot_is_refused(qtbot, window, clinic) -> None:
    _, form = _new_session_form(qtbot, window, _register(window))
    _fill_session(qtbot, form, clinic, {ScalpZone.VERTEX: "1.5"})
    form.ui.lotCombo.setCurrentIndex(form.ui.lotCombo.findData(clinic.expired_lot_id))
    qtbot.mouseClick(form.ui.addLotButton, Qt.MouseButton.LeftButton)
    assert "BT-1180" in form.ui.problemsLabel.text()
    assert "expired" in form.ui.problemsLabel.text().lower()
    assert not form.ui.signButton.isEnabled()
    with clinic.store.reading() as s:
        audit_rows = s.scalar(select(func.count()).select_from(AuditEntry))
    assert _sessions(clinic) == 0
    assert audit_rows > 0  # registration was audited; the refused session wrote nothing


def test_keyboard_reaches_the_scalp_map(qtbot, window, clinic) -> None:
    _, form = _new_session_form(qtbot, window, _register(window))
    scalp_map = form.ui.scalpMap
    scalp_map.setFocus()
    start = scalp_map.current
    qtbot.keyClick(scalp_map, Qt.Key.Key_Right)
    assert scalp_map.current != start
    qtbot.keyClick(scalp_map, Qt.Key.Key_Space)
    assert scalp_map.current in scalp_map.selected()
    assert form.ui.zoneTable.rowCount() == 1

"""Plan a course (due dates previewed) and record an outcome, from the chart."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import PlannedStatus, Sex
from mesodesk.ui.dialogs.course_dialog import CourseDialog
from mesodesk.ui.dialogs.outcome_dialog import OutcomeDialog

SAVE = QDialogButtonBox.StandardButton.Save


def _dialog(qtbot, kind):
    qtbot.waitUntil(
        lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()),
        timeout=5000,
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def _chart(qtbot, window):
    patient = window.services.patients.register(
        PatientDraft(
            family_name="Kowalski", given_names="Łukasz", birth_date=date(1980, 6, 1), sex=Sex.MALE
        )
    )
    chart = window.open_chart(patient.id)
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    return chart


def test_plan_a_course_with_previewed_due_dates(qtbot, window) -> None:
    chart = _chart(qtbot, window)
    chart.plan_course()
    dialog = _dialog(qtbot, CourseDialog)
    start = date.today() - timedelta(days=14)
    dialog.ui.startDateEdit.clear()
    qtbot.keyClicks(dialog.ui.startDateEdit, start.isoformat())
    preview = dialog.ui.previewTable
    assert preview.rowCount() == 12
    assert preview.item(1, 1).text().endswith((start + timedelta(days=7)).strftime("%d.%m.%Y"))
    qtbot.mouseClick(dialog.ui.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: chart.data.course is not None, timeout=5000)
    statuses = [v.status for v in chart.data.course.visits]
    assert statuses[:3] == [PlannedStatus.MISSED, PlannedStatus.OVERDUE, PlannedStatus.DUE]
    assert "0/12" in chart.tabs.tabText(1)
    window.today.refresh()
    qtbot.waitUntil(lambda: len(window.today.rows) == 3, timeout=5000)

    chart.plan_course()  # a second course needs the old one stopped first
    again = _dialog(qtbot, CourseDialog)
    assert not again.ui.buttonBox.button(SAVE).isEnabled()
    again.ui.replaceActiveCheck.click()
    assert again.ui.buttonBox.button(SAVE).isEnabled()
    again.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_record_an_outcome(qtbot, window) -> None:
    chart = _chart(qtbot, window)
    chart.new_outcome()
    dialog = _dialog(qtbot, OutcomeDialog)
    qtbot.keyClicks(dialog.ui.densityEdit, "abc")
    assert not dialog.ui.buttonBox.button(SAVE).isEnabled()
    dialog.ui.densityEdit.clear()
    qtbot.keyClicks(dialog.ui.densityEdit, "18.5")
    dialog.ui.globalCombo.setCurrentIndex(dialog.ui.globalCombo.findData(2))
    dialog.ui.satisfactionSpin.setValue(8)
    qtbot.mouseClick(dialog.ui.buttonBox.button(SAVE), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: len(chart.data.outcomes) == 1, timeout=5000)
    row = [chart.outcomes.table.item(0, c).text() for c in range(5)]
    assert row[2] == "+18.5%" and row[4] == "+2"

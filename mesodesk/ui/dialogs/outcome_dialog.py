"""Record an outcome at a checkpoint: density and diameter change, global assessment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from mesodesk.domain.drafts import OutcomeDraft
from mesodesk.domain.enums import Checkpoint
from mesodesk.domain.rules import validate_outcome
from mesodesk.domain.validation import Level, Problem
from mesodesk.services import Services
from mesodesk.services.chart import ChartData
from mesodesk.ui.dialogs.form_dialog import FormDialog
from mesodesk.ui.dialogs.patient_dialog import parse_date
from mesodesk.ui.forms.ui_outcome_dialog import Ui_OutcomeDialog
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum

GLOBAL_SCALE = {
    -3: "−3 greatly worse",
    -2: "−2 moderately worse",
    -1: "−1 slightly worse",
    0: "0 no change",
    1: "+1 slightly improved",
    2: "+2 moderately improved",
    3: "+3 greatly improved",
}


class OutcomeDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        chart: ChartData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.ui = ui = Ui_OutcomeDialog()
        ui.setupUi(self)
        self.services, self.patient = services, chart.patient
        self.course_id = chart.course.id if chart.course else None
        ui.patientLabel.setText(f"{self.patient.display_name}  ·  {self.patient.record_number}")
        ui.measuredOnEdit.setText(date.today().isoformat())
        fill_enum(ui.checkpointCombo, Checkpoint)
        ui.globalCombo.addItem("not assessed", None)
        for value, label in GLOBAL_SCALE.items():
            ui.globalCombo.addItem(label, value)
        ui.satisfactionSpin.setValue(-1)
        self.setup_form(
            {
                "measured_on": ui.measuredOnEdit,
                "density_change_pct": ui.densityEdit,
                "diameter_change_pct": ui.diameterEdit,
                "global_assessment": ui.globalCombo,
                "satisfaction": ui.satisfactionSpin,
            },
            "outcome",
        )

    def _draft(self) -> tuple[OutcomeDraft, list[Problem]]:
        ui, problems = self.ui, []
        numbers: dict[str, float | None] = {}
        for field, edit, label in (
            ("density_change_pct", ui.densityEdit, "Density change"),
            ("diameter_change_pct", ui.diameterEdit, "Diameter change"),
        ):
            text = edit.text().strip().replace(",", ".").rstrip("%").strip()
            try:
                numbers[field] = float(text) if text else None
            except ValueError:
                numbers[field] = None
                problems.append(
                    Problem(
                        field,
                        f"{label}: “{edit.text()}” is not a number.",
                        Level.ERROR,
                        "number_format",
                    )
                )
        measured = parse_date(ui.measuredOnEdit.text())
        if measured is None:
            problems.append(
                Problem(
                    "measured_on",
                    f"“{ui.measuredOnEdit.text()}” is not a date.",
                    Level.ERROR,
                    "date_format",
                )
            )
        satisfaction = ui.satisfactionSpin.value()
        draft = OutcomeDraft(
            patient_id=self.patient.id,
            measured_on=measured or date.today(),
            checkpoint=current_enum(ui.checkpointCombo, Checkpoint),
            global_assessment=ui.globalCombo.currentData(),
            satisfaction=None if satisfaction < 0 else satisfaction,
            notes=ui.notesEdit.toPlainText(),
            course_id=self.course_id,
            **numbers,
        )
        return draft, problems

    def problems(self) -> list[Problem]:
        draft, problems = self._draft()
        return problems + validate_outcome(draft, today=date.today())

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        draft, _ = self._draft()
        outcomes = self.services.outcomes
        return lambda: outcomes.record(draft, acknowledge_warnings=acknowledged)

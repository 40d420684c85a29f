"""Plan a course from a protocol template; the due dates are previewed before saving."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from mesodesk.domain.drafts import CoursePlanDraft
from mesodesk.domain.protocols import PROTOCOLS, plan_visits
from mesodesk.domain.validation import Level, Problem
from mesodesk.services import Services
from mesodesk.services.chart import ChartData
from mesodesk.ui.dialogs.form_dialog import FormDialog
from mesodesk.ui.dialogs.patient_dialog import parse_date
from mesodesk.ui.forms.ui_course_dialog import Ui_CourseDialog
from mesodesk.ui.tasks import TaskRunner


class CourseDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        chart: ChartData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.ui = ui = Ui_CourseDialog()
        ui.setupUi(self)
        self.services, self.patient = services, chart.patient
        self.has_active = chart.course is not None
        ui.patientLabel.setText(f"{self.patient.display_name}  ·  {self.patient.record_number}")
        for key, protocol in PROTOCOLS.items():
            ui.protocolCombo.addItem(protocol.name, key)
        ui.startDateEdit.setText(date.today().isoformat())
        ui.replaceActiveCheck.setVisible(self.has_active)
        ui.previewTable.setColumnCount(4)
        ui.previewTable.setHorizontalHeaderLabels(("Visit", "Due", "Phase", "Checkpoint"))
        ui.previewTable.verticalHeader().setVisible(False)
        ui.previewTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.protocolCombo.currentIndexChanged.connect(self.validate)
        self.setup_form(
            {
                "start_date": ui.startDateEdit,
                "protocol_key": ui.protocolCombo,
                "replace_active": ui.replaceActiveCheck,
            },
            "course plan",
        )

    def _start(self) -> date | None:
        return parse_date(self.ui.startDateEdit.text())

    def problems(self) -> list[Problem]:
        problems = []
        if self._start() is None:
            problems.append(
                Problem(
                    "start_date",
                    f"“{self.ui.startDateEdit.text()}” is not a date.",
                    Level.ERROR,
                    "date_format",
                )
            )
        if self.has_active and not self.ui.replaceActiveCheck.isChecked():
            problems.append(
                Problem(
                    "replace_active",
                    "This patient already has an active "
                    "course: tick the box to stop it and start this one.",
                    Level.ERROR,
                    "active_course",
                )
            )
        self._preview()
        return problems

    def _preview(self) -> None:
        protocol = PROTOCOLS[self.ui.protocolCombo.currentData()]
        self.ui.protocolDescriptionLabel.setText(protocol.description)
        start = self._start()
        visits = plan_visits(protocol, start) if start else []
        table = self.ui.previewTable
        table.setRowCount(len(visits))
        for row, visit in enumerate(visits):
            values = (
                str(visit.sequence),
                f"{visit.due_date:%a %d.%m.%Y}",
                visit.phase.label,
                visit.checkpoint.label if visit.checkpoint else "",
            )
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        draft = CoursePlanDraft(
            patient_id=self.patient.id,
            protocol_key=self.ui.protocolCombo.currentData(),
            start_date=self._start() or date.today(),
            notes=self.ui.notesEdit.text(),
        )
        replace, courses = self.ui.replaceActiveCheck.isChecked(), self.services.courses
        return lambda: courses.plan(draft, replace_active=replace)

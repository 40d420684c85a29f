"""The tabs of a patient's chart: sessions, course plan, assessments, outcomes.

The Photos tab lives in `mesodesk.ui.photos.section`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mesodesk.domain.enums import PlannedStatus, SessionStatus
from mesodesk.services.chart import ChartData
from mesodesk.ui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from mesodesk.ui.chart.patient_chart import PatientChart


def _date(value: Any) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _signed(value: float | None, unit: str = "%") -> str:
    return "" if value is None else f"{value:+g}{unit}"


class Section(QWidget):
    title = ""

    def __init__(self, chart: PatientChart) -> None:
        super().__init__(chart)
        self.chart = chart
        self.layout_ = QVBoxLayout(self)
        self.empty = QLabel("")
        self.empty.setWordWrap(True)

    def records(self, data: ChartData) -> list:
        raise NotImplementedError

    def tab_text(self, data: ChartData) -> str:
        return f"{self.title} ({len(self.records(data))})"

    def show_data(self, data: ChartData) -> None:
        raise NotImplementedError


class SessionsSection(Section):
    title = "Sessions"

    def __init__(self, chart: PatientChart) -> None:
        super().__init__(chart)
        self.table = RecordTable(
            [
                ("Date", lambda r: f"{r.performed_at.astimezone():%d.%m.%Y}"),
                ("Status", lambda r: r.status.label + (" (amended)" if r.amended else "")),
                ("Zones and depths", lambda r: r.zones),
                ("Technique", lambda r: r.technique_label),
                ("Needle", lambda r: r.needle),
                ("Volume", lambda r: f"{r.volume_ml:g} mL"),
                ("Adverse events", lambda r: r.adverse_events or ""),
                ("Mixture", lambda r: r.recipe_name),
                ("Practitioner", lambda r: r.practitioner),
            ]
        )
        self.table.record_activated.connect(chart.open_session)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("&Open")
        self.amend_button = QPushButton("A&mend…")
        self.history_button = QPushButton("&History")
        self.open_button.clicked.connect(lambda: self._with_current(chart.open_session))
        self.amend_button.clicked.connect(lambda: self._with_current(chart.amend_session))
        self.history_button.clicked.connect(lambda: self._with_current(chart.show_history))
        for button in (self.open_button, self.amend_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addWidget(self.table)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.empty)
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def _with_current(self, action) -> None:
        record = self.table.current_record()
        if record is not None:
            action(record)

    def _update_buttons(self) -> None:
        record = self.table.current_record()
        self.open_button.setEnabled(record is not None)
        signed = record is not None and record.status is SessionStatus.SIGNED
        self.amend_button.setEnabled(signed)
        self.history_button.setEnabled(record is not None)

    def records(self, data: ChartData) -> list:
        return data.sessions

    def show_data(self, data: ChartData) -> None:
        self.table.set_records(data.sessions)
        self.empty.setText("" if data.sessions else "No sessions yet. Start one with New session.")
        self._update_buttons()


class CourseSection(Section):
    title = "Course plan"

    def __init__(self, chart: PatientChart) -> None:
        super().__init__(chart)
        self.summary = QLabel("")
        self.table = RecordTable(
            [
                ("Visit", lambda v: v.sequence),
                ("Due", lambda v: _date(v.due_date)),
                ("Phase", lambda v: v.phase.label),
                ("Checkpoint", lambda v: v.checkpoint.label if v.checkpoint else ""),
                ("Status", lambda v: v.status.label),
            ]
        )
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(self.empty)

    def records(self, data: ChartData) -> list:
        return list(data.course.visits) if data.course else []

    def tab_text(self, data: ChartData) -> str:
        if data.course is None:
            return self.title
        done = sum(v.status is PlannedStatus.DONE for v in data.course.visits)
        return f"{self.title} ({done}/{len(data.course.visits)})"

    def show_data(self, data: ChartData) -> None:
        course = data.course
        if course is None:
            self.summary.setText("")
            self.table.set_records([])
            self.empty.setText("No active course. Plan one with Plan course.")
            return
        visits = list(course.visits)
        counts = {s: sum(v.status is s for v in visits) for s in PlannedStatus}
        self.summary.setText(
            f"<b>{course.protocol_name}</b> from {_date(course.start_date)} — "
            f"{counts[PlannedStatus.DONE]} done, {counts[PlannedStatus.DUE]} due today, "
            f"{counts[PlannedStatus.OVERDUE]} overdue, {counts[PlannedStatus.MISSED]} missed, "
            f"{counts[PlannedStatus.UPCOMING]} upcoming"
        )
        self.table.set_records(visits, muted=lambda v: v.status is PlannedStatus.DONE)
        self.empty.setText("")


class AssessmentsSection(Section):
    title = "Assessments"

    def __init__(self, chart: PatientChart) -> None:
        super().__init__(chart)
        self.table = RecordTable(
            [
                ("Date", lambda a: _date(a.assessed_on)),
                ("Diagnosis", lambda a: a.diagnosis_label),
                ("Stage", lambda a: a.stages_text),
                ("Trichoscopy", lambda a: a.trichoscopy_text),
                ("Pull test", lambda a: a.pull_test_text),
                ("Notes", lambda a: a.notes),
            ]
        )
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(self.empty)

    def records(self, data: ChartData) -> list:
        return data.assessments

    def show_data(self, data: ChartData) -> None:
        self.table.set_records(data.assessments)
        self.empty.setText("" if data.assessments else "No assessment recorded yet.")


class OutcomesSection(Section):
    title = "Outcomes"

    def __init__(self, chart: PatientChart) -> None:
        super().__init__(chart)
        self.table = RecordTable(
            [
                ("Date", lambda o: _date(o.measured_on)),
                ("Checkpoint", lambda o: o.checkpoint.label),
                ("Density change", lambda o: _signed(o.density_change_pct)),
                ("Diameter change", lambda o: _signed(o.diameter_change_pct)),
                ("Global assessment", lambda o: _signed(o.global_assessment, "")),
                (
                    "Satisfaction",
                    lambda o: "" if o.satisfaction is None else f"{o.satisfaction}/10",
                ),
                ("Notes", lambda o: o.notes),
            ]
        )
        self.layout_.addWidget(self.table)
        self.layout_.addWidget(self.empty)

    def records(self, data: ChartData) -> list:
        return data.outcomes

    def show_data(self, data: ChartData) -> None:
        self.table.set_records(data.outcomes)
        self.empty.setText("" if data.outcomes else "No outcome measured yet.")

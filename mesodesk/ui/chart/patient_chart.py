"""A patient's chart: identity and alerts always in view, the record in tabs below."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mesodesk.services import Services
from mesodesk.services.chart import ChartData, load_chart
from mesodesk.ui.chart import sections
from mesodesk.ui.chart.actions import ChartActions
from mesodesk.ui.chart.printing import ChartPrinting, print_button
from mesodesk.ui.interop.chart_export import export_button
from mesodesk.ui.photos.section import PhotosSection
from mesodesk.ui.tasks import TaskRunner


def _chip(text: str, kind: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("chip", kind)
    return label


class PatientChart(QWidget, ChartActions, ChartPrinting):
    """Loads its data in the background; `reload()` after any change made from the chart."""

    title_changed = Signal(str)
    patient_changed = Signal()

    def __init__(self, patient_id: int, services: Services, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.patient_id, self.services, self.runner = patient_id, services, runner
        self.data: ChartData | None = None
        self._first_load = True
        self.name_label = QLabel("Loading…")
        self.name_label.setObjectName("chartName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel("")
        self.meta_label.setObjectName("chartMeta")
        self.chips = QHBoxLayout()
        self.chips.setSpacing(6)
        buttons = QHBoxLayout()
        self._clinical_buttons: list[QPushButton] = []
        for text, slot, tip in (
            ("&Edit patient", self.edit_patient, "Ctrl+E"),
            ("New &assessment", self.new_assessment, "Ctrl+Shift+A"),
            ("New &session", self.new_session, "Ctrl+Shift+S"),
            ("Plan &course", self.plan_course, ""),
            ("&Mixtures…", self.patient_mixtures, "This patient's mixture variants"),
            ("Record &outcome", self.new_outcome, ""),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if slot in (self.new_assessment, self.new_session, self.new_outcome):
                self._clinical_buttons.append(button)
        buttons.addWidget(print_button(self))
        export = export_button(self)
        self._clinical_buttons.append(export)  # the full record holds clinical notes
        buttons.addWidget(export)
        buttons.addStretch(1)
        self.sessions = sections.SessionsSection(self)
        self.course = sections.CourseSection(self)
        self.assessments = sections.AssessmentsSection(self)
        self.outcomes = sections.OutcomesSection(self)
        self.photos = PhotosSection(self)
        self.tabs = QTabWidget()
        for section in (self.sessions, self.course, self.assessments, self.outcomes, self.photos):
            self.tabs.addTab(section, section.title)
        # Front desk: no clinical notes and no clinical records (the services refuse both).
        self.notes_view = QPlainTextEdit()
        self.notes_view.setObjectName("clinicalNotes")
        self.notes_view.setReadOnly(True)
        self.tabs.addTab(self.notes_view, "Clinical notes")
        if not services.actor.sees_clinical_notes:
            for button in self._clinical_buttons:
                button.setEnabled(False)
                button.setToolTip("For practitioners and administrators")
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.meta_label)
        layout.addLayout(self.chips)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        services, patient_id, audited = self.services, self.patient_id, self._first_load
        self._first_load = False
        self.runner.database(
            lambda: load_chart(services, patient_id, audited=audited),
            self._show,
            self._failed,
            owner=self,
        )

    def _show_notes(self, data: ChartData) -> None:
        if data.notes is None:
            self.notes_view.setPlainText("Clinical notes are not shown to front-desk accounts.")
            return
        self.notes_view.setPlainText(
            "\n\n".join(f"{n.day:%d.%m.%Y}  {n.source} — {n.author}\n{n.text}" for n in data.notes)
            or "No clinical notes yet."
        )

    def _failed(self, error: BaseException) -> None:
        self.name_label.setText("This chart could not be opened")
        self.meta_label.setText(str(error))

    def _show(self, data: ChartData) -> None:
        self.data = data
        patient = data.patient
        draft = patient.draft
        age = patient.age(date.today())
        self.name_label.setText(patient.display_name)
        born = f"born {draft.birth_date:%d.%m.%Y} ({age} years)" if draft.birth_date else ""
        parts = [patient.record_number, born, draft.sex.label, draft.phone, draft.email]
        self.meta_label.setText("   ·   ".join(p for p in parts if p))
        self._show_chips(data)
        for index, section in enumerate(
            (self.sessions, self.course, self.assessments, self.outcomes, self.photos)
        ):
            section.show_data(data)
            self.tabs.setTabText(index, section.tab_text(data))
        self._show_notes(data)
        self.title_changed.emit(f"{draft.family_name}, {draft.given_names[:1]}.")

    def _show_chips(self, data: ChartData) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        patient = data.patient
        if patient.allergy_summary:
            self.chips.addWidget(_chip("Allergies: " + patient.allergy_summary, "alert"))
        else:
            self.chips.addWidget(_chip("No known allergies", "info"))
        for flag in patient.flags:
            self.chips.addWidget(_chip(flag, "alert"))
        if not patient.draft.consent_treatment:
            self.chips.addWidget(_chip("No treatment consent on file", "alert"))
        if not patient.draft.consent_photos:
            self.chips.addWidget(_chip("No photo consent", "info"))
        self.chips.addStretch(1)

    # -- closing ---------------------------------------------------------------------------
    def close_requested(self) -> bool:
        """The chart itself holds no unsaved edits (forms are dialogs that ask on their own)."""
        return True

    def show_error(self, title: str, error: BaseException | str) -> None:
        QMessageBox.warning(self, title, str(error))

"""Today's due and overdue sessions: the front desk's and the practitioner's day at a glance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesodesk.domain.enums import PlannedStatus
from mesodesk.services import Services
from mesodesk.ui.tasks import TaskRunner

_STATUS_COLOURS = {PlannedStatus.OVERDUE: "#8a5a00", PlannedStatus.MISSED: "#b3261e"}


class TodayPanel(QWidget):
    """Lists planned visits due today or overdue; Enter or double-click opens the chart."""

    open_patient = Signal(int)
    COLUMNS = ("Due", "Status", "Patient", "Record no.", "Phone", "Visit")

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.title = QLabel("")
        self.title.setObjectName("chartName")
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_activated)
        self.empty = QLabel("No sessions are due today and none are overdue.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.rows: list = []

    def refresh(self) -> None:
        today = date.today()
        courses = self.services.courses
        self.title.setText(f"Due and overdue — {today:%A %d %B %Y}")
        self.runner.database(lambda: courses.due_list(today), self._show, self._failed)

    def _show(self, rows: list) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (
                f"{row.due_date:%d.%m.%Y}",
                row.status.label,
                row.patient_name,
                row.record_number,
                row.phone,
                str(row.sequence),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.patient_id)
                colour = _STATUS_COLOURS.get(row.status)
                if colour and column == 1:
                    item.setForeground(QColor(colour))
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def _failed(self, error: BaseException) -> None:
        self.empty.setText(f"The list of due sessions could not be read: {error}")
        self.empty.setVisible(True)

    def _on_activated(self, index) -> None:
        patient_id = index.data(Qt.ItemDataRole.UserRole)
        if patient_id is not None:
            self.open_patient.emit(int(patient_id))

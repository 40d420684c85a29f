"""Today's due and overdue sessions: the front desk's and the practitioner's day at a glance.

A clinic with years of courses can have thousands of overdue visits, so the list is a model
over texts made on the database thread (filling it is one reset, whatever its length) and
columns are sized from the first rows only: the window never stalls while it refreshes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mesodesk.domain.enums import PlannedStatus
from mesodesk.services import Services
from mesodesk.ui.tasks import TaskRunner

_STATUS_COLOURS = {PlannedStatus.OVERDUE: "#8a5a00", PlannedStatus.MISSED: "#b3261e"}
SIZE_FROM_ROWS = 100  # rows a column's width is measured on
Index = QModelIndex | QPersistentModelIndex


def due_cells(rows: list) -> list[tuple[str, ...]]:
    """The texts of each row, made on the worker thread rather than in `data()`."""
    return [
        (
            f"{row.due_date:%d.%m.%Y}",
            row.status.label,
            row.patient_name,
            row.record_number,
            row.phone,
            str(row.sequence),
        )
        for row in rows
    ]


class DueModel(QAbstractTableModel):
    """The due rows and their texts; `UserRole` of any cell is the row's patient id."""

    def __init__(self, headers: tuple[str, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list = []
        self.texts: list[tuple[str, ...]] = []
        self._colours = {status: QColor(colour) for status, colour in _STATUS_COLOURS.items()}

    def set_rows(self, rows: list, texts: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows, self.texts = rows, texts
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[row][column]
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[row].patient_id
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return self._colours.get(self.rows[row].status)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class TodayPanel(QWidget):
    """Lists planned visits due today or overdue; Enter or double-click opens the chart."""

    open_patient = Signal(int)
    COLUMNS = ("Due", "Status", "Patient", "Record no.", "Phone", "Visit")

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.title = QLabel("")
        self.title.setObjectName("chartName")
        self.model = DueModel(self.COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(SIZE_FROM_ROWS)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_activated)
        self.empty = QLabel("No sessions are due today and none are overdue.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

    @property
    def rows(self) -> list:
        return self.model.rows

    def refresh(self) -> None:
        today = date.today()
        courses = self.services.courses

        def work() -> tuple[list, list[tuple[str, ...]]]:
            rows = courses.due_list(today)
            return rows, due_cells(rows)

        self.title.setText(f"Due and overdue — {today:%A %d %B %Y}")
        self.runner.overview(work, self._show, self._failed)

    def _show(self, result: tuple[list, list[tuple[str, ...]]]) -> None:
        rows, texts = result
        self.model.set_rows(rows, texts)
        self.table.resizeColumnsToContents()  # measured on the first SIZE_FROM_ROWS rows
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

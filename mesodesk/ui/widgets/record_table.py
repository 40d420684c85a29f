"""A read-only table filled from plain records through a list of (header, getter) columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

Column = tuple[str, Callable[[Any], object]]


class RecordTable(QTableWidget):
    """Rows are records; `record_activated` fires on double-click or Enter."""

    record_activated = Signal(object)
    MAX_COLUMN_WIDTH = 320  # longer texts are elided; the tooltip shows them whole

    def __init__(self, columns: Sequence[Column], *, stretch: int = -1, parent=None) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = list(columns)
        self.records: list[Any] = []
        self.setHorizontalHeaderLabels([header for header, _ in columns])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self._stretch = stretch if stretch >= 0 else len(columns) - 1
        self.activated.connect(lambda index: self.record_activated.emit(self.records[index.row()]))

    def set_records(self, records: Sequence[Any], *, muted: Callable[[Any], bool] | None = None):
        self.records = list(records)
        self.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            grey = muted is not None and muted(record)
            for column, (_, getter) in enumerate(self.columns):
                value = getter(record)
                text = "" if value is None else str(value)
                item = QTableWidgetItem(text)
                if len(text) > 30:
                    item.setToolTip(text)
                if grey:
                    item.setForeground(QColor("#7a8787"))
                self.setItem(row, column, item)
        self.resizeColumnsToContents()
        for column in range(self.columnCount()):
            if self.columnWidth(column) > self.MAX_COLUMN_WIDTH:
                self.setColumnWidth(column, self.MAX_COLUMN_WIDTH)
        self.horizontalHeader().setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Stretch)

    def current_record(self) -> Any | None:
        row = self.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def select_first(self) -> None:
        if self.records:
            self.setCurrentCell(0, 0)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

"""Clinic ▸ Audit trail…: who did what and when, filtered by patient, user and dates.

The trail can hold millions of rows: the table asks for the next page (keyed by id) only when
the reader scrolls to the end, on the database thread; the count comes separately.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mesodesk.services import Services
from mesodesk.services.audit_views import AuditFilter, AuditRow
from mesodesk.ui.tasks import TaskRunner

PAGE = 200
_HEADERS = ("When", "User", "Action", "Patient", "What")


class AuditTableModel(QAbstractTableModel):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self.rows: list[AuditRow] = []
        self.where = AuditFilter()
        self._more = False
        self._loading = False
        self._generation = 0  # a page of an earlier filter is dropped when it arrives
        self.on_error = lambda message: None

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (
            f"{row.at.astimezone():%d.%m.%Y %H:%M:%S}",
            row.username,
            row.action.label,
            row.patient,
            row.summary,
        )[index.column()]

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(self.rows[-1].id if self.rows else None)

    # -- loading ---------------------------------------------------------------------------
    def apply(self, where: AuditFilter) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self.where, self._more = [], where, False
        self.endResetModel()
        self._load(None)

    @property
    def loading(self) -> bool:
        return self._loading

    def _load(self, before_id: int | None) -> None:
        trail, where, generation = self.services.audit_trail, self.where, self._generation
        self._loading = True

        def arrived(page: list[AuditRow]) -> None:
            if generation != self._generation:
                return
            self._loading = False
            first = len(self.rows)
            if page:
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self.rows.extend(page)
                self.endInsertRows()
            self._more = len(page) == PAGE

        def failed(error: BaseException) -> None:
            self._loading = False
            self.on_error(str(error))

        self.runner.database(
            lambda: trail.page(where, limit=PAGE, before_id=before_id), arrived, failed
        )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditDialog(QDialog):
    def __init__(
        self, services: Services, runner: TaskRunner, parent=None, *, patient: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Audit trail")
        self.services, self.runner = services, runner
        self.patient = QLineEdit(patient)
        self.patient.setObjectName("patientFilter")
        self.patient.setPlaceholderText("record number")
        self.user = QComboBox()
        self.user.setObjectName("userFilter")
        self.user.addItem("Everyone", "")
        self.use_dates = QCheckBox("&From")
        today = date.today()
        self.since = QDateEdit(_qdate(today.replace(day=1)))
        self.until = QDateEdit(_qdate(today))
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.show_button = QPushButton("&Show")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.apply)
        filters = QHBoxLayout()
        for label, widget in (("&Patient:", self.patient), ("&User:", self.user)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel("to"))
        filters.addWidget(self.until)
        filters.addWidget(self.show_button)
        filters.addStretch(1)

        self.model = AuditTableModel(services, runner, self)
        self.model.on_error = self._show_error
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText("Select a row to see what changed.")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([420, 140])
        self.status = QLabel("")
        self.status.setObjectName("auditStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(1100, 640)
        trail = services.audit_trail
        runner.database(trail.usernames, self._fill_users, lambda e: self._show_error(str(e)))
        self.apply()

    def current_filter(self) -> AuditFilter:
        dated = self.use_dates.isChecked()
        return AuditFilter(
            patient=self.patient.text(),
            username=self.user.currentData() or "",
            since=self.since.date().toPython() if dated else None,
            until=self.until.date().toPython() if dated else None,
        )

    def apply(self) -> None:
        where = self.current_filter()
        self.status.setText("Counting…")
        self.detail.clear()
        self.model.apply(where)
        trail = self.services.audit_trail
        self.runner.database(
            lambda: trail.count(where),
            lambda n: self.status.setText(f"{n:,} {'entry' if n == 1 else 'entries'}"),
            lambda e: self._show_error(str(e)),
        )

    def _fill_users(self, names: list[str]) -> None:
        for name in names:
            self.user.addItem(name, name)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.model.rows):
            return
        row = self.model.rows[current.row()]
        parts = [f"#{row.id} {row.entity} {row.entity_id or ''}  {row.summary}"]
        for title, values in (("Before", row.before), ("After", row.after)):
            if values:
                parts.append(f"{title}: {json.dumps(values, ensure_ascii=False, indent=1)}")
        self.detail.setPlainText("\n".join(parts))

    def _show_error(self, message: str) -> None:
        self.status.setText(message)

"""Import patients from another system's CSV: map the columns, check, then import.

The file's columns are listed with sample values and a field picker each (guessed from the
headers). *Check* is a dry run: every row is read and checked and the table shows what would
happen to it (added, duplicate, error with the reason) without changing anything. *Import*
runs the same checks and writes the good rows in one transaction on the database thread,
with a progress bar; bad rows and duplicates stay listed by line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesodesk.interop.csv_read import CsvTable, read_csv
from mesodesk.interop.patient_import import (
    FIELDS,
    ImportReport,
    PatientImportService,
    RowResult,
    guess_mapping,
    mapping_problems,
)
from mesodesk.services import Services
from mesodesk.ui.interop.exports import documents_folder
from mesodesk.ui.photos.import_dialog import ImportProgress
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.record_table import RecordTable

IGNORE = "(ignore this column)"
STATUS_TEXT = {"new": "Added", "duplicate": "Duplicate (skipped)", "error": "Error (skipped)"}
DRY_STATUS_TEXT = {"new": "Would be added", **{k: v for k, v in STATUS_TEXT.items() if k != "new"}}


def _details(row: RowResult) -> str:
    if row.status == "new" and row.messages:
        return "Warning: " + "; ".join(row.messages)
    return "; ".join(row.messages)


class ImportPatientsDialog(QDialog):
    """Non-blocking; `imported` carries the report once patients were written."""

    imported = Signal(object)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import patients from a CSV file")
        self.resize(900, 640)
        self.services, self.runner = services, runner
        self.table: CsvTable | None = None
        self.report: ImportReport | None = None
        self.running = False
        self.progress = ImportProgress()
        self.combos: list[QComboBox] = []
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self._build()
        if path is not None:
            self.load(Path(path))

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel("Choose the CSV file another program exported.")
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton("&Choose file…")
        self.choose_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setHorizontalHeaderLabels(["Column in the file", "Examples", "Field"])
        self.mapping_table.verticalHeader().setVisible(False)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.us_dates = QCheckBox("Dates are written month/day/year (03/27/1984)")
        self.us_dates.toggled.connect(self._mapping_changed)
        self.problem_label = QLabel("")
        self.problem_label.setWordWrap(True)
        self.problem_label.setProperty("chip", "alert")
        self.results = RecordTable(
            [
                ("Line", lambda r: r.line),
                ("Result", lambda r: self._status_text(r)),
                ("Name", lambda r: r.name),
                ("Born", lambda r: f"{r.birth_date:%d.%m.%Y}" if r.birth_date else ""),
                ("Record no.", lambda r: r.record_number),
                ("Details", _details),
            ],
            parent=self,
        )
        self.summary_label = QLabel("")
        self.summary_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.check_button = QPushButton("Chec&k (dry run)")
        self.check_button.setToolTip("Read and check every row; nothing is changed")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton("&Import")
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_bar, 1)
        buttons.addStretch(0)
        for button in (self.check_button, self.import_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("Which field does each column hold?"))
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(self.us_dates)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.results, 3)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)
        self._update_buttons()

    def _status_text(self, row: RowResult) -> str:
        dry = self.report is None or self.report.dry_run
        return (DRY_STATUS_TEXT if dry else STATUS_TEXT)[row.status]

    # -- the file and its mapping -----------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import patients", str(documents_folder()), "CSV files (*.csv *.txt);;All (*)"
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        self.file_label.setText(f"Reading {path.name}…")
        self.runner.compute(lambda: read_csv(path), self._show_table, self._failed)

    def _show_table(self, table: CsvTable) -> None:
        self.table, self.report = table, None
        self.results.set_records([])
        self.summary_label.setText("")
        separator = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
        self.file_label.setText(
            f"<b>{table.name}</b>: {len(table.rows):,} rows, {len(table.headers)} columns "
            f"({separator.get(table.delimiter, table.delimiter)}-separated, {table.encoding})."
        )
        guessed = guess_mapping(table.headers)
        self.mapping_table.setRowCount(len(table.headers))
        self.combos = []
        for index, header in enumerate(table.headers):
            self.mapping_table.setItem(
                index, 0, QTableWidgetItem(header or f"(column {index + 1})")
            )
            self.mapping_table.setItem(index, 1, QTableWidgetItem(" · ".join(table.samples(index))))
            combo = QComboBox()
            combo.addItem(IGNORE, None)
            for key, label in FIELDS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(index))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(2, 300)
        self._mapping_changed()

    def mapping(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in enumerate(self.combos) if c.currentData()}

    def set_field(self, column: int, field: str | None) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def _mapping_changed(self, *_args: object) -> None:
        problems = mapping_problems(self.mapping()) if self.table else []
        self.problem_label.setText(" ".join(problems))
        self.problem_label.setVisible(bool(problems))
        if self.report is not None and self.report.dry_run:
            self.report = None  # the check no longer matches the mapping
            self.results.set_records([])
            self.summary_label.setText("The mapping changed: check again.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.table is not None and not mapping_problems(self.mapping())
        finished = self.report is not None and not self.report.dry_run
        self.check_button.setEnabled(ready and not self.running and not finished)
        self.import_button.setEnabled(ready and not self.running and not finished)
        self.choose_button.setEnabled(not self.running)
        self.mapping_table.setEnabled(not self.running and not finished)
        self.close_button.setText("Close" if not self.running else "Cancel")

    # -- checking and importing -------------------------------------------------------------
    def _service(self) -> PatientImportService:
        return PatientImportService(self.services.store, self.services.actor)

    def check(self) -> None:
        if self.table is None:
            return
        table, mapping, us = self.table, self.mapping(), self.us_dates.isChecked()
        service = self._service()
        self.summary_label.setText("Checking every row…")
        self._set_running(True)
        self.runner.database(
            lambda: service.run(table, mapping, dry_run=True, us_dates=us),
            self._show_report,
            self._failed,
        )

    def start_import(self) -> None:
        if self.table is None:
            return
        table, mapping, us = self.table, self.mapping(), self.us_dates.isChecked()
        service, progress = self._service(), self.progress
        self.progress = progress = ImportProgress()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.summary_label.setText("Importing… nothing is kept unless every good row is written.")
        self._set_running(True)
        self._timer.start()
        self.runner.database(
            lambda: service.run(
                table, mapping, us_dates=us, progress=progress.update, cancel=progress.cancelled
            ),
            self._show_report,
            self._failed,
        )

    def _poll(self) -> None:
        done, total = self.progress.snapshot()
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _set_running(self, running: bool) -> None:
        self.running = running
        if not running:
            self._timer.stop()
            self.progress_bar.hide()
        self._update_buttons()

    def _show_report(self, report: ImportReport) -> None:
        self._set_running(False)
        self.report = report
        rows = [r for r in report.rows if r.status != "new" or r.messages] + [
            r for r in report.rows if r.status == "new" and not r.messages
        ]
        self.results.set_records(rows, muted=lambda r: r.status == "duplicate")
        self.summary_label.setText(report.summary())
        self._update_buttons()
        if not report.dry_run:
            self.imported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.summary_label.setText(str(error))
        QMessageBox.warning(self, "Import patients", str(error))

    def reject(self) -> None:
        """While importing, Close cancels (nothing is kept); otherwise it closes."""
        if self.running:
            self.progress.cancel()
            self.summary_label.setText("Cancelling… no patient will be imported.")
            return
        super().reject()

    def report_rows(self) -> list[Any]:
        return list(self.results.records)

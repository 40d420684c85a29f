"""Saving exports from the window: pick the file first, then the work runs in the background.

Every export here goes through `mesodesk.interop` on the database thread (it reads records and
writes its audit row), so the window stays responsive; a progress dialog shows how far a
patient's archive has come. The person gets a message at the end saying what was written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from mesodesk.interop.archive import ArchiveResult, archive_file_name, export_archive, export_fhir
from mesodesk.interop.tables import TableExportService
from mesodesk.services import Services
from mesodesk.ui.interop.menus import TABLE_TITLES
from mesodesk.ui.photos.import_dialog import ImportProgress
from mesodesk.ui.tasks import TaskRunner


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def ask_save_path(
    parent: QWidget, title: str, name: str, file_filter: str, suffix: str
) -> Path | None:
    """The save dialog; None when cancelled. The suffix is added when the name lacks it."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, title, str(documents_folder() / name), file_filter
    )
    if not path:
        return None
    return Path(path if path.lower().endswith(suffix) else f"{path}{suffix}")


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)


class ExportJob:
    """One export running in the background with a progress dialog; `done` when it is written."""

    def __init__(
        self,
        parent: QWidget,
        runner: TaskRunner,
        title: str,
        work: Callable[[ImportProgress], Any],
        on_done: Callable[[Any], None],
    ) -> None:
        self.parent, self.title, self.on_done = parent, title, on_done
        self.progress = ImportProgress()
        self.dialog = QProgressDialog(f"{title}…", "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)  # a half-written export is never kept anyway
        self.dialog.setMinimumDuration(400)
        self.timer = QTimer(parent)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        self.result: Any = None
        # Its progress dialog and messages belong to `parent`: nothing to show once it is gone.
        runner.database(lambda: work(self.progress), self._finished, self._failed, owner=parent)

    def _poll(self) -> None:
        done, total = self.progress.snapshot()
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _stop(self) -> None:
        self.timer.stop()
        self.dialog.reset()
        self.dialog.close()

    def _finished(self, result: Any) -> None:
        self._stop()
        self.result = result
        self.on_done(result)

    def _failed(self, error: BaseException) -> None:
        self._stop()
        QMessageBox.warning(self.parent, self.title, f"The export could not be written.\n\n{error}")


def export_patient_archive(
    parent: QWidget, services: Services, runner: TaskRunner, patient_id: int, draft: Any
) -> ExportJob | None:
    """Ask where, then write the patient's archive (ZIP) in the background."""
    name = archive_file_name(draft.family_name, draft.given_names, date.today())
    target = ask_save_path(
        parent, "Export the patient's records", name, "ZIP archives (*.zip)", ".zip"
    )
    if target is None:
        return None

    def done(result: ArchiveResult) -> None:
        text = (
            f"The records of {result.patient_name} are in {result.path.name} "
            f"({result.photos} photos, {result.size / 1024:,.0f} KB): the treatment summary, "
            "every record as JSON and FHIR, the original photos and their checksums."
        )
        if result.problems:
            QMessageBox.warning(parent, "Patient archive",
                                text + "\n\nProblems:\n" + "\n".join(result.problems))  # fmt: skip
        else:
            QMessageBox.information(parent, "Patient archive", text)

    return ExportJob(
        parent,
        runner,
        "Exporting the patient's records",
        lambda progress: export_archive(services, patient_id, target, progress=progress.update),
        done,
    )


def export_patient_fhir(
    parent: QWidget, services: Services, runner: TaskRunner, patient_id: int, draft: Any
) -> ExportJob | None:
    name = _safe(f"{draft.family_name}_{draft.given_names}_fhir_{date.today():%Y-%m-%d}") + ".json"
    target = ask_save_path(parent, "Export as FHIR R4", name, "FHIR JSON (*.json)", ".json")
    if target is None:
        return None
    return ExportJob(
        parent,
        runner,
        "Exporting as FHIR R4",
        lambda _progress: export_fhir(services, patient_id, target),
        lambda path: QMessageBox.information(
            parent, "FHIR export", f"The patient's FHIR R4 bundle is in {path.name}."
        ),
    )


def export_table(
    parent: QWidget, services: Services, runner: TaskRunner, table: str
) -> ExportJob | None:
    """Patients, sessions or lots as a CSV file for a spreadsheet."""
    title = TABLE_TITLES[table]
    name = f"{table}_{date.today():%Y-%m-%d}.csv"
    target = ask_save_path(parent, f"Export {title.lower()} as CSV", name, "CSV files (*.csv)",
                           ".csv")  # fmt: skip
    if target is None:
        return None
    exporter = TableExportService(services.store, services.actor)
    return ExportJob(
        parent,
        runner,
        f"Exporting {title.lower()}",
        lambda _progress: exporter.export(table, target),
        lambda result: QMessageBox.information(
            parent, "CSV export", f"{result[1]:,} {table} written to {result[0].name}."
        ),
    )

"""Import a batch of photos: choose the view and session, then watch it land in the background.

The import runs on the database thread (it records each photo in its own transaction) while
its decoding fans out to every core. Progress is reported from that thread into a locked
counter that a timer on the GUI thread polls, so no widget is ever touched off the UI thread
and a fast batch cannot flood the event queue. A chosen folder (a camera card, perhaps on a
slow card reader or a network share) is listed in the background too, before Import is offered.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mesodesk.domain.enums import PhotoView
from mesodesk.photos.images import photo_files
from mesodesk.services import Services
from mesodesk.services.photos import ImportReport
from mesodesk.ui.forms.ui_import_photos_dialog import Ui_ImportPhotosDialog
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum, select_enum

AUTOMATIC = "Match by capture date (a photo taken on a session day joins that session)"


class ImportProgress:
    """Written by the import thread, read by the GUI timer; also carries the cancel request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._cancel = threading.Event()

    def update(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def summary_text(report: ImportReport) -> str:
    """What the clinician reads at the end: counts, then every file not imported and why."""
    counts = {status: 0 for status in ("imported", "duplicate", "refused", "failed", "cancelled")}
    for result in report.results:
        counts[result.status] += 1
    lines = [
        f"{counts['imported']} imported, {counts['duplicate']} already present, "
        f"{counts['refused']} refused"
        + (f", {counts['failed']} not recorded" if counts["failed"] else "")
        + (f", {counts['cancelled']} not imported (cancelled)" if counts["cancelled"] else "")
        + "."
    ]
    if report.refused:
        lines += ["", "Refused:"] + [f"• {result.message}" for result in report.refused]
    if report.failed:
        lines += ["", "Not recorded (import these files again later):"]
        lines += [f"• {result.message}" for result in report.failed]
    duplicates = [r for r in report.results if r.status == "duplicate"]
    if duplicates:
        lines += ["", "Already present:"] + [f"• {result.message}" for result in duplicates]
    return "\n".join(lines)


class ImportPhotosDialog(QDialog):
    """Options first, then progress with Cancel, then the summary; `imported` when done."""

    imported = Signal(object)  # the ImportReport

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        patient_id: int,
        paths: Sequence[str | Path],
        sessions: Sequence[Any] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPhotosDialog()
        self.ui.setupUi(self)
        self.services, self.runner, self.patient_id = services, runner, patient_id
        self.files: list[Path] = []
        self.finding = True  # a folder (a camera card) is being listed in the background
        self.progress = ImportProgress()
        self.report: ImportReport | None = None
        self.running = False
        self.elapsed = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self.ui.filesLabel.setText("Looking for photos…")
        fill_enum(self.ui.viewCombo, PhotoView)
        select_enum(self.ui.viewCombo, PhotoView.FRONTAL)
        self.ui.viewCombo.currentIndexChanged.connect(self._update_trichoscopy)
        self.ui.sessionCombo.addItem(AUTOMATIC, None)
        for row in sorted(sessions, key=lambda s: s.performed_at, reverse=True):
            when = f"{row.performed_at.astimezone():%d.%m.%Y %H:%M}"
            self.ui.sessionCombo.addItem(f"Session of {when}", row.id)
        self.ui.progressBar.hide()
        self.ui.summaryText.hide()
        self.import_button.setText("&Import")
        self.import_button.setEnabled(False)
        self.ui.buttonBox.accepted.connect(self._on_import_clicked)
        self.ui.buttonBox.rejected.connect(self._on_cancel_clicked)
        self._update_trichoscopy()
        chosen = list(paths)  # listed off the UI thread; not called back if the dialog is gone
        runner.compute(lambda: photo_files(chosen), self._found, self._not_listed)

    def _found(self, files: list[Path]) -> None:
        self.files, self.finding = files, False
        count = len(files)
        self.ui.filesLabel.setText(
            f"{count} photo{'s' if count != 1 else ''} to import" if count
            else "No JPEG, PNG or TIFF files were found there."
        )  # fmt: skip
        self.ui.progressBar.setRange(0, max(count, 1))
        self.import_button.setEnabled(bool(count))

    def _not_listed(self, error: BaseException) -> None:
        self.finding = False
        self.ui.filesLabel.setText(f"The photos there could not be listed: {error}")

    @property
    def import_button(self):
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def cancel_button(self):
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)

    def _update_trichoscopy(self, *_args: object) -> None:
        close_up = current_enum(self.ui.viewCombo, PhotoView) is PhotoView.TRICHOSCOPY
        for field in (self.ui.siteEdit, self.ui.magnificationSpin):
            field.setEnabled(close_up)
            self.ui.optionsForm.setRowVisible(field, close_up)
        self.resize(self.width(), self.sizeHint().height())

    # -- running -------------------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        if self.report is not None:  # the summary is showing: the button now closes
            self.accept()
            return
        if self.running or not self.files:
            return
        view = current_enum(self.ui.viewCombo, PhotoView) or PhotoView.FRONTAL
        close_up = view is PhotoView.TRICHOSCOPY
        site = self.ui.siteEdit.text() if close_up else ""
        magnification = self.ui.magnificationSpin.value() or None if close_up else None
        session_id = self.ui.sessionCombo.currentData()
        photos, files, progress, patient_id = (
            self.services.photos,
            list(self.files),
            self.progress,
            self.patient_id,
        )

        def work() -> ImportReport:
            return photos.import_files(
                patient_id, files, view=view, session_id=session_id,
                trichoscopy_site=site, magnification=magnification,
                progress=progress.update, cancel=progress.cancelled,
            )  # fmt: skip

        self.running = True
        self._started = time.perf_counter()
        for widget in (
            self.ui.viewCombo,
            self.ui.siteEdit,
            self.ui.magnificationSpin,
            self.ui.sessionCombo,
            self.import_button,
        ):
            widget.setEnabled(False)
        self.ui.progressBar.show()
        self.ui.statusLabel.setText("Importing… you can keep working in the chart.")
        self._timer.start()
        self.runner.database(work, self._finished, self._failed)

    def _poll(self) -> None:
        done, total = self.progress.snapshot()
        if total:
            self.ui.progressBar.setMaximum(total)
            self.ui.progressBar.setValue(done)
            self.ui.statusLabel.setText(f"Imported {done} of {total}…")

    def _on_cancel_clicked(self) -> None:
        if self.running:
            self.progress.cancel()
            self.cancel_button.setEnabled(False)
            self.ui.statusLabel.setText("Cancelling… photos already stored are kept.")
        else:
            self.reject()

    def reject(self) -> None:
        """Escape or the window's close button while importing cancels instead of closing."""
        if self.running:
            self._on_cancel_clicked()
        else:
            super().reject()

    def _stop(self) -> None:
        self.running = False
        self._timer.stop()
        self.elapsed = time.perf_counter() - self._started
        self.cancel_button.hide()
        self.import_button.setText("&Close")
        self.import_button.setEnabled(True)

    def _finished(self, report: ImportReport) -> None:
        self._poll()
        self.report = report
        self._stop()
        self.ui.progressBar.setValue(self.ui.progressBar.maximum())
        if report.failed:
            count = len(report.failed)
            status = f"{count} photo{'s' if count != 1 else ''} could not be recorded."
        else:
            status = "Cancelled." if self.progress.cancelled() else "Done."
        self.ui.statusLabel.setText(status)
        self.ui.summaryText.setPlainText(summary_text(report))
        self._show_summary()
        self.imported.emit(report)

    def _failed(self, error: BaseException) -> None:
        """The batch itself stopped; photos recorded before that stay, and the chart shows them."""
        self.report = ImportReport([])
        self._stop()
        done, total = self.progress.snapshot()
        if done:
            self.ui.statusLabel.setText(f"The import stopped after {done} of {total} files.")
            self.ui.summaryText.setPlainText(
                f"{error}\n\nPhotos recorded before it stopped are kept: see the chart."
            )
        else:
            self.ui.statusLabel.setText(f"Nothing was imported: {error}")
            self.ui.summaryText.setPlainText(str(error))
        self._show_summary()
        if done:
            self.imported.emit(self.report)

    def _show_summary(self) -> None:
        self.ui.summaryText.show()
        self.resize(self.width(), max(self.height(), 400))

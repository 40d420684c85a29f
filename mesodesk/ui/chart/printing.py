"""Printing from a chart: the treatment summary, the patient handout and the consent form.

The person picks where to save first; then the data is read on the database thread, the PDF
laid out on the compute pool (a long summary must not freeze the window), put in place with
its audit row on the database thread (no file the audit trail does not know about) and opened
in the system's PDF viewer, from which it can be printed. Closing the chart's tab meanwhile
stops the print at its next step (a document already being saved is saved, with its audit
row, but not opened).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from mesodesk.reports.documents import DOCUMENTS, default_file_name, save_document
from mesodesk.reports.report_data import ReportData, collect

if TYPE_CHECKING:
    from mesodesk.services import Services
    from mesodesk.services.chart import ChartData
    from mesodesk.ui.tasks import TaskRunner


class ChartPrinting:
    """Mixed into PatientChart (a QWidget with services, runner, data and show_error())."""

    patient_id: int
    services: Services
    runner: TaskRunner
    data: ChartData | None
    last_printed: Path | None = None

    def print_summary(self) -> None:
        self.print_document("summary")

    def print_handout(self) -> None:
        self.print_document("handout")

    def print_consent(self) -> None:
        self.print_document("consent")

    def print_document(self, kind: str) -> None:
        if self.data is None:
            return
        draft = self.data.patient.draft
        name = default_file_name(draft.family_name, draft.given_names, kind, date.today())
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        title = DOCUMENTS[kind].title
        path, _filter = QFileDialog.getSaveFileName(
            self,  # type: ignore[arg-type]
            f"Save the {title.lower()}",
            str(Path(folder or Path.home()) / name),
            "PDF documents (*.pdf)",
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")
        services, patient_id = self.services, self.patient_id
        self.runner.database(
            lambda: collect(services, patient_id),
            lambda data: self._render(kind, data, target),
            self._print_failed,
            owner=self,  # type: ignore[arg-type]
        )

    def _render(self, kind: str, data: ReportData, target: Path) -> None:
        document = DOCUMENTS[kind]
        services, patient_id = self.services, self.patient_id

        def built(content: bytes) -> None:
            self.runner.database(
                lambda: save_document(services, patient_id, document, content, target),
                self._printed,
                self._print_failed,
                owner=self,  # type: ignore[arg-type]
            )

        self.runner.compute(
            lambda: document.build(data),
            built,
            self._print_failed,
            owner=self,  # type: ignore[arg-type]
        )

    def _printed(self, path: Path) -> None:
        self.last_printed = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _print_failed(self, error: BaseException) -> None:
        self.show_error("The document could not be made", error)  # type: ignore[attr-defined]


def print_button(chart: ChartPrinting) -> QPushButton:
    """ "Print…" with one entry per document (Ctrl+P, in the File menu, prints the summary)."""
    widget = chart  # a QWidget at run time
    assert isinstance(widget, QWidget)
    button = QPushButton("&Print…")
    button.setToolTip("Treatment summary, patient handout or consent form as a PDF (Ctrl+P)")
    menu = QMenu(button)
    for kind in DOCUMENTS.values():
        action = menu.addAction(f"{kind.title}…")
        action.setObjectName(f"print_{kind.name}")
        action.triggered.connect(lambda _=False, k=kind.name: chart.print_document(k))
    button.setMenu(menu)
    return button

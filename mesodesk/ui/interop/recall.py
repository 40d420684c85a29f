"""The recall report from the lot screen: saved as CSV for a spreadsheet, or as a PDF to print.

The report is read afresh on the database thread (the list on screen may be minutes old), laid
out and written with its audit row there; a PDF then opens in the system's viewer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from mesodesk.interop.recall import load_recall, save_recall
from mesodesk.services import Services
from mesodesk.services.mixtures import LotView
from mesodesk.ui.interop.exports import ask_save_path
from mesodesk.ui.tasks import TaskRunner

FILTERS = {"csv": "CSV files (*.csv)", "pdf": "PDF documents (*.pdf)"}


def recall_file_name(lot: LotView, kind: str) -> str:
    stem = f"recall_{lot.product_name}_{lot.lot_number}_{date.today():%Y-%m-%d}"
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) + f".{kind}"


def save_recall_report(
    parent: QWidget, services: Services, runner: TaskRunner, lot: LotView, kind: str
) -> Path | None:
    """Ask where, then write the lot's recall report; returns the chosen path (or None)."""
    target = ask_save_path(
        parent,
        "Print the recall report" if kind == "pdf" else "Save the recall list",
        recall_file_name(lot, kind),
        FILTERS[kind],
        f".{kind}",
    )
    if target is None:
        return None

    def work() -> Path:
        return save_recall(services, load_recall(services, lot.id), target, kind)

    def done(path: Path) -> None:
        if kind == "pdf":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    runner.database(
        work,
        done,
        lambda error: QMessageBox.warning(parent, "Recall report", str(error)),
    )
    return target


def recall_buttons(parent: QWidget) -> tuple[QPushButton, QPushButton]:
    """ "Save as CSV…" and "Print report…", for the recall box of the lot screen."""
    save = QPushButton("Save as &CSV…")
    save.setObjectName("saveRecallCsvButton")
    save.setToolTip("The recall list as a spreadsheet file (UTF-8)")
    report = QPushButton("Print &report…")
    report.setObjectName("printRecallButton")
    report.setToolTip("The recall list as a PDF with the clinic's letterhead, to print")
    for button in (save, report):
        button.setAutoDefault(False)
        button.setParent(parent)
    return save, report

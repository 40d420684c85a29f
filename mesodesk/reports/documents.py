"""The printable documents by name, and writing a PDF so a crash never leaves half a file.

A printed document carries the record out of the system: `save_document` puts it in place
only once the audit trail records it.

The command line and the window both go through `DOCUMENTS`: a new kind of document is one
more entry here, and both pick it up.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mesodesk.reports.report_data import ReportData

if TYPE_CHECKING:
    from mesodesk.services import Services


@dataclass(frozen=True)
class DocumentKind:
    name: str  # the command-line word and the file-name suffix
    title: str  # what a menu shows
    help: str
    build: Callable[[ReportData], bytes]


def _summary(data: ReportData) -> bytes:
    from mesodesk.reports.summary import build_summary

    return build_summary(data)


def _handout(data: ReportData) -> bytes:
    from mesodesk.reports.handout import build_handout

    return build_handout(data)


def _consent(data: ReportData) -> bytes:
    from mesodesk.reports.consent import build_consent

    return build_consent(data)


DOCUMENTS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind(
            "summary",
            "Treatment summary",
            "the treatment summary for the patient's file or a referring doctor",
            _summary,
        ),
        DocumentKind(
            "handout",
            "Patient handout",
            "aftercare for the patient's latest session, with the next appointment",
            _handout,
        ),
        DocumentKind(
            "consent", "Consent form", "the consent form, pre-filled with the patient", _consent
        ),
    )
}


def default_file_name(family_name: str, given_names: str, kind: str, day: date) -> str:
    """Surname_Given_summary_YYYY-MM-DD.pdf, safe on every file system."""
    stem = f"{family_name}_{given_names}_{kind}_{day:%Y-%m-%d}"
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem)
    return f"{safe}.pdf"


def save_document(
    services: Services,
    patient_id: int,
    kind: DocumentKind,
    content: bytes,
    path: str | os.PathLike[str],
) -> Path:
    """Put a patient's document at `path` together with its audit row.

    The PDF is written to a temporary file beside `path` and renamed into place only after
    the audit row is stored: if the audit trail cannot record it, no document appears. If the
    rename then fails, `ExportError` says that the document is not there (the audit trail
    then holds a print that did not arrive, never a document it does not know about).
    """
    from mesodesk.interop.files import ExportError, publish
    from mesodesk.services.chart import record_document

    target = Path(path)
    with publish(target, content) as put_in_place:
        record_document(services, patient_id, kind.title, target.name)
        try:
            put_in_place()
        except OSError as exc:
            raise ExportError(
                f"The {kind.title.lower()} was not saved as {target} ({exc.strerror or exc}). "
                "The audit trail records it as printed. Close that file if another program has "
                "it open, or choose another name, then print it again."
            ) from exc
    return target

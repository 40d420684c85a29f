"""Report fixtures: documents built from hand-made plain data, and reading PDFs back."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from mesodesk.reports.report_data import (
    AssessmentInfo,
    ClinicInfo,
    CourseInfo,
    MixtureInfo,
    OutcomePoint,
    PatientInfo,
    ReportData,
    SessionInfo,
)

PRINTED = date(2026, 3, 2)
NEXT = date(2026, 3, 9)


def session(number: int, **changes: object) -> SessionInfo:
    made = SessionInfo(
        performed_at=datetime(2026, 1, 5, 10) + timedelta(weeks=number),
        practitioner="Dr Lena Vogel",
        mixture="AGA standard",
        volume_ml=4.0,
        needle="32 G × 4 mm",
        technique="Nappage",
        zones=("Vertex (crown) 1.5 mm", "Frontal 1.25 mm"),
        lots=("Biotin 5 mL vial BT-2291",),
        lot_numbers=("BT-2291",),
        reactions="Mild erythema" if number % 3 == 0 else "",
    )
    return replace(made, **changes)


def report(sessions: int = 3, **changes: object) -> ReportData:
    """A patient well into a course: assessments, mixture, sessions and two checkpoints."""
    data = ReportData(
        clinic=ClinicInfo("Lindenhof Clinic", "Lindenstraße 14, Berlin", "+49 30 1234", "a@b.de"),
        patient=PatientInfo(
            7, "P000007", "Müller", "Anna", date(1984, 5, 6), "Female", "Lidocaine", ()
        ),
        printed_on=PRINTED,
        assessments=(
            AssessmentInfo(
                date(2026, 1, 5),
                "Androgenetic alopecia (female pattern)",
                "Ludwig II",
                "Frontal 140/cm² 61 µm",
                "Erythema mild",
            ),
        ),
        course=CourseInfo("Standard course", date(2026, 1, 5), "Active", sessions, 8, NEXT),
        mixtures=(
            MixtureInfo(
                "AGA standard",
                4.0,
                ("Biotin 0.5 mg/mL", "Organic silicon 10 mg/mL"),
                ("Biotin 5 mL vial lot BT-2291 (exp. 01.01.2027)",),
            ),
        ),
        sessions=tuple(session(n) for n in range(sessions)),
        outcomes=(
            OutcomePoint("Baseline\n05.01.2026", date(2026, 1, 5), 0.0, 0.0, 0, None),
            OutcomePoint("Week 12\n30.03.2026", date(2026, 3, 30), 6.5, 2.0, 1, 7),
        ),
    )
    return replace(data, **changes)


def pdf_pages(content: bytes) -> list[str]:
    """Each page's text; strict reading fails on a malformed file."""
    reader = PdfReader(io.BytesIO(content), strict=True)
    return [page.extract_text() for page in reader.pages]


def pdf_text(content: bytes) -> str:
    return "\n".join(pdf_pages(content))


@pytest.fixture
def data() -> ReportData:
    return report()

"""Everything a patient's chart shows, read in one call and returned as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from mesodesk.db.models import Photo
from mesodesk.domain.enums import AuditAction, PhotoView
from mesodesk.services import Services, audit
from mesodesk.services.notes import ClinicalNote
from mesodesk.services.patients import PatientDetail


@dataclass(frozen=True)
class PhotoRow:
    id: int
    view: PhotoView
    taken_at: datetime | None
    session_id: int | None
    width: int
    height: int
    original_name: str
    trichoscopy_site: str = ""
    magnification: int | None = None


@dataclass(frozen=True)
class ChartData:
    patient: PatientDetail
    assessments: list[Any]
    course: Any | None
    sessions: list[Any]
    outcomes: list[Any]
    photos: list[PhotoRow]
    today: date
    notes: list[ClinicalNote] | None = None  # None: this account does not see clinical notes


def photo_rows(services: Services, patient_id: int) -> list[PhotoRow]:
    with services.store.reading() as session:
        rows = session.execute(
            select(
                Photo.id,
                Photo.view,
                Photo.taken_at,
                Photo.session_id,
                Photo.width,
                Photo.height,
                Photo.original_name,
                Photo.trichoscopy_site,
                Photo.magnification,
            )
            .where(Photo.patient_id == patient_id, Photo.deleted_at.is_(None))
            .order_by(Photo.taken_at.desc(), Photo.id.desc())
        )
        return [PhotoRow(*row) for row in rows]


def load_chart(
    services: Services, patient_id: int, *, today: date | None = None, audited: bool = True
) -> ChartData:
    """Read the chart; opening a chart is itself audited (who viewed which record)."""
    day = today or date.today()
    data = ChartData(
        patient=services.patients.get(patient_id),
        assessments=services.assessments.history(patient_id),
        course=services.courses.active_course(patient_id, today=day),
        sessions=services.sessions.for_patient(patient_id),
        outcomes=services.outcomes.for_patient(patient_id),
        photos=photo_rows(services, patient_id),
        today=day,
        notes=(
            services.notes.for_patient(patient_id) if services.actor.sees_clinical_notes else None
        ),
    )
    if audited:
        with services.store.writing() as session:
            audit.record(
                session,
                services.actor,
                AuditAction.VIEW,
                "patient",
                patient_id,
                patient_id=patient_id,
                summary="Opened the chart",
            )
    return data


def record_document(services: Services, patient_id: int, title: str, file_name: str) -> None:
    """A printed document (summary, handout, consent form) carries the record out: audited."""
    with services.store.writing() as session:
        audit.record(
            session,
            services.actor,
            AuditAction.EXPORT,
            "patient",
            patient_id,
            patient_id=patient_id,
            summary=f"Printed the {title.lower()} ({file_name})",
            after={"format": "pdf", "file": file_name},
        )

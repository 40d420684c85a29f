"""Everything a patient's chart shows, read in one call and returned as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from mesodesk.db.models import Photo
from mesodesk.domain.enums import AuditAction, PhotoView
from mesodesk.services import Services, audit
from mesodesk.services.notes import ClinicalNote
from mesodesk.services.patients import PatientDetail
from mesodesk.services.session_views import session_rows
from mesodesk.services.statements import run


class PhotoRow(NamedTuple):
    """One photo as the chart lists it (a tuple: a patient may have hundreds)."""

    id: int
    view: PhotoView
    taken_at: datetime | None
    session_id: int | None
    width: int
    height: int
    original_name: str
    trichoscopy_site: str
    magnification: int | None
    sha256: str  # with the type, finds the files: the grid reads no record to show them
    mime_type: str


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
        return _photo_rows(session, patient_id)


@cache
def _photos_statement() -> Select:
    """Built once: building a select costs more than running it (a new one is hashed too)."""
    return (
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
            Photo.sha256,
            Photo.mime_type,
        )
        .where(Photo.patient_id == bindparam("patient_id"), Photo.deleted_at.is_(None))
        .order_by(Photo.taken_at.desc(), Photo.id.desc())
    )


def _photo_rows(session: Session, patient_id: int) -> list[PhotoRow]:
    rows = run(session, _photos_statement(), {"patient_id": patient_id}).all()
    return list(map(PhotoRow._make, rows))


def load_chart(
    services: Services, patient_id: int, *, today: date | None = None, audited: bool = True
) -> ChartData:
    """Read the chart; opening a chart is itself audited (who viewed which record).

    One transaction for everything: the parts agree with each other, and the audited view
    shares it (a write transaction whose only write, the audit row, comes last), so the
    chart costs one BEGIN and one COMMIT. A part that cannot be read (no such patient)
    raises before the audit row is written, and nothing is committed.
    """
    day = today or date.today()
    transaction = services.store.writing if audited else services.store.reading
    clinical = services.actor.sees_clinical_notes
    with transaction() as session:
        assessments = services.assessments.read_history(session, patient_id)
        sessions = session_rows(session, patient_id, notes_visible=clinical)
        outcomes = services.outcomes.read_for_patient(session, patient_id)
        data = ChartData(
            patient=services.patients.read_detail(session, patient_id),
            assessments=assessments,
            course=services.courses.read_active_course(session, patient_id, day),
            sessions=sessions,
            outcomes=outcomes,
            photos=_photo_rows(session, patient_id),
            today=day,
            notes=services.notes.gather(assessments, sessions, outcomes) if clinical else None,
        )
        if audited:
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

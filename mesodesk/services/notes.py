"""A patient's clinical notes in one list: what practitioners wrote, never shown to front desk.

Clinical notes are the free text of assessments, treatment sessions (current versions) and
outcomes. The refusal lives here, in the service: a front-desk account
asking for them gets `PermissionDenied`, whatever the window shows or hides. Other views
(assessment, session and outcome lists) come back with their notes blanked for front desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session, aliased

from mesodesk.db.models import Assessment, Outcome, TreatmentSession, User
from mesodesk.services.session_views import current_version_clause
from mesodesk.services.statements import run
from mesodesk.services.store import Service


@dataclass(frozen=True)
class ClinicalNote:
    day: date
    source: str  # "Assessment", "Session", "Outcome"
    author: str
    text: str


# Built once: a new alias per call makes SQLAlchemy re-derive its columns on every read.
_AUTHOR = aliased(User, name="author")


class NotesService(Service):
    def for_patient(self, patient_id: int) -> list[ClinicalNote]:
        """Every non-empty clinical note of the patient, newest first."""
        self.actor.require_clinical("read clinical notes")
        with self.store.reading() as session:
            return self.read_for_patient(session, patient_id)

    def read_for_patient(self, session: Session, patient_id: int) -> list[ClinicalNote]:
        """`for_patient` inside a transaction the caller holds (refused to front desk too)."""
        self.actor.require_clinical("read clinical notes")
        found: list[ClinicalNote] = []
        for source, query in _note_statements():
            for when, note, name in run(session, query, {"patient_id": patient_id}):
                moment = when.astimezone().date() if hasattr(when, "hour") else when
                found.append(ClinicalNote(moment, source, name or "", note))
        found.sort(key=lambda n: n.day, reverse=True)
        return found


@cache
def _note_statements() -> tuple[tuple[str, Select], ...]:
    """The three selects, built once: building one costs more than running it."""
    author = _AUTHOR
    patient_id = bindparam("patient_id")
    live = TreatmentSession.deleted_at.is_(None)
    return tuple(
        (
            source,
            select(day, text, author.display_name)
            .outerjoin(author, author.id == by)
            .where(*where, text != ""),
        )
        for source, day, text, by, where in (
            (
                "Assessment",
                Assessment.assessed_on,
                Assessment.notes,
                Assessment.practitioner_id,
                (Assessment.patient_id == patient_id, Assessment.deleted_at.is_(None)),
            ),
            (
                "Session",
                TreatmentSession.performed_at,
                TreatmentSession.notes,
                TreatmentSession.practitioner_id,
                (TreatmentSession.patient_id == patient_id, live, current_version_clause()),
            ),
            (
                "Outcome",
                Outcome.measured_on,
                Outcome.notes,
                Outcome.recorded_by_id,
                (Outcome.patient_id == patient_id, Outcome.deleted_at.is_(None)),
            ),
        )
    )

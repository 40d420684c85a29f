"""A patient's clinical notes in one list: what practitioners wrote, never shown to front desk.

Clinical notes are the free text of assessments, treatment sessions (current versions) and
outcomes. The refusal lives here, in the service: a front-desk account
asking for them gets `PermissionDenied`, whatever the window shows or hides. Other views
(assessment, session and outcome lists) come back with their notes blanked for front desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import aliased

from mesodesk.db.models import Assessment, Outcome, TreatmentSession, User
from mesodesk.services.session_views import current_version_clause
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
        author = _AUTHOR
        live = TreatmentSession.deleted_at.is_(None)
        with self.store.reading() as session:
            found: list[ClinicalNote] = []
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
            ):
                query = (
                    select(day, text, author.display_name)
                    .outerjoin(author, author.id == by)
                    .where(*where, text != "")
                )
                for when, note, name in session.execute(query):
                    moment = when.astimezone().date() if hasattr(when, "hour") else when
                    found.append(ClinicalNote(moment, source, name or "", note))
        found.sort(key=lambda n: n.day, reverse=True)
        return found

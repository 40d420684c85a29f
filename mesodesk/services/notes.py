"""A patient's clinical notes in one list: what practitioners wrote, never shown to front desk.

Clinical notes are the free text of assessments, treatment sessions (current versions) and
outcomes. The refusal lives here, in the service: a front-desk account
asking for them gets `PermissionDenied`, whatever the window shows or hides. Other views
(assessment, session and outcome lists) come back with their notes blanked for front desk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from mesodesk.services.session_views import SessionRow, session_rows
from mesodesk.services.store import Service

if TYPE_CHECKING:
    from mesodesk.services.assessment_views import AssessmentView
    from mesodesk.services.outcomes import OutcomeView


@dataclass(frozen=True)
class ClinicalNote:
    day: date
    source: str  # "Assessment", "Session", "Outcome"
    author: str
    text: str


class NotesService(Service):
    def for_patient(self, patient_id: int) -> list[ClinicalNote]:
        """Every non-empty clinical note of the patient, newest first."""
        self.actor.require_clinical("read clinical notes")
        with self.store.reading() as session:
            return self.read_for_patient(session, patient_id)

    def read_for_patient(self, session: Session, patient_id: int) -> list[ClinicalNote]:
        """`for_patient` inside a transaction the caller holds (refused to front desk too)."""
        from mesodesk.services.assessments import AssessmentService
        from mesodesk.services.outcomes import OutcomeService

        self.actor.require_clinical("read clinical notes")
        return self.gather(
            AssessmentService(self.store, self.actor).read_history(session, patient_id),
            session_rows(session, patient_id),
            OutcomeService(self.store, self.actor).read_for_patient(session, patient_id),
        )

    def gather(
        self,
        assessments: Iterable[AssessmentView],
        sessions: Iterable[SessionRow],
        outcomes: Iterable[OutcomeView],
    ) -> list[ClinicalNote]:
        """The notes of records already read (the chart has them all): no further query."""
        self.actor.require_clinical("read clinical notes")
        found = [
            *(ClinicalNote(a.assessed_on, "Assessment", a.practitioner_name, a.notes)
              for a in assessments if a.notes),
            *(ClinicalNote(s.performed_at.astimezone().date(), "Session", s.practitioner, s.notes)
              for s in sessions if s.notes),
            *(ClinicalNote(o.measured_on, "Outcome", o.recorded_by, o.notes)
              for o in outcomes if o.notes),
        ]  # fmt: skip
        found.sort(key=lambda n: n.day, reverse=True)
        return found

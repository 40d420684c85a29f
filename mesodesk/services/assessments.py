"""Scalp assessments: record, correct, soft-delete and read back a patient's assessments.

Assessments are not signed, so they are edited in place; the audit row keeps the before and
after of every edit. SALT is computed, never typed: when the four regions are given the
service stores the weighted score and derives the SALT grade (S0–S5) as the SALT stage. A SALT
stage picked by hand must agree with the regions, otherwise the assessment is refused.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mesodesk.db.models import Assessment, AssessmentStage, Patient, TrichoscopyMeasurement, User
from mesodesk.domain.drafts import AssessmentDraft, StageEntry
from mesodesk.domain.enums import AuditAction, StagingScale
from mesodesk.domain.rules import validate_assessment
from mesodesk.domain.salt import salt_grade, salt_score
from mesodesk.domain.validation import Level, Problem, clean, enforce
from mesodesk.services import audit
from mesodesk.services.assessment_views import (
    CONDITION,
    PULL_TEST_POSITIVE_ABOVE,
    TRICHO_FIELDS,
    AssessmentView,
    assessment_views,
    patient_assessment_views,
)
from mesodesk.services.concurrency import require_version
from mesodesk.services.deletion import deletion_reason, mark_deleted
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.store import Service

_ENTITY = "assessment"
__all__ = ["PULL_TEST_POSITIVE_ABOVE", "AssessmentService", "AssessmentView"]


def resolved_stages(draft: AssessmentDraft) -> tuple[tuple[StageEntry, ...], list[Problem]]:
    """The stages to store: the SALT grade is derived from the regions when they are given."""
    stages = list(draft.stages or ())
    if draft.salt is None:
        return tuple(stages), []
    grade = salt_grade(salt_score(draft.salt))
    typed = [s for s in stages if s.scale is StagingScale.SALT]
    if not typed:
        return (*stages, StageEntry(StagingScale.SALT, grade)), []
    if any(s.stage != grade for s in typed):
        problem = Problem(
            "stages",
            f"The SALT stage {typed[0].stage} does not match the regions entered, "
            f"which give grade {grade}. Leave the SALT stage empty to have it computed.",
            Level.ERROR,
            "salt_stage_mismatch",
        )
        return tuple(stages), [problem]
    return tuple(stages), []


def _fill(row: Assessment, draft: AssessmentDraft, stages: tuple[StageEntry, ...]) -> None:
    row.assessed_on = draft.assessed_on
    row.diagnosis = draft.diagnosis
    row.diagnosis_other = clean(draft.diagnosis_other)
    row.contributors = [c.value for c in dict.fromkeys(draft.contributors or ())]
    row.contributors_other = clean(draft.contributors_other)
    salt = draft.salt
    row.salt_vertex = salt.vertex if salt else None
    row.salt_posterior = salt.posterior if salt else None
    row.salt_right = salt.right if salt else None
    row.salt_left = salt.left if salt else None
    row.salt_score = salt_score(salt) if salt else None
    row.pull_test_pulled = draft.pull_test_pulled
    row.pull_test_extracted = draft.pull_test_extracted
    for key in CONDITION:
        setattr(row, key, getattr(draft, key))
    row.notes = clean(draft.notes)
    row.stages = [AssessmentStage(scale=s.scale, stage=s.stage.strip()) for s in stages]
    row.trichoscopy = [
        TrichoscopyMeasurement(
            site=t.site,
            site_other=t.site_other.strip(),
            **{name: getattr(t, name) for name in TRICHO_FIELDS},
        )
        for t in draft.trichoscopy or ()
    ]


def _audit_dict(row: Assessment) -> dict[str, Any]:
    """Columns plus the child rows, so an edit's before/after shows stages and figures too."""
    data = audit.snapshot(row)
    data["stages"] = [f"{s.scale.value}:{s.stage}" for s in row.stages]
    data["trichoscopy"] = [
        {"site": t.site.value, **{name: getattr(t, name) for name in TRICHO_FIELDS}}
        for t in row.trichoscopy
    ]
    return data


class AssessmentService(Service):
    # -- writing ---------------------------------------------------------------------------
    def record(
        self,
        draft: AssessmentDraft,
        *,
        acknowledge_warnings: bool = False,
        today: date | None = None,
    ) -> AssessmentView:
        """Store a new assessment; refused (nothing written) when the rules say no."""
        self.actor.require_clinical("record assessments")
        with self.store.writing() as session:
            stages = self._validate(session, draft, acknowledge_warnings, today)
            row = Assessment(
                patient_id=draft.patient_id,
                practitioner_id=self._practitioner(session, draft.practitioner_id),
            )
            _fill(row, draft, stages)
            session.add(row)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                _ENTITY,
                row.id,
                patient_id=row.patient_id,
                summary=f"Assessment of {row.assessed_on:%d.%m.%Y}: {draft.diagnosis.label}",
                after=_audit_dict(row),
            )
            return self._views(session, [row.id])[0]

    def update(
        self,
        assessment_id: int,
        draft: AssessmentDraft,
        *,
        acknowledge_warnings: bool = False,
        today: date | None = None,
        expected_version: int | None = None,
    ) -> AssessmentView:
        """Correct an assessment in place (assessments are not signed); audited before/after.
        Refused if someone else saved it since `expected_version` (the version the form loaded)."""
        self.actor.require_clinical("edit assessments")
        with self.store.writing() as session:
            row = self._load(session, assessment_id)
            label = f"The assessment of {row.assessed_on:%d.%m.%Y}"
            require_version(session, row, expected_version, _ENTITY, label)
            if draft.patient_id != row.patient_id:
                raise Conflict("An assessment cannot be moved to another patient.")
            stages = self._validate(session, draft, acknowledge_warnings, today)
            before = _audit_dict(row)
            row.stages.clear()
            row.trichoscopy.clear()
            session.flush()  # the old child rows go first: both are unique per assessment
            if draft.practitioner_id is not None:
                row.practitioner_id = self._practitioner(session, draft.practitioner_id)
            _fill(row, draft, stages)
            session.flush()
            old, new = audit.changes(before, _audit_dict(row))
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                _ENTITY,
                row.id,
                patient_id=row.patient_id,
                summary=f"Edited the assessment of {row.assessed_on:%d.%m.%Y}",
                before=old,
                after=new,
            )
            return self._views(session, [row.id])[0]

    def delete(self, assessment_id: int, reason: str) -> None:
        """Soft delete: the assessment stays in the database, hidden, with who, when and why."""
        self.actor.require_clinical("delete assessments")
        reason = deletion_reason(reason, "an assessment")
        with self.store.writing() as session:
            row = self._load(session, assessment_id)
            mark_deleted(row, self.actor, reason)
            audit.record(
                session,
                self.actor,
                AuditAction.DELETE,
                _ENTITY,
                row.id,
                patient_id=row.patient_id,
                summary=f"Deleted the assessment of {row.assessed_on:%d.%m.%Y}: {reason}",
            )

    # -- reading ---------------------------------------------------------------------------
    def get(self, assessment_id: int) -> AssessmentView:
        with self.store.reading() as session:
            views = self._views(session, [assessment_id])
        if not views:
            raise NotFound(f"No assessment with id {assessment_id}.")
        return views[0]

    def history(self, patient_id: int) -> list[AssessmentView]:
        """The patient's assessments, newest first."""
        with self.store.reading() as session:
            return self.read_history(session, patient_id)

    def read_history(self, session: Session, patient_id: int) -> list[AssessmentView]:
        """`history` inside a transaction the caller holds."""
        visible = self.actor.sees_clinical_notes
        return patient_assessment_views(session, patient_id, notes_visible=visible)

    def latest(self, patient_id: int) -> AssessmentView | None:
        with self.store.reading() as session:
            found = session.scalar(
                select(Assessment.id)
                .where(Assessment.patient_id == patient_id, Assessment.deleted_at.is_(None))
                .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
                .limit(1)
            )
            return self._views(session, [found])[0] if found is not None else None

    # -- helpers ---------------------------------------------------------------------------
    def _validate(
        self,
        session: Session,
        draft: AssessmentDraft,
        acknowledge_warnings: bool,
        today: date | None,
    ) -> tuple[StageEntry, ...]:
        """Check the draft against the patient's birth date before anything is written."""
        birth_date = session.scalar(
            select(Patient.birth_date).where(
                Patient.id == draft.patient_id, Patient.deleted_at.is_(None)
            )
        )
        if birth_date is None:
            raise NotFound(f"No patient with id {draft.patient_id}.")
        problems = validate_assessment(draft, today=today or date.today(), birth_date=birth_date)
        stages = draft.stages
        if not any(p.level is Level.ERROR for p in problems):  # the SALT regions are numbers
            stages, salt_problems = resolved_stages(draft)
            problems = [*problems, *salt_problems]
        enforce(problems, acknowledge_warnings=acknowledge_warnings)
        return stages

    def _practitioner(self, session: Session, practitioner_id: int | None) -> int | None:
        """The named practitioner, or the person recording the assessment."""
        chosen = practitioner_id if practitioner_id is not None else self.actor.user_id
        if chosen is not None and session.get(User, chosen) is None:
            raise NotFound(f"No user with id {chosen}.")
        return chosen

    @staticmethod
    def _load(session: Session, assessment_id: int) -> Assessment:
        row = session.scalar(
            select(Assessment)
            .where(Assessment.id == assessment_id, Assessment.deleted_at.is_(None))
            .options(selectinload(Assessment.stages), selectinload(Assessment.trichoscopy))
        )
        if row is None:
            raise NotFound(f"No assessment with id {assessment_id}.")
        return row

    def _views(self, session: Session, ids: list[int]) -> list[AssessmentView]:
        return assessment_views(session, ids, notes_visible=self.actor.sees_clinical_notes)

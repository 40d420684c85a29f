"""Outcome measurements per checkpoint, and the clinic's own results across patients.

The clinic summary is the honest comparison: the clinic's figures with the number of patients
they come from, never a marketing claim. Each patient counts once per checkpoint (their latest
measurement at it), so a patient measured twice does not weigh double.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import ColumnElement, Row, Select, bindparam, select
from sqlalchemy.orm import Session

from mesodesk.db.models import CoursePlan, Outcome, Patient, User
from mesodesk.domain.drafts import OutcomeDraft
from mesodesk.domain.enums import AuditAction, Checkpoint
from mesodesk.domain.rules import validate_outcome
from mesodesk.domain.validation import clean, enforce
from mesodesk.services import audit
from mesodesk.services.deletion import deletion_reason, mark_deleted
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.statements import run
from mesodesk.services.store import Service

_ENTITY = "outcome"
GLOBAL_SCALE = range(-3, 4)  # −3 greatly worse … 0 no change … +3 greatly improved


@dataclass(frozen=True)
class OutcomeView:
    id: int
    patient_id: int
    course_id: int | None
    measured_on: date
    checkpoint: Checkpoint
    density_change_pct: float | None
    diameter_change_pct: float | None
    global_assessment: int | None
    satisfaction: int | None
    notes: str
    recorded_by: str


@dataclass(frozen=True)
class OutcomeSummary:
    """The clinic's results at one checkpoint, with how many patients each figure rests on."""

    checkpoint: Checkpoint
    patients: int
    density_n: int
    density_mean: float | None
    density_median: float | None
    diameter_n: int
    diameter_mean: float | None
    global_n: int
    global_distribution: dict[int, int]  # every score −3 … +3, zero counts included
    improved: int  # global assessment ≥ +1
    satisfaction_n: int
    satisfaction_mean: float | None

    @property
    def text(self) -> str:
        """One line for a screen or a report, always with its n."""
        if not self.patients:
            return f"{self.checkpoint.label}: no patients measured yet."
        parts = [f"{self.checkpoint.label}: {self.patients} patient(s)"]
        if self.density_mean is not None:
            parts.append(
                f"density change mean {self.density_mean:+.1f} %, "
                f"median {self.density_median:+.1f} % (n = {self.density_n})"
            )
        if self.global_n:
            parts.append(f"improved {self.improved} of {self.global_n}")
        return "; ".join(parts)


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None


def summarise(checkpoint: Checkpoint, rows: list[OutcomeView]) -> OutcomeSummary:
    """Aggregate one checkpoint's measurements, the latest per patient."""
    latest: dict[int, OutcomeView] = {}
    for row in sorted(rows, key=lambda r: (r.measured_on, r.id)):
        latest[row.patient_id] = row
    kept = list(latest.values())
    density = [r.density_change_pct for r in kept if r.density_change_pct is not None]
    diameter = [r.diameter_change_pct for r in kept if r.diameter_change_pct is not None]
    scores = [r.global_assessment for r in kept if r.global_assessment is not None]
    satisfaction = [float(r.satisfaction) for r in kept if r.satisfaction is not None]
    return OutcomeSummary(
        checkpoint=checkpoint,
        patients=len(kept),
        density_n=len(density),
        density_mean=_mean(density),
        density_median=statistics.median(density) if density else None,
        diameter_n=len(diameter),
        diameter_mean=_mean(diameter),
        global_n=len(scores),
        global_distribution={score: scores.count(score) for score in GLOBAL_SCALE},
        improved=sum(score >= 1 for score in scores),
        satisfaction_n=len(satisfaction),
        satisfaction_mean=_mean(satisfaction),
    )


_COLUMNS = (
    Outcome.id,
    Outcome.patient_id,
    Outcome.course_id,
    Outcome.measured_on,
    Outcome.checkpoint,
    Outcome.density_change_pct,
    Outcome.diameter_change_pct,
    Outcome.global_assessment,
    Outcome.satisfaction,
    Outcome.notes,
)


class OutcomeService(Service):
    def record(
        self,
        draft: OutcomeDraft,
        *,
        acknowledge_warnings: bool = False,
        today: date | None = None,
    ) -> OutcomeView:
        """Store one checkpoint measurement; refused (nothing written) when the rules say no."""
        self.actor.require_clinical("record outcomes")
        enforce(
            validate_outcome(draft, today=today or date.today()),
            acknowledge_warnings=acknowledge_warnings,
        )
        with self.store.writing() as session:
            self._check_links(session, draft)
            row = Outcome(
                patient_id=draft.patient_id,
                course_id=draft.course_id,
                measured_on=draft.measured_on,
                checkpoint=draft.checkpoint,
                density_change_pct=draft.density_change_pct,
                diameter_change_pct=draft.diameter_change_pct,
                global_assessment=draft.global_assessment,
                satisfaction=draft.satisfaction,
                notes=clean(draft.notes),
                recorded_by_id=self.actor.user_id,
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                _ENTITY,
                row.id,
                patient_id=row.patient_id,
                summary=f"Outcome {draft.checkpoint.label} on {draft.measured_on:%d.%m.%Y}",
                after=audit.snapshot(row),
            )
            return self._rows(session, Outcome.id == row.id)[0]

    def delete(self, outcome_id: int, reason: str) -> None:
        """Soft delete with who, when and why; the summary no longer counts it."""
        self.actor.require_clinical("delete outcomes")
        reason = deletion_reason(reason, "an outcome")
        with self.store.writing() as session:
            row = session.get(Outcome, outcome_id)
            if row is None or row.deleted_at is not None:
                raise NotFound(f"No outcome with id {outcome_id}.")
            mark_deleted(row, self.actor, reason)
            audit.record(
                session,
                self.actor,
                AuditAction.DELETE,
                _ENTITY,
                row.id,
                patient_id=row.patient_id,
                summary=f"Deleted outcome {row.checkpoint.label} of "
                f"{row.measured_on:%d.%m.%Y}: {reason}",
            )

    def get(self, outcome_id: int) -> OutcomeView:
        with self.store.reading() as session:
            rows = self._rows(session, Outcome.id == outcome_id)
        if not rows:
            raise NotFound(f"No outcome with id {outcome_id}.")
        return rows[0]

    def for_patient(self, patient_id: int) -> list[OutcomeView]:
        """The patient's measurements, oldest first: the trend reads left to right."""
        with self.store.reading() as session:
            return self.read_for_patient(session, patient_id)

    def read_for_patient(self, session: Session, patient_id: int) -> list[OutcomeView]:
        """`for_patient` inside a transaction the caller holds."""
        return self._views(run(session, _patient_statement(), {"patient_id": patient_id}))

    def clinic_summary(self, checkpoint: Checkpoint) -> OutcomeSummary:
        """Across all (not deleted) patients: the clinic's own results at `checkpoint`."""
        with self.store.reading() as session:
            rows = self._rows(
                session,
                Outcome.checkpoint == checkpoint,
                select(Patient.id)
                .where(Patient.id == Outcome.patient_id, Patient.deleted_at.is_(None))
                .exists(),
            )
        return summarise(checkpoint, rows)

    # -- helpers ---------------------------------------------------------------------------
    def _rows(self, session: Session, *where: ColumnElement[bool]) -> list[OutcomeView]:
        return self._views(session.execute(_select(*where)))

    def _views(self, rows: Iterable[Row]) -> list[OutcomeView]:
        visible = self.actor.sees_clinical_notes
        return [
            OutcomeView(
                *row[:9], notes=row.notes if visible else "", recorded_by=row.display_name or ""
            )
            for row in rows
        ]

    @staticmethod
    def _check_links(session: Session, draft: OutcomeDraft) -> None:
        if (
            session.scalar(
                select(Patient.id).where(
                    Patient.id == draft.patient_id, Patient.deleted_at.is_(None)
                )
            )
            is None
        ):
            raise NotFound(f"No patient with id {draft.patient_id}.")
        if draft.course_id is None:
            return
        owner = session.scalar(
            select(CoursePlan.patient_id).where(
                CoursePlan.id == draft.course_id, CoursePlan.deleted_at.is_(None)
            )
        )
        if owner is None:
            raise NotFound(f"No course with id {draft.course_id}.")
        if owner != draft.patient_id:
            raise Conflict("That course belongs to another patient.")


def _select(*where: ColumnElement[bool]) -> Select:
    """Outcomes with their recorder's name, oldest first."""
    return (
        select(*_COLUMNS, User.display_name)
        .outerjoin(User, User.id == Outcome.recorded_by_id)
        .where(Outcome.deleted_at.is_(None), *where)
        .order_by(Outcome.measured_on, Outcome.id)
    )


@cache
def _patient_statement() -> Select:
    """One patient's outcomes (built once: the chart reads them every time it opens)."""
    return _select(Outcome.patient_id == bindparam("patient_id"))

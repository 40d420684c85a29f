"""Course plans: planning a course from a protocol, its visits' status, and the day's due list.

A visit is done when a current (not superseded by an amendment), not deleted treatment session
points at it. Visit status is derived on every read, never stored, so it is always as of
`today`. A patient has at most one active course: planning another stops the old one only
when the caller says so (`replace_active=True`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from sqlalchemy import Row, Select, bindparam, exists, select
from sqlalchemy.orm import Session, aliased

from mesodesk.db.models import CoursePlan, Patient, PlannedVisit, TreatmentSession
from mesodesk.domain.drafts import CoursePlanDraft
from mesodesk.domain.enums import (
    AuditAction,
    Checkpoint,
    CoursePhase,
    CourseStatus,
    PlannedStatus,
)
from mesodesk.domain.protocols import PROTOCOLS, plan_visits, planned_status
from mesodesk.domain.validation import Level, Problem, ValidationError, reason_text
from mesodesk.services import audit
from mesodesk.services.concurrency import require_version
from mesodesk.services.deletion import deletion_reason, mark_deleted
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.statements import run
from mesodesk.services.store import Service

_ENTITY = "course"
LOOKBACK_DAYS = 90  # the due list forgets visits missed longer ago than this


@dataclass(frozen=True)
class VisitView:
    id: int
    sequence: int
    due_date: date
    phase: CoursePhase
    checkpoint: Checkpoint | None
    session_id: int | None  # the session that fulfilled the visit
    performed_at: datetime | None
    status: PlannedStatus


@dataclass(frozen=True)
class CourseView:
    id: int
    patient_id: int
    protocol_key: str
    protocol_name: str
    start_date: date
    status: CourseStatus
    notes: str
    visits: tuple[VisitView, ...]
    today: date
    version: int = 1  # what a stop or completion hands back (see services.concurrency)

    def count(self, status: PlannedStatus) -> int:
        return sum(visit.status is status for visit in self.visits)

    @property
    def next_visit(self) -> VisitView | None:
        """The first visit still to be done, overdue ones included."""
        return next((v for v in self.visits if v.session_id is None), None)


@dataclass(frozen=True)
class DueRow:
    """One line of the day's list: a visit due (or overdue) and who to expect or call."""

    patient_id: int
    family_name: str
    given_names: str
    record_number: str
    phone: str
    course_id: int
    visit_id: int
    sequence: int
    due_date: date
    phase: CoursePhase
    checkpoint: Checkpoint | None
    protocol_name: str
    status: PlannedStatus

    @property
    def patient_name(self) -> str:
        return f"{self.family_name}, {self.given_names}"


# Built once: a new alias per call makes SQLAlchemy re-derive its columns on every chart load.
_COURSE_AMENDER = aliased(TreatmentSession, name="amender")


def current_session_for(visit_id_column: object) -> object:
    """EXISTS a current, not deleted session fulfilling the visit (indexed both ways)."""
    t = TreatmentSession
    amender = aliased(TreatmentSession)
    return (
        exists()
        .where(t.planned_visit_id == visit_id_column, t.deleted_at.is_(None))
        .where(~exists().where(amender.amends_id == t.id))
    )


def _unknown_protocol(key: str) -> ValidationError:
    known = ", ".join(f"{k} ({p.name})" for k, p in PROTOCOLS.items())
    return ValidationError(
        (
            Problem(
                "protocol_key",
                f"There is no course protocol {key!r}. Known protocols: {known}.",
                Level.ERROR,
                "unknown_protocol",
            ),
        )
    )


class CourseService(Service):
    # -- writing ---------------------------------------------------------------------------
    def plan(
        self,
        draft: CoursePlanDraft,
        *,
        replace_active: bool = False,
        today: date | None = None,
    ) -> CourseView:
        """Plan a course; its visits' due dates come from the protocol and the start date."""
        key = getattr(draft, "protocol_key", None)
        protocol = PROTOCOLS.get(key) if isinstance(key, str) else None
        if protocol is None:
            raise _unknown_protocol(draft.protocol_key)
        with self.store.writing() as session:
            if (
                session.scalar(
                    select(Patient.id).where(
                        Patient.id == draft.patient_id, Patient.deleted_at.is_(None)
                    )
                )
                is None
            ):
                raise NotFound(f"No patient with id {draft.patient_id}.")
            active = self._active(session, draft.patient_id)
            if active is not None:
                if not replace_active:
                    raise Conflict(
                        f"This patient already has an active course ({active.protocol_name}, "
                        f"from {active.start_date:%d.%m.%Y}). Stop it before planning a new "
                        "one, or replace it."
                    )
                self._set_status(
                    session, active, CourseStatus.STOPPED, "Replaced by a new course", today
                )
            course = CoursePlan(
                patient_id=draft.patient_id,
                protocol_key=draft.protocol_key,
                protocol_name=protocol.name,
                start_date=draft.start_date,
                status=CourseStatus.ACTIVE,
                notes=draft.notes.strip(),
                created_by_id=self.actor.user_id,
            )
            course.visits = [
                PlannedVisit(
                    sequence=visit.sequence,
                    due_date=visit.due_date,
                    phase=visit.phase,
                    checkpoint=visit.checkpoint,
                )
                for visit in plan_visits(protocol, draft.start_date)
            ]
            session.add(course)
            session.flush()
            after = audit.snapshot(course)
            after["visits"] = [v.due_date.isoformat() for v in course.visits]
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                _ENTITY,
                course.id,
                patient_id=course.patient_id,
                summary=f"Planned {protocol.name} from {draft.start_date:%d.%m.%Y} "
                f"({len(course.visits)} visits)",
                after=after,
            )
            return self._view(session, course.id, today)

    def stop(
        self,
        course_id: int,
        reason: str,
        *,
        today: date | None = None,
        expected_version: int | None = None,
    ) -> CourseView:
        """End an active course early; the reason goes into its notes and the audit trail."""
        reason = reason_text(reason)
        if not reason:
            raise Conflict("A reason is required to stop a course.")
        with self.store.writing() as session:
            course = self._load(session, course_id, expected_version)
            self._set_status(session, course, CourseStatus.STOPPED, reason, today)
            return self._view(session, course.id, today)

    def complete(
        self, course_id: int, *, today: date | None = None, expected_version: int | None = None
    ) -> CourseView:
        with self.store.writing() as session:
            course = self._load(session, course_id, expected_version)
            self._set_status(session, course, CourseStatus.COMPLETED, "", today)
            return self._view(session, course.id, today)

    def delete(self, course_id: int, reason: str) -> None:
        """Soft delete a course planned by mistake; sessions that fulfilled it keep their link."""
        reason = deletion_reason(reason, "a course")
        with self.store.writing() as session:
            course = self._load(session, course_id)
            mark_deleted(course, self.actor, reason)
            audit.record(
                session,
                self.actor,
                AuditAction.DELETE,
                _ENTITY,
                course.id,
                patient_id=course.patient_id,
                summary=f"Deleted course {course.protocol_name}: {reason}",
            )

    # -- reading ---------------------------------------------------------------------------
    def course(self, course_id: int, *, today: date | None = None) -> CourseView:
        with self.store.reading() as session:
            return self._view(session, course_id, today)

    def active_course(self, patient_id: int, *, today: date | None = None) -> CourseView | None:
        with self.store.reading() as session:
            return self.read_active_course(session, patient_id, today)

    @classmethod
    def read_active_course(
        cls, session: Session, patient_id: int, today: date | None = None
    ) -> CourseView | None:
        """`active_course` inside a transaction the caller holds."""
        head = run(session, _view_statements()[1], {"patient_id": patient_id}).one_or_none()
        return None if head is None else cls._view_of(session, head, today)

    def for_patient(self, patient_id: int, *, today: date | None = None) -> list[CourseView]:
        """Every course of the patient, newest first."""
        with self.store.reading() as session:
            ids = session.scalars(
                select(CoursePlan.id)
                .where(CoursePlan.patient_id == patient_id, CoursePlan.deleted_at.is_(None))
                .order_by(CoursePlan.start_date.desc(), CoursePlan.id.desc())
            )
            return [self._view(session, course_id, today) for course_id in list(ids)]

    def due_list(
        self, today: date, *, window_days: int = 0, lookback_days: int = LOOKBACK_DAYS
    ) -> list[DueRow]:
        """Visits due by `today + window_days` and not done, in active courses, soonest first.

        A missed visit that a later, fulfilled visit of the same course has overtaken is
        history, not work for today, and is left out; so are visits missed more than
        `lookback_days` ago: such a course needs a decision in the chart (stop or re-plan), not
        a daily reminder. Both bounds are a range on the due-date index.
        """
        pv, c, p = PlannedVisit, CoursePlan, Patient
        later = aliased(PlannedVisit)
        overtaken = exists().where(
            later.course_id == pv.course_id,
            later.sequence > pv.sequence,
            current_session_for(later.id),
        )
        query = (
            select(
                p.id,
                p.family_name,
                p.given_names,
                p.record_number,
                p.phone,
                c.id,
                pv.id,
                pv.sequence,
                pv.due_date,
                pv.phase,
                pv.checkpoint,
                c.protocol_name,
            )
            .join(c, c.id == pv.course_id)
            .join(p, p.id == c.patient_id)
            .where(
                pv.due_date >= today - timedelta(days=lookback_days),
                pv.due_date <= today + timedelta(days=window_days),
                c.status == CourseStatus.ACTIVE,
                c.deleted_at.is_(None),
                p.deleted_at.is_(None),
                ~current_session_for(pv.id),
                ~overtaken,
            )
            .order_by(pv.due_date, p.family_name, p.given_names, pv.sequence)
        )
        with self.store.reading() as session:
            return [
                DueRow(*row, status=planned_status(row.due_date, False, today))
                for row in session.execute(query)
            ]

    # -- helpers ---------------------------------------------------------------------------
    def _set_status(
        self,
        session: Session,
        course: CoursePlan,
        status: CourseStatus,
        reason: str,
        today: date | None,
    ) -> None:
        if course.status is not CourseStatus.ACTIVE:
            raise Conflict(f"This course is already {course.status.label.lower()}.")
        before = {"status": course.status.value, "notes": course.notes}
        course.status = status
        if reason:
            line = f"{status.label} on {(today or date.today()):%d.%m.%Y}: {reason}"
            course.notes = f"{course.notes}\n{line}".strip()
        audit.record(
            session,
            self.actor,
            AuditAction.UPDATE,
            _ENTITY,
            course.id,
            patient_id=course.patient_id,
            summary=f"Course {course.protocol_name} {status.label.lower()}"
            + (f": {reason}" if reason else ""),
            before=before,
            after={"status": status.value, "notes": course.notes},
        )

    @staticmethod
    def _active(session: Session, patient_id: int) -> CoursePlan | None:
        return session.scalar(
            select(CoursePlan)
            .where(
                CoursePlan.patient_id == patient_id,
                CoursePlan.status == CourseStatus.ACTIVE,
                CoursePlan.deleted_at.is_(None),
            )
            .order_by(CoursePlan.start_date.desc(), CoursePlan.id.desc())
            .limit(1)
        )

    @staticmethod
    def _load(session: Session, course_id: int, expected_version: int | None = None) -> CoursePlan:
        """The live course, refused (StaleRecord) if it is no longer at `expected_version`."""
        course = session.scalar(
            select(CoursePlan).where(CoursePlan.id == course_id, CoursePlan.deleted_at.is_(None))
        )
        if course is None:
            raise NotFound(f"No course with id {course_id}.")
        label = f"The course {course.protocol_name} of {course.start_date:%d.%m.%Y}"
        require_version(session, course, expected_version, _ENTITY, label)
        return course

    @classmethod
    def _view(cls, session: Session, course_id: int, today: date | None) -> CourseView:
        """Two Core selects: the course, then its visits with their fulfilling sessions."""
        head = run(session, _view_statements()[0], {"course_id": course_id}).one_or_none()
        if head is None:
            raise NotFound(f"No course with id {course_id}.")
        return cls._view_of(session, head, today)

    @staticmethod
    def _view_of(session: Session, head: Row, today: date | None) -> CourseView:
        """The view of a course row read by one of the head selects, with its visits."""
        day = today or date.today()
        rows = run(session, _view_statements()[2], {"course_id": head.id}).all()
        *columns, version = head
        return CourseView(*columns, visits=_visits(rows, day), today=day, version=version)


@cache
def _view_statements() -> tuple[Select, Select, Select]:
    """A course by `course_id`; a patient's active course (`CourseService._active`, as a
    row); the visits of `course_id`. Built once: building costs more than running."""
    c = CoursePlan
    course_id = bindparam("course_id")
    columns = select(
        *(c.id, c.patient_id, c.protocol_key, c.protocol_name, c.start_date),
        *(c.status, c.notes, c.version),
    ).where(c.deleted_at.is_(None))
    head = columns.where(c.id == course_id)
    active = (
        columns.where(c.patient_id == bindparam("patient_id"), c.status == CourseStatus.ACTIVE)
        .order_by(c.start_date.desc(), c.id.desc())
        .limit(1)
    )
    t, pv, amender = TreatmentSession, PlannedVisit, _COURSE_AMENDER
    fulfilled = (
        select(t.planned_visit_id, t.id.label("session_id"), t.performed_at)
        .where(t.deleted_at.is_(None), ~exists().where(amender.amends_id == t.id))
        .where(t.planned_visit_id.in_(select(pv.id).where(pv.course_id == course_id)))
        .subquery()
    )
    visits = (
        select(
            pv.id,
            pv.sequence,
            pv.due_date,
            pv.phase,
            pv.checkpoint,
            fulfilled.c.session_id,
            fulfilled.c.performed_at,
        )
        .outerjoin(fulfilled, fulfilled.c.planned_visit_id == pv.id)
        .where(pv.course_id == course_id)
        .order_by(pv.sequence, fulfilled.c.performed_at)
    )
    return head, active, visits


def _visits(rows: Iterable[Row], today: date) -> tuple[VisitView, ...]:
    """One view per visit (the earliest session wins if two fulfilled the same visit)."""
    seen: dict[int, VisitView] = {}
    for row in rows:
        if row.id not in seen:
            done = row.session_id is not None
            seen[row.id] = VisitView(*row, status=planned_status(row.due_date, done, today))
    return tuple(seen.values())

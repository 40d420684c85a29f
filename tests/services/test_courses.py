"""Course plans: planning from a protocol, one active course, visit status and the due list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from mesodesk.db.base import utcnow
from mesodesk.db.models import AuditEntry, CoursePlan, PlannedVisit, TreatmentSession
from mesodesk.domain.drafts import CoursePlanDraft, PatientDraft
from mesodesk.domain.enums import (
    AuditAction,
    Checkpoint,
    CoursePhase,
    CourseStatus,
    PlannedStatus,
    SessionStatus,
    Sex,
    Technique,
)
from mesodesk.domain.validation import ValidationError
from mesodesk.services.clinic import UserView
from mesodesk.services.courses import CourseService
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Actor, Store

START = date(2025, 1, 6)  # a Monday
_TABLES = (CoursePlan, PlannedVisit, AuditEntry)


def counts(store: Store) -> dict[str, int]:
    with store.reading() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in _TABLES
        }


def audit_rows(store: Store) -> list[AuditEntry]:
    with store.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.entity == "course").order_by(AuditEntry.id)
            )
        )


def register(store: Store, family: str) -> int:
    draft = PatientDraft(family, "Test", date(1979, 2, 2), Sex.MALE, phone="0170 555")
    return PatientService(store, SYSTEM).register(draft, acknowledge_warnings=True).id


def fulfil(
    store: Store,
    visit_id: int,
    patient_id: int,
    practitioner_id: int,
    *,
    amends_id: int | None = None,
    deleted: bool = False,
) -> int:
    """A treatment session pointing at the visit, written straight through the ORM."""
    with store.writing() as session:
        row = TreatmentSession(
            patient_id=patient_id,
            planned_visit_id=visit_id,
            performed_at=datetime(2025, 1, 6, 10, tzinfo=UTC),
            practitioner_id=practitioner_id,
            volume_ml=3.0,
            needle_gauge=32,
            needle_length_mm=4.0,
            technique=Technique.NAPPAGE,
            status=SessionStatus.SIGNED,
            amends_id=amends_id,
            deleted_at=utcnow() if deleted else None,
        )
        session.add(row)
        session.flush()
        return row.id


@pytest.fixture
def service(store: Store, actor: Actor) -> CourseService:
    return CourseService(store, actor)


@pytest.fixture
def patient_id(store: Store) -> int:
    return register(store, "Hoffmann")


def test_plan_generates_the_visits(service: CourseService, patient_id: int, store: Store) -> None:
    course = service.plan(CoursePlanDraft(patient_id, "standard", START), today=START)
    assert course.status is CourseStatus.ACTIVE
    assert course.protocol_name == "Standard course (12 sessions)"
    assert len(course.visits) == 12
    first, second, fifth = course.visits[0], course.visits[1], course.visits[4]
    assert (first.sequence, first.due_date, first.phase) == (1, START, CoursePhase.INDUCTION)
    assert first.checkpoint is Checkpoint.BASELINE and first.status is PlannedStatus.DUE
    assert second.due_date == START + timedelta(days=7)
    assert second.status is PlannedStatus.UPCOMING
    assert fifth.phase is CoursePhase.CONSOLIDATION
    assert {v.checkpoint for v in course.visits} >= {Checkpoint.WEEK_12, Checkpoint.WEEK_24}
    assert service.course(course.id, today=START) == course
    assert service.active_course(patient_id, today=START) == course

    (row,) = audit_rows(store)
    assert (row.action, row.entity_id, row.patient_id) == (
        AuditAction.CREATE,
        course.id,
        patient_id,
    )
    assert row.after["visits"][0] == START.isoformat() and len(row.after["visits"]) == 12


def test_unknown_protocol_is_refused_with_the_known_ones(
    service: CourseService, patient_id: int, store: Store
) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as caught:
        service.plan(CoursePlanDraft(patient_id, "weekly-forever", START))
    (problem,) = caught.value.errors
    assert problem.code == "unknown_protocol"
    assert "weekly-forever" in problem.message and "standard" in problem.message
    assert "short" in problem.message
    assert counts(store) == before


def test_one_active_course_per_patient(
    service: CourseService, patient_id: int, store: Store
) -> None:
    old = service.plan(CoursePlanDraft(patient_id, "standard", START), today=START)
    before = counts(store)
    with pytest.raises(Conflict, match="already has an active course"):
        service.plan(CoursePlanDraft(patient_id, "short", START + timedelta(days=30)))
    assert counts(store) == before

    new = service.plan(
        CoursePlanDraft(patient_id, "short", START + timedelta(days=30)),
        replace_active=True,
        today=START,
    )
    assert service.course(old.id).status is CourseStatus.STOPPED
    assert service.active_course(patient_id) == service.course(new.id)
    stopped, created = audit_rows(store)[-2:]
    assert (stopped.action, stopped.entity_id) == (AuditAction.UPDATE, old.id)
    assert stopped.before["status"] == "active" and stopped.after["status"] == "stopped"
    assert (created.action, created.entity_id) == (AuditAction.CREATE, new.id)
    assert [c.id for c in service.for_patient(patient_id)] == [new.id, old.id]


def test_stop_and_complete(service: CourseService, patient_id: int, store: Store) -> None:
    course = service.plan(CoursePlanDraft(patient_id, "short", START, notes="Budget: 6"))
    with pytest.raises(Conflict):
        service.stop(course.id, "")
    stopped = service.stop(course.id, "Moving abroad", today=date(2025, 2, 1))
    assert stopped.status is CourseStatus.STOPPED
    assert stopped.notes == "Budget: 6\nStopped on 01.02.2025: Moving abroad"
    assert service.active_course(patient_id) is None
    last = audit_rows(store)[-1]
    assert last.action is AuditAction.UPDATE and "Moving abroad" in last.summary
    before = counts(store)
    with pytest.raises(Conflict, match="already stopped"):
        service.complete(course.id)
    assert counts(store) == before

    other = service.plan(CoursePlanDraft(patient_id, "short", START))
    assert service.complete(other.id).status is CourseStatus.COMPLETED
    assert audit_rows(store)[-1].after["status"] == "completed"


def test_unknown_patient_or_course(service: CourseService, store: Store) -> None:
    before = counts(store)
    with pytest.raises(NotFound):
        service.plan(CoursePlanDraft(404, "standard", START))
    with pytest.raises(NotFound):
        service.course(404)
    assert counts(store) == before


def test_visit_status_follows_the_current_session(
    service: CourseService, patient_id: int, practitioner: UserView
) -> None:
    course = service.plan(CoursePlanDraft(patient_id, "standard", START))
    v1, v2, v3 = course.visits[:3]
    done = fulfil(service.store, v1.id, patient_id, practitioner.id)
    original = fulfil(service.store, v2.id, patient_id, practitioner.id)
    amendment = fulfil(service.store, v2.id, patient_id, practitioner.id, amends_id=original)
    fulfil(service.store, v3.id, patient_id, practitioner.id, deleted=True)

    today = START + timedelta(days=14)
    visits = service.course(course.id, today=today).visits
    assert (visits[0].status, visits[0].session_id) == (PlannedStatus.DONE, done)
    assert (visits[1].status, visits[1].session_id) == (PlannedStatus.DONE, amendment)
    assert (visits[2].status, visits[2].session_id) == (PlannedStatus.DUE, None)
    assert service.course(course.id, today=today).next_visit == visits[2]


def test_due_list_shows_overdue_and_not_fulfilled_visits(
    service: CourseService, store: Store, practitioner: UserView
) -> None:
    late, punctual, stopped = (
        register(store, "Late"),
        register(store, "Punctual"),
        register(store, "Stopped"),
    )
    late_course = service.plan(CoursePlanDraft(late, "standard", START))
    on_time = service.plan(CoursePlanDraft(punctual, "standard", START + timedelta(days=4)))
    gone = service.plan(CoursePlanDraft(stopped, "standard", START))
    service.stop(gone.id, "Stopped by the patient")
    fulfil(store, late_course.visits[0].id, late, practitioner.id)
    fulfil(store, on_time.visits[0].id, punctual, practitioner.id)

    today = START + timedelta(days=10)  # Late's 2nd visit was due 3 days ago
    rows = service.due_list(today)
    assert [(r.patient_id, r.sequence, r.status) for r in rows] == [
        (late, 2, PlannedStatus.OVERDUE)
    ]
    row = rows[0]
    assert row.patient_name == "Late, Test" and row.phone == "0170 555" and row.record_number
    assert row.due_date == START + timedelta(days=7) and row.course_id == late_course.id

    ahead = service.due_list(today, window_days=7)
    assert [(r.patient_id, r.sequence) for r in ahead] == [(late, 2), (punctual, 2), (late, 3)]
    assert ahead[-1].status is PlannedStatus.UPCOMING

    fulfil(store, late_course.visits[1].id, late, practitioner.id)
    assert service.due_list(today) == []


def test_due_list_leaves_out_visits_overtaken_by_a_later_session(
    service: CourseService, patient_id: int, store: Store, practitioner: UserView
) -> None:
    course = service.plan(CoursePlanDraft(patient_id, "standard", START))
    fulfil(store, course.visits[0].id, patient_id, practitioner.id)
    fulfil(store, course.visits[2].id, patient_id, practitioner.id)  # visit 2 was skipped
    today = START + timedelta(days=33)  # visit 4 was due on day 21, visit 5 on day 28
    assert [(r.sequence, r.status) for r in service.due_list(today)] == [
        (4, PlannedStatus.MISSED),
        (5, PlannedStatus.OVERDUE),
    ]
    visits = service.course(course.id, today=today).visits
    assert visits[1].status is PlannedStatus.MISSED  # still shown as missed in the chart


def test_due_list_ignores_deleted_patients_and_courses(
    service: CourseService, store: Store
) -> None:
    kept, removed = register(store, "Kept"), register(store, "Removed")
    service.plan(CoursePlanDraft(kept, "short", START))
    service.plan(CoursePlanDraft(removed, "short", START))
    PatientService(store, SYSTEM).delete(removed, "Duplicate record")
    assert {r.patient_id for r in service.due_list(START)} == {kept}
    course = service.active_course(kept)
    assert course is not None
    service.delete(course.id, "Planned by mistake")
    assert service.due_list(START) == []
    assert audit_rows(store)[-1].action is AuditAction.DELETE

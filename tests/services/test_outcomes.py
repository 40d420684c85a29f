"""Outcome checkpoints per patient and the clinic's own summary with its n."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from mesodesk.db.models import AuditEntry, Outcome
from mesodesk.domain.drafts import CoursePlanDraft, OutcomeDraft, PatientDraft
from mesodesk.domain.enums import AuditAction, Checkpoint, Role, Sex
from mesodesk.domain.validation import AcknowledgementRequired, ValidationError
from mesodesk.services.clinic import ClinicService
from mesodesk.services.courses import CourseService
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.outcomes import OutcomeService
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Actor, Store

TODAY = date(2025, 6, 30)
W12 = Checkpoint.WEEK_12


def counts(store: Store) -> tuple[int, int]:
    with store.reading() as session:
        outcomes = session.scalar(select(func.count()).select_from(Outcome)) or 0
        audits = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return outcomes, audits


def register(store: Store, family: str) -> int:
    draft = PatientDraft(family, "Test", date(1988, 8, 8), Sex.FEMALE)
    return PatientService(store, SYSTEM).register(draft, acknowledge_warnings=True).id


@pytest.fixture
def service(store: Store, actor: Actor) -> OutcomeService:
    return OutcomeService(store, actor)


@pytest.fixture
def patient_id(store: Store) -> int:
    return register(store, "Weber")


def measure(
    patient_id: int, on: date, checkpoint: Checkpoint = W12, **values: object
) -> OutcomeDraft:
    return OutcomeDraft(patient_id, on, checkpoint, **values)  # type: ignore[arg-type]


def test_record_and_read_back_in_date_order(
    service: OutcomeService, patient_id: int, store: Store
) -> None:
    later = service.record(
        measure(patient_id, date(2025, 6, 1), density_change_pct=18.5, global_assessment=2),
        today=TODAY,
    )
    baseline = service.record(
        measure(patient_id, date(2025, 3, 1), Checkpoint.BASELINE, notes="Photos taken"),
        today=TODAY,
    )
    assert service.for_patient(patient_id) == [baseline, later]
    assert later.density_change_pct == 18.5 and later.global_assessment == 2
    assert later.recorded_by == "Dr Lena Vogel"
    assert service.get(baseline.id).notes == "Photos taken"
    with store.reading() as session:
        rows = list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "outcome")))
    assert [(r.action, r.entity_id, r.patient_id) for r in rows] == [
        (AuditAction.CREATE, later.id, patient_id),
        (AuditAction.CREATE, baseline.id, patient_id),
    ]
    assert rows[0].after["checkpoint"] == "week_12"


def test_refused_outcome_writes_nothing(
    service: OutcomeService, patient_id: int, store: Store
) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as caught:
        service.record(measure(patient_id, TODAY, global_assessment=5), today=TODAY)
    assert [p.field for p in caught.value.errors] == ["global_assessment"]
    with pytest.raises(ValidationError):
        service.record(measure(patient_id, date(2025, 7, 1)), today=TODAY)
    with pytest.raises(NotFound):
        service.record(measure(999, TODAY), today=TODAY)
    assert counts(store) == before


def test_warnings_need_acknowledgement(
    service: OutcomeService, patient_id: int, store: Store
) -> None:
    draft = measure(patient_id, TODAY, density_change_pct=150.0)
    before = counts(store)
    with pytest.raises(AcknowledgementRequired):
        service.record(draft, today=TODAY)
    assert counts(store) == before
    assert service.record(draft, acknowledge_warnings=True, today=TODAY).density_change_pct == 150


def test_course_must_be_the_patients(
    service: OutcomeService, patient_id: int, store: Store
) -> None:
    other = register(store, "Other")
    course = CourseService(store, SYSTEM).plan(CoursePlanDraft(other, "short", date(2025, 3, 3)))
    before = counts(store)
    with pytest.raises(Conflict):
        service.record(measure(patient_id, TODAY, course_id=course.id), today=TODAY)
    assert counts(store) == before
    own = service.record(measure(other, TODAY, course_id=course.id), today=TODAY)
    assert own.course_id == course.id


def test_delete_is_soft_and_audited(service: OutcomeService, patient_id: int, store: Store) -> None:
    saved = service.record(measure(patient_id, TODAY, density_change_pct=4.0), today=TODAY)
    with pytest.raises(Conflict):
        service.delete(saved.id, "")
    service.delete(saved.id, "Measured on the wrong site")
    assert service.for_patient(patient_id) == []
    assert service.clinic_summary(W12).patients == 0
    with pytest.raises(NotFound):
        service.delete(saved.id, "again")
    with store.reading() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.action is AuditAction.DELETE
    assert last.entity_id == saved.id and "wrong site" in last.summary


def test_clinic_summary_counts_each_patient_once(service: OutcomeService, store: Store) -> None:
    a, b, c, d = (register(store, name) for name in ("Adler", "Berg", "Cramer", "Dorn"))
    service.record(measure(a, date(2025, 5, 1), density_change_pct=2.0), today=TODAY)
    service.record(  # a's latest week-12 measurement replaces the earlier one
        measure(a, date(2025, 5, 20), density_change_pct=10.0, global_assessment=1),
        today=TODAY,
    )
    service.record(
        measure(b, date(2025, 5, 2), density_change_pct=20.0, global_assessment=2, satisfaction=8),
        today=TODAY,
    )
    service.record(
        measure(c, date(2025, 5, 3), density_change_pct=-3.0, global_assessment=0, satisfaction=5),
        today=TODAY,
    )
    service.record(measure(d, date(2025, 2, 1), Checkpoint.BASELINE), today=TODAY)

    summary = service.clinic_summary(W12)
    assert summary.patients == 3
    assert summary.density_n == 3
    assert summary.density_mean == pytest.approx(9.0)
    assert summary.density_median == 10.0
    assert summary.global_n == 3 and summary.improved == 2
    assert summary.global_distribution == {-3: 0, -2: 0, -1: 0, 0: 1, 1: 1, 2: 1, 3: 0}
    assert summary.satisfaction_n == 2 and summary.satisfaction_mean == 6.5
    assert summary.text.startswith("Week 12: 3 patient(s); density change mean +9.0 %")
    assert "(n = 3)" in summary.text

    PatientService(store, SYSTEM).delete(b, "Duplicate record")
    assert service.clinic_summary(W12).patients == 2
    empty = service.clinic_summary(Checkpoint.WEEK_24)
    assert (empty.patients, empty.density_mean, empty.density_median) == (0, None, None)
    assert empty.text == "Week 24: no patients measured yet."


def test_front_desk_does_not_see_outcome_notes(
    service: OutcomeService, patient_id: int, store: Store
) -> None:
    service.record(measure(patient_id, TODAY, notes="Unhappy with the result"), today=TODAY)
    desk = ClinicService(store, SYSTEM).add_user("desk", "Tom Desk", Role.FRONT_DESK)
    (seen,) = OutcomeService(store, desk.as_actor()).for_patient(patient_id)
    assert seen.notes == ""

"""Two workstations on one database: no save silently overwrites another; changes show."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mesodesk.db.models import Assessment, Clinic, Lot, Patient
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Role, Sex
from mesodesk.services.audit import verify_chain
from mesodesk.services.concurrency import StaleRecord, change_marker
from mesodesk.services.patients import PatientService
from mesodesk.services.store import Actor, Store

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)
FRONT = Actor(None, "anna.front", Role.ADMINISTRATOR)
BACK = Actor(None, "ben.back", Role.ADMINISTRATOR)


@pytest.fixture
def second(store: Store) -> Iterator[Store]:
    """The other workstation: its own engine and connections on the same database."""
    other = Store(store.url)
    yield other
    other.dispose()


def _patient(store: Store) -> int:
    draft = PatientDraft("Vogel", "Lena", date(1984, 3, 27), Sex.FEMALE)
    return PatientService(store, FRONT).register(draft, today=TODAY).id


def test_the_second_of_two_saves_is_refused_naming_who_saved_first(
    store: Store, second: Store
) -> None:
    patient_id = _patient(store)
    at_front = PatientService(store, FRONT).get(patient_id)
    at_back = PatientService(second, BACK).get(patient_id)

    PatientService(store, FRONT).update(
        patient_id, replace(at_front.draft, phone="030 111"), expected_version=at_front.version
    )
    with pytest.raises(StaleRecord) as refused:
        PatientService(second, BACK).update(
            patient_id, replace(at_back.draft, notes="late"), expected_version=at_back.version
        )

    assert refused.value.changed_by == "anna.front"
    assert "Vogel, Lena was changed by anna.front on " in str(refused.value)
    assert "reload" in str(refused.value)
    reloaded = PatientService(second, BACK).get(patient_id)
    assert reloaded.draft.phone == "030 111" and reloaded.draft.notes == ""
    PatientService(second, BACK).update(  # after reloading, the change goes in
        patient_id, replace(reloaded.draft, notes="late"), expected_version=reloaded.version
    )
    assert PatientService(store, FRONT).get(patient_id).draft.notes == "late"


@pytest.mark.parametrize("model", [Patient, Assessment, Lot, Clinic], ids=lambda m: m.__name__)
def test_two_orm_sessions_cannot_overwrite_each_other(
    store: Store, second: Store, model: type, request: pytest.FixtureRequest
) -> None:
    """The version counter underneath: a flush based on a stale row updates nothing."""
    from tests.services.session_data import build_world

    build_world(store, request.getfixturevalue("practitioner"))
    if model is Assessment:
        from mesodesk.services.assessments import AssessmentService

        with store.reading() as session:
            patient_id = session.scalar(select(Patient.id).limit(1))
        from mesodesk.domain.drafts import AssessmentDraft
        from mesodesk.domain.enums import Diagnosis

        AssessmentService(store, FRONT).record(
            AssessmentDraft(patient_id, TODAY, Diagnosis.TELOGEN_EFFLUVIUM), today=TODAY
        )
    if model is Clinic:
        with store.writing() as session:
            if session.scalar(select(Clinic.id)) is None:
                session.add(Clinic(name="Haarpraxis"))
    with Session(store.engine, expire_on_commit=False) as first:
        row = first.scalars(select(model).limit(1)).one()
        first.commit()  # the form is open; its transaction has ended
        with Session(second.engine) as other:
            theirs = other.get(model, row.id)
            theirs.updated_at = theirs.updated_at.replace(microsecond=1)
            other.commit()
        row.updated_at = row.updated_at.replace(microsecond=2)
        with pytest.raises(StaleDataError):
            first.commit()


def test_the_change_marker_moves_when_another_workstation_saves(
    store: Store, second: Store
) -> None:
    before = change_marker(store)
    assert change_marker(store) == before  # nothing changed, nothing to refresh
    _patient(second)
    assert change_marker(store) > before


def test_two_processes_register_and_edit_side_by_side_without_a_lost_update(
    store: Store,
) -> None:
    shared = _patient(store)
    count = 8
    url = store.url
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.services.workstation",
                url,
                name,
                str(count),
                str(shared),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("front", "back")
    ]
    outputs = [child.communicate(timeout=240) for child in children]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err

    patients = PatientService(store, FRONT)
    notes = patients.get(shared).draft.notes
    marks = sorted(mark for mark in notes.split(";") if mark)
    assert marks == sorted(f"{n}{i}" for n in ("front", "back") for i in range(count))
    assert patients.count("frontpatient") == count and patients.count("backpatient") == count
    with store.reading() as session:
        numbers = session.scalars(select(Patient.record_number)).all()
        assert len(numbers) == len(set(numbers)) == 2 * count + 1
        assert verify_chain(session) == []

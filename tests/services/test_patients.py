"""Patients: register, edit, find, delete — each one transaction with its audit row."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from mesodesk.db.models import AuditEntry, Patient
from mesodesk.domain.drafts import MedicalHistory, PatientDraft
from mesodesk.domain.enums import Sex
from mesodesk.domain.validation import AcknowledgementRequired, ValidationError
from mesodesk.services.audit import verify_chain
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.patients import PatientService
from mesodesk.services.store import Actor, Store

TODAY = date(2026, 11, 25)


def draft(family: str = "Müller", given: str = "Jana", **changes: object) -> PatientDraft:
    base = PatientDraft(
        family_name=family,
        given_names=given,
        birth_date=date(1985, 4, 12),
        sex=Sex.FEMALE,
        phone="+49 30 1234567",
    )
    return replace(base, **changes)


def counts(store: Store) -> tuple[int, int]:
    with store.reading() as s:
        return (
            s.scalar(select(func.count()).select_from(Patient)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


@pytest.fixture
def patients(store: Store, actor: Actor) -> PatientService:
    return PatientService(store, actor)


def test_register_assigns_record_numbers_and_audits(patients: PatientService, store: Store) -> None:
    first = patients.register(draft(), today=TODAY)
    second = patients.register(draft("Ørsted", "Hans"), today=TODAY)
    assert (first.record_number, second.record_number) == ("P000001", "P000002")
    detail = patients.get(first.id)
    assert detail.display_name == "Müller, Jana" and detail.age(TODAY) == 41
    with store.reading() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert (entry.action.value, entry.entity, entry.patient_id) == (
            "create",
            "patient",
            second.id,
        )
        assert entry.username == "dr.lena" and entry.after["family_name"] == "Ørsted"
        assert verify_chain(s) == []


def test_refused_input_writes_nothing(patients: PatientService, store: Store) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as refused:
        patients.register(draft(birth_date=date(2027, 1, 1)), today=TODAY)
    assert "future" in str(refused.value)
    with pytest.raises(ValidationError):
        patients.register(draft(family="", given="Jana\x00"), today=TODAY)
    assert counts(store) == before


def test_warnings_need_acknowledgement(patients: PatientService) -> None:
    young = draft(birth_date=date(2015, 1, 1))
    with pytest.raises(AcknowledgementRequired):
        patients.register(young, today=TODAY)
    assert patients.register(young, acknowledge_warnings=True, today=TODAY).id


def test_update_records_only_what_changed_and_refuses_a_stale_version(
    patients: PatientService, store: Store
) -> None:
    saved = patients.register(draft(), today=TODAY)
    changed = replace(draft(), history=MedicalHistory(pregnant=True), phone="+49 30 999")
    updated = patients.update(saved.id, changed, expected_version=saved.version, today=TODAY)
    assert updated.flags == ("Pregnant",) and updated.version == saved.version + 1
    with store.reading() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert set(entry.after) == {"pregnant", "phone", "phone_digits", "version"}
        assert entry.before["pregnant"] is False
    with pytest.raises(Conflict, match=r"Müller, Jana was changed by dr\.lena on "):
        patients.update(saved.id, draft(), expected_version=saved.version, today=TODAY)


def test_record_numbers_are_unique(patients: PatientService) -> None:
    patients.register(draft(record_number="A-17"), today=TODAY)
    with pytest.raises(Conflict, match="A-17"):
        patients.register(draft("Other", "Person", record_number="A-17"), today=TODAY)


def test_find_by_name_prefix_accents_record_number_phone_and_birth_date(
    patients: PatientService,
) -> None:
    mueller = patients.register(draft(), today=TODAY)
    patients.register(draft("Mulligan", "Sean", phone="0176 555 1234"), today=TODAY)
    patients.register(draft("Schmidt", "Müller-Anna", birth_date=date(1990, 2, 3)), today=TODAY)
    patients.register(draft("Ørsted", "Hans"), today=TODAY)

    def names(query: str) -> list[str]:
        return [row.display_name for row in patients.find(query)]

    # family-name matches first, then given-name matches
    assert names("mul") == ["Müller, Jana", "Mulligan, Sean", "Schmidt, Müller-Anna"]
    assert names("MÜLLER jana") == ["Müller, Jana"]
    assert names("orst") == ["Ørsted, Hans"]
    assert names(mueller.record_number) == ["Müller, Jana"]
    assert names("0176 555") == ["Mulligan, Sean"]
    assert names("03.02.1990") == ["Schmidt, Müller-Anna"]
    assert names("zzz") == []
    assert patients.count("mul") == 3 and patients.count("") == 4
    assert [r.display_name for r in patients.find("mul", limit=1, offset=1)] == ["Mulligan, Sean"]


def test_a_prefix_is_a_prefix_whatever_the_server_collates(patients: PatientService) -> None:
    """A server whose default collation skips spaces at first would put "muellerhof anna"
    between "mueller h" and "mueller i": the search keys compare byte by byte instead."""
    patients.register(draft("Mueller", "Hans"), today=TODAY)
    patients.register(draft("Muellerhof", "Anna"), today=TODAY)
    patients.register(draft("Mueller", "Ilse"), today=TODAY)

    assert [r.display_name for r in patients.find("mueller h")] == ["Mueller, Hans"]
    assert [r.display_name for r in patients.find("mueller")] == [
        "Mueller, Hans",
        "Mueller, Ilse",
        "Muellerhof, Anna",
    ]


def test_delete_is_soft_with_a_reason(patients: PatientService, store: Store) -> None:
    saved = patients.register(draft(), today=TODAY)
    with pytest.raises(Conflict, match="reason"):
        patients.delete(saved.id, " ")
    patients.delete(saved.id, "registered twice")
    assert patients.find("mül") == []
    with pytest.raises(NotFound):
        patients.get(saved.id)
    with store.reading() as s:
        row = s.get(Patient, saved.id)
        assert row.delete_reason == "registered twice" and row.deleted_at is not None


def test_resolve_by_record_number_or_id(patients: PatientService) -> None:
    saved = patients.register(draft(), today=TODAY)
    assert patients.resolve(saved.record_number) == saved.id
    assert patients.resolve(str(saved.id)) == saved.id
    with pytest.raises(NotFound):
        patients.resolve("P999999")

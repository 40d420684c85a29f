"""Scalp assessments: recorded, read back, corrected, deleted; refused input writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from mesodesk.db.models import Assessment, AssessmentStage, AuditEntry, TrichoscopyMeasurement
from mesodesk.domain.drafts import (
    AssessmentDraft,
    PatientDraft,
    SaltRegions,
    StageEntry,
    TrichoscopyEntry,
)
from mesodesk.domain.enums import (
    AuditAction,
    Contributor,
    Diagnosis,
    Role,
    Severity,
    Sex,
    StagingScale,
    TrichoscopySite,
)
from mesodesk.domain.validation import AcknowledgementRequired, ValidationError
from mesodesk.services.assessments import AssessmentService
from mesodesk.services.clinic import ClinicService
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Actor, Store

TODAY = date(2025, 3, 10)
_TABLES = (Assessment, AssessmentStage, TrichoscopyMeasurement, AuditEntry)


def counts(store: Store) -> dict[str, int]:
    with store.reading() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in _TABLES
        }


def audit_rows(store: Store, action: AuditAction | None = None) -> list[AuditEntry]:
    with store.reading() as session:
        query = select(AuditEntry).where(AuditEntry.entity == "assessment")
        if action is not None:
            query = query.where(AuditEntry.action == action)
        return list(session.scalars(query.order_by(AuditEntry.id)))


@pytest.fixture
def patient_id(store: Store) -> int:
    draft = PatientDraft("Keller", "Anna", date(1984, 6, 1), Sex.FEMALE)
    return PatientService(store, SYSTEM).register(draft, acknowledge_warnings=True).id


@pytest.fixture
def service(store: Store, actor: Actor) -> AssessmentService:
    return AssessmentService(store, actor)


def aga_draft(patient_id: int, **changes: object) -> AssessmentDraft:
    values: dict[str, object] = {
        "patient_id": patient_id,
        "assessed_on": date(2025, 3, 1),
        "diagnosis": Diagnosis.AGA_FEMALE,
        "contributors": (Contributor.HORMONAL, Contributor.STRESS),
        "stages": (StageEntry(StagingScale.LUDWIG, "II"), StageEntry(StagingScale.SINCLAIR, "3")),
        "trichoscopy": (
            TrichoscopyEntry(TrichoscopySite.FRONTAL, density_per_cm2=140, mean_diameter_um=52),
            TrichoscopyEntry(TrichoscopySite.OCCIPITAL, density_per_cm2=210, mean_diameter_um=68),
        ),
        "pull_test_pulled": 50,
        "pull_test_extracted": 6,
        "erythema": Severity.MILD,
        "notes": "Thinning along the part.",
    }
    values.update(changes)
    return AssessmentDraft(**values)  # type: ignore[arg-type]


def test_record_and_read_back(service: AssessmentService, patient_id: int, store: Store) -> None:
    saved = service.record(aga_draft(patient_id), today=TODAY)

    assert service.history(patient_id) == [saved]
    assert service.latest(patient_id) == saved
    assert service.get(saved.id) == saved
    assert saved.diagnosis is Diagnosis.AGA_FEMALE
    assert saved.diagnosis_label == "Androgenetic alopecia (female pattern)"
    assert saved.contributors == (Contributor.HORMONAL, Contributor.STRESS)
    assert saved.stage(StagingScale.LUDWIG) == "II"
    assert saved.stages_text == "Ludwig II, Sinclair 3"
    assert [t.site for t in saved.trichoscopy] == [
        TrichoscopySite.FRONTAL,
        TrichoscopySite.OCCIPITAL,
    ]
    assert saved.trichoscopy[0].density_per_cm2 == 140
    assert saved.trichoscopy_text == "Frontal 140/cm² 52 µm; Occipital 210/cm² 68 µm"
    assert saved.pull_test_positive is True  # 6 of 50 = 12 %
    assert saved.pull_test_text == "6/50 (positive)"
    assert saved.condition_text == "Erythema mild"
    assert saved.practitioner_name == "Dr Lena Vogel"
    assert saved.salt_score is None and saved.salt_grade is None
    assert saved.as_draft() == aga_draft(patient_id, practitioner_id=saved.practitioner_id)
    assert counts(store)["assessment_stages"] == 2


def test_pull_test_at_ten_percent_is_negative(service: AssessmentService, patient_id: int) -> None:
    saved = service.record(aga_draft(patient_id, pull_test_extracted=5), today=TODAY)
    assert saved.pull_test_positive is False
    none = service.record(
        aga_draft(patient_id, pull_test_pulled=None, pull_test_extracted=None), today=TODAY
    )
    assert none.pull_test_positive is None and none.pull_test_text == ""


def test_record_writes_one_audit_row(service: AssessmentService, patient_id: int) -> None:
    saved = service.record(aga_draft(patient_id), today=TODAY)
    (row,) = audit_rows(service.store)
    assert (row.action, row.entity_id, row.patient_id) == (AuditAction.CREATE, saved.id, patient_id)
    assert row.username == "dr.lena"
    assert row.after["diagnosis"] == "aga_female"
    assert row.after["stages"] == ["ludwig:II", "sinclair:3"]


def test_salt_stage_is_derived_from_the_regions(
    service: AssessmentService, patient_id: int
) -> None:
    draft = aga_draft(
        patient_id,
        diagnosis=Diagnosis.ALOPECIA_AREATA,
        stages=(),
        salt=SaltRegions(vertex=50, posterior=25, right=10, left=10),
    )
    saved = service.record(draft, today=TODAY)
    assert saved.salt_score == 29.6  # 20 + 6 + 1.8 + 1.8
    assert saved.salt_grade == "S2"
    assert saved.stage(StagingScale.SALT) == "S2"
    assert saved.salt == SaltRegions(50, 25, 10, 10)
    assert saved.stages_text == "SALT S2 (29.6 %)"


def test_a_matching_salt_stage_is_kept_once(service: AssessmentService, patient_id: int) -> None:
    draft = aga_draft(
        patient_id,
        stages=(StageEntry(StagingScale.SALT, "S2"),),
        salt=SaltRegions(50, 25, 10, 10),
    )
    assert service.record(draft, today=TODAY).stages == (StageEntry(StagingScale.SALT, "S2"),)


def test_a_salt_stage_contradicting_the_regions_is_refused(
    service: AssessmentService, patient_id: int, store: Store
) -> None:
    before = counts(store)
    draft = aga_draft(
        patient_id,
        stages=(StageEntry(StagingScale.SALT, "S4"),),
        salt=SaltRegions(50, 25, 10, 10),
    )
    with pytest.raises(ValidationError) as caught:
        service.record(draft, today=TODAY)
    assert [p.code for p in caught.value.errors] == ["salt_stage_mismatch"]
    assert "S2" in str(caught.value)
    assert counts(store) == before


def test_refused_input_writes_nothing(
    service: AssessmentService, patient_id: int, store: Store
) -> None:
    before = counts(store)
    with pytest.raises(ValidationError) as caught:
        service.record(aga_draft(patient_id, assessed_on=date(2025, 4, 1)), today=TODAY)
    assert "future_date" in [p.code for p in caught.value.errors]
    with pytest.raises(ValidationError):
        service.record(
            aga_draft(patient_id, stages=(StageEntry(StagingScale.LUDWIG, "IV"),)), today=TODAY
        )
    assert counts(store) == before


def test_warnings_need_acknowledgement(
    service: AssessmentService, patient_id: int, store: Store
) -> None:
    thin = (TrichoscopyEntry(TrichoscopySite.FRONTAL, density_per_cm2=20),)
    before = counts(store)
    with pytest.raises(AcknowledgementRequired) as caught:
        service.record(aga_draft(patient_id, trichoscopy=thin), today=TODAY)
    assert [p.code for p in caught.value.warnings] == ["unusual_value"]
    assert counts(store) == before

    saved = service.record(
        aga_draft(patient_id, trichoscopy=thin), acknowledge_warnings=True, today=TODAY
    )
    assert saved.trichoscopy[0].density_per_cm2 == 20


def test_unknown_patient_is_not_found(service: AssessmentService, store: Store) -> None:
    before = counts(store)
    with pytest.raises(NotFound):
        service.record(aga_draft(999), today=TODAY)
    assert counts(store) == before


def test_update_replaces_content_and_audits_the_difference(
    service: AssessmentService, patient_id: int, store: Store
) -> None:
    saved = service.record(aga_draft(patient_id), today=TODAY)
    changed = aga_draft(
        patient_id,
        stages=(StageEntry(StagingScale.LUDWIG, "III"),),
        trichoscopy=(TrichoscopyEntry(TrichoscopySite.FRONTAL, density_per_cm2=120),),
        notes="Reviewed with the photos.",
    )
    updated = service.update(saved.id, changed, today=TODAY)

    assert updated.id == saved.id
    assert updated.stages == (StageEntry(StagingScale.LUDWIG, "III"),)
    assert service.get(saved.id).trichoscopy == changed.trichoscopy
    assert counts(store)["assessment_stages"] == 1
    assert counts(store)["trichoscopy_measurements"] == 1
    (row,) = audit_rows(store, AuditAction.UPDATE)
    assert row.entity_id == saved.id
    assert set(row.before) == {"notes", "stages", "trichoscopy", "version"}
    assert row.before["stages"] == ["ludwig:II", "sinclair:3"]
    assert row.after["stages"] == ["ludwig:III"]
    assert row.after["notes"] == "Reviewed with the photos."


def test_refused_update_changes_nothing(
    service: AssessmentService, patient_id: int, store: Store
) -> None:
    saved = service.record(aga_draft(patient_id), today=TODAY)
    before = counts(store)
    with pytest.raises(ValidationError):
        service.update(saved.id, aga_draft(patient_id, pull_test_extracted=70), today=TODAY)
    assert counts(store) == before
    other = PatientService(store, SYSTEM).register(
        PatientDraft("Brandt", "Ole", date(1990, 1, 1), Sex.MALE), acknowledge_warnings=True
    )
    before = counts(store)
    with pytest.raises(Conflict):
        service.update(saved.id, aga_draft(other.id), today=TODAY)
    assert counts(store) == before
    assert service.get(saved.id) == saved


def test_delete_is_soft_and_audited(
    service: AssessmentService, patient_id: int, store: Store
) -> None:
    saved = service.record(aga_draft(patient_id), today=TODAY)
    with pytest.raises(Conflict):
        service.delete(saved.id, "  ")
    service.delete(saved.id, "Entered for the wrong patient")

    assert service.history(patient_id) == []
    assert service.latest(patient_id) is None
    with pytest.raises(NotFound):
        service.get(saved.id)
    with store.reading() as session:
        row = session.get(Assessment, saved.id)
        assert row is not None and row.delete_reason == "Entered for the wrong patient"
    (entry,) = audit_rows(store, AuditAction.DELETE)
    assert entry.entity_id == saved.id and "wrong patient" in entry.summary


def test_history_is_newest_first(service: AssessmentService, patient_id: int) -> None:
    first = service.record(aga_draft(patient_id, assessed_on=date(2024, 9, 1)), today=TODAY)
    last = service.record(aga_draft(patient_id, assessed_on=date(2025, 3, 1)), today=TODAY)
    middle = service.record(aga_draft(patient_id, assessed_on=date(2024, 12, 1)), today=TODAY)
    assert [a.id for a in service.history(patient_id)] == [last.id, middle.id, first.id]
    assert service.latest(patient_id) == last


def test_front_desk_does_not_see_clinical_notes(
    service: AssessmentService, patient_id: int, store: Store
) -> None:
    service.record(aga_draft(patient_id), today=TODAY)
    desk = ClinicService(store, SYSTEM).add_user("desk", "Tom Desk", Role.FRONT_DESK)
    (seen,) = AssessmentService(store, desk.as_actor()).history(patient_id)
    assert seen.notes == ""
    assert seen.stages_text == "Ludwig II, Sinclair 3"

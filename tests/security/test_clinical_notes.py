"""Front desk does not see clinical notes: refused by the services, blanked in every view."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import ADMIN_PASSWORD

from mesodesk.domain.drafts import AssessmentDraft, OutcomeDraft, PatientDraft
from mesodesk.domain.enums import Checkpoint, Diagnosis, Role, Sex
from mesodesk.services import Services
from mesodesk.services.auth import AuthService
from mesodesk.services.chart import load_chart
from mesodesk.services.clinic import UserView
from mesodesk.services.errors import PermissionDenied
from mesodesk.services.store import Store

NOTE = "Discussed finasteride; patient anxious about side effects"


@pytest.fixture
def people(auth: AuthService, admin: UserView) -> tuple[Services, Services, int]:
    """(practitioner's services, front desk's services, a patient with clinical notes)."""
    accounts = Services(auth.store, admin.as_actor()).accounts
    doctor = accounts.add("dr.weiss", "Dr Anna Weiss", Role.PRACTITIONER, password=ADMIN_PASSWORD)
    desk = accounts.add("desk", "Tom Desk", Role.FRONT_DESK, password=ADMIN_PASSWORD)
    clinical = Services(auth.store, doctor.as_actor())
    front = Services(auth.store, desk.as_actor())
    patient = front.patients.register(
        PatientDraft("Adler", "Eva", date(1980, 5, 17), Sex.FEMALE), acknowledge_warnings=True
    ).id
    clinical.assessments.record(
        AssessmentDraft(patient, date(2026, 1, 10), Diagnosis.AGA_FEMALE, notes=NOTE),
        acknowledge_warnings=True,
        today=date(2026, 1, 10),
    )
    clinical.outcomes.record(
        OutcomeDraft(patient, date(2026, 4, 10), Checkpoint.WEEK_12, notes="Happier now"),
        acknowledge_warnings=True,
        today=date(2026, 4, 10),
    )
    return clinical, front, patient


def test_a_practitioner_reads_the_clinical_notes(people) -> None:
    clinical, _front, patient = people
    notes = clinical.notes.for_patient(patient)
    assert [(n.source, n.text, n.author) for n in notes] == [
        ("Outcome", "Happier now", "Dr Anna Weiss"),
        ("Assessment", NOTE, "Dr Anna Weiss"),
    ]


def test_front_desk_opening_clinical_notes_is_refused(people) -> None:
    _clinical, front, patient = people
    with pytest.raises(PermissionDenied, match="front-desk account cannot read clinical notes"):
        front.notes.for_patient(patient)


def test_front_desk_views_come_without_notes(people) -> None:
    clinical, front, patient = people
    assert clinical.assessments.history(patient)[0].notes == NOTE
    assert front.assessments.history(patient)[0].notes == ""
    assert front.outcomes.for_patient(patient)[0].notes == ""
    chart = load_chart(front, patient)
    assert chart.notes is None
    assert [a.notes for a in chart.assessments] == [""]
    assert NOTE not in repr(chart)
    assert load_chart(clinical, patient).notes[1].text == NOTE


def test_front_desk_cannot_write_clinical_records(people, store: Store) -> None:
    """Else a form showing blanked notes could save them back empty."""
    clinical, front, patient = people
    (assessment,) = clinical.assessments.history(patient)
    draft = AssessmentDraft(patient, date(2026, 1, 10), Diagnosis.AGA_FEMALE)
    with pytest.raises(PermissionDenied, match="cannot edit assessments"):
        front.assessments.update(assessment.id, draft)
    with pytest.raises(PermissionDenied, match="cannot record assessments"):
        front.assessments.record(draft, acknowledge_warnings=True)
    with pytest.raises(PermissionDenied, match="cannot record outcomes"):
        front.outcomes.record(OutcomeDraft(patient, date(2026, 4, 10), Checkpoint.WEEK_12))
    assert clinical.assessments.history(patient)[0].notes == NOTE


def test_front_desk_still_registers_and_edits_patients(people) -> None:
    _clinical, front, patient = people
    detail = front.patients.get(patient)
    assert detail.display_name == "Adler, Eva"


def test_front_desk_cannot_export_a_full_record_or_the_sessions(people, tmp_path) -> None:
    """The archive, the FHIR bundle and the session table carry clinical notes and records."""
    from mesodesk.interop.archive import export_archive, export_fhir
    from mesodesk.interop.tables import TableExportService

    clinical, front, patient = people
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    with pytest.raises(PermissionDenied, match="cannot export a patient's full record"):
        export_archive(front, patient, tmp_path / "record.zip")
    with pytest.raises(PermissionDenied, match="cannot export a patient's full record"):
        export_fhir(front, patient, tmp_path / "record.json")
    desk_tables = TableExportService(front.store, front.actor)
    with pytest.raises(PermissionDenied, match="cannot export the treatment sessions"):
        desk_tables.export("sessions", tmp_path / "sessions.csv")
    assert not list(tmp_path.iterdir())  # nothing written
    assert desk_tables.table("patients").rows  # the registry itself is front desk's work
    export_fhir(clinical, patient, tmp_path / "record.json")
    assert (tmp_path / "record.json").is_file()

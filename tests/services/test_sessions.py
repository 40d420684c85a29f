"""Recording and editing draft sessions: what is stored, what is refused and what stock does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from session_data import World, audit_rows, build_world, quantity_left, row_counts, session_draft

from mesodesk.domain.drafts import AdverseEventDraft, LotUse, PatientDraft, ZoneEntry
from mesodesk.domain.enums import (
    AdverseEventType,
    AuditAction,
    Grade,
    ScalpZone,
    SessionStatus,
    Technique,
)
from mesodesk.domain.validation import AcknowledgementRequired, ValidationError
from mesodesk.services.clinic import UserView
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.patients import PatientService
from mesodesk.services.sessions import SessionService
from mesodesk.services.store import SYSTEM, Actor, Store


@pytest.fixture
def world(store: Store, practitioner: UserView) -> World:
    return build_world(store, practitioner)


@pytest.fixture
def sessions(store: Store, actor: Actor) -> SessionService:
    return SessionService(store, actor)


def test_record_three_zones_and_read_back(sessions: SessionService, world: World) -> None:
    draft = session_draft(world)  # once: it is stamped with the current second
    saved = sessions.record(draft)

    view = sessions.get(saved.id)
    assert view == saved
    assert view.status is SessionStatus.DRAFT
    assert view.is_current and not view.is_amendment and view.amended_by_id is None
    assert [(z.zone, z.depth_mm) for z in view.zones] == [
        (ScalpZone.VERTEX, 1.5),
        (ScalpZone.FRONTAL, 1.0),
        (ScalpZone.MID_SCALP, 2.0),
    ]
    assert [z.label for z in view.zones] == ["Vertex (crown)", "Frontal", "Mid-scalp"]
    assert view.zones[0].points == 40 and view.zones[2].spacing_cm == 1.0
    assert view.zones_summary == "Vertex (crown) 1.5 mm, Frontal 1.0 mm, Mid-scalp 2.0 mm"
    (lot,) = view.lots
    assert (lot.lot_number, lot.product_name, lot.quantity) == ("B-100", "Biotin 5 mg/mL", 2.0)
    assert view.recipe_name == "AGA standard"
    assert view.practitioner_name == "Dr Lena Vogel"
    assert view.needle == "30 G × 4 mm"
    assert view.notes == "Tolerated well."
    assert view.signed_at is None and view.signed_by_id is None
    assert view.draft == draft  # what the form reloads is what it saved


def test_the_session_list_shows_notes_to_clinicians_only(
    store: Store, sessions: SessionService, world: World
) -> None:
    sessions.record(session_draft(world))
    (row,) = sessions.for_patient(world.patient_id)
    assert (row.practitioner, row.recipe_name, row.needle) == (
        "Dr Lena Vogel",
        "AGA standard",
        "30 G × 4 mm",
    )
    assert (row.technique, row.status, row.amended, row.adverse_events) == (
        Technique.NAPPAGE,
        SessionStatus.DRAFT,
        False,
        0,
    )
    assert row.notes == "Tolerated well."
    assert row.zones == "Vertex (crown) 1.5 mm, Frontal 1.0 mm, Mid-scalp 2.0 mm"
    front = SessionService(store, world.front_desk.as_actor())
    (blank,) = front.for_patient(world.patient_id)
    assert blank.notes == "" and blank.zones == row.zones


def test_record_writes_one_audit_row_with_the_content(
    sessions: SessionService, world: World
) -> None:
    saved = sessions.record(session_draft(world))

    (entry,) = audit_rows(sessions.store, saved.id)
    assert entry.action is AuditAction.CREATE
    assert entry.patient_id == world.patient_id
    assert [z["zone"] for z in entry.after["zones"]] == ["vertex", "frontal", "mid_scalp"]
    assert entry.after["stock"] == {str(world.lot_id): [10.0, 8.0]}


def test_depth_deeper_than_the_needle_is_refused_and_nothing_written(
    sessions: SessionService, world: World, store: Store
) -> None:
    before = row_counts(store)
    draft = session_draft(
        world,
        needle_length_mm=13.0,
        zones=(ZoneEntry(ScalpZone.VERTEX, 1.5), ZoneEntry(ScalpZone.FRONTAL, 40.0)),
        adverse_events=(AdverseEventDraft(AdverseEventType.PAIN, Grade.MILD, date.today()),),
        no_adverse_events=False,
    )

    with pytest.raises(ValidationError) as refused:
        sessions.record(draft, acknowledge_warnings=True, override_reason="just do it")

    assert any("13" in p.message and "40" in p.message for p in refused.value.problems)
    assert row_counts(store) == before
    assert quantity_left(store, world.lot_id) == 10.0
    assert sessions.for_patient(world.patient_id) == []


def test_expired_lot_is_refused_with_its_number(
    sessions: SessionService, world: World, store: Store
) -> None:
    before = row_counts(store)
    draft = session_draft(world, lots=(LotUse(world.expired_lot_id, 1.0),))

    with pytest.raises(ValidationError) as refused:
        sessions.record(draft, acknowledge_warnings=True)

    assert any("B-OLD" in p.message and "expired" in p.message for p in refused.value.problems)
    assert row_counts(store) == before
    assert quantity_left(store, world.expired_lot_id) == 10.0


def test_lot_near_expiry_needs_acknowledgement(
    sessions: SessionService, world: World, store: Store
) -> None:
    draft = session_draft(world, lots=(LotUse(world.near_lot_id, 1.0),))
    before = row_counts(store)

    with pytest.raises(AcknowledgementRequired) as warned:
        sessions.record(draft)

    assert any("Z-SOON" in p.message for p in warned.value.problems)
    assert row_counts(store) == before
    saved = sessions.record(draft, acknowledge_warnings=True)
    assert saved.lots[0].lot_number == "Z-SOON"
    assert quantity_left(store, world.near_lot_id) == 9.0


def test_allergy_to_an_ingredient_of_the_mixture_warns(
    sessions: SessionService, world: World
) -> None:
    draft = session_draft(world, patient_id=world.allergic_patient_id)

    with pytest.raises(AcknowledgementRequired) as warned:
        sessions.record(draft)

    assert any("Zinc" in p.message for p in warned.value.problems)
    saved = sessions.record(draft, acknowledge_warnings=True)
    assert saved.patient_id == world.allergic_patient_id
    (entry,) = audit_rows(sessions.store, saved.id)
    assert any("allergy to Zinc" in text for text in entry.after["accepted"])


def test_dutasteride_in_pregnancy_needs_a_reason_which_is_kept_and_audited(
    sessions: SessionService, world: World, store: Store
) -> None:
    draft = session_draft(
        world, patient_id=world.pregnant_patient_id, recipe_id=world.dutasteride_recipe_id
    )
    before = row_counts(store)

    with pytest.raises(ValidationError) as stopped:
        sessions.record(draft, acknowledge_warnings=True)
    assert any("Dutasteride" in p.message for p in stopped.value.problems)
    assert row_counts(store) == before

    reason = "Pregnancy excluded by a negative test today; treating physician agrees."
    saved = sessions.record(draft, acknowledge_warnings=True, override_reason=reason)

    assert saved.override_reason == reason
    assert sessions.get(saved.id).override_reason == reason
    (entry,) = audit_rows(store, saved.id)
    assert reason in entry.summary
    assert entry.after["override_reason"] == reason
    assert any(text.startswith("override: Dutasteride") for text in entry.after["accepted"])


def test_an_unneeded_override_reason_is_not_stored(sessions: SessionService, world: World) -> None:
    saved = sessions.record(session_draft(world), override_reason="not needed")
    assert saved.override_reason == ""


def test_another_patients_recipe_is_refused(sessions: SessionService, world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        sessions.record(session_draft(world, recipe_id=world.other_variant_id))
    assert [p.field for p in refused.value.problems] == ["recipe_id"]


def test_the_practitioner_must_be_an_active_clinician(
    sessions: SessionService, world: World
) -> None:
    with pytest.raises(ValidationError) as refused:
        sessions.record(session_draft(world, practitioner_id=world.front_desk.id))
    assert [p.field for p in refused.value.problems] == ["practitioner_id"]


def test_planned_visit_must_be_in_the_patients_course(
    sessions: SessionService, world: World
) -> None:
    with pytest.raises(ValidationError) as refused:
        sessions.record(session_draft(world, planned_session_id=world.other_visit_id))
    assert [p.field for p in refused.value.problems] == ["planned_session_id"]

    saved = sessions.record(session_draft(world, planned_session_id=world.visit_ids[0]))
    assert (saved.planned_visit_id, saved.course_id) == (world.visit_ids[0], world.course_id)

    with pytest.raises(ValidationError, match="already recorded"):
        sessions.record(session_draft(world, planned_session_id=world.visit_ids[0]))
    # Re-saving the draft that holds the visit is fine.
    draft = session_draft(world, planned_session_id=world.visit_ids[0], pain_score=5)
    assert sessions.update_draft(saved.id, draft).pain_score == 5


def test_unknown_patient_is_not_found(sessions: SessionService, world: World) -> None:
    with pytest.raises(NotFound):
        sessions.record(session_draft(world, patient_id=9999))


def test_update_draft_replaces_zones_lots_and_events(
    sessions: SessionService, world: World, store: Store
) -> None:
    pain = AdverseEventDraft(AdverseEventType.PAIN, Grade.MILD, date.today())
    bruise = AdverseEventDraft(AdverseEventType.BRUISING, Grade.MILD, date.today())
    saved = sessions.record(
        session_draft(world, adverse_events=(pain, bruise), no_adverse_events=False)
    )
    changed = session_draft(
        world,
        technique=Technique.PAPULE,
        zones=(ZoneEntry(ScalpZone.VERTEX, 2.0), ZoneEntry(ScalpZone.OCCIPITAL, 1.0)),
        adverse_events=(replace(pain, grade=Grade.MODERATE),),
        no_adverse_events=False,
    )

    updated = sessions.update_draft(saved.id, changed)

    assert updated.id == saved.id
    assert updated.technique is Technique.PAPULE
    assert [(z.zone, z.depth_mm) for z in updated.zones] == [
        (ScalpZone.VERTEX, 2.0),
        (ScalpZone.OCCIPITAL, 1.0),
    ]
    assert [(e.event_type, e.grade) for e in updated.adverse_events] == [
        (AdverseEventType.PAIN, Grade.MODERATE)
    ]
    assert updated.adverse_events[0].id == saved.adverse_events[0].id
    assert row_counts(store)["session_zones"] == 2
    entry = audit_rows(store, saved.id)[-1]
    assert entry.action is AuditAction.UPDATE
    assert entry.before["technique"] == "nappage" and entry.after["technique"] == "papule"


def test_update_draft_refusal_keeps_the_draft_and_stock(
    sessions: SessionService, world: World, store: Store
) -> None:
    saved = sessions.record(session_draft(world))
    before = row_counts(store)

    with pytest.raises(ValidationError):
        sessions.update_draft(
            saved.id, session_draft(world, lots=(LotUse(world.lot_id, 1),), volume_ml=0)
        )

    assert sessions.get(saved.id) == saved
    assert row_counts(store) == before
    assert quantity_left(store, world.lot_id) == 8.0


def test_update_draft_cannot_move_the_session_to_another_patient(
    sessions: SessionService, world: World
) -> None:
    saved = sessions.record(session_draft(world))
    with pytest.raises(Conflict):
        sessions.update_draft(saved.id, session_draft(world, patient_id=world.other_patient_id))


def test_lot_stock_follows_record_update_amend_and_delete(
    sessions: SessionService, world: World, store: Store
) -> None:
    a, b = world.lot_id, world.lot_b_id

    saved = sessions.record(session_draft(world, lots=(LotUse(a, 2),)))
    assert (quantity_left(store, a), quantity_left(store, b)) == (8, 10)

    sessions.update_draft(saved.id, session_draft(world, lots=(LotUse(a, 1), LotUse(b, 1))))
    assert (quantity_left(store, a), quantity_left(store, b)) == (9, 9)

    sessions.sign(saved.id)
    assert (quantity_left(store, a), quantity_left(store, b)) == (9, 9)

    amended = sessions.amend(saved.id, session_draft(world, lots=(LotUse(b, 3),)), "Wrong lot")
    assert (quantity_left(store, a), quantity_left(store, b)) == (10, 7)
    assert audit_rows(store, amended.id)[-1].after["stock"] == {
        str(a): [9.0, 10.0],
        str(b): [9.0, 7.0],
    }

    sessions.delete(amended.id, "Entered for the wrong patient")
    assert (quantity_left(store, a), quantity_left(store, b)) == (10, 10)


def test_stock_a_draft_already_holds_counts_as_available(
    sessions: SessionService, world: World, store: Store
) -> None:
    """Re-saving a draft that used the whole lot must not be refused for lack of stock."""
    saved = sessions.record(session_draft(world, lots=(LotUse(world.lot_id, 10),)))
    assert quantity_left(store, world.lot_id) == 0

    sessions.update_draft(saved.id, session_draft(world, lots=(LotUse(world.lot_id, 10),)))
    assert quantity_left(store, world.lot_id) == 0


def test_allergy_written_as_text_also_warns(
    store: Store, sessions: SessionService, world: World
) -> None:
    patient = PatientService(store, SYSTEM).register(
        PatientDraft("Epsilon", "Test", date(1980, 1, 1), allergies="Biotin (rash), nickel"),
        acknowledge_warnings=True,
    )

    with pytest.raises(AcknowledgementRequired) as warned:
        sessions.record(session_draft(world, patient_id=patient.id))

    assert [p.code for p in warned.value.problems] == ["allergy"]

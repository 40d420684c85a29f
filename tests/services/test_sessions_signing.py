"""Signing locks a session; amendments keep the original; late adverse events; reading back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from session_data import (
    World,
    a_while_ago,
    audit_rows,
    build_world,
    quantity_left,
    raw_session,
    row_counts,
    session_draft,
)
from sqlalchemy import event

from mesodesk.domain.drafts import AdverseEventDraft, LotUse, ZoneEntry
from mesodesk.domain.enums import (
    AdverseEventType,
    AuditAction,
    Grade,
    Role,
    ScalpZone,
    SessionStatus,
)
from mesodesk.domain.validation import ValidationError
from mesodesk.services import audit
from mesodesk.services.clinic import UserView
from mesodesk.services.errors import Conflict, NotFound, PermissionDenied
from mesodesk.services.sessions import SessionService
from mesodesk.services.store import SYSTEM, Actor, Store


@pytest.fixture
def world(store: Store, practitioner: UserView) -> World:
    return build_world(store, practitioner)


@pytest.fixture
def sessions(store: Store, actor: Actor) -> SessionService:
    return SessionService(store, actor)


@pytest.fixture
def signed(sessions: SessionService, world: World) -> int:
    saved = sessions.record(session_draft(world, performed_at=a_while_ago(30)))
    return sessions.sign(saved.id).id


def test_sign_locks_the_session(
    sessions: SessionService, world: World, actor: Actor, store: Store
) -> None:
    saved = sessions.record(session_draft(world))

    signed = sessions.sign(saved.id)

    assert signed.status is SessionStatus.SIGNED and signed.is_signed
    assert signed.signed_by_id == actor.user_id
    assert signed.signed_by_name == "Dr Lena Vogel"
    assert signed.signed_at is not None
    assert audit_rows(store, saved.id)[-1].action is AuditAction.SIGN
    with pytest.raises(Conflict, match="amend instead"):
        sessions.update_draft(saved.id, session_draft(world, volume_ml=2.0))
    with pytest.raises(Conflict, match="already signed"):
        sessions.sign(saved.id)
    assert sessions.get(saved.id) == signed


def test_front_desk_cannot_sign_or_amend(
    store: Store, sessions: SessionService, world: World, signed: int
) -> None:
    desk = SessionService(store, world.front_desk.as_actor())
    draft_id = sessions.record(session_draft(world)).id

    with pytest.raises(PermissionDenied):
        desk.sign(draft_id)
    with pytest.raises(PermissionDenied):
        desk.amend(signed, session_draft(world), "Typo")
    assert sessions.get(draft_id).status is SessionStatus.DRAFT


def test_signing_needs_a_named_account(
    store: Store, sessions: SessionService, world: World
) -> None:
    draft_id = sessions.record(session_draft(world)).id
    with pytest.raises(PermissionDenied):
        SessionService(store, SYSTEM).sign(draft_id)


def test_save_and_sign_stores_the_draft_and_its_signature_together(
    store: Store, sessions: SessionService, world: World, actor: Actor
) -> None:
    signed = sessions.save_and_sign(session_draft(world))

    assert signed.is_signed and signed.signed_by_id == actor.user_id
    assert [e.action for e in audit_rows(store, signed.id)] == [
        AuditAction.CREATE,
        AuditAction.SIGN,
    ]
    assert quantity_left(store, world.lot_id) == 8.0

    draft = sessions.record(session_draft(world, pain_score=None))
    edited = sessions.save_and_sign(
        session_draft(world, pain_score=2), session_id=draft.id, expected_version=draft.version
    )
    assert edited.id == draft.id and edited.is_signed and edited.draft.pain_score == 2
    assert [e.action for e in audit_rows(store, draft.id)] == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.SIGN,
    ]


def test_save_and_sign_reads_the_written_draft_once_to_sign_it(
    store: Store, sessions: SessionService, world: World
) -> None:
    """The view read back after writing is the one signed: it is not read a second time."""
    draft = sessions.record(session_draft(world, pain_score=None))
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        sessions.save_and_sign(session_draft(world))
        created = len(statements)
        sessions.save_and_sign(
            session_draft(world, pain_score=2), session_id=draft.id, expected_version=draft.version
        )
    finally:
        event.remove(store.engine, "before_cursor_execute", count)

    def view_reads(found: list[str]) -> int:  # a session view names the signer
        return len([s for s in found if "signed_by_name" in s])

    assert view_reads(statements[:created]) == 2  # after writing, after signing
    assert view_reads(statements[created:]) == 3  # before and after editing, after signing


def test_a_refused_signature_leaves_the_draft_unwritten(
    store: Store, sessions: SessionService, world: World
) -> None:
    stored = sessions.record(session_draft(world, pain_score=None))
    before, left = row_counts(store), quantity_left(store, world.lot_id)
    no_account = SessionService(store, Actor(None, "reception-pc", Role.ADMINISTRATOR))
    changed = session_draft(world, pain_score=4, lots=(LotUse(world.lot_id, 3.0),))
    assert sessions.signing_refusal() == ""
    assert "account" in no_account.signing_refusal()  # the form says so before any try

    with pytest.raises(PermissionDenied):
        no_account.save_and_sign(changed)
    with pytest.raises(PermissionDenied):
        no_account.save_and_sign(changed, session_id=stored.id, expected_version=stored.version)
    with pytest.raises(ValidationError) as refused:  # a signed session needs its pain score
        sessions.save_and_sign(
            session_draft(world, pain_score=None),
            session_id=stored.id,
            expected_version=stored.version,
        )
    assert [p.field for p in refused.value.problems] == ["pain_score"]

    assert row_counts(store) == before
    assert quantity_left(store, world.lot_id) == left
    assert sessions.get(stored.id) == stored
    signed = sessions.save_and_sign(  # the copy loaded before the refusals is still current
        changed, session_id=stored.id, expected_version=stored.version
    )
    assert signed.is_signed and signed.draft.pain_score == 4
    assert quantity_left(store, world.lot_id) == left - 1.0


def test_amend_keeps_the_original_and_links_the_new_version(
    store: Store, sessions: SessionService, world: World, signed: int, actor: Actor
) -> None:
    original = raw_session(store, signed)
    original_view = sessions.get(signed)
    corrected = session_draft(
        world,
        performed_at=original_view.performed_at,
        zones=(ZoneEntry(ScalpZone.VERTEX, 1.0), ZoneEntry(ScalpZone.OCCIPITAL, 1.5)),
        volume_ml=2.5,
    )

    amended = sessions.amend(signed, corrected, "Occipital zone was recorded as frontal.")

    assert raw_session(store, signed) == original
    assert amended.id != signed
    assert amended.amends_id == signed
    assert amended.amendment_reason == "Occipital zone was recorded as frontal."
    assert amended.status is SessionStatus.SIGNED
    assert amended.signed_by_id == actor.user_id and amended.signed_at is not None
    assert amended.is_current and amended.is_amendment
    assert [z.zone for z in amended.zones] == [ScalpZone.VERTEX, ScalpZone.OCCIPITAL]

    old = sessions.get(signed)
    assert old.amended_by_id == amended.id and not old.is_current
    assert old.zones == original_view.zones and old.volume_ml == 3.0

    (row,) = sessions.for_patient(world.patient_id)
    assert row.id == amended.id and row.amended and row.volume_ml == 2.5
    assert row.zones == "Vertex (crown) 1.0 mm, Occipital 1.5 mm"

    history = sessions.history(signed)
    assert [v.id for v in history] == [signed, amended.id]
    assert sessions.history(amended.id) == history
    assert all(v.signed_by_name == "Dr Lena Vogel" and v.signed_at for v in history)
    assert history[0].signed_at <= history[1].signed_at

    entry = audit_rows(store, amended.id)[-1]
    assert entry.action is AuditAction.AMEND
    assert entry.before["id"] == signed and entry.after["id"] == amended.id
    assert entry.before["volume_ml"] == 3.0 and entry.after["volume_ml"] == 2.5
    assert "Occipital zone was recorded as frontal." in entry.summary


def test_amend_needs_a_reason_and_the_current_signed_version(
    store: Store, sessions: SessionService, world: World, signed: int
) -> None:
    before = row_counts(store)
    with pytest.raises(ValidationError) as refused:
        sessions.amend(signed, session_draft(world), "  ")
    assert [p.field for p in refused.value.problems] == ["amendment_reason"]
    assert row_counts(store) == before

    newer = sessions.amend(signed, session_draft(world, pain_score=4), "Pain score")
    with pytest.raises(Conflict, match=f"#{newer.id}"):
        sessions.amend(signed, session_draft(world, pain_score=5), "Again")
    third = sessions.amend(newer.id, session_draft(world, pain_score=5), "Again")
    assert [v.id for v in sessions.history(signed)] == [signed, newer.id, third.id]

    draft_id = sessions.record(session_draft(world)).id
    with pytest.raises(Conflict, match="edit the draft"):
        sessions.amend(draft_id, session_draft(world), "Not signed yet")


def test_an_amendment_is_validated_like_a_new_session(
    store: Store, sessions: SessionService, world: World, signed: int
) -> None:
    before = row_counts(store)
    bad = session_draft(world, zones=(ZoneEntry(ScalpZone.VERTEX, 40.0),), needle_length_mm=13)
    with pytest.raises(ValidationError):
        sessions.amend(signed, bad, "Depth", acknowledge_warnings=True)
    assert row_counts(store) == before
    assert sessions.get(signed).is_current


def test_adverse_event_after_signing(
    store: Store, sessions: SessionService, world: World, signed: int
) -> None:
    original = raw_session(store, signed)
    late = AdverseEventDraft(
        AdverseEventType.PATCHY_ALOPECIA,
        Grade.MODERATE,
        date.today(),
        description="Small bald patches at the vertex injection sites.",
    )

    added = sessions.add_adverse_event(signed, late)

    assert raw_session(store, signed) == original  # the signed row itself is not touched
    view = sessions.get(signed)
    assert [e.id for e in view.adverse_events] == [added.id]
    assert added.label == "Patchy alopecia at injection sites" and not added.is_resolved
    assert sessions.for_patient(world.patient_id)[0].adverse_events == 1
    assert audit_rows(store, added.id, "adverse_event")[0].action is AuditAction.CREATE

    resolved = sessions.resolve_adverse_event(added.id, date.today(), "Topical steroid")
    assert resolved.is_resolved and resolved.action_taken == "Topical steroid"
    assert audit_rows(store, added.id, "adverse_event")[-1].after["resolved_on"] == (
        date.today().isoformat()
    )
    with pytest.raises(ValidationError):
        sessions.resolve_adverse_event(added.id, date.today() - timedelta(days=1))


def test_adverse_event_cannot_start_before_the_session(
    sessions: SessionService, world: World, signed: int
) -> None:
    early = AdverseEventDraft(AdverseEventType.PAIN, Grade.MILD, date.today() - timedelta(days=60))
    with pytest.raises(ValidationError):
        sessions.add_adverse_event(signed, early)


def test_adverse_events_go_to_the_current_version(
    sessions: SessionService, world: World, signed: int
) -> None:
    newer = sessions.amend(signed, session_draft(world), "Notes")
    pain = AdverseEventDraft(AdverseEventType.PAIN, Grade.MILD, date.today())
    with pytest.raises(Conflict, match=f"#{newer.id}"):
        sessions.add_adverse_event(signed, pain)
    assert sessions.add_adverse_event(newer.id, pain).session_id == newer.id


def test_delete_is_soft_audited_and_hides_the_chain(
    store: Store, sessions: SessionService, world: World, signed: int
) -> None:
    newer = sessions.amend(signed, session_draft(world), "Notes")
    with pytest.raises(Conflict):
        sessions.delete(newer.id, "")
    with pytest.raises(Conflict):
        sessions.delete(signed, "Old version")  # only through the current version

    sessions.delete(newer.id, "Recorded on the wrong patient")

    assert sessions.for_patient(world.patient_id) == []
    with pytest.raises(NotFound):
        sessions.get(newer.id)
    with pytest.raises(NotFound):
        sessions.history(signed)
    assert row_counts(store)["treatment_sessions"] == 2  # still there, marked deleted
    entry = audit_rows(store, newer.id)[-1]
    assert entry.action is AuditAction.DELETE and "wrong patient" in entry.summary


def test_for_patient_lists_current_versions_newest_first(
    sessions: SessionService, world: World
) -> None:
    first = sessions.record(session_draft(world, performed_at=a_while_ago(14)))
    second = sessions.record(session_draft(world, performed_at=a_while_ago(7)))
    sessions.sign(first.id)
    sessions.record(session_draft(world, patient_id=world.other_patient_id))

    rows = sessions.for_patient(world.patient_id)

    assert [r.id for r in rows] == [second.id, first.id]
    assert [r.status for r in rows] == [SessionStatus.DRAFT, SessionStatus.SIGNED]
    row = rows[0]
    assert row.practitioner == "Dr Lena Vogel" and row.recipe_name == "AGA standard"
    assert row.needle == "30 G × 4 mm" and row.technique_label == "Nappage"
    assert row.zones == "Vertex (crown) 1.5 mm, Frontal 1.0 mm, Mid-scalp 2.0 mm"
    assert not row.amended and row.adverse_events == 0


def test_for_patient_reads_fifty_sessions_in_a_fixed_number_of_queries(
    store: Store, sessions: SessionService, world: World
) -> None:
    for day in range(50):
        draft = session_draft(world, performed_at=a_while_ago(day + 1), lots=())
        saved = sessions.record(draft)
        if day % 2:
            sessions.sign(saved.id)
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        rows = sessions.for_patient(world.patient_id)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)

    assert len(rows) == 50
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2


def test_audit_chain_holds_after_a_full_session_life(
    store: Store, sessions: SessionService, world: World
) -> None:
    saved = sessions.record(session_draft(world))
    sessions.update_draft(saved.id, session_draft(world, lots=(LotUse(world.lot_b_id, 1),)))
    sessions.sign(saved.id)
    newer = sessions.amend(saved.id, session_draft(world), "Lot")
    sessions.add_adverse_event(
        newer.id, AdverseEventDraft(AdverseEventType.ITCHING, Grade.MILD, date.today())
    )
    sessions.delete(newer.id, "Duplicate")
    with store.reading() as session:
        assert audit.verify_chain(session) == []

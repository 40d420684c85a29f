"""Recording, signing and amending treatment sessions.

Each call is one transaction: the facts the rules need are read inside the same write
transaction that stores the session, so nothing changes between check and write, and a refusal
leaves nothing behind. A signed session is never changed: a correction is a new signed row
linked by `amends_id`, and lot stock follows only the difference between the two versions.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mesodesk.db.base import utcnow
from mesodesk.db.models import AdverseEvent, TreatmentSession, User
from mesodesk.domain.drafts import AdverseEventDraft, SessionDraft
from mesodesk.domain.enums import AuditAction, SessionStatus
from mesodesk.domain.rules import validate_for_signing
from mesodesk.domain.validation import Level, Problem, ValidationError, enforce, reason_text
from mesodesk.services import audit
from mesodesk.services import session_records as records
from mesodesk.services.concurrency import require_version, stale
from mesodesk.services.deletion import deletion_reason, mark_deleted
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.session_checks import (
    check_session,
    event_problems,
    lot_uses,
    resolved_before_onset,
    signer,
    signing_refusal,
)
from mesodesk.services.session_views import (
    AdverseEventView,
    SessionRow,
    SessionView,
    chain_ids,
    event_view,
    session_rows,
    session_views,
)
from mesodesk.services.store import Service

_ENTITY = "treatment_session"


class SessionService(Service):
    """Treatment sessions for one store, acting as one user."""

    # -- writing ---------------------------------------------------------------------------
    def record(
        self,
        draft: SessionDraft,
        *,
        acknowledge_warnings: bool = False,
        override_reason: str = "",
        now: datetime | None = None,
    ) -> SessionView:
        """Store a new draft session with its zones, lots and adverse events; lots draw down."""
        self.actor.require_clinical("record treatment sessions")
        with self.store.writing() as session:
            return self._record(
                session,
                draft,
                acknowledge_warnings=acknowledge_warnings,
                override_reason=override_reason,
                now=now or utcnow(),
            )

    def update_draft(
        self,
        session_id: int,
        draft: SessionDraft,
        *,
        acknowledge_warnings: bool = False,
        override_reason: str = "",
        now: datetime | None = None,
        expected_version: int | None = None,
    ) -> SessionView:
        """Replace a draft's content; its old lot uses are given back and the new ones drawn.
        Refused if someone saved or signed it since `expected_version` (what the form loaded)."""
        self.actor.require_clinical("edit treatment sessions")
        with self.store.writing() as session:
            return self._update_draft(
                session,
                session_id,
                draft,
                acknowledge_warnings=acknowledge_warnings,
                override_reason=override_reason,
                now=now or utcnow(),
                expected_version=expected_version,
            )

    def sign(
        self, session_id: int, *, acknowledge_warnings: bool = False, now: datetime | None = None
    ) -> SessionView:
        """Lock a draft under the acting practitioner's name; it is never changed afterwards."""
        with self.store.writing() as session:
            user = signer(session, self.actor)
            row = records.load(session, session_id)
            if row.status is SessionStatus.SIGNED:
                raise Conflict(f"Session #{row.id} is already signed.")
            return self._sign(
                session,
                row,
                records.view(session, row.id),
                user,
                acknowledge_warnings=acknowledge_warnings,
                now=now or utcnow(),
            )

    def save_and_sign(
        self,
        draft: SessionDraft,
        *,
        session_id: int | None = None,
        acknowledge_warnings: bool = False,
        override_reason: str = "",
        now: datetime | None = None,
        expected_version: int | None = None,
    ) -> SessionView:
        """Store a new draft (or, with `session_id`, replace that draft's content) and sign it,
        in one transaction: if the signature is refused, nothing is written, not even the draft.
        `expected_version` is checked as in `update_draft`."""
        self.actor.require_clinical(
            "record treatment sessions" if session_id is None else "edit treatment sessions"
        )
        now = now or utcnow()
        with self.store.writing() as session:
            user = signer(session, self.actor)
            if session_id is None:
                saved = self._record(
                    session,
                    draft,
                    acknowledge_warnings=acknowledge_warnings,
                    override_reason=override_reason,
                    now=now,
                    signing=True,
                )
            else:
                saved = self._update_draft(
                    session,
                    session_id,
                    draft,
                    acknowledge_warnings=acknowledge_warnings,
                    override_reason=override_reason,
                    now=now,
                    expected_version=expected_version,
                    signing=True,
                )
            # The draft just written is signed as read back, without reading it again.
            row = session.get_one(TreatmentSession, saved.id)
            return self._sign(
                session, row, saved, user, acknowledge_warnings=acknowledge_warnings, now=now
            )

    def signing_refusal(self) -> str:
        """Why the acting user cannot sign (empty when they may): the form says so up front.
        Signing itself also checks the account in the database."""
        return signing_refusal(self.actor)

    def amend(
        self,
        session_id: int,
        draft: SessionDraft,
        reason: str,
        *,
        acknowledge_warnings: bool = False,
        override_reason: str = "",
        now: datetime | None = None,
        expected_version: int | None = None,
    ) -> SessionView:
        """Correct a signed session with a new signed version; the original row stays as is.
        Refused if the signed version changed or was amended since `expected_version`."""
        self.actor.require_clinical("amend treatment sessions")
        now = now or utcnow()
        reason = reason_text(reason)
        if not reason:
            problem = Problem(
                "amendment_reason",
                "Say why the signed session is amended.",
                Level.ERROR,
                "reason_required",
            )
            raise ValidationError([problem])
        with self.store.writing() as session:
            user = signer(session, self.actor)
            old = records.load(session, session_id)
            _require_unchanged(session, old, expected_version)
            if old.status is not SessionStatus.SIGNED:
                raise Conflict("Only a signed session is amended: edit the draft instead.")
            records.require_current(session, old)
            if draft.patient_id != old.patient_id:
                raise Conflict("An amendment cannot move a session to another patient.")
            before = records.view(session, old.id)
            checked = check_session(
                session,
                draft,
                now=now,
                acknowledge_warnings=acknowledge_warnings,
                override_reason=override_reason,
                previous=before,
                signing=True,
            )
            row = TreatmentSession(
                status=SessionStatus.SIGNED,
                signed_at=now,
                signed_by_id=user.id,
                amends_id=old.id,
                amendment_reason=reason,
                created_by_id=self.actor.user_id,
            )
            records.fill(row, draft, checked)
            session.add(row)
            session.flush()
            self._add_events(session, row, draft.adverse_events)
            stock = records.move_stock(session, lot_uses(before.draft), lot_uses(draft))
            after = records.view(session, row.id)
            audit.record(
                session,
                self.actor,
                AuditAction.AMEND,
                _ENTITY,
                row.id,
                patient_id=row.patient_id,
                summary=f"Amended session #{old.id} as #{row.id}: {reason}",
                before=records.audit_dict(before),
                after=records.audit_dict(after, stock, checked),
            )
            return after

    def add_adverse_event(self, session_id: int, draft: AdverseEventDraft) -> AdverseEventView:
        """Record an event on a session, signed or not: patchy alopecia can show months later."""
        self.actor.require_clinical("record adverse events")
        with self.store.writing() as session:
            row = records.load(session, session_id)
            records.require_current(session, row)
            enforce(event_problems(draft, row.performed_at.astimezone().date()))
            event = records.new_event(row, draft, self.actor.user_id)
            session.add(event)
            session.flush()
            added = event_view(session, event.id)
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                "adverse_event",
                event.id,
                patient_id=row.patient_id,
                summary=f"Adverse event on session #{row.id}: {draft.event_type.label}",
                after=records.plain(added),
            )
            return added

    def resolve_adverse_event(
        self, event_id: int, resolved_on: date, action_taken: str = ""
    ) -> AdverseEventView:
        """Close an adverse event with the day it resolved and what was done about it."""
        self.actor.require_clinical("resolve adverse events")
        with self.store.writing() as session:
            event = session.get(AdverseEvent, event_id)
            if event is None or event.deleted_at is not None:
                raise NotFound(f"No adverse event with id {event_id}.")
            records.require_current(session, records.load(session, event.session_id))
            if resolved_on < event.onset_on:
                raise ValidationError([resolved_before_onset(event.onset_on)])
            before = audit.snapshot(event)
            event.resolved_on = resolved_on
            if action_taken.strip():
                event.action_taken = action_taken.strip()
            session.flush()
            old, new = audit.changes(before, audit.snapshot(event))
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "adverse_event",
                event.id,
                patient_id=event.patient_id,
                summary=f"Adverse event #{event.id} resolved on {resolved_on:%d.%m.%Y}",
                before=old,
                after=new,
            )
            return event_view(session, event.id)

    def delete(self, session_id: int, reason: str) -> None:
        """Soft delete the current version (so the whole chain); its lot uses are given back."""
        self.actor.require_clinical("delete treatment sessions")
        reason = deletion_reason(reason, "a session")
        with self.store.writing() as session:
            row = records.load(session, session_id)
            records.require_current(session, row)
            before = records.view(session, row.id)
            mark_deleted(row, self.actor, reason)
            stock = records.move_stock(session, lot_uses(before.draft), {})
            audit.record(
                session,
                self.actor,
                AuditAction.DELETE,
                _ENTITY,
                row.id,
                patient_id=row.patient_id,
                summary=f"Deleted session #{row.id}: {reason}",
                before=records.audit_dict(before),
                after={"stock": records.stock_dict(stock)} if stock else None,
            )

    # -- reading ---------------------------------------------------------------------------
    def get(self, session_id: int) -> SessionView:
        """One version with everything the session card shows."""
        with self.store.reading() as session:
            found = session_views(session, [session_id], notes_visible=self._notes).get(session_id)
            if found is None or _chain_deleted(session, session_id):
                raise NotFound(f"No treatment session with id {session_id}.")
            return found

    def history(self, session_id: int) -> list[SessionView]:
        """Every version of the session's amendment chain, oldest first."""
        with self.store.reading() as session:
            ids = chain_ids(session, session_id)
            views = session_views(session, ids, notes_visible=self._notes)
            if session_id not in views or _chain_deleted(session, session_id):
                raise NotFound(f"No treatment session with id {session_id}.")
            return [views[i] for i in ids]

    @property
    def _notes(self) -> bool:
        return self.actor.sees_clinical_notes

    def for_patient(self, patient_id: int) -> list[SessionRow]:
        """The patient's sessions (current versions only), newest first."""
        with self.store.reading() as session:
            return session_rows(session, patient_id, notes_visible=self._notes)

    # -- the steps of a write, inside the caller's transaction ------------------------------
    def _record(
        self,
        session: Session,
        draft: SessionDraft,
        *,
        acknowledge_warnings: bool,
        override_reason: str,
        now: datetime,
        signing: bool = False,
    ) -> SessionView:
        checked = check_session(
            session,
            draft,
            now=now,
            acknowledge_warnings=acknowledge_warnings,
            override_reason=override_reason,
            previous=None,
            signing=signing,
        )
        row = TreatmentSession(status=SessionStatus.DRAFT, created_by_id=self.actor.user_id)
        records.fill(row, draft, checked)
        session.add(row)
        session.flush()
        self._add_events(session, row, draft.adverse_events)
        stock = records.move_stock(session, {}, lot_uses(draft))
        after = records.view(session, row.id)
        audit.record(
            session,
            self.actor,
            AuditAction.CREATE,
            _ENTITY,
            row.id,
            patient_id=row.patient_id,
            summary=records.summary("Recorded draft session", row.id, row.override_reason),
            after=records.audit_dict(after, stock, checked),
        )
        return after

    def _update_draft(
        self,
        session: Session,
        session_id: int,
        draft: SessionDraft,
        *,
        acknowledge_warnings: bool,
        override_reason: str,
        now: datetime,
        expected_version: int | None,
        signing: bool = False,
    ) -> SessionView:
        row = records.load(session, session_id)
        _require_unchanged(session, row, expected_version)
        if row.status is not SessionStatus.DRAFT:
            raise Conflict("Signed sessions are locked: amend instead.")
        if draft.patient_id != row.patient_id:
            raise Conflict("A session cannot be moved to another patient.")
        before = records.view(session, row.id)
        checked = check_session(
            session,
            draft,
            now=now,
            acknowledge_warnings=acknowledge_warnings,
            override_reason=override_reason,
            previous=before,
            signing=signing,
        )
        row.zones.clear()
        row.lots.clear()
        session.flush()  # the old zones and lots go first: both are unique per session
        records.fill(row, draft, checked)
        self._replace_events(session, row, draft.adverse_events)
        stock = records.move_stock(session, lot_uses(before.draft), lot_uses(draft))
        after = records.view(session, row.id)
        old, new = audit.changes(
            records.audit_dict(before), records.audit_dict(after, stock, checked)
        )
        audit.record(
            session,
            self.actor,
            AuditAction.UPDATE,
            _ENTITY,
            row.id,
            patient_id=row.patient_id,
            summary=records.summary("Edited draft session", row.id, row.override_reason),
            before=old,
            after=new,
        )
        return after

    def _sign(
        self,
        session: Session,
        row: TreatmentSession,
        before: SessionView,
        user: User,
        *,
        acknowledge_warnings: bool,
        now: datetime,
    ) -> SessionView:
        """Sign the draft `row`, whose view `before` was read in this transaction."""
        enforce(validate_for_signing(before.draft), acknowledge_warnings=acknowledge_warnings)
        row.status = SessionStatus.SIGNED
        row.signed_at = now
        row.signed_by_id = user.id
        after = records.view(session, row.id)
        audit.record(
            session,
            self.actor,
            AuditAction.SIGN,
            _ENTITY,
            row.id,
            patient_id=row.patient_id,
            summary=f"Signed session #{row.id}",
            before={"status": before.status.value},
            after={
                "status": after.status.value,
                "signed_at": audit.plain(after.signed_at),
                "signed_by_id": after.signed_by_id,
            },
        )
        return after

    # -- adverse events of a draft ----------------------------------------------------------
    def _add_events(
        self, session: Session, row: TreatmentSession, drafts: tuple[AdverseEventDraft, ...]
    ) -> None:
        for draft in drafts:
            session.add(records.new_event(row, draft, self.actor.user_id))
        session.flush()

    def _replace_events(
        self, session: Session, row: TreatmentSession, drafts: tuple[AdverseEventDraft, ...]
    ) -> None:
        """A draft's events follow the form: kept rows are updated, dropped ones soft-deleted."""
        existing = list(
            session.scalars(
                select(AdverseEvent)
                .where(AdverseEvent.session_id == row.id, AdverseEvent.deleted_at.is_(None))
                .order_by(AdverseEvent.onset_on, AdverseEvent.id)
            )
        )
        for event, draft in zip(existing, drafts, strict=False):
            records.fill_event(event, draft)
        for draft in drafts[len(existing) :]:
            session.add(records.new_event(row, draft, self.actor.user_id))
        for event in existing[len(drafts) :]:
            mark_deleted(event, self.actor, "Removed from the draft session")
        session.flush()


def _chain_deleted(session: Session, session_id: int) -> bool:
    """A chain is deleted through its current version, which hides every version."""
    current = chain_ids(session, session_id)[-1]
    deleted = session.scalar(
        select(TreatmentSession.deleted_at).where(TreatmentSession.id == current)
    )
    return deleted is not None


def _require_unchanged(session: Session, row: TreatmentSession, expected: int | None) -> None:
    """The form's copy must still be current: same version, and (for a signed session) not
    amended meanwhile, which adds a newer row instead of changing this one."""
    label = f"Session #{row.id}"
    require_version(session, row, expected, _ENTITY, label)
    if expected is not None:
        newest = chain_ids(session, row.id)[-1]
        if newest != row.id:
            raise stale(session, _ENTITY, newest, label)

"""Writing session rows: filling them from a draft, lot stock and the audit form of a version.

Kept apart from the service so each use case there reads as check → write → audit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from mesodesk.db.models import AdverseEvent, Lot, SessionLot, SessionZone, TreatmentSession
from mesodesk.domain.drafts import AdverseEventDraft, SessionDraft
from mesodesk.services import audit
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.session_checks import Checked, lot_uses
from mesodesk.services.session_views import SessionView, chain_ids, session_views

Stock = dict[int, tuple[float, float]]  # lot id → (quantity left before, after)


def load(session: Session, session_id: int) -> TreatmentSession:
    """A live (not deleted) session with its zones and lots, for writing."""
    row = session.scalar(
        select(TreatmentSession)
        .where(TreatmentSession.id == session_id, TreatmentSession.deleted_at.is_(None))
        .options(selectinload(TreatmentSession.zones), selectinload(TreatmentSession.lots))
    )
    if row is None:
        raise NotFound(f"No treatment session with id {session_id}.")
    return row


def view(session: Session, session_id: int) -> SessionView:
    session.flush()
    return session_views(session, [session_id])[session_id]


def require_current(session: Session, row: TreatmentSession) -> None:
    """Superseded versions are history: events and deletion go to the current version."""
    newer = session.scalar(
        select(TreatmentSession.id).where(TreatmentSession.amends_id == row.id).limit(1)
    )
    if newer is not None:
        raise Conflict(
            f"Session #{row.id} was amended: work on its current version "
            f"#{chain_ids(session, row.id)[-1]}."
        )


def fill(row: TreatmentSession, draft: SessionDraft, checked: Checked) -> None:
    row.patient_id = draft.patient_id
    row.course_id = checked.course_id
    row.planned_visit_id = draft.planned_session_id
    row.performed_at = draft.performed_at
    row.practitioner_id = draft.practitioner_id
    row.recipe_id = draft.recipe_id
    row.volume_ml = draft.volume_ml
    row.needle_gauge = draft.needle_gauge
    row.needle_length_mm = draft.needle_length_mm
    row.technique = draft.technique
    row.technique_other = draft.technique_other.strip()
    row.anaesthesia = draft.anaesthesia
    row.pain_score = draft.pain_score
    row.immediate_reactions = draft.immediate_reactions.strip()
    row.no_adverse_events = draft.no_adverse_events
    row.notes = draft.notes.strip()
    row.override_reason = checked.override_reason
    row.zones = [
        SessionZone(
            zone=z.zone,
            depth_mm=z.depth_mm,
            volume_ml=z.volume_ml,
            points=z.points,
            spacing_cm=z.spacing_cm,
        )
        for z in draft.zones
    ]
    row.lots = [SessionLot(lot_id=lot_id, quantity=qty) for lot_id, qty in lot_uses(draft).items()]


def move_stock(session: Session, old: Mapping[int, float], new: Mapping[int, float]) -> Stock:
    """Draw lot stock down by the difference between two sets of lot uses."""
    moved: Stock = {}
    for lot_id in sorted(set(old) | set(new)):
        delta = new.get(lot_id, 0.0) - old.get(lot_id, 0.0)
        if not delta:
            continue
        lot = session.get(Lot, lot_id)
        if lot is None:
            raise NotFound(f"No lot with id {lot_id}.")
        before = lot.quantity_left
        lot.quantity_left = before - delta
        moved[lot_id] = (before, lot.quantity_left)
    session.flush()
    return moved


def new_event(row: TreatmentSession, draft: AdverseEventDraft, user_id: int | None) -> AdverseEvent:
    event = AdverseEvent(session_id=row.id, patient_id=row.patient_id, recorded_by_id=user_id)
    fill_event(event, draft)
    return event


def fill_event(event: AdverseEvent, draft: AdverseEventDraft) -> None:
    event.event_type = draft.event_type
    event.grade = draft.grade
    event.onset_on = draft.onset_on
    event.description = draft.description.strip()
    event.action_taken = draft.action_taken.strip()
    event.resolved_on = draft.resolved_on


def plain(value: Any) -> Any:
    """A JSON-safe copy of nested dataclass data (as `asdict` would give, without its deep
    copy of every value: the values are immutable, and the copy was a third of an audit)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return audit.plain(value)


def stock_dict(stock: Mapping[int, tuple[float, float]]) -> dict[str, list[float]]:
    return {str(lot_id): [before, after] for lot_id, (before, after) in stock.items()}


def audit_dict(
    version: SessionView, stock: Stock | None = None, checked: Checked | None = None
) -> dict[str, Any]:
    """A session version for an audit row: columns, zones, lots, events, the stock moved and
    the warnings the user accepted to save it."""
    data = plain(version)
    for key in ("created_at", "amended_by_id", "practitioner_name", "signed_by_name"):
        data.pop(key, None)
    if stock:
        data["stock"] = stock_dict(stock)
    if checked is not None and checked.accepted:
        data["accepted"] = list(checked.accepted)
    return data


def summary(text: str, session_id: int, override_reason: str) -> str:
    if override_reason:
        return f"{text} #{session_id} (safety stop overridden: {override_reason})"
    return f"{text} #{session_id}"

"""Soft deletion, the same for every clinical record: kept, hidden, with who, when and why."""

from __future__ import annotations

from typing import Protocol

from mesodesk.db.base import utcnow
from mesodesk.domain.validation import reason_text
from mesodesk.services.errors import Conflict
from mesodesk.services.store import Actor


class SoftDeletable(Protocol):
    deleted_at: object
    deleted_by_id: int | None
    delete_reason: str | None


def deletion_reason(reason: object, what: str) -> str:
    """The written reason for deleting `what` ("an assessment"); refused when blank."""
    text = reason_text(reason)
    if not text:
        raise Conflict(f"A reason is required to delete {what}.")
    return text


def mark_deleted(row: SoftDeletable, actor: Actor, reason: str) -> None:
    row.deleted_at = utcnow()
    row.deleted_by_id = actor.user_id
    row.delete_reason = reason

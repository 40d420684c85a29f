"""Audit rows: written in the same transaction as the change, each chained to the one before.

`row_hash` = SHA-256 of the previous row's hash and this row's canonical JSON, so an edited,
inserted or removed row breaks every hash after it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Insert, Select, insert, inspect, select
from sqlalchemy.orm import Session

from mesodesk.db.base import utcnow
from mesodesk.db.models import AuditEntry
from mesodesk.domain.enums import AuditAction
from mesodesk.services.errors import BadValue
from mesodesk.services.statements import run
from mesodesk.services.store import Actor

_SKIPPED_COLUMNS = {"created_at", "updated_at", "logo_png", "password_hash"}


def plain(value: Any) -> Any:
    """A JSON-safe form of a column value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def snapshot(obj: object) -> dict[str, Any]:
    """The column values of an ORM object, for an audit row's before/after."""
    mapper = inspect(obj).mapper
    return {
        attr.key: plain(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in _SKIPPED_COLUMNS
    }


def changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict, dict]:
    """Only the keys whose value changed, as (before, after)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _canonical(entry: AuditEntry) -> str:
    payload = {
        "at": plain(entry.at),
        "user_id": entry.user_id,
        "username": entry.username,
        "action": plain(entry.action),
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "patient_id": entry.patient_id,
        "summary": entry.summary,
        "before": entry.before,
        "after": entry.after,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + _canonical(entry)).encode("utf-8")).hexdigest()


def record(
    session: Session,
    actor: Actor,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    *,
    patient_id: int | None = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add one audit row to the current transaction, chained to the row before it.

    Written as one cached INSERT on the session's connection after the changes it follows
    are flushed: the ORM's unit of work for a row nothing reads back cost more than the
    statement (every save and every chart opened writes one).
    """
    for reference in (entity_id, patient_id):
        if reference is not None and type(reference) is not int:
            # The row is hashed as given and read back as stored: a "1" stored as 1 would read
            # back as a changed row and break the chain. Refused, the whole change rolls back.
            raise BadValue(f"A reference is not a record id: {str(reference)[:40]!r}.")
    prev = run(session, _last_hash_statement()).scalar()  # flushes the changes it follows
    values = {
        "at": utcnow().replace(microsecond=0),
        "user_id": actor.user_id,
        "username": actor.username,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "patient_id": patient_id,
        "summary": summary,
        "before": before,
        "after": after,
        "prev_hash": prev or "",
    }
    values["row_hash"] = entry_hash(values["prev_hash"], AuditEntry(**values))
    run(session, _insert_statement(), values)


@cache
def _insert_statement() -> Insert:
    return insert(AuditEntry.__table__)


@cache
def _last_hash_statement() -> Select:
    return select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    reason: str


def verify_chain(session: Session) -> list[ChainBreak]:
    """Every place the audit chain does not hold; empty when untouched."""
    breaks: list[ChainBreak] = []
    prev = ""
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(2000):
        if entry.prev_hash != prev:
            breaks.append(ChainBreak(entry.id, "does not follow the row before it"))
        if entry_hash(entry.prev_hash, entry) != entry.row_hash:
            breaks.append(ChainBreak(entry.id, "its content was changed after it was written"))
        prev = entry.row_hash
    return breaks

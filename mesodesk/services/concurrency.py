"""Several workstations on one database: stale saves are refused, and changes are noticed.

A form remembers the `version` of the record it loaded and hands it back on save; if another
workstation saved the record meanwhile, the versions differ and the save is refused with
`StaleRecord`, naming who changed it and when (from the audit trail), so the person can
reload and make their change again. Underneath, the ORM's version counter
(`version_id_col`) makes every UPDATE name the version it read, a safety net for code that
would load a record in one transaction and save it in another (services load and save in one
write transaction, and writers take turns, so that is where the check above matters).

`change_marker` is the light query a workstation repeats (on window focus and every few
seconds) to learn whether anyone changed anything: every change writes one audit row, so the
highest audit id moves exactly when there is something new to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from mesodesk.db.models import AuditEntry
from mesodesk.services.errors import Conflict
from mesodesk.services.store import Store


class StaleRecord(Conflict):
    """Someone saved the record after it was loaded here; reload, then change it again."""

    def __init__(
        self, message: str, *, changed_by: str | None = None, changed_at: datetime | None = None
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


@dataclass(frozen=True)
class LastChange:
    username: str
    at: datetime

    def phrase(self) -> str:
        local = self.at.astimezone()
        return f"by {self.username} on {local:%d.%m.%Y at %H:%M}"


def newest_change(session: Session, where: ColumnElement[bool]) -> LastChange | None:
    """The newest audit row matching `where`: who made it, and when."""
    row = session.execute(
        select(AuditEntry.username, AuditEntry.at)
        .where(where)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return LastChange(row.username, row.at) if row is not None else None


def about(entity: str, entity_id: int) -> ColumnElement[bool]:
    """Audit rows of one record."""
    return (AuditEntry.entity == entity) & (AuditEntry.entity_id == entity_id)


def last_change(session: Session, entity: str, entity_id: int) -> LastChange | None:
    """Who last changed a record, and when, according to the audit trail."""
    return newest_change(session, about(entity, entity_id))


def stale(
    session: Session,
    entity: str,
    entity_id: int,
    label: str,
    change_where: ColumnElement[bool] | None = None,
) -> StaleRecord:
    """The refusal for a save based on an outdated copy of `label` (e.g. "Müller, Jana").

    `change_where`: the audit rows that can change the record, when not only its own (a lot's
    stock moves with the sessions that draw from it)."""
    where = change_where if change_where is not None else about(entity, entity_id)
    change = newest_change(session, where)
    who = f" {change.phrase()}" if change else " on another workstation"
    return StaleRecord(
        f"{label} was changed{who}, after you opened it. Your changes were not saved: reload "
        "to see the current record, then make them again.",
        changed_by=change.username if change else None,
        changed_at=change.at if change else None,
    )


def refuse_if_stale(
    session: Session,
    current: int,
    expected: int | None,
    entity: str,
    entity_id: int,
    label: str,
    change_where: ColumnElement[bool] | None = None,
) -> None:
    """Raise `StaleRecord` when the stored version is not the one the form loaded."""
    if expected is not None and current != expected:
        raise stale(session, entity, entity_id, label, change_where)


class Versioned(Protocol):
    """A row with an optimistic-lock counter (every model with `version_id_col`)."""

    id: int
    version: int


def require_version(
    session: Session,
    row: Versioned,
    expected: int | None,
    entity: str,
    label: str,
    change_where: ColumnElement[bool] | None = None,
) -> None:
    """The check every in-place save makes: `row` must still be at the version its form
    loaded (`expected`; None for callers that loaded nothing, e.g. scripts)."""
    refuse_if_stale(session, row.version, expected, entity, row.id, label, change_where)


def change_marker(store: Store) -> int:
    """A number that grows whenever anyone changes anything (the newest audit row's id)."""
    with store.reading() as session:
        return session.scalar(select(func.max(AuditEntry.id))) or 0

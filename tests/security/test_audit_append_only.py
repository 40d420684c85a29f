"""The audit trail is append-only in the database, and an edited row breaks the chain."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine, delete, select, text, update
from sqlalchemy.exc import DBAPIError

from mesodesk.db.migrate import upgrade
from mesodesk.db.models import AuditEntry
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Sex
from mesodesk.services import Services
from mesodesk.services.audit import verify_chain
from mesodesk.services.store import SYSTEM, Store


def register(store: Store, family: str) -> int:
    draft = PatientDraft(family, "Test", date(1980, 1, 2), Sex.FEMALE)
    return Services(store, SYSTEM).patients.register(draft, acknowledge_warnings=True).id


@pytest.fixture(params=["sqlite", "postgresql"])
def audited(request: pytest.FixtureRequest, db_url: str) -> Iterator[Store]:
    """A store with three audited changes, on SQLite and (when one is given) PostgreSQL."""
    if request.param == "postgresql":
        url = os.environ.get("MESODESK_TEST_PG_URL")
        if not url:
            pytest.skip("MESODESK_TEST_PG_URL names no PostgreSQL server")
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
        upgrade(url)
        db_url = url
    store = Store(db_url)
    for family in ("Adler", "Brandt", "Claus"):
        register(store, family)
    yield store
    store.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        update(AuditEntry).values(summary="nothing happened"),
        update(AuditEntry).where(AuditEntry.id == 2).values(username="someone else"),
        delete(AuditEntry).where(AuditEntry.id == 3),
        delete(AuditEntry),
    ],
    ids=["update-all", "update-one", "delete-last", "delete-all"],
)
def test_the_database_refuses_to_change_or_delete_audit_rows(audited: Store, statement) -> None:
    with audited.reading() as session:
        before = session.execute(select(AuditEntry.id, AuditEntry.row_hash)).all()

    with pytest.raises(DBAPIError, match="append-only"), audited.writing() as session:
        session.execute(statement)

    with audited.reading() as session:
        assert session.execute(select(AuditEntry.id, AuditEntry.row_hash)).all() == before
        assert verify_chain(session) == []


def test_new_audit_rows_are_still_accepted(audited: Store) -> None:
    register(audited, "Dorn")
    with audited.reading() as session:
        assert session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())) == 4
        assert verify_chain(session) == []


def _drop_triggers(store: Store) -> None:
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER audit_log_no_update"))
            conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_no_change ON audit_log"))


def test_an_edited_audit_row_breaks_the_chain(audited: Store) -> None:
    """Someone with the file and a SQLite shell drops the trigger and rewrites history."""
    _drop_triggers(audited)
    with audited.writing() as session:
        session.execute(
            update(AuditEntry).where(AuditEntry.id == 2).values(summary="Registered nobody")
        )
    with audited.reading() as session:
        breaks = verify_chain(session)
    assert [(b.entry_id, b.reason) for b in breaks] == [
        (2, "its content was changed after it was written")
    ]


def test_a_removed_audit_row_breaks_the_chain(audited: Store) -> None:
    _drop_triggers(audited)
    with audited.writing() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id == 2))
    with audited.reading() as session:
        breaks = verify_chain(session)
    assert [(b.entry_id, b.reason) for b in breaks] == [(3, "does not follow the row before it")]


def test_a_rehashed_edit_still_breaks_the_chain_after_it(audited: Store) -> None:
    """Recomputing the edited row's own hash is not enough: the next row points at the old one."""
    from mesodesk.services.audit import entry_hash

    _drop_triggers(audited)
    with audited.writing() as session:
        entry = session.get(AuditEntry, 2)
        entry.summary = "Registered nobody"
        entry.row_hash = entry_hash(entry.prev_hash, entry)
    with audited.reading() as session:
        assert [b.entry_id for b in verify_chain(session)] == [3]

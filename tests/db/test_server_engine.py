"""The PostgreSQL engine: writers queue like SQLite's, times come back in UTC, and the
password never shows."""

from __future__ import annotations

import threading
import time
from datetime import UTC

from sqlalchemy import select

from mesodesk.db.engine import display_url, password_missing, with_password
from mesodesk.db.models import AuditEntry
from mesodesk.domain.enums import AuditAction
from mesodesk.services import audit
from mesodesk.services.store import SYSTEM, Store
from tests.server import PgServer


def test_two_writers_on_a_server_queue_one_after_the_other(pg_server: PgServer) -> None:
    with pg_server.database(migrated=True) as url:
        store = Store.open(url)
        try:
            order: list[str] = []
            first_has_lock = threading.Event()

            def slow_writer() -> None:
                with store.writing() as session:
                    session.execute(select(1))  # the transaction (and its lock) starts here
                    first_has_lock.set()
                    audit.record(session, SYSTEM, AuditAction.CREATE, "probe", 1)
                    time.sleep(0.5)
                    order.append("first")

            thread = threading.Thread(target=slow_writer)
            thread.start()
            first_has_lock.wait(5)
            with store.writing() as session:  # waits for the first to commit
                audit.record(session, SYSTEM, AuditAction.CREATE, "probe", 2)
                order.append("second")
            thread.join()

            assert order == ["first", "second"]
            with store.reading() as session:
                entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
                assert audit.verify_chain(session) == []  # the second saw the first's hash
            assert [e.entity_id for e in entries] == [1, 2]
            assert all(e.at.tzinfo is UTC for e in entries)
        finally:
            store.dispose()


def test_a_password_is_masked_and_kept_out_of_the_url_text() -> None:
    url = with_password("postgresql+psycopg://lena@clinic-server/mesodesk", "s3cret")
    assert url.password == "s3cret"
    assert "s3cret" not in display_url(url)
    assert "s3cret" not in display_url("postgresql+psycopg://lena:s3cret@clinic-server/m")


def test_a_missing_password_is_recognised() -> None:
    assert password_missing(RuntimeError("fe_sendauth: no password supplied"))
    assert password_missing(RuntimeError('password authentication failed for user "lena"'))
    assert not password_missing(RuntimeError("could not translate host name"))

"""Is this database sound? Schema revision, SQLite integrity, foreign keys, audit chain, and
the clinical invariants the services keep (so a hand edit or a damaged file shows up).

Everything here only reads: an SQLite file is opened read-only (`mode=ro`), migrations are
never run, and on other databases the one transaction is rolled back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from mesodesk.db.engine import make_engine, sqlite_path
from mesodesk.db.migrate import alembic_config, head_revision
from mesodesk.services.audit import verify_chain

_SHOWN = 5  # offending ids listed per failed check


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str = ""
    skipped: bool = False

    @property
    def label(self) -> str:
        return "skipped" if self.skipped else "ok" if self.ok else "FAILED"


def read_only_engine(url: str) -> Engine:
    """An engine that cannot write: SQLite opened with mode=ro; others as configured."""
    path = sqlite_path(url)
    if path is None:
        return make_engine(url, poolclass=NullPool)
    uri = f"file:{quote(str(path))}?mode=ro"
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )


def run_checks(url: str) -> Iterator[CheckResult]:
    """Every check, in order; stops early only when there is no database to check."""
    path = sqlite_path(url)
    if path is not None and not Path(path).is_file():
        yield CheckResult("database", False, f"there is no database at {path}")
        return
    engine = read_only_engine(url)
    try:
        with engine.connect() as connection:
            revision = _revision(connection)
            yield revision
            if path is not None:
                yield _integrity(connection)
                yield _foreign_keys(connection)
            else:  # a database server checks its own files and enforces foreign keys
                for name in ("integrity_check", "foreign keys"):
                    yield CheckResult(name, True, "done by the database server", skipped=True)
            if not revision.ok:
                for name in ("audit chain", "audit trail protection", *CLINICAL_CHECKS):
                    yield CheckResult(name, False, "needs the current schema", skipped=True)
                return
            yield _audit_chain(connection)
            yield _audit_protection(connection)
            for name, check in CLINICAL_CHECKS.items():
                yield check(connection, name)
            connection.rollback()
    finally:
        engine.dispose()


def _revision(connection: Connection) -> CheckResult:
    # Imported here: Alembic takes 0.17 s to load, and photos use this module's engine.
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    name = "schema revision"
    head = head_revision()
    current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return CheckResult(name, True, f"at head ({head})")
    if current is None:
        return CheckResult(name, False, "not a MesoDesk database (no schema revision)")
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current not in known:
        return CheckResult(name, False, f"{current} is unknown here: made by a newer MesoDesk?")
    return CheckResult(
        name,
        False,
        f"at {current}, head is {head}: open it in MesoDesk to upgrade it "
        "(a backup is taken first)",
    )


def _integrity(connection: Connection) -> CheckResult:
    lines = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if lines == ["ok"]:
        return CheckResult("integrity_check", True)
    return CheckResult("integrity_check", False, "; ".join(lines[:_SHOWN]))


def _foreign_keys(connection: Connection) -> CheckResult:
    rows = list(connection.exec_driver_sql("PRAGMA foreign_key_check"))
    if not rows:
        return CheckResult("foreign keys", True)
    shown = ", ".join(f"{table} row {rowid} → {parent}" for table, rowid, parent, _ in rows[:5])
    return CheckResult("foreign keys", False, f"{len(rows)} rows point to missing rows: {shown}")


def _audit_chain(connection: Connection) -> CheckResult:
    with Session(bind=connection) as session:
        breaks = verify_chain(session)
    if not breaks:
        return CheckResult("audit chain", True)
    shown = "; ".join(f"entry {b.entry_id}: {b.reason}" for b in breaks[:_SHOWN])
    return CheckResult("audit chain", False, f"{len(breaks)} broken links: {shown}")


# The triggers of revision 0002 that refuse UPDATE and DELETE on the audit trail.
_AUDIT_TRIGGERS = {
    "sqlite": (
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'",
        {"audit_log_no_update", "audit_log_no_delete"},
    ),
    "postgresql": (
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
        "AND NOT tgisinternal AND tgenabled <> 'D'",
        {"audit_log_no_change", "audit_log_no_truncate"},
    ),
}


def _audit_protection(connection: Connection) -> CheckResult:
    """The audit trail refuses edits only while its triggers exist (and are enabled)."""
    name = "audit trail protection"
    found = _AUDIT_TRIGGERS.get(connection.dialect.name)
    if found is None:
        return CheckResult(name, True, "not checked on this database", skipped=True)
    sql, wanted = found
    present = {row[0] for row in connection.exec_driver_sql(sql)}
    missing = sorted(wanted - present)
    if not missing:
        return CheckResult(name, True, "updates and deletes are refused")
    return CheckResult(
        name, False, f"trigger(s) {', '.join(missing)} removed: the audit trail can be edited"
    )


def _ids_check(sql: str, problem: str) -> Callable[[Connection, str], CheckResult]:
    """A check that passes when `sql` returns no ids; otherwise lists the first few."""

    def check(connection: Connection, name: str) -> CheckResult:
        ids = [row[0] for row in connection.execute(text(sql))]
        if not ids:
            return CheckResult(name, True)
        shown = ", ".join(f"#{i}" for i in ids[:_SHOWN]) + (" …" if len(ids) > _SHOWN else "")
        return CheckResult(name, False, f"{len(ids)} {problem}: {shown}")

    return check


_LIVE = "s.deleted_at IS NULL"


def _lots_in_date(connection: Connection, name: str) -> CheckResult:
    """Compared on the local calendar day of the session, as the session form does."""
    candidates = connection.execute(
        text(
            "SELECT s.id, s.performed_at, l.expiry_date FROM session_lots sl "
            "JOIN lots l ON l.id = sl.lot_id JOIN treatment_sessions s ON s.id = sl.session_id "
            f"WHERE {_LIVE} AND l.expiry_date <= s.performed_at"
        )
    )
    late = sorted({sid for sid, at, expiry in candidates if _local_day(at) > _as_date(expiry)})
    if not late:
        return CheckResult(name, True)
    shown = ", ".join(f"#{i}" for i in late[:_SHOWN])
    return CheckResult(name, False, f"{len(late)} sessions used a lot after its expiry: {shown}")


def _local_day(value: object) -> date:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


CLINICAL_CHECKS: dict[str, Callable[[Connection, str], CheckResult]] = {
    "session lots point at lots": _ids_check(
        "SELECT sl.id FROM session_lots sl LEFT JOIN lots l ON l.id = sl.lot_id "
        "WHERE l.id IS NULL ORDER BY sl.id",
        "session lot rows name a missing lot",
    ),
    "no lot used after its expiry": _lots_in_date,
    "amendments amend signed sessions": _ids_check(
        "SELECT s.id FROM treatment_sessions s LEFT JOIN treatment_sessions o "
        "ON o.id = s.amends_id WHERE s.amends_id IS NOT NULL AND (o.id IS NULL "
        "OR o.status != 'signed' OR s.status != 'signed' OR o.patient_id != s.patient_id) "
        "ORDER BY s.id",
        "amendments do not amend a signed session of the same patient",
    ),
    "each version amended once": _ids_check(
        "SELECT amends_id FROM treatment_sessions WHERE amends_id IS NOT NULL "
        "GROUP BY amends_id HAVING count(*) > 1 ORDER BY amends_id",
        "sessions have more than one amendment",
    ),
    "signed sessions carry signer and time": _ids_check(
        "SELECT id FROM treatment_sessions WHERE (status = 'signed' AND (signed_at IS NULL "
        "OR signed_by_id IS NULL)) OR (status != 'signed' AND signed_at IS NOT NULL) ORDER BY id",
        "sessions have a signature that does not match their status",
    ),
    "zone depths within the needle": _ids_check(
        "SELECT DISTINCT s.id FROM session_zones z JOIN treatment_sessions s "
        "ON s.id = z.session_id WHERE z.depth_mm <= 0 OR z.depth_mm > s.needle_length_mm "
        "ORDER BY s.id",
        "sessions have a zone deeper than the needle (or not deeper than 0)",
    ),
    "sessions match their course": _ids_check(
        "SELECT s.id FROM treatment_sessions s LEFT JOIN course_plans c ON c.id = s.course_id "
        "LEFT JOIN planned_visits v ON v.id = s.planned_visit_id "
        "WHERE (s.course_id IS NOT NULL AND c.patient_id != s.patient_id) "
        "OR (s.planned_visit_id IS NOT NULL AND v.course_id != s.course_id) ORDER BY s.id",
        "sessions belong to another patient's course or visit",
    ),
    "adverse events match their session": _ids_check(
        "SELECT e.id FROM adverse_events e JOIN treatment_sessions s ON s.id = e.session_id "
        "WHERE e.patient_id != s.patient_id ORDER BY e.id",
        "adverse events name another patient than their session",
    ),
}

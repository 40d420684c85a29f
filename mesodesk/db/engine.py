"""Engines for the embedded SQLite store and a clinic PostgreSQL server.

SQLite connections get WAL, `synchronous=FULL`, foreign keys and a busy timeout, and the
pysqlite driver's own transaction handling is switched off so that SQLAlchemy emits BEGIN
itself: otherwise SELECTs, DDL and SAVEPOINTs run outside any transaction and a rolled-back
savepoint does not undo its writes.

PostgreSQL connections (`postgresql+psycopg://user@host/db`) get the same waiting rules:
a write transaction (`sqlite_begin="IMMEDIATE"`, what `Store.writing` asks for) first takes
one transaction-level advisory lock, so writers queue one after the other as they do on
SQLite. The audit chain needs that (each row hashes the one before it), and so do record
numbers (the next is the highest plus one). `lock_timeout` plays the busy timeout's part.
The password is never part of MesoDesk's settings: it comes in the URL the clinic's IT
passes on the command line, from libpq's password file (PGPASSFILE or `~/.pgpass`), or is
asked for at start-up and kept in memory only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# defined without SQLAlchemy, so the start-up resolves `--db` before loading it
from mesodesk.db.urls import resolve_url as resolve_url
from mesodesk.db.urls import sqlite_url as sqlite_url

BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
# pg_advisory_xact_lock keys (any two 64-bit numbers the clinic's database uses for nothing
# else): one for writers, one for schema upgrades.
WRITER_LOCK_KEY = 0x4D45_534F_0001  # "MESO" 1
MIGRATION_LOCK_KEY = 0x4D45_534F_0002


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for another engine or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def is_server_url(url: str | URL) -> bool:
    """True for a PostgreSQL URL (the clinic server mode)."""
    return make_url(url).get_backend_name() == "postgresql"


def display_url(url: str | URL) -> str:
    """The URL with any password masked: for titles, logs and messages."""
    return make_url(url).render_as_string(hide_password=True)


def with_password(url: str | URL, password: str) -> URL:
    """`url` with the password given at start-up (an in-memory URL object, never written)."""
    return make_url(url).set(password=password)


# Passwords typed at start-up, for this process only (never written anywhere).
_PASSWORDS: dict[tuple[str | None, int | None, str | None, str | None], str] = {}


def _server_key(url: URL) -> tuple[str | None, int | None, str | None, str | None]:
    return (url.host, url.port, url.username, url.database)


def server_login(url: str | URL) -> tuple[str, str]:
    """(user, server) of a server URL, for the password prompt."""
    parsed = make_url(url)
    return parsed.username or "", parsed.host or "localhost"


def remember_password(url: str | URL, password: str) -> None:
    """Use `password` for every later connection to this server database, in this process."""
    _PASSWORDS[_server_key(make_url(url))] = password


def password_missing(exc: BaseException) -> bool:
    """True when a server connection failed for want of a (right) password."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return any(
        phrase in text
        for phrase in ("no password supplied", "password authentication failed", "fe_sendauth")
    )


def make_engine(url: str | URL, *, foreign_keys: bool = True, **kwargs: Any) -> Engine:
    """An engine with MesoDesk's connection settings; `foreign_keys=False` only for migrations."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return _postgresql_engine(parsed, **kwargs)
    if parsed.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(url, **kwargs)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
    _install_sqlite_listeners(engine, foreign_keys=foreign_keys)
    return engine


def _install_sqlite_listeners(engine: Engine, *, foreign_keys: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see module doc)
        cursor = dbapi_connection.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                if pragma.startswith("PRAGMA foreign_keys") and not foreign_keys:
                    cursor.execute("PRAGMA foreign_keys=OFF")
                else:
                    cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "")
        connection.exec_driver_sql(f"BEGIN {mode}".strip())


def _postgresql_engine(url: URL, **kwargs: Any) -> Engine:
    """A server engine: waits like SQLite's busy timeout, names itself in pg_stat_activity."""
    kwargs.setdefault("pool_pre_ping", True)
    connect_args = dict(kwargs.pop("connect_args", {}))
    typed = _PASSWORDS.get(_server_key(url))
    if url.password is None and typed is not None:
        connect_args.setdefault("password", typed)
    connect_args.setdefault("application_name", "MesoDesk")
    connect_args.setdefault("connect_timeout", 10)
    options = connect_args.get("options", "")
    connect_args["options"] = f"{options} -c lock_timeout={BUSY_TIMEOUT_MS} -c TimeZone=UTC".strip()
    engine = create_engine(url, connect_args=connect_args, **kwargs)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Short sessions whose objects stay readable after commit (returned as plain data anyway)."""
    return sessionmaker(engine, expire_on_commit=False)

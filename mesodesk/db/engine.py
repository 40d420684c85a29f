"""Engines for the embedded SQLite store and a clinic PostgreSQL server.

SQLite connections get WAL, `synchronous=FULL`, foreign keys and a busy timeout, and the
pysqlite driver's own transaction handling is switched off so that SQLAlchemy emits BEGIN
itself: otherwise SELECTs, DDL and SAVEPOINTs run outside any transaction and a rolled-back
savepoint does not undo its writes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from mesodesk import paths

BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """`--db` takes a file path or an SQLAlchemy URL; then MESODESK_DATABASE_URL; then default."""
    value = str(db) if db else os.environ.get("MESODESK_DATABASE_URL", "")
    if not value:
        return sqlite_url(paths.default_database_path())
    if "://" in value:
        return value
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


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


def make_engine(url: str, *, foreign_keys: bool = True, **kwargs: Any) -> Engine:
    """An engine with MesoDesk's connection settings; `foreign_keys=False` only for migrations."""
    parsed = make_url(url)
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


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Short sessions whose objects stay readable after commit (returned as plain data anyway)."""
    return sessionmaker(engine, expire_on_commit=False)

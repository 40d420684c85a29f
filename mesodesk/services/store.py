"""The database a service works on, and the one-transaction-per-call rule.

`writing()` opens an immediate write transaction (SQLite: BEGIN IMMEDIATE, so two writers
queue on the busy timeout instead of failing half-way), commits when the block ends and rolls
everything back when it raises: nothing half-written reaches the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mesodesk.db.engine import make_engine, resolve_url
from mesodesk.db.migrate import MigrationResult, upgrade
from mesodesk.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    """Who is acting: written into every audit row."""

    user_id: int | None
    username: str
    role: Role = Role.ADMINISTRATOR

    @property
    def sees_clinical_notes(self) -> bool:
        return self.role is not Role.FRONT_DESK


SYSTEM = Actor(user_id=None, username="system", role=Role.ADMINISTRATOR)


class Service:
    """A use-case group working on one store as one acting user."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor


class Store:
    """An engine plus read and write session factories for one database."""

    def __init__(self, url: str, *, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        self.migration: MigrationResult | None = None

    @classmethod
    def open(cls, db: str | None = None, *, migrate: bool = True) -> Store:
        """Open the database named by `--db` (or the default), upgrading its schema first."""
        url = resolve_url(db)
        result = upgrade(url) if migrate else None
        store = cls(url)
        store.migration = result
        return store

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        with self._write() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()

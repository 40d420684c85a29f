"""The database a service works on, and the one-transaction-per-call rule.

`writing()` opens an immediate write transaction (SQLite: BEGIN IMMEDIATE, so two writers
queue on the busy timeout instead of failing half-way), commits when the block ends and rolls
everything back when it raises: nothing half-written reaches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mesodesk.db.engine import make_engine, resolve_url, sqlite_path
from mesodesk.db.migrate import MigrationResult, at_head, upgrade
from mesodesk.domain.enums import Role
from mesodesk.services.startup import Opened, prepare_database_file


@dataclass(frozen=True)
class Actor:
    """Who is acting: written into every audit row."""

    user_id: int | None
    username: str
    role: Role = Role.ADMINISTRATOR

    @property
    def sees_clinical_notes(self) -> bool:
        return self.role is not Role.FRONT_DESK

    def require_clinical(self, what: str) -> None:
        """Refuse a front-desk account clinical notes and clinical records (`PermissionDenied`)."""
        if not self.sees_clinical_notes:
            from mesodesk.services.errors import PermissionDenied

            raise PermissionDenied(
                f"A front-desk account cannot {what}: clinical notes and records are for "
                "practitioners and administrators."
            )


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
        self.backup_problem: str | None = None  # the automatic backup failed: tell the user
        self._opened: Opened | None = None
        self.gate: Callable[[], None] | None = None  # see `check_gate`

    @classmethod
    def open(
        cls,
        db: str | None = None,
        *,
        migrate: bool = True,
        backup_dir: Path | None = None,
        deferred_checks: bool = False,
    ) -> Store:
        """Open the database named by `--db` (or the default), upgrading its schema first.

        An SQLite file is checked first (network share, another MesoDesk, damage) and gets its
        daily automatic backup; in-memory and server databases skip all of that. With
        `deferred_checks` the damage check and backup wait for `finish_checks()`, unless the
        schema must be upgraded first (a damaged file is never migrated).
        """
        url = resolve_url(db)
        path = sqlite_path(url)
        opened = (
            prepare_database_file(path, backup_dir, checks=not deferred_checks)
            if path is not None
            else None
        )
        try:
            head = at_head(url) if migrate else None
            if head is not None:
                result: MigrationResult | None = MigrationResult(head, head, None)
            else:
                if opened is not None:
                    opened.check_and_back_up()  # a damaged file is never migrated
                result = upgrade(url, backup_dir=backup_dir) if migrate else None
            store = cls(url)
        except BaseException:
            if opened is not None:
                opened.lock.release()
            raise
        store.migration = result
        store._opened = opened
        store.backup_problem = opened.backup_problem if opened else None
        return store

    def finish_checks(self) -> None:
        """The deferred damage check and daily backup (`DamagedDatabase` if damaged)."""
        opened = self._opened  # `dispose` may let it go meanwhile
        if opened is not None:
            opened.check_and_back_up()
            self.backup_problem = opened.backup_problem

    @contextmanager
    def reading(self, *, gated: bool = True) -> Iterator[Session]:
        if gated:
            self.check_gate()
        with _bad_values_refused(), self._read() as session, session.begin():
            yield session

    @contextmanager
    def writing(self, *, gated: bool = True) -> Iterator[Session]:
        if gated:
            self.check_gate()
        with _bad_values_refused(), self._write() as session, session.begin():
            yield session

    def check_gate(self) -> None:
        """Refuse database work while the signed-in user's session is locked or has expired.

        `gate` is set by `mesodesk.services.auth` when someone signs in; it raises
        `SessionLocked`. Only signing in and unlocking read past it (`gated=False`).
        """
        if self.gate is not None:
            self.gate()

    def dispose(self) -> None:
        self.engine.dispose()
        if self._opened is not None:
            self._opened.lock.release()
            self._opened = None


@contextmanager
def _bad_values_refused() -> Iterator[None]:
    """Turn a value the driver cannot bind (an id beyond 64 bits, a list, half a character)
    into `BadValue`: the transaction is rolled back and the caller gets a message, not a crash.
    """
    from sqlalchemy.exc import DBAPIError, InvalidRequestError, StatementError

    from mesodesk.services.errors import BadValue

    try:
        yield
    except (OverflowError, UnicodeEncodeError) as exc:
        raise BadValue(f"A value is too large or not valid text for the database ({exc}).") from exc
    except InvalidRequestError as exc:
        if "identifier to formulate primary key" not in str(exc):
            raise
        raise BadValue("A reference is not a record id.") from exc
    except StatementError as exc:
        orig = exc.orig
        binding = isinstance(orig, TypeError | ValueError | OverflowError) and not isinstance(
            exc, DBAPIError
        )
        if binding or "Error binding parameter" in str(orig):
            raise BadValue(
                f"A value of the wrong kind cannot be stored or looked up: {str(orig)[:200]}"
            ) from exc
        raise

"""Demo data never mixes with a clinic's real records.

Demo rows go only into an empty database. A database the demo generator filled carries a
marker row in its audit trail; only such a database may be replaced (`mesodesk demo --force`).
A database holding anything else is never touched, whatever the options.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, func, inspect, select, table, text

from mesodesk.db.base import Base
from mesodesk.db.engine import make_engine, sqlite_path
from mesodesk.services.errors import ServiceError

MARKER_ENTITY = "demo_dataset"
# Tables whose rows mean someone has started using the database.
_CONTENT_TABLES = (
    "patients",
    "users",
    "ingredients",
    "lots",
    "recipes",
    "treatment_sessions",
    "clinic",
)


class DemoRefused(ServiceError):
    """The target database holds data: demo data is not written into it."""


@dataclass(frozen=True)
class Contents:
    counts: dict[str, int]
    is_demo: bool

    @property
    def has_data(self) -> bool:
        return any(self.counts.values())

    def describe(self) -> str:
        parts = [f"{n:,} {name.replace('_', ' ')}" for name, n in self.counts.items() if n]
        return ", ".join(parts) or "nothing"


def inspect_contents(connection: Connection) -> Contents:
    """Row counts of the content tables (absent tables count 0) and whether it is demo data."""
    present = set(inspect(connection).get_table_names())
    counts = {
        name: connection.scalar(select(func.count()).select_from(table(name))) or 0
        for name in _CONTENT_TABLES
        if name in present
    }
    is_demo = False
    if "audit_log" in present:
        marker = connection.execute(
            text("SELECT 1 FROM audit_log WHERE entity = :entity LIMIT 1"),
            {"entity": MARKER_ENTITY},
        ).first()
        is_demo = marker is not None
    return Contents(counts, is_demo)


def contents_of(url: str) -> Contents:
    """What the database at `url` holds, without creating or migrating anything."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return Contents({}, False)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return inspect_contents(connection)
    finally:
        engine.dispose()


def refuse_if_used(contents: Contents, where: str) -> None:
    """Raise `DemoRefused` with what to do instead, unless the database is empty."""
    if not contents.has_data:
        return
    if contents.is_demo:
        raise DemoRefused(
            f"{where} already holds demo data ({contents.describe()}). "
            "Use --force to replace it, or choose another --db."
        )
    raise DemoRefused(
        f"{where} already holds a clinic's data ({contents.describe()}). Demo data is never "
        "mixed into real records, and --force does not change that: choose another --db "
        "(a new file)."
    )


def replace_demo(url: str) -> bool:
    """Empty an earlier demo database so it can be generated again; False if there was none.

    Raises `DemoRefused` if the database holds anything but demo data.
    """
    contents = contents_of(url)
    if not contents.has_data:
        return False
    if not contents.is_demo:
        refuse_if_used(contents, describe_target(url))
    path = sqlite_path(url)
    if path is not None:
        _remove_sqlite_file(path)
        return True
    engine: Engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for target in reversed(Base.metadata.sorted_tables):
                connection.execute(target.delete())
    finally:
        engine.dispose()
    return True


def _remove_sqlite_file(path: Path) -> None:
    try:
        for suffix in ("-wal", "-shm", ""):
            Path(str(path) + suffix).unlink(missing_ok=True)
    except OSError as exc:
        raise DemoRefused(
            f"The demo database {path} could not be replaced ({exc.strerror}); "
            "close MesoDesk if it is open on it."
        ) from exc


def describe_target(url: str) -> str:
    path = sqlite_path(url)
    return f"The database {path}" if path is not None else f"The database {url.split('@')[-1]}"

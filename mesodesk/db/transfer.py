"""Copy a whole clinic from one database to another (SQLite → a PostgreSQL server, or back).

Rows are copied verbatim, ids and audit hashes included, table by table in foreign-key order
and within a table in id order (an amendment or a recipe variant always points to an earlier
row), all in one transaction on the target: the copy is complete or absent. Afterwards the
target's id sequences are moved past the copied ids, and every table is read back from both
sides: row counts and a SHA-256 over each table's rows must match. A target that already
holds any record is refused.

Into PostgreSQL the rows go through COPY (psycopg's `Cursor.copy`), several times faster
than INSERTs for the hundreds of thousands of rows a busy clinic collects.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Connection, Engine, Table, func, inspect, select, text

import mesodesk.db.models  # noqa: F401  (registers every table)
from mesodesk.db.base import Base
from mesodesk.db.engine import display_url, is_postgresql, make_engine
from mesodesk.db.migrate import current_revision, head_revision, upgrade

CHUNK = 5_000
Progress = Callable[[str, int, int], None]  # (table, rows copied, rows in the table)


class TransferError(RuntimeError):
    """The move cannot start or did not verify; the message says why."""


@dataclass(frozen=True)
class TableCheck:
    name: str
    source_rows: int
    target_rows: int
    source_sha256: str
    target_sha256: str

    @property
    def ok(self) -> bool:
        return (self.source_rows, self.source_sha256) == (self.target_rows, self.target_sha256)


@dataclass
class TransferReport:
    tables: list[TableCheck] = field(default_factory=list)
    copy_seconds: float = 0.0
    verify_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.target_rows for t in self.tables)

    def problems(self) -> list[str]:
        return [
            f"{t.name}: {t.source_rows} rows in the source, {t.target_rows} in the target"
            if t.source_rows != t.target_rows
            else f"{t.name}: the rows differ (checksums {t.source_sha256[:12]} ≠ "
            f"{t.target_sha256[:12]})"
            for t in self.tables
            if not t.ok
        ]


def tables() -> list[Table]:
    """Every MesoDesk table, parents before children."""
    return list(Base.metadata.sorted_tables)


def _order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def plain(value: Any) -> Any:
    """A value as it is written to the target and fed to the checksum."""
    if isinstance(value, Enum):
        return value.value
    return value


def _fingerprint(value: Any) -> str:
    """One engine-independent text per value, for the checksums."""
    if value is None:
        return "\\N"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _rows(connection: Connection, table: Table) -> Iterator[tuple]:
    result = connection.execution_options(yield_per=CHUNK).execute(
        select(*table.columns).order_by(*_order(table))
    )
    for row in result:
        yield tuple(row)


def table_checksum(connection: Connection, table: Table) -> tuple[int, str]:
    """(row count, SHA-256 of every row's values in id order)."""
    digest = hashlib.sha256()
    count = 0
    for row in _rows(connection, table):
        digest.update("\x1f".join(_fingerprint(v) for v in row).encode("utf-8"))
        digest.update(b"\x1e")
        count += 1
    return count, digest.hexdigest()


def record_count(connection: Connection) -> int:
    """How many rows the MesoDesk tables that exist in this database hold."""
    present = set(inspect(connection).get_table_names())
    return sum(
        connection.scalar(select(func.count()).select_from(t)) or 0
        for t in tables()
        if t.name in present
    )


def _prepare_target(target_url: str, target: Engine) -> None:
    """Refuse a target with records; bring an empty one to the newest schema."""
    with target.connect() as connection:
        names = set(inspect(connection).get_table_names())
        revision = current_revision(target) if "alembic_version" in names else None
        rows = record_count(connection)
    if rows:
        raise TransferError(
            f"The target {display_url(target_url)} already holds {rows:,} records: a clinic is "
            "only moved into an empty database. Create a new, empty one for it."
        )
    foreign = names - {t.name for t in tables()} - {"alembic_version"}
    if foreign:
        raise TransferError(
            f"The target {display_url(target_url)} has tables MesoDesk does not know "
            f"({', '.join(sorted(foreign)[:5])}): use a database of its own for MesoDesk."
        )
    if revision not in (None, head_revision()):
        raise TransferError(f"The target is at schema revision {revision}, not {head_revision()}.")
    upgrade(target_url)


def _copy_rows(source: Connection, target: Connection, table: Table, progress: Progress | None):
    total = source.scalar(select(func.count()).select_from(table)) or 0
    if total == 0:
        return
    columns = [c.name for c in table.columns]
    batches = _batches(_rows(source, table), CHUNK)
    done = 0
    if is_postgresql(target.engine):
        json_columns = {i for i, c in enumerate(table.columns) if isinstance(c.type, JSON)}
        from psycopg.types.json import Json

        raw = target.connection.driver_connection
        names = ", ".join(f'"{c}"' for c in columns)
        with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as cp:
            for batch in batches:
                for row in batch:
                    cp.write_row(
                        [
                            Json(v) if i in json_columns and v is not None else plain(v)
                            for i, v in enumerate(row)
                        ]
                    )
                done += len(batch)
                if progress:
                    progress(table.name, done, total)
        return
    for batch in batches:
        target.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in batch])
        done += len(batch)
        if progress:
            progress(table.name, done, total)


def _batches(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def reset_sequences(connection: Connection) -> None:
    """Move each table's id sequence past its highest id (PostgreSQL; a no-op elsewhere).

    Needed after rows were written with explicit ids: a copy, or demo data."""
    if not is_postgresql(connection.engine):
        return
    for table in tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        connection.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                f'COALESCE((SELECT max(id) FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": table.name},
        )


def verify(source: Engine, target: Engine, report: TransferReport) -> None:
    started = time.perf_counter()
    report.tables.clear()
    with source.connect() as src, target.connect() as tgt:
        for table in tables():
            source_rows, source_sum = table_checksum(src, table)
            target_rows, target_sum = table_checksum(tgt, table)
            report.tables.append(
                TableCheck(table.name, source_rows, target_rows, source_sum, target_sum)
            )
    report.verify_seconds = time.perf_counter() - started


def transfer(
    source_url: str, target_url: str, *, progress: Progress | None = None
) -> TransferReport:
    """Copy every record from `source_url` into the empty `target_url`, then verify."""
    source = make_engine(source_url)
    target = make_engine(target_url)
    try:
        found, head = current_revision(source), head_revision()
        if found != head:
            raise TransferError(
                f"The source is at schema revision {found or 'none'}; this MesoDesk needs "
                f"{head}. Open it in MesoDesk once to upgrade it (a backup is taken first)."
            )
        _prepare_target(target_url, target)
        report = TransferReport()
        started = time.perf_counter()
        with source.connect() as src, target.begin() as tgt:
            src.begin()  # one read transaction: a consistent snapshot of the source
            for table in tables():
                _copy_rows(src, tgt, table, progress)
            reset_sequences(tgt)
        report.copy_seconds = time.perf_counter() - started
        verify(source, target, report)
    finally:
        source.dispose()
        target.dispose()
    return report

"""Fill an empty database with a demo clinic, in bulk, in one transaction.

Rows are produced per chunk of patients and inserted with executemany (see `sink`); the
audit trail gets one summary row per table (plus a marker row that identifies a demo
database), written through `mesodesk.services.audit.record` so the hash chain verifies. One
transaction means a failed or interrupted run leaves the database as empty as it was.
For SQLite the bulk insert runs in rollback-journal mode (WAL would write every new page
twice) and switches back to WAL afterwards.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from random import Random

from sqlalchemy import Connection, column, func, select, table
from sqlalchemy.orm import Session

from mesodesk.db.engine import is_sqlite, make_engine, resolve_url
from mesodesk.db.migrate import upgrade
from mesodesk.db.transfer import reset_sequences
from mesodesk.demo.catalog import DEMO_ACTOR_NAME, TEMPLATES
from mesodesk.demo.context import Context
from mesodesk.demo.guard import MARKER_ENTITY, describe_target, inspect_contents, refuse_if_used
from mesodesk.demo.library import build_library, stock_updates
from mesodesk.demo.people import make_patient
from mesodesk.demo.schedule import protocols
from mesodesk.demo.shapes import ShapePools
from mesodesk.demo.sink import COLUMNS, CoreSink, Sink, SqliteSink
from mesodesk.demo.treatment import write_patient_care
from mesodesk.domain.enums import AuditAction, Role
from mesodesk.services import audit
from mesodesk.services.store import Actor, Store

Progress = Callable[[int, int], None]
CHUNK = 2_000
# The first patients show every situation once, whatever the seed.
SHOWCASE = ("due_today", "overdue", "complete", "new", "stopped")


@dataclass(frozen=True)
class DemoSummary:
    url: str
    patients: int
    seed: int
    today: date
    rows: dict[str, int]
    seconds: float

    def lines(self) -> list[str]:
        width = max(len(name) for name in self.rows)
        counted = [f"  {name:<{width}}  {count:>12,}" for name, count in self.rows.items()]
        total = sum(self.rows.values())
        return [
            f"Demo data: {self.patients:,} patients (seed {self.seed}, today {self.today})",
            *counted,
            f"  {'total rows':<{width}}  {total:>12,}",
            f"Done in {self.seconds:.1f} s.",
        ]


def generate(
    url_or_store: str | Store,
    *,
    patients: int = 48,
    seed: int = 7,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo clinic; refuses (`DemoRefused`) a used database."""
    if patients < 1:
        raise ValueError("The demo needs at least one patient.")
    started = time.perf_counter()
    if isinstance(url_or_store, Store):
        store, owned = url_or_store, False
    else:
        url = resolve_url(url_or_store)
        _refuse_before_migrating(url)
        upgrade(url)
        store, owned = Store(url), True
    try:
        day = today or date.today()
        with _bulk_connection(store) as connection:
            rows = _fill(connection, patients, seed, day, progress)
        return DemoSummary(store.url, patients, seed, day, rows, time.perf_counter() - started)
    finally:
        if owned:
            store.dispose()


def _refuse_before_migrating(url: str) -> None:
    """Check an existing database before the migration step could touch it."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            refuse_if_used(inspect_contents(connection), describe_target(url))
    finally:
        engine.dispose()


@contextlib.contextmanager
def _bulk_connection(store: Store) -> Iterator[Connection]:
    with store.engine.connect() as connection:
        if not is_sqlite(store.engine):
            yield connection
            return
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA journal_mode=DELETE")  # no effect while others have it open
        raw.execute("PRAGMA cache_size=-262144")  # 256 MB: index pages stay in memory
        try:
            yield connection.execution_options(sqlite_begin="IMMEDIATE")
        finally:
            raw.execute("PRAGMA cache_size=-2000")
            raw.execute("PRAGMA journal_mode=WAL")


def _first_ids(connection: Connection) -> dict[str, int]:
    """The next free id of every table (1 in an empty database)."""
    first = {}
    for name in COLUMNS:
        if name != "patient_allergies":
            target = table(name, column("id"))
            first[name] = (connection.scalar(select(func.max(target.c.id))) or 0) + 1
    return first


def _fill(
    connection: Connection, patients: int, seed: int, today: date, progress: Progress | None
) -> dict[str, int]:
    with connection.begin():
        sink: Sink = (
            SqliteSink(connection) if is_sqlite(connection.engine) else CoreSink(connection)
        )
        counts = produce(sink, _first_ids(connection), patients, seed, today, progress)
        _audit(connection, counts, patients, seed, today)
        reset_sequences(connection)  # rows went in with their ids: a server's counters follow
    return counts


def produce(
    sink: Sink,
    first_ids: dict[str, int],
    patients: int,
    seed: int,
    today: date,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Generate every demo row into `sink`; returns the row count per table."""
    rng = Random(seed)
    day = today.toordinal()
    now = datetime.now()
    now_minute = now.hour * 60 + now.minute if today == now.date() else 12 * 60
    library, fixed = build_library(rng, sink.codec, day, first_ids)
    long_course, short_course = protocols()
    pools = ShapePools(rng, {spec.total_volume_ml for spec in TEMPLATES})
    after_fixed = {name: first_ids[name] + len(fixed.get(name, ())) for name in first_ids}
    ctx = Context(
        rng, sink.codec, library, day, now_minute, pools, long_course, short_course,
        after_fixed, draft_every=1000,
    )  # fmt: skip
    counts = dict.fromkeys(COLUMNS, 0)
    for name, rows in fixed.items():
        ctx.out[name].extend(rows)
    if progress is not None:
        progress(0, patients)
    for start in range(1, patients + 1, CHUNK):
        for number in range(start, min(start + CHUNK, patients + 1)):
            forced = SHOWCASE[number - 1] if number <= len(SHOWCASE) else None
            plan = make_patient(ctx, number, forced, allergic=number == 2, variant=number == 3)
            write_patient_care(ctx, plan, force_draft=number == 1, force_amend=forced == "complete")
        for name, rows in ctx.take().items():
            sink.write(name, rows)
            counts[name] += len(rows)
        if progress is not None:
            progress(min(start + CHUNK - 1, patients), patients)
    received, left = stock_updates(library, rng)
    sink.set_column("lots", "quantity_received", received)
    sink.set_column("lots", "quantity_left", left)
    return counts


def _audit(
    connection: Connection, counts: dict[str, int], patients: int, seed: int, today: date
) -> None:
    """A marker row naming the data set, then one summary row per table filled."""
    actor = Actor(user_id=None, username=DEMO_ACTOR_NAME, role=Role.ADMINISTRATOR)
    with Session(bind=connection) as session:
        audit.record(
            session,
            actor,
            AuditAction.CREATE,
            MARKER_ENTITY,
            None,
            summary=f"Demo data set: {patients:,} patients, seed {seed}, as of {today}",
            after={"patients": patients, "seed": seed, "today": today.isoformat()},
        )
        for name, count in counts.items():
            if count:
                audit.record(
                    session,
                    actor,
                    AuditAction.CREATE,
                    name,
                    None,
                    summary=f"Demo data: {count:,} rows",
                    after={"rows": count},
                )
        session.flush()

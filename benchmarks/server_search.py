"""The patient search on an SQLite file and on a PostgreSQL server holding the same clinic.

    python -m benchmarks.server_search SQLITE-FILE-OR-URL POSTGRESQL-URL

Both sides answer the same queries through `PatientService.find` (three-letter prefixes, full
names, record numbers, phone prefixes of real patients): p50 and p95 in ms, then PostgreSQL's
plan for one prefix search, which must scan the search-key indexes, not the table. Not part
of the test suite; `mesodesk migrate-store` makes the server copy.
"""

from __future__ import annotations

import sys

from sqlalchemy import text

from benchmarks.common import p95, times_ms
from mesodesk.db.engine import display_url, resolve_url
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store


def _queries(store: Store, count: int) -> list[str]:
    with store.reading() as session:
        rows = session.execute(
            text(
                "SELECT family_name, given_names, record_number, phone_digits FROM patients "
                "WHERE id % 97 = 0 ORDER BY id LIMIT :n"
            ),
            {"n": count},
        ).all()
    return (
        [r[0][:3] for r in rows]
        + [f"{r[0]} {r[1]}" for r in rows]
        + [r[2] for r in rows[: count // 2]]
        + [r[3][:6] for r in rows[: count // 2] if len(r[3]) >= 6]
    )


def measure(url: str, queries: list[str]) -> tuple[float, float]:
    store = Store(url)
    try:
        patients = PatientService(store, SYSTEM)
        samples: list[float] = []
        for query in queries:
            samples += times_ms(lambda q=query: patients.find(q, limit=100), 5, warmup=1)
    finally:
        store.dispose()
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], p95(samples)


def plan(url: str, query: str) -> str:
    store = Store(url)
    try:
        statement = PatientService._search(query, 100).limit(100)
        with store.reading() as session:
            compiled = statement.compile(session.bind, compile_kwargs={"literal_binds": True})
            rows = session.execute(text(f"EXPLAIN (ANALYZE, COSTS OFF) {compiled}")).all()
    finally:
        store.dispose()
    return "\n".join(row[0] for row in rows)


def main(argv: list[str]) -> int:
    sqlite, server = resolve_url(argv[0]), resolve_url(argv[1])
    store = Store(sqlite)
    try:
        queries = _queries(store, 60)
    finally:
        store.dispose()
    for url in (sqlite, server):
        p50, p95_ms = measure(url, queries)
        print(f"{display_url(url)}: p50 {p50:.2f} ms, p95 {p95_ms:.2f} ms ({len(queries)} × 5)")
    print(plan(server, queries[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

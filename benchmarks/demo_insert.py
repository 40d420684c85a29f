"""How close the demo generator comes to raw SQLite inserts of the same rows.

    python benchmarks/demo_insert.py [PATIENTS]

Times three things on fresh, migrated databases: generating the rows alone (into memory),
inserting those prepared rows with plain `sqlite3` executemany in one transaction (the
floor), and the real `generate()` end to end. The goal is end-to-end within 3× of the floor.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from mesodesk.db.engine import sqlite_url
from mesodesk.db.migrate import upgrade
from mesodesk.demo import generate
from mesodesk.demo.generate import produce
from mesodesk.demo.sink import COLUMNS, MemorySink


def _raw_insert(path: Path, sink: MemorySink) -> float:
    upgrade(sqlite_url(path))
    connection = sqlite3.connect(path, isolation_level=None)
    started = time.perf_counter()
    connection.execute("BEGIN")
    for name, rows in sink.rows.items():
        columns = COLUMNS[name]
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        connection.executemany(f'INSERT INTO "{name}" ({names}) VALUES ({marks})', rows)
    for name, column, values in sink.updates:
        connection.executemany(f'UPDATE "{name}" SET "{column}" = ? WHERE id = ?', values)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def main() -> None:
    patients = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    first_ids = {name: 1 for name in COLUMNS if name != "patient_allergies"}
    with tempfile.TemporaryDirectory() as folder:
        sink = MemorySink()
        started = time.perf_counter()
        produce(sink, first_ids, patients, 7, date.today())
        generation = time.perf_counter() - started
        rows = sum(len(r) for r in sink.rows.values())
        floor = _raw_insert(Path(folder) / "raw.db", sink)
        del sink
        started = time.perf_counter()
        generate(str(Path(folder) / "demo.db"), patients=patients)
        end_to_end = time.perf_counter() - started
    print(f"{patients:,} patients, {rows:,} rows")
    print(f"  generation only (memory)      {generation:7.1f} s")
    print(f"  raw sqlite3 executemany       {floor:7.1f} s")
    print(f"  generate() end to end         {end_to_end:7.1f} s  ({end_to_end / floor:.1f}× raw)")


if __name__ == "__main__":
    main()

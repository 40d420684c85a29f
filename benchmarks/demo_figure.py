"""`demo`: generating the demo database end to end against raw executemany of the same rows."""

from __future__ import annotations

import time
from datetime import date

from benchmarks.common import Result, Settings
from benchmarks.demo_insert import _raw_insert
from mesodesk.demo import generate
from mesodesk.demo.generate import produce
from mesodesk.demo.sink import COLUMNS, MemorySink


def run(settings: Settings, only: set[str]) -> list[Result]:
    """One run each (minutes at full size); the floor inserts rows prepared beforehand."""
    patients = settings.patients
    first_ids = {name: 1 for name in COLUMNS if name != "patient_allergies"}
    sink = MemorySink()
    produce(sink, first_ids, patients, settings.seed, date.today())
    floor = _raw_insert(settings.work / "demo-raw.db", sink)
    del sink
    started = time.perf_counter()
    generate(str(settings.work / "demo-gen.db"), patients=patients, seed=settings.seed)
    value = time.perf_counter() - started
    for name in ("demo-raw.db", "demo-gen.db"):
        (settings.work / name).unlink()
    return [Result("demo", "s", value, floor, "ratio ≤ 3", value / floor <= 3,
                   note=f"{patients:,} patients, one run")]  # fmt: skip

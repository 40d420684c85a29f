"""What every figure shares: the run's settings, the result row, and small timing helpers."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """One run's scale: `--quick` trades repetitions and data size for a short run."""

    quick: bool
    work: Path  # deleted after the run
    cache: Path  # kept between runs: generated databases and photos
    seed: int = 7

    @property
    def patients(self) -> int:
        return 20_000 if self.quick else 100_000

    def reps(self, quick: int, full: int) -> int:
        return quick if self.quick else full


@dataclass
class Result:
    """One row of the table; `value` and `floor` are medians (or p95 where the goal says so)."""

    name: str
    unit: str
    value: float | None
    floor: float | None
    goal: str
    met: bool | None
    note: str = ""
    ratio: float | None = field(default=None)

    def __post_init__(self) -> None:
        if self.ratio is None and self.value is not None and self.floor:
            self.ratio = self.value / self.floor

    def as_json(self) -> dict:
        data = asdict(self)
        return {k: data[k] for k in ("name", "unit", "value", "floor", "ratio", "goal", "met")} | (
            {"note": self.note} if self.note else {}
        )


def missing(name: str, unit: str, goal: str, why: str) -> Result:
    """A figure that could not be measured honestly is reported, never invented."""
    return Result(name, unit, None, None, goal, None, note=f"missing: {why}")


def times_ms(fn: Callable[[], object], runs: int, warmup: int = 2) -> list[float]:
    """Wall times of `runs` calls in milliseconds, after a few untimed warm-up calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

"""`thumbnail`: importing 12-megapixel JPEGs against Pillow's draft-mode thumbnail alone."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.common import Result, Settings, cores, median
from benchmarks.photo_import import bare_thumbnail, import_all, make_photos


def camera_files(settings: Settings, count: int) -> list[Path]:
    """Camera-like files, made once per count and kept in the cache (encoding them is slow)."""
    folder = settings.cache / f"photos-{count}-v2"  # v2: no two files alike past 25
    paths = sorted(folder.glob("IMG_*.JPG"))
    if len(paths) < count:
        partial = folder.with_name(folder.name + ".partial")
        partial.mkdir(parents=True, exist_ok=True)
        print(f"making {count} 12-megapixel test photos (cached for later runs)…", flush=True)
        make_photos(partial, count)
        partial.rename(folder)
        paths = sorted(folder.glob("IMG_*.JPG"))
    return paths[:count]


def _fresh(settings: Settings, name: str) -> Path:
    """A folder of its own for each import (a vault that holds the files already would
    skip writing them)."""
    folder = settings.work / "thumbnail" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run(settings: Settings, only: set[str]) -> list[Result]:
    """`value`: ms a photo with one decoding worker (the importing thread checksums, writes
    and records beside it), the median of three turns taken in turn with the floor's; "uses
    every core": with a worker per core, the processes' busy
    time is at least 75 % of all cores' time (a speed-up over one worker would undercount
    it: one worker already keeps the importing thread busy on a second core)."""
    count = settings.reps(16, 20)
    paths = camera_files(settings, count)
    ones, floors = [], []
    for turn in range(3):  # in turn, so that a busy spell of the machine slows both alike
        floor_runs = []
        for path in paths:
            started = time.perf_counter()
            bare_thumbnail(path)
            floor_runs.append((time.perf_counter() - started) * 1000)
        floors.append(median(floor_runs))
        elapsed, _cpu = import_all(_fresh(settings, f"one-{turn}"), paths, 1)
        ones.append(elapsed / count * 1000)
    one, floor = median(ones), median(floors)
    workers = cores()
    elapsed, cpu = import_all(_fresh(settings, "batch"), paths, workers)
    batch, busy = elapsed / count * 1000, cpu / (elapsed * workers)
    uses_cores = workers == 1 or busy >= 0.75
    note = (f"per photo, {count} photos, 3 turns; {workers} workers: {batch:.0f} ms/photo "
            f"({one / batch:.1f}× one), cores {busy:.0%} busy")  # fmt: skip
    return [Result("thumbnail", "ms", one, floor, "ratio ≤ 1.5 per core; a batch uses every core",
                   one / floor <= 1.5 and uses_cores, note=note)]  # fmt: skip

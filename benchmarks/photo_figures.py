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


def run(settings: Settings, only: set[str]) -> list[Result]:
    """`value`: ms a photo with one decoding worker (the importing thread checksums, writes
    and records beside it); "uses every core": with a worker per core, the processes' busy
    time is at least 75 % of all cores' time (a speed-up over one worker would undercount
    it: one worker already keeps the importing thread busy on a second core)."""
    count = settings.reps(16, 20)
    paths = camera_files(settings, count)
    floor_runs = []
    for path in paths:
        started = time.perf_counter()
        bare_thumbnail(path)
        floor_runs.append((time.perf_counter() - started) * 1000)
    floor = median(floor_runs)
    elapsed, _cpu = import_all(settings.work, paths, 1)
    one = elapsed / count * 1000
    workers = cores()
    elapsed, cpu = import_all(settings.work, paths, workers)
    batch, busy = elapsed / count * 1000, cpu / (elapsed * workers)
    uses_cores = workers == 1 or busy >= 0.75
    note = (f"per photo, {count} photos; {workers} workers: {batch:.0f} ms/photo "
            f"({one / batch:.1f}× one), cores {busy:.0%} busy")  # fmt: skip
    return [Result("thumbnail", "ms", one, floor, "ratio ≤ 1.5 per core; a batch uses every core",
                   one / floor <= 1.5 and uses_cores, note=note)]  # fmt: skip

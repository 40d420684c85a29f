"""`startup.shown`, `startup.ready` and `memory`: the app's cold start beside bare Qt, in turn.

Every run is a new Python process (cold-ish: the interpreter, Qt and the database start from
nothing; the operating system's file cache stays warm, as on a workstation used every day).
Runs alternate app → bare window → bare window with SQLAlchemy, so a disturbance on the shared
machine hits value and floor alike; the figures are medians of the paired series.

* `startup.shown`: launch → first paint of the main window; floor: a bare PySide6 script
  painting a window with a table view (`startup_bare.py … shown`).
* `startup.ready`: launch → patient list filled and the search field focused; floor: the
  bare window, then SQLAlchemy imported, one ORM query in a session, the table filled.
  The app shows its first page before its services are loaded (`mesodesk.db.first_page`);
  the note says when they are (a search typed meanwhile runs then, a chart opens then).
* `memory`: peak RSS of the app with the database open and one chart (50 sessions, 200 photo
  records) shown; floor: the bare window's peak RSS.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Result, Settings, median
from benchmarks.dataset import heavy_patient, working_copy

HERE = Path(__file__).resolve().parent
APP, BARE = HERE / "startup_app.py", HERE / "startup_bare.py"
TIMEOUT = 120  # seconds: a hung start is reported, never waited for forever


class StartFailed(RuntimeError):
    pass


def _environment(settings: Settings) -> dict[str, str]:
    """Offscreen Qt; a private data folder so no run touches the user's own MesoDesk."""
    home = settings.work / "startup-home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MESODESK_HOME=str(home))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(HERE.parent), env.get("PYTHONPATH")) if p)
    env.pop("MESODESK_DATABASE_URL", None)
    return env


def launch(script: Path, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run one start; seconds from launch to each printed mark, and `rss` in MB."""
    launched = time.time()
    done = subprocess.run(
        [sys.executable, str(script), args[0], f"{launched:.6f}", *args[1:]],
        capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False,
    )  # fmt: skip
    marks: dict[str, float] = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("shown", "ready", "attached"):
            marks[name] = float(value) - launched
        elif name == "rss":
            marks[name] = float(value) / 1024  # ru_maxrss is in kB on Linux
    if done.returncode != 0 or "shown" not in marks:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise StartFailed(f"{script.name} exited {done.returncode}: {' | '.join(tail)}")
    return marks


def _series(settings: Settings, db: Path, patient: int) -> dict[str, list[float]]:
    env = _environment(settings)
    runs = settings.reps(15, 21)
    plan = (
        ("app", APP, [str(db), str(patient)]),
        ("bare", BARE, [str(db), "shown"]),
        ("bare_orm", BARE, [str(db), "ready"]),
    )
    for _name, script, args in plan:  # untimed: compiles bytecode, fills the file cache
        launch(script, args, env)
    found: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, script, args in plan:
            for mark, value in launch(script, args, env).items():
                found.setdefault(f"{name}.{mark}", []).append(value)
    return found


def run(settings: Settings, only: set[str]) -> list[Result]:
    db = working_copy(settings, "startup")
    patient = heavy_patient(db)
    found = _series(settings, db, patient)
    note = f"{len(found['app.shown'])} paired runs, {settings.patients:,} patients"
    results = []
    if "startup.shown" in only:
        value, floor = median(found["app.shown"]), median(found["bare.shown"])
        met = value / floor <= 1.5
        results.append(Result("startup.shown", "s", value, floor, "ratio ≤ 1.5", met, note=note))
    if "startup.ready" in only:
        value, floor = median(found["app.ready"]), median(found["bare_orm.ready"])
        met = value / floor <= 1.2
        attached = median(found["app.attached"])
        said = f"{note}; searches and charts work from {attached:.2f} s"
        results.append(Result("startup.ready", "s", value, floor, "ratio ≤ 1.2", met, note=said))
    if "memory" in only:
        value, floor = median(found["app.rss"]), median(found["bare.rss"])
        met = value <= floor + 150
        chart = "peak RSS with a chart of 50 sessions and 200 photo records open"
        results.append(Result("memory", "MB", value, floor, "≤ floor + 150 MB", met,
                              note=f"{chart}; {note}"))  # fmt: skip
    return results

"""The data sets the figures run on: a cached demo database and one heavy patient in a copy.

Generating 100,000 patients takes minutes, so the generated file is kept between runs under a
name made of size, seed and schema revision (a new migration makes a new file); every run
works on a fresh copy, so figures that write never change the cached file.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.common import Settings
from mesodesk.db.migrate import head_revision

CHART_SESSIONS = 50
CHART_PHOTOS = 200


def cached_demo(settings: Settings, patients: int | None = None) -> Path:
    """The generated demo database for this size, seed and schema (made once, then reused)."""
    from mesodesk.demo import generate

    count = patients or settings.patients
    settings.cache.mkdir(parents=True, exist_ok=True)
    path = settings.cache / f"demo-{count}-{settings.seed}-{head_revision()}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in settings.cache.glob(partial.name + "*"):
            leftover.unlink()
        print(f"generating the {count:,}-patient database (cached for later runs)…", flush=True)
        generate(str(partial), patients=count, seed=settings.seed)
        partial.rename(path)
    return path


def working_copy(settings: Settings, name: str, patients: int | None = None) -> Path:
    """A private copy of the cached database for one group of figures."""
    target = settings.work / f"{name}.db"
    if not target.exists():
        shutil.copyfile(cached_demo(settings, patients), target)
    return target


def _clone(db: sqlite3.Connection, table: str, row: sqlite3.Row, **changes: object) -> int:
    values = {k: row[k] for k in row.keys() if k != "id"} | changes  # noqa: SIM118
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', tuple(values.values()))
    return int(cursor.lastrowid or 0)


def heavy_patient(path: Path) -> int:
    """The demo patient with most sessions, grown to 50 sessions and 200 photo records.

    Rows are cloned from the patient's own sessions (with their zones and lots), so they pass
    the same checks as generated data; photo records point at no real file, as the chart
    lists photo rows and loads thumbnails lazily.
    """
    db = sqlite3.connect(path, isolation_level=None)
    db.row_factory = sqlite3.Row
    try:
        found = db.execute("SELECT patient_id FROM photos GROUP BY 1 HAVING count(*) >= ?",
                           (CHART_PHOTOS,)).fetchone()  # fmt: skip
        if found:
            return int(found[0])
        patient = db.execute(
            "SELECT patient_id FROM treatment_sessions WHERE deleted_at IS NULL "
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        sessions = db.execute(
            "SELECT * FROM treatment_sessions WHERE patient_id = ? AND deleted_at IS NULL "
            "AND amends_id IS NULL ORDER BY performed_at", (patient,)
        ).fetchall()  # fmt: skip
        db.execute("BEGIN")
        ids = [s["id"] for s in sessions]
        earliest = datetime.fromisoformat(str(sessions[0]["performed_at"]))
        for index in range(CHART_SESSIONS - len(sessions)):
            source = sessions[index % len(sessions)]
            when = earliest - timedelta(days=30 * (index + 1))
            new = _clone(db, "treatment_sessions", source, performed_at=str(when),
                         course_id=None, planned_visit_id=None)  # fmt: skip
            ids.append(new)
            for table in ("session_zones", "session_lots"):
                for part in db.execute(f"SELECT * FROM {table} WHERE session_id = ?",
                                       (source["id"],)).fetchall():  # fmt: skip
                    _clone(db, table, part, session_id=new)
        now = datetime(2026, 1, 1)
        for index in range(CHART_PHOTOS):
            db.execute(
                "INSERT INTO photos (patient_id, session_id, view, trichoscopy_site, taken_at, "
                "sha256, width, height, byte_size, mime_type, original_name, created_at, "
                "updated_at) VALUES (?, ?, ?, '', ?, ?, 4000, 3000, 5000000, 'image/jpeg', ?, "
                "?, ?)",
                (patient, ids[index % len(ids)], ("vertex", "frontal", "occipital")[index % 3],
                 str(now - timedelta(days=index)), f"{index:064x}", f"IMG_{index:04d}.JPG",
                 str(now), str(now)),
            )  # fmt: skip
        db.execute("COMMIT")
        return int(patient)
    finally:
        db.close()

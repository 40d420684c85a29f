"""Figures of the data layer: search, chart data and saving a session, each beside raw sqlite3.

The floors run the same statements (search: the service's own SQL, compiled) or read the
same rows (chart) through the standard library driver on the same file, in the same run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.dialects import sqlite as sqlite_dialect

from benchmarks.common import Result, Settings, median, p95, times_ms
from benchmarks.dataset import heavy_patient, working_copy
from mesodesk.db.engine import sqlite_url
from mesodesk.domain.drafts import SessionDraft, ZoneEntry
from mesodesk.domain.enums import ScalpZone, Technique
from mesodesk.services import Services
from mesodesk.services.chart import load_chart
from mesodesk.services.patients import search_statement, search_terms
from mesodesk.services.store import Store


def _queries(db: sqlite3.Connection, count: int) -> list[str]:
    """Three-letter prefixes and full names of real patients, spread over the alphabet."""
    rows = db.execute(
        "SELECT family_name, given_names FROM patients WHERE id % 97 = 0 LIMIT ?", (count,)
    ).fetchall()
    return [r[0][:3] for r in rows] + [f"{r[0]} {r[1]}" for r in rows]


def _raw_search(db: sqlite3.Connection, query: str) -> Callable[[], list]:
    """The service's own SQL and values for one page of 100, run through raw sqlite3."""
    kinds, values = search_terms(query)
    values.update(depth=100, limit=100, offset=0)
    compiled = search_statement(kinds).compile(dialect=sqlite_dialect.dialect())
    bound = compiled.construct_params(values)
    params = [bound[name] for name in compiled.positiontup or ()]
    sql = str(compiled)
    return lambda: db.execute(sql, params).fetchall()


def search(settings: Settings, services: Services, db: sqlite3.Connection) -> Result:
    queries = _queries(db, settings.reps(20, 50))
    value, floor = [], []
    for query in queries:
        raw = _raw_search(db, query)
        floor += times_ms(raw, 5, warmup=1)
        value += times_ms(lambda q=query: services.patients.find(q, limit=100), 5, warmup=1)
    v, f = p95(value), p95(floor)
    return Result("search", "ms p95", v, f, "p95 ≤ 3 ms and ratio ≤ 5", v <= 3 and v / f <= 5,
                  note=f"{len(queries)} queries (prefix + full name) × 5")  # fmt: skip


def _raw_chart(db: sqlite3.Connection, patient: int) -> None:
    """The rows the chart shows, read the plain way: one statement per table."""
    one = (patient,)
    db.execute("SELECT * FROM patients WHERE id = ?", one).fetchall()
    db.execute("SELECT i.name FROM patient_allergies a JOIN ingredients i "
               "ON i.id = a.ingredient_id WHERE a.patient_id = ?", one).fetchall()  # fmt: skip
    assessments = db.execute("SELECT * FROM assessments WHERE patient_id = ?", one).fetchall()
    for table in ("assessment_stages", "trichoscopy_measurements"):
        inner = "SELECT id FROM assessments WHERE patient_id = ?"
        db.execute(f"SELECT * FROM {table} WHERE assessment_id IN ({inner})", one).fetchall()
    db.execute("SELECT * FROM course_plans WHERE patient_id = ?", one).fetchall()
    db.execute("SELECT v.* FROM planned_visits v JOIN course_plans c ON c.id = v.course_id "
               "WHERE c.patient_id = ?", one).fetchall()  # fmt: skip
    db.execute("SELECT * FROM treatment_sessions WHERE patient_id = ?", one).fetchall()
    for table in ("session_zones", "session_lots", "adverse_events"):
        inner = "SELECT id FROM treatment_sessions WHERE patient_id = ?"
        db.execute(f"SELECT * FROM {table} WHERE session_id IN ({inner})", one).fetchall()
    db.execute("SELECT * FROM outcomes WHERE patient_id = ?", one).fetchall()
    db.execute("SELECT * FROM photos WHERE patient_id = ? AND deleted_at IS NULL "
               "ORDER BY taken_at DESC, id DESC", one).fetchall()  # fmt: skip
    del assessments


def chart(settings: Settings, services: Services, db: sqlite3.Connection, patient: int) -> Result:
    runs = settings.reps(30, 100)
    value = times_ms(lambda: load_chart(services, patient), runs)
    floor = times_ms(lambda: _raw_chart(db, patient), runs)
    v, f = median(value), median(floor)
    note = "50 sessions, 200 photo records; opening is audited, as in the app"
    return Result("chart", "ms", v, f, "≤ 5 ms data", v <= 5, note=note)


def _draft(db: sqlite3.Connection, patient: int, at: datetime) -> SessionDraft:
    practitioner = db.execute("SELECT id FROM users WHERE role = 'practitioner'").fetchone()[0]
    recipe = db.execute("SELECT id FROM recipes ORDER BY id").fetchone()[0]
    return SessionDraft(
        patient_id=patient, performed_at=at, practitioner_id=practitioner, recipe_id=recipe,
        volume_ml=3.0, needle_gauge=30, needle_length_mm=4.0, technique=Technique.NAPPAGE,
        zones=(
            ZoneEntry(ScalpZone.VERTEX, 1.5, volume_ml=1.5, points=40),
            ZoneEntry(ScalpZone.FRONTAL, 1.0, volume_ml=1.0),
            ZoneEntry(ScalpZone.MID_SCALP, 2.0, volume_ml=0.5, spacing_cm=1.0),
        ),
        pain_score=3, no_adverse_events=True, notes="Tolerated well.",
    )  # fmt: skip


def save(settings: Settings, services: Services, path: Path) -> Result:
    db = sqlite3.connect(path, isolation_level=None)
    patients = [r[0] for r in db.execute("SELECT id FROM patients WHERE id % 13 = 0 LIMIT 200")]
    start = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=400)
    runs = settings.reps(30, 100)
    drafts = iter(_draft(db, patients[i % len(patients)], start + timedelta(hours=i))
                  for i in range(runs + 2))  # fmt: skip
    value = times_ms(lambda: services.sessions.record(next(drafts), acknowledge_warnings=True),
                     runs)  # fmt: skip
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY, body TEXT)")

    def insert() -> None:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO bench_rows (body) VALUES (?)", ("x" * 200,))
        db.execute("COMMIT")

    floor = times_ms(insert, runs)
    db.close()
    v, f = median(value), median(floor)
    return Result("save", "ms", v, f, "≤ 5 ms", v <= 5, note="three zones, validated, audited")


def run(settings: Settings, only: set[str]) -> list[Result]:
    path = working_copy(settings, "data")
    patient = heavy_patient(path)
    store = Store(sqlite_url(path))
    services = Services(store)
    db = sqlite3.connect(path)
    try:
        results = []
        if "search" in only:
            results.append(search(settings, services, db))
        if "chart" in only:
            results.append(chart(settings, services, db, patient))
        if "save" in only:
            results.append(save(settings, services, path))
        return results
    finally:
        db.close()
        store.dispose()

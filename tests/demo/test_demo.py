"""Demo data: what a clinic trying MesoDesk sees, and that it keeps the clinical rules."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.orm import Session

from mesodesk.db.engine import make_engine, sqlite_url
from mesodesk.db.migrate import upgrade
from mesodesk.db.models import User
from mesodesk.demo import DemoRefused, generate, replace_demo
from mesodesk.demo.generate import _first_ids, produce
from mesodesk.demo.sink import CoreSink, SqliteSink
from mesodesk.domain.text import digits, fold
from mesodesk.services.audit import verify_chain

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate(str(path), today=TODAY)
    return path


@pytest.fixture
def db(demo_db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)
    yield connection
    connection.close()


def scalar(db: sqlite3.Connection, sql: str) -> object:
    return db.execute(sql).fetchone()[0]


def test_a_clinic_with_staff_library_and_48_patients(db: sqlite3.Connection) -> None:
    assert scalar(db, "SELECT count(*) FROM patients") == 48
    assert scalar(db, "SELECT name FROM clinic") != ""
    roles = dict(db.execute("SELECT role, count(*) FROM users GROUP BY role").fetchall())
    assert roles == {"practitioner": 2, "front_desk": 1, "administrator": 1}
    assert (
        scalar(db, "SELECT count(*) FROM users WHERE role = 'practitioner' AND credentials = ''")
        == 0
    )
    names = {row[0] for row in db.execute("SELECT name FROM ingredients")}
    assert {"Biotin", "Dexpanthenol", "Dutasteride", "Minoxidil", "Lidocaine"} <= names
    assert scalar(
        db, "SELECT pregnancy_contraindicated FROM ingredients WHERE name = 'Dutasteride'"
    )
    templates = {row[0] for row in db.execute("SELECT name FROM recipes WHERE is_template")}
    assert {"AGA standard", "Inflammatory scalp", "Female pattern – dutasteride-free"} <= templates
    variants = db.execute(
        "SELECT v.patient_id, t.is_template FROM recipes v JOIN recipes t ON t.id = v.based_on_id"
    ).fetchall()
    assert variants and all(patient and template for patient, template in variants)


def test_exactly_one_expired_lot_and_one_close_to_expiry(db: sqlite3.Connection) -> None:
    today = TODAY.isoformat()
    assert scalar(db, f"SELECT count(*) FROM lots WHERE expiry_date < '{today}'") == 1
    soon = f"expiry_date BETWEEN '{today}' AND date('{today}', '+30 days')"
    assert scalar(db, f"SELECT count(*) FROM lots WHERE {soon}") == 1
    per_product = db.execute("SELECT count(*) FROM lots GROUP BY product_name").fetchall()
    assert min(n for (n,) in per_product) >= 2
    assert scalar(db, "SELECT count(*) FROM lots WHERE quantity_left > quantity_received") == 0


def test_patient_names_are_varied_and_searchable(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT family_name, given_names, search_name, search_given, phone, phone_digits "
        "FROM patients"
    ).fetchall()
    for family, given, search_name, search_given, phone, phone_digits in rows:
        assert search_name == fold(f"{family} {given}")
        assert search_given == fold(f"{given} {family}")
        assert phone_digits == digits(phone)
    assert sum(not (family + given).isascii() for family, given, *_ in rows) >= 10
    sexes = {row[0] for row in db.execute("SELECT sex FROM patients")}
    assert {"female", "male"} <= sexes
    allergic = db.execute(
        "SELECT count(*) FROM patients p JOIN patient_allergies a ON a.patient_id = p.id "
        "WHERE p.allergies != ''"
    ).fetchone()[0]
    assert allergic == scalar(db, "SELECT count(*) FROM patient_allergies")


def test_staging_scales_match_sex_and_diagnosis(db: sqlite3.Connection) -> None:
    rows = db.execute(
        "SELECT p.sex, a.diagnosis, s.scale FROM assessment_stages s "
        "JOIN assessments a ON a.id = s.assessment_id JOIN patients p ON p.id = a.patient_id"
    ).fetchall()
    for sex, diagnosis, scale in rows:
        if scale == "norwood_hamilton":
            assert sex == "male"
        elif scale in ("ludwig", "sinclair", "savin"):
            assert sex == "female"
        else:
            assert scale == "salt" and diagnosis == "alopecia_areata"
    salt = db.execute(
        "SELECT a.salt_vertex, a.salt_posterior, a.salt_right, a.salt_left, a.salt_score "
        "FROM assessments a WHERE a.diagnosis = 'alopecia_areata'"
    ).fetchall()
    for vertex, posterior, right, left, score in salt:
        assert score == pytest.approx(
            0.4 * vertex + 0.24 * posterior + 0.18 * (right + left), abs=0.06
        )
    sites = db.execute(
        "SELECT assessment_id, group_concat(site) FROM trichoscopy_measurements "
        "GROUP BY assessment_id"
    ).fetchall()
    assert len(sites) == 48 and all(set(s.split(",")) == {"frontal", "occipital"} for _, s in sites)


def test_sessions_have_zones_within_the_needle(db: sqlite3.Connection) -> None:
    zones = db.execute(
        "SELECT count(z.id) FROM treatment_sessions s LEFT JOIN session_zones z "
        "ON z.session_id = s.id GROUP BY s.id"
    ).fetchall()
    assert zones and all(2 <= n <= 5 for (n,) in zones)
    rows = db.execute(
        "SELECT s.technique, s.needle_length_mm, s.needle_gauge, s.volume_ml, z.depth_mm "
        "FROM session_zones z JOIN treatment_sessions s ON s.id = z.session_id"
    ).fetchall()
    for technique, needle, gauge, volume, depth in rows:
        assert 0 < depth <= needle
        assert depth <= (4.0 if technique == "point_by_point" else 2.0)
        assert needle in (4.0, 6.0, 13.0) and 30 <= gauge <= 32 and 2.0 <= volume <= 6.0
    mismatched = db.execute(
        "SELECT s.id FROM treatment_sessions s JOIN session_zones z ON z.session_id = s.id "
        "GROUP BY s.id HAVING abs(sum(z.volume_ml) - s.volume_ml) > 0.001"
    ).fetchall()
    assert mismatched == []


def test_every_lot_was_in_date_on_the_session_day(db: sqlite3.Connection) -> None:
    used = db.execute(
        "SELECT date(s.performed_at), l.received_on, l.expiry_date FROM session_lots sl "
        "JOIN lots l ON l.id = sl.lot_id JOIN treatment_sessions s ON s.id = sl.session_id"
    ).fetchall()
    assert used
    for day, received, expiry in used:
        assert received <= day <= expiry
    expired_use = scalar(
        db,
        "SELECT count(*) FROM session_lots sl JOIN lots l ON l.id = sl.lot_id "
        f"WHERE l.expiry_date < '{TODAY}'",
    )
    assert expired_use > 0  # the expired lot was used before it expired: a recall example


def test_signed_sessions_amendments_and_one_draft_today(db: sqlite3.Connection) -> None:
    drafts = db.execute(
        "SELECT date(performed_at), signed_at FROM treatment_sessions WHERE status = 'draft'"
    ).fetchall()
    assert drafts == [(TODAY.isoformat(), None)]
    amendments = db.execute(
        "SELECT o.status, a.status, a.amendment_reason, a.signed_at > o.signed_at "
        "FROM treatment_sessions a JOIN treatment_sessions o ON o.id = a.amends_id"
    ).fetchall()
    assert amendments
    assert all(o == a == "signed" and reason and later for o, a, reason, later in amendments)
    unsigned = "status = 'signed' AND (signed_at IS NULL OR signed_by_id IS NULL)"
    assert scalar(db, f"SELECT count(*) FROM treatment_sessions WHERE {unsigned}") == 0
    future = f"performed_at > '{TODAY.isoformat()} 23:59'"
    assert scalar(db, f"SELECT count(*) FROM treatment_sessions WHERE {future}") == 0


def test_adverse_events_are_mild_and_mostly_resolved(db: sqlite3.Connection) -> None:
    events = db.execute(
        "SELECT e.grade, e.onset_on, e.resolved_on, date(s.performed_at), s.no_adverse_events "
        "FROM adverse_events e JOIN treatment_sessions s ON s.id = e.session_id"
    ).fetchall()
    assert events
    assert any(
        kind == "bruising" for (kind,) in db.execute("SELECT event_type FROM adverse_events")
    )
    for grade, onset, resolved, day, none_recorded in events:
        assert grade == "mild" and onset >= day and not none_recorded
        assert resolved is None or resolved >= onset
    assert sum(resolved is not None for _, _, resolved, *_ in events) > len(events) / 2


def test_patients_stand_at_every_point_of_a_course(db: sqlite3.Connection) -> None:
    statuses = {row[0] for row in db.execute("SELECT status FROM course_plans")}
    assert statuses == {"active", "completed", "stopped"}
    today = TODAY.isoformat()
    open_visits = (
        "SELECT count(*) FROM planned_visits v WHERE v.due_date {op} '{today}' AND NOT EXISTS "
        "(SELECT 1 FROM treatment_sessions s WHERE s.planned_visit_id = v.id)"
    )
    assert scalar(db, open_visits.format(op="<", today=today)) > 0  # overdue or missed
    assert scalar(db, open_visits.format(op=">", today=today)) > 0  # upcoming
    due_today = f"SELECT count(*) FROM planned_visits WHERE due_date = '{today}'"
    assert scalar(db, due_today) > 0
    checkpoints = dict(
        db.execute("SELECT checkpoint, count(*) FROM outcomes GROUP BY 1").fetchall()
    )
    assert set(checkpoints) == {"week_12", "week_24"}
    early = db.execute(
        "SELECT o.checkpoint, julianday(o.measured_on) - julianday(c.start_date) FROM outcomes o "
        "JOIN course_plans c ON c.id = o.course_id"
    ).fetchall()
    assert all(days >= (80 if cp == "week_12" else 160) for cp, days in early)


def test_audit_has_a_chained_summary_per_table(demo_db: Path) -> None:
    engine = make_engine(sqlite_url(demo_db))
    with Session(engine) as session:
        assert verify_chain(session) == []
    engine.dispose()
    with sqlite3.connect(demo_db) as connection:
        entities = [
            row[0] for row in connection.execute("SELECT entity FROM audit_log ORDER BY id")
        ]
    assert entities[0] == "demo_dataset"
    assert {"patients", "treatment_sessions", "session_zones", "lots"} <= set(entities)
    assert len(entities) == len(set(entities))


def _dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as connection:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for name in tables
            if name != "audit_log"
        }


def test_the_same_seed_gives_the_same_data(tmp_path: Path, demo_db: Path) -> None:
    again, other = tmp_path / "again.db", tmp_path / "other.db"
    generate(str(again), today=TODAY)
    generate(str(other), today=TODAY, seed=8)
    assert _dump(again) == _dump(demo_db)
    assert _dump(other)["patients"] != _dump(demo_db)["patients"]


def test_core_rows_equal_the_fast_sqlite_rows(tmp_path: Path) -> None:
    """The SQLite fast path writes exactly what SQLAlchemy's own types would have written."""
    for name, sink_class in (("core", CoreSink), ("fast", SqliteSink)):
        url = sqlite_url(tmp_path / f"{name}.db")
        upgrade(url)
        engine = make_engine(url)
        with engine.connect() as connection, connection.begin():
            produce(sink_class(connection), _first_ids(connection), 60, 3, TODAY)
        engine.dispose()
    assert _dump(tmp_path / "core.db") == _dump(tmp_path / "fast.db")


def test_refuses_a_database_that_holds_data(tmp_path: Path, demo_db: Path) -> None:
    with pytest.raises(DemoRefused, match="already holds demo data"):
        generate(str(demo_db), today=TODAY)
    clinic = tmp_path / "clinic.db"
    upgrade(sqlite_url(clinic))
    engine = make_engine(sqlite_url(clinic))
    with engine.begin() as connection:
        connection.execute(
            insert(User), {"username": "dr.x", "display_name": "Dr X", "role": "practitioner"}
        )
    engine.dispose()
    before = clinic.read_bytes()
    with pytest.raises(DemoRefused, match="never mixed"):
        generate(str(clinic), today=TODAY)
    with pytest.raises(DemoRefused, match="never mixed"):
        replace_demo(sqlite_url(clinic))
    assert clinic.read_bytes() == before


def test_an_earlier_demo_database_can_be_replaced(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    generate(str(path), patients=5, today=TODAY)
    assert replace_demo(sqlite_url(path)) is True
    summary = generate(str(path), patients=7, today=TODAY)
    assert summary.rows["patients"] == 7


def test_progress_is_reported_and_2000_patients_are_quick(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    summary = generate(
        str(tmp_path / "big.db"), patients=2000, progress=lambda d, t: calls.append((d, t))
    )
    elapsed = time.perf_counter() - started
    assert summary.rows["patients"] == 2000
    assert calls[0] == (0, 2000) and calls[-1] == (2000, 2000)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert elapsed < 15, f"2,000 patients took {elapsed:.1f} s"


def test_today_draft_is_not_in_the_future(tmp_path: Path) -> None:
    path = tmp_path / "now.db"
    generate(str(path), patients=3)
    with sqlite3.connect(path) as connection:
        (performed,) = connection.execute(
            "SELECT performed_at FROM treatment_sessions WHERE status = 'draft'"
        ).fetchone()
    assert datetime.fromisoformat(performed + "+00:00") <= datetime.now().astimezone()

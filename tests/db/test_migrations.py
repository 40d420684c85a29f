"""The migration history, and that migrating a clinic's database never loses or corrupts data.

pytest-alembic's four built-in tests check the history itself (one head, upgrades, downgrades,
models matching the DDL). The rest drives `mesodesk.db.migrate.upgrade`, the path the
application takes at start-up, through a throw-away revision that recreates `patients` the way
Alembic's batch mode does on SQLite.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import textwrap
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from mesodesk import paths
from mesodesk.db import migrate
from mesodesk.db.base import Base
from mesodesk.db.engine import make_engine, sqlite_path, sqlite_url
from mesodesk.db.migrate import MigrationError, check_sqlite_consistency, head_revision, upgrade
from mesodesk.db.models import (
    AdverseEvent,
    Assessment,
    AssessmentStage,
    AuditEntry,
    CoursePlan,
    Ingredient,
    Lot,
    Outcome,
    Patient,
    Photo,
    PlannedVisit,
    Recipe,
    RecipeItem,
    SessionLot,
    SessionZone,
    TreatmentSession,
    TrichoscopyMeasurement,
    User,
)
from mesodesk.domain import enums
from tests.server import ENGINES

__all__ = [
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]

# Tables whose rows hang off a patient, directly or through an assessment, session or course.
PATIENT_CHILDREN = (
    "assessments",
    "assessment_stages",
    "trichoscopy_measurements",
    "course_plans",
    "planned_visits",
    "treatment_sessions",
    "session_zones",
    "session_lots",
    "adverse_events",
    "photos",
    "outcomes",
    "patient_allergies",
)

RECREATE_PATIENTS = """
    with op.batch_alter_table("patients", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(length=60), nullable=True))
"""

# Work that SQLite's transaction would undo by itself, then a failure.
FAIL_IN_TRANSACTION = (
    RECREATE_PATIENTS
    + """
    op.execute("DELETE FROM outcomes")
    raise RuntimeError("the migration broke half-way")
"""
)

# Work committed before the failure: only the backup can bring the data back.
FAIL_AFTER_COMMIT = """
    op.execute("DELETE FROM photos")
    op.get_bind().exec_driver_sql("COMMIT")
    op.get_bind().exec_driver_sql("BEGIN")
    raise RuntimeError("the migration broke after committing part of its work")
"""

# Runs to the end, but with foreign keys off nothing stops it orphaning the patient's records.
LEAVE_DANGLING_ROWS = (
    RECREATE_PATIENTS
    + """
    op.execute("DELETE FROM patients")
"""
)


REVISION_TEMPLATE = '''"""throw-away revision written by a test"""

import sqlalchemy as sa
from alembic import op

revision = {revision!r}
down_revision = {parent!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    raise NotImplementedError
'''


# --- helpers ------------------------------------------------------------------------------


def seed_patient_with_records(url: str) -> None:
    """One patient with a full chart: every kind of row that hangs off a patient."""
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            doctor = User(username="dr.a", display_name="Dr A", role=enums.Role.PRACTITIONER)
            ingredient = Ingredient(name="Biotin", ingredient_class=enums.IngredientClass.VITAMIN)
            patient = Patient(
                record_number="P-0001",
                family_name="Muster",
                given_names="Eva",
                birth_date=date(1980, 5, 17),
                sex=enums.Sex.FEMALE,
                allergy_ingredients=[ingredient],
            )
            session.add_all([doctor, ingredient, patient])
            session.flush()
            assessment = Assessment(
                patient_id=patient.id,
                practitioner_id=doctor.id,
                assessed_on=date(2026, 1, 10),
                diagnosis=enums.Diagnosis.AGA_FEMALE,
                stages=[
                    AssessmentStage(scale=enums.StagingScale.LUDWIG, stage="II"),
                    AssessmentStage(scale=enums.StagingScale.SINCLAIR, stage="3"),
                ],
                trichoscopy=[
                    TrichoscopyMeasurement(site=enums.TrichoscopySite.FRONTAL, density_per_cm2=140),
                    TrichoscopyMeasurement(site=enums.TrichoscopySite.VERTEX, density_per_cm2=120),
                ],
            )
            course = CoursePlan(
                patient_id=patient.id,
                protocol_key="aga-standard",
                protocol_name="AGA standard",
                start_date=date(2026, 1, 10),
                visits=[
                    PlannedVisit(
                        sequence=n,
                        due_date=date(2026, 1, 10 + 7 * n),
                        phase=enums.CoursePhase.INDUCTION,
                    )
                    for n in (0, 1)
                ],
            )
            recipe = Recipe(
                name="AGA template",
                total_volume_ml=5.0,
                items=[
                    RecipeItem(
                        ingredient_id=ingredient.id,
                        concentration=5.0,
                        unit=enums.ConcentrationUnit.MG_PER_ML,
                    )
                ],
            )
            session.add_all([assessment, course, recipe])
            session.flush()
            lots = [
                Lot(
                    product_name="Meso Hair",
                    lot_number=f"L{n}",
                    ingredient_id=ingredient.id,
                    expiry_date=date(2027, 1, 1),
                    quantity_received=10,
                    quantity_left=9,
                )
                for n in (1, 2)
            ]
            session.add_all(lots)
            session.flush()
            treatment = TreatmentSession(
                patient_id=patient.id,
                course_id=course.id,
                planned_visit_id=course.visits[0].id,
                performed_at=datetime(2026, 1, 10, 9, 30, tzinfo=UTC),
                practitioner_id=doctor.id,
                recipe_id=recipe.id,
                volume_ml=4.0,
                needle_gauge=32,
                needle_length_mm=4.0,
                technique=enums.Technique.NAPPAGE,
                zones=[
                    SessionZone(zone=enums.ScalpZone.FRONTAL, depth_mm=1.5, volume_ml=2.0),
                    SessionZone(zone=enums.ScalpZone.VERTEX, depth_mm=1.5, volume_ml=2.0),
                ],
                lots=[SessionLot(lot_id=lot.id) for lot in lots],
            )
            session.add(treatment)
            session.flush()
            session.add_all(
                [
                    AdverseEvent(
                        session_id=treatment.id,
                        patient_id=patient.id,
                        event_type=enums.AdverseEventType.BRUISING,
                        grade=enums.Grade.MILD,
                        onset_on=date(2026, 1, 11),
                    ),
                    *(
                        Photo(
                            patient_id=patient.id,
                            session_id=treatment.id,
                            view=view,
                            sha256=f"{n:064x}",
                            width=4000,
                            height=3000,
                        )
                        for n, view in enumerate((enums.PhotoView.FRONTAL, enums.PhotoView.VERTEX))
                    ),
                    Outcome(
                        patient_id=patient.id,
                        course_id=course.id,
                        measured_on=date(2026, 4, 10),
                        checkpoint=enums.Checkpoint.BASELINE,
                        density_change_pct=12.5,
                    ),
                ]
            )
            session.execute(
                insert(AuditEntry).values(
                    username="dr.a", action="create", entity="patient", entity_id=patient.id
                )
            )
    finally:
        engine.dispose()


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every model table, read without SQLAlchemy (only the models' columns)."""
    path = sqlite_path(url)
    assert path is not None
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {
            name: conn.execute(
                f"SELECT {', '.join(c.name for c in table.columns)} FROM {name} ORDER BY rowid"
            ).fetchall()
            for name, table in Base.metadata.tables.items()
        }


def columns(url: str, table: str) -> set[str]:
    path = sqlite_path(url)
    assert path is not None
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def stored_revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


@pytest.fixture
def clinical_db(db_url: str) -> str:
    """A database at head holding one patient with records in every child table."""
    seed_patient_with_records(db_url)
    rows = snapshot(db_url)
    empty = [name for name in ("patients", *PATIENT_CHILDREN) if not rows[name]]
    assert not empty, f"the seed left these tables empty: {empty}"
    return db_url


@pytest.fixture
def add_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], str]:
    """Install a copy of the migrations with one more revision whose upgrade runs `body`."""
    copy = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(paths, "migrations_dir", lambda: copy)
    parent = head_revision()

    def _add(body: str) -> str:
        revision = "ffff0001"
        module = REVISION_TEMPLATE.format(
            revision=revision,
            parent=parent,
            body=textwrap.indent(textwrap.dedent(body).strip(), "    "),
        )
        (copy / "versions" / f"{revision}_test.py").write_text(module)
        assert head_revision() == revision
        return revision

    return _add


def backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.db")) if folder.exists() else []


def _force_foreign_keys_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `upgrade` migrate the way it would if it forgot to switch foreign keys off."""
    real = migrate.make_engine

    def make_engine_with_fks(url: str, **kwargs: Any) -> Engine:
        kwargs["foreign_keys"] = True
        return real(url, **kwargs)

    monkeypatch.setattr(migrate, "make_engine", make_engine_with_fks)


# --- a batch migration keeps every child row -----------------------------------------------


def test_recreating_patients_keeps_every_child_row_and_takes_a_backup(
    clinical_db: str, add_revision: Callable[[str], str], tmp_path: Path
) -> None:
    before, released = snapshot(clinical_db), head_revision()
    revision = add_revision(RECREATE_PATIENTS)

    result = upgrade(clinical_db, backup_dir=tmp_path / "backups")

    assert (result.before, result.after) == (released, revision)
    assert "nickname" in columns(clinical_db, "patients"), "the table was not recreated"
    assert snapshot(clinical_db) == before
    engine = make_engine(clinical_db)
    try:
        assert check_sqlite_consistency(engine) == []
    finally:
        engine.dispose()

    assert result.backup is not None
    assert backups_in(tmp_path / "backups") == [result.backup]
    backup_url = sqlite_url(result.backup)
    assert snapshot(backup_url) == before
    assert stored_revision(backup_url) == released


def test_the_same_migration_with_foreign_keys_on_deletes_the_children(
    clinical_db: str,
    add_revision: Callable[[str], str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Proves the protection is needed: dropping the old `patients` cascades to its children."""
    before = snapshot(clinical_db)
    add_revision(RECREATE_PATIENTS)
    _force_foreign_keys_on(monkeypatch)

    upgrade(clinical_db, backup_dir=tmp_path / "backups")

    after = snapshot(clinical_db)
    assert after["patients"] == before["patients"]
    lost = {name: len(before[name]) for name in PATIENT_CHILDREN if not after[name]}
    assert lost == {name: len(before[name]) for name in PATIENT_CHILDREN}
    # Nothing dangles, so the consistency check cannot notice: only the pragma prevents it.
    engine = make_engine(clinical_db)
    try:
        assert check_sqlite_consistency(engine) == []
    finally:
        engine.dispose()


# --- a failing migration leaves the database as it was -------------------------------------


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (FAIL_IN_TRANSACTION, "broke half-way"),
        (FAIL_AFTER_COMMIT, "broke after committing"),
        (LEAVE_DANGLING_ROWS, "failed its checks"),
    ],
    ids=["fails-inside-its-transaction", "fails-after-committing-part", "leaves-orphans"],
)
def test_a_failing_migration_leaves_the_database_as_it_was(
    clinical_db: str, add_revision: Callable[[str], str], tmp_path: Path, body: str, reason: str
) -> None:
    before, released = snapshot(clinical_db), head_revision()
    add_revision(body)

    with pytest.raises(MigrationError, match=reason):
        upgrade(clinical_db, backup_dir=tmp_path / "backups")

    assert snapshot(clinical_db) == before
    assert "nickname" not in columns(clinical_db, "patients")
    assert stored_revision(clinical_db) == released
    assert len(backups_in(tmp_path / "backups")) == 1
    engine = make_engine(clinical_db)
    try:
        assert check_sqlite_consistency(engine) == []
    finally:
        engine.dispose()


# --- every released schema upgrades to the newest one ---------------------------------------


def _every_revision() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return ["base", *reversed([rev.revision for rev in script.walk_revisions()])]


@pytest.mark.parametrize("start", _every_revision())
@pytest.mark.parametrize("engine_name", ENGINES)
def test_upgrade_from_every_earlier_revision(
    start: str, engine_name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if engine_name == "postgresql":
        url = request.getfixturevalue("pg_url")
    else:
        url = sqlite_url(tmp_path / "old.db")
    if start != "base":
        upgrade(url, revision=start, backup_dir=tmp_path / "backups")
        assert stored_revision(url) == start

    result = upgrade(url, backup_dir=tmp_path / "backups")

    assert result.after == head_revision() == stored_revision(url)
    engine = make_engine(url)
    try:
        if engine_name == "sqlite":
            assert check_sqlite_consistency(engine) == []
    finally:
        engine.dispose()

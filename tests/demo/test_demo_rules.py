"""Demo records read back as drafts pass the domain rules without a single ERROR.

The demo is written in bulk, around the services; this is what keeps it honest: every
patient, assessment, session (with its lots as they stood) and outcome of a data set goes
through the same `validate_*` functions and mixture safety checks a form would.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from mesodesk.demo import generate
from mesodesk.domain import drafts as d
from mesodesk.domain import enums as e
from mesodesk.domain import rules, safety
from mesodesk.domain.validation import Level


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path: Path = tmp_path_factory.mktemp("rules") / "demo.db"
    generate(str(path), patients=96, seed=11)
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def errors(problems: list[Any]) -> list[Any]:
    """Refusals and hard stops: what would keep a form from saving without a reason."""
    return [p for p in problems if p.level is not Level.WARNING]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _patients(db: sqlite3.Connection) -> dict[int, sqlite3.Row]:
    return {row["id"]: row for row in db.execute("SELECT * FROM patients")}


def test_patients_pass(db: sqlite3.Connection) -> None:
    allergies: dict[int, list[int]] = {}
    for pid, iid in db.execute("SELECT patient_id, ingredient_id FROM patient_allergies"):
        allergies.setdefault(pid, []).append(iid)
    for row in _patients(db).values():
        history = {f: bool(row[f]) for f in d.MedicalHistory.__dataclass_fields__ if f != "notes"}
        draft = d.PatientDraft(
            family_name=row["family_name"],
            given_names=row["given_names"],
            birth_date=_day(row["birth_date"]),
            sex=e.Sex(row["sex"]),
            record_number=row["record_number"],
            phone=row["phone"],
            email=row["email"],
            address=row["address"],
            history=d.MedicalHistory(**history, notes=row["history_notes"]),
            allergies=row["allergies"],
            allergy_ingredient_ids=tuple(allergies.get(row["id"], ())),
            consent_treatment=bool(row["consent_treatment"]),
            consent_photos=bool(row["consent_photos"]),
        )
        assert errors(rules.validate_patient(draft, today=date.today())) == [], row["id"]


def test_assessments_pass(db: sqlite3.Connection) -> None:
    patients = _patients(db)
    stages: dict[int, list[d.StageEntry]] = {}
    for row in db.execute("SELECT * FROM assessment_stages"):
        entry = d.StageEntry(e.StagingScale(row["scale"]), row["stage"])
        stages.setdefault(row["assessment_id"], []).append(entry)
    sites: dict[int, list[d.TrichoscopyEntry]] = {}
    for row in db.execute("SELECT * FROM trichoscopy_measurements"):
        fields = {k: row[k] for k in d.TrichoscopyEntry.__dataclass_fields__ if k != "site"}
        entry = d.TrichoscopyEntry(site=e.TrichoscopySite(row["site"]), **fields)
        sites.setdefault(row["assessment_id"], []).append(entry)
    for row in db.execute("SELECT * FROM assessments"):
        salt = None
        if row["salt_vertex"] is not None:
            salt = d.SaltRegions(
                row["salt_vertex"], row["salt_posterior"], row["salt_right"], row["salt_left"]
            )
        draft = d.AssessmentDraft(
            patient_id=row["patient_id"],
            assessed_on=_day(row["assessed_on"]),
            diagnosis=e.Diagnosis(row["diagnosis"]),
            diagnosis_other=row["diagnosis_other"],
            contributors=tuple(e.Contributor(c) for c in json.loads(row["contributors"])),
            stages=tuple(stages.get(row["id"], ())),
            salt=salt,
            trichoscopy=tuple(sites[row["id"]]),
            pull_test_pulled=row["pull_test_pulled"],
            pull_test_extracted=row["pull_test_extracted"],
            erythema=e.Severity(row["erythema"]),
            scaling=e.Severity(row["scaling"]),
            itch=e.Severity(row["itch"]),
            follicular_inflammation=e.Severity(row["follicular_inflammation"]),
            practitioner_id=row["practitioner_id"],
        )
        birth = _day(patients[row["patient_id"]]["birth_date"])
        problems = rules.validate_assessment(draft, today=date.today(), birth_date=birth)
        assert errors(problems) == [], row["id"]


def test_sessions_pass_with_their_lots_and_mixtures(db: sqlite3.Connection) -> None:
    patients = _patients(db)
    lots = {
        row["id"]: rules.LotFacts(
            row["lot_number"], row["product_name"], _day(row["expiry_date"]),
            row["quantity_received"],
        )
        for row in db.execute("SELECT * FROM lots")
    }  # fmt: skip
    ingredients = {
        recipe: [] for (recipe,) in db.execute("SELECT id FROM recipes")
    }  # recipe id -> IngredientFacts
    for recipe, iid, name, pregnancy in db.execute(
        "SELECT ri.recipe_id, i.id, i.name, i.pregnancy_contraindicated FROM recipe_items ri "
        "JOIN ingredients i ON i.id = ri.ingredient_id ORDER BY ri.recipe_id, ri.position"
    ):
        ingredients[recipe].append(safety.IngredientFacts(iid, name, bool(pregnancy)))
    allergy_ids: dict[int, set[int]] = {}
    for pid, iid in db.execute("SELECT patient_id, ingredient_id FROM patient_allergies"):
        allergy_ids.setdefault(pid, set()).add(iid)
    zones: dict[int, list[d.ZoneEntry]] = {}
    for row in db.execute("SELECT * FROM session_zones ORDER BY id"):
        zones.setdefault(row["session_id"], []).append(
            d.ZoneEntry(e.ScalpZone(row["zone"]), row["depth_mm"], row["volume_ml"],
                        row["points"], row["spacing_cm"])
        )  # fmt: skip
    uses: dict[int, list[d.LotUse]] = {}
    for row in db.execute("SELECT * FROM session_lots ORDER BY id"):
        uses.setdefault(row["session_id"], []).append(d.LotUse(row["lot_id"], row["quantity"]))
    events: dict[int, list[d.AdverseEventDraft]] = {}
    for row in db.execute("SELECT * FROM adverse_events"):
        events.setdefault(row["session_id"], []).append(
            d.AdverseEventDraft(
                e.AdverseEventType(row["event_type"]), e.Grade(row["grade"]),
                _day(row["onset_on"]), row["description"], row["action_taken"],
                _day(row["resolved_on"]),
            )
        )  # fmt: skip
    checked = 0
    for row in db.execute("SELECT * FROM treatment_sessions"):
        draft = d.SessionDraft(
            patient_id=row["patient_id"],
            performed_at=_moment(row["performed_at"]),
            practitioner_id=row["practitioner_id"],
            recipe_id=row["recipe_id"],
            volume_ml=row["volume_ml"],
            needle_gauge=row["needle_gauge"],
            needle_length_mm=row["needle_length_mm"],
            technique=e.Technique(row["technique"]),
            zones=tuple(zones[row["id"]]),
            lots=tuple(uses.get(row["id"], ())),
            anaesthesia=e.Anaesthesia(row["anaesthesia"]),
            pain_score=row["pain_score"],
            immediate_reactions=row["immediate_reactions"],
            no_adverse_events=bool(row["no_adverse_events"]),
            adverse_events=tuple(events.get(row["id"], ())),
            notes=row["notes"],
            course_id=row["course_id"],
            planned_session_id=row["planned_visit_id"],
        )
        patient = patients[row["patient_id"]]
        problems = rules.validate_session(
            draft,
            now=datetime.now(UTC),
            birth_date=_day(patient["birth_date"]),
            lots={use.lot_id: lots[use.lot_id] for use in draft.lots},
        )
        if row["status"] == "signed":
            problems += rules.validate_for_signing(draft)
        facts = safety.PatientFacts(
            pregnant=bool(patient["pregnant"]),
            breastfeeding=bool(patient["breastfeeding"]),
            planning_conception=bool(patient["planning_conception"]),
            allergy_ingredient_ids=frozenset(allergy_ids.get(patient["id"], ())),
            allergies_text=patient["allergies"],
        )
        mixture = safety.check_mixture_safety(facts, tuple(ingredients[row["recipe_id"]]))
        assert errors(problems) == [], row["id"]
        assert errors(mixture) == [] and len(mixture) == 0, (row["id"], mixture)
        checked += 1
    assert checked > 300


def test_outcomes_pass(db: sqlite3.Connection) -> None:
    for row in db.execute("SELECT * FROM outcomes"):
        draft = d.OutcomeDraft(
            patient_id=row["patient_id"],
            measured_on=_day(row["measured_on"]),
            checkpoint=e.Checkpoint(row["checkpoint"]),
            density_change_pct=row["density_change_pct"],
            diameter_change_pct=row["diameter_change_pct"],
            global_assessment=row["global_assessment"],
            satisfaction=row["satisfaction"],
            course_id=row["course_id"],
        )
        assert errors(rules.validate_outcome(draft, today=date.today())) == [], row["id"]

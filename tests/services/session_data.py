"""Clinic data for the session tests: patients, ingredients, recipes, lots, a course, users.

Built straight through the ORM (and the patient service), so these tests depend only on the
session service itself. Plain helpers, not fixtures: each test module wraps them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, text

from mesodesk.db.base import utcnow
from mesodesk.db.models import (
    AdverseEvent,
    AuditEntry,
    CoursePlan,
    Ingredient,
    Lot,
    PlannedVisit,
    Recipe,
    RecipeItem,
    SessionLot,
    SessionZone,
    TreatmentSession,
)
from mesodesk.domain.drafts import LotUse, MedicalHistory, PatientDraft, SessionDraft, ZoneEntry
from mesodesk.domain.enums import (
    ConcentrationUnit,
    CoursePhase,
    IngredientClass,
    Role,
    ScalpZone,
    Sex,
    Technique,
)
from mesodesk.services.clinic import ClinicService, UserView
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store


@dataclass(frozen=True)
class World:
    practitioner_id: int
    front_desk: UserView
    patient_id: int
    other_patient_id: int
    pregnant_patient_id: int
    allergic_patient_id: int
    zinc_id: int
    template_id: int  # "AGA standard": biotin, zinc
    dutasteride_recipe_id: int  # a template with dutasteride
    other_variant_id: int  # the other patient's own variant
    lot_id: int  # 10 vials, a year to go
    lot_b_id: int  # 10 vials, a year to go
    expired_lot_id: int
    near_lot_id: int  # expires in 10 days
    course_id: int
    visit_ids: tuple[int, ...]
    other_visit_id: int  # a visit in the other patient's course


def _patient(store: Store, family: str, **kwargs: Any) -> int:
    draft = PatientDraft(family, "Test", date(1985, 4, 2), Sex.FEMALE, **kwargs)
    return PatientService(store, SYSTEM).register(draft, acknowledge_warnings=True).id


def _ingredient(name: str, cls: IngredientClass, pregnancy: bool = False) -> Ingredient:
    return Ingredient(name=name, ingredient_class=cls, pregnancy_contraindicated=pregnancy)


def _recipe(name: str, items: list[Ingredient], patient_id: int | None = None) -> Recipe:
    recipe = Recipe(
        name=name, is_template=patient_id is None, patient_id=patient_id, total_volume_ml=3.0
    )
    recipe.items = [
        RecipeItem(
            ingredient_id=ing.id, concentration=1.0, unit=ConcentrationUnit.MG_PER_ML, position=pos
        )
        for pos, ing in enumerate(items)
    ]
    return recipe


def _lot(product: str, number: str, expiry: date) -> Lot:
    return Lot(
        product_name=product,
        lot_number=number,
        expiry_date=expiry,
        quantity_received=10,
        quantity_left=10,
    )


def _course(patient_id: int, visits: int) -> CoursePlan:
    course = CoursePlan(
        patient_id=patient_id,
        protocol_key="induction",
        protocol_name="Weekly induction",
        start_date=date.today() - timedelta(days=7),
    )
    course.visits = [
        PlannedVisit(
            sequence=n + 1,
            due_date=date.today() + timedelta(days=7 * n),
            phase=CoursePhase.INDUCTION,
        )
        for n in range(visits)
    ]
    return course


def build_world(store: Store, practitioner: UserView) -> World:
    clinic = ClinicService(store, SYSTEM)
    front_desk = clinic.add_user("desk", "Tom Desk", Role.FRONT_DESK)
    with store.writing() as session:
        biotin = _ingredient("Biotin", IngredientClass.VITAMIN)
        zinc = _ingredient("Zinc", IngredientClass.MINERAL)
        dutasteride = _ingredient("Dutasteride", IngredientClass.DRUG, pregnancy=True)
        session.add_all([biotin, zinc, dutasteride])
        session.flush()
        ingredient_ids = (biotin.id, zinc.id, dutasteride.id)
    patient_id = _patient(store, "Alpha")
    other_id = _patient(store, "Beta")
    pregnant_id = _patient(store, "Gamma", history=MedicalHistory(pregnant=True))
    allergic_id = _patient(store, "Delta", allergy_ingredient_ids=(ingredient_ids[1],))
    today = date.today()
    with store.writing() as session:
        biotin, zinc, dutasteride = (session.get(Ingredient, i) for i in ingredient_ids)
        rows = [
            _recipe("AGA standard", [biotin, zinc]),
            _recipe("AGA + dutasteride", [biotin, dutasteride]),
            _recipe("Beta's own", [biotin], patient_id=other_id),
            _lot("Biotin 5 mg/mL", "B-100", today + timedelta(days=365)),
            _lot("Zinc 1 mg/mL", "Z-200", today + timedelta(days=365)),
            _lot("Biotin 5 mg/mL", "B-OLD", today - timedelta(days=5)),
            _lot("Zinc 1 mg/mL", "Z-SOON", today + timedelta(days=10)),
            _course(patient_id, 3),
            _course(other_id, 1),
        ]
        session.add_all(rows)
        session.flush()
        course, other_course = rows[7], rows[8]
        return World(
            practitioner_id=practitioner.id,
            front_desk=front_desk,
            patient_id=patient_id,
            other_patient_id=other_id,
            pregnant_patient_id=pregnant_id,
            allergic_patient_id=allergic_id,
            zinc_id=zinc.id,
            template_id=rows[0].id,
            dutasteride_recipe_id=rows[1].id,
            other_variant_id=rows[2].id,
            lot_id=rows[3].id,
            lot_b_id=rows[4].id,
            expired_lot_id=rows[5].id,
            near_lot_id=rows[6].id,
            course_id=course.id,
            visit_ids=tuple(v.id for v in course.visits),
            other_visit_id=other_course.visits[0].id,
        )


def session_draft(world: World, **changes: Any) -> SessionDraft:
    """A plausible nappage session: three zones at different depths, two vials of one lot."""
    draft = SessionDraft(
        patient_id=world.patient_id,
        performed_at=datetime.now().astimezone().replace(microsecond=0) - timedelta(hours=1),
        practitioner_id=world.practitioner_id,
        recipe_id=world.template_id,
        volume_ml=3.0,
        needle_gauge=30,
        needle_length_mm=4.0,
        technique=Technique.NAPPAGE,
        zones=(
            ZoneEntry(ScalpZone.VERTEX, 1.5, volume_ml=1.5, points=40),
            ZoneEntry(ScalpZone.FRONTAL, 1.0, volume_ml=1.0),
            ZoneEntry(ScalpZone.MID_SCALP, 2.0, volume_ml=0.5, spacing_cm=1.0),
        ),
        lots=(LotUse(world.lot_id, 2.0),),
        pain_score=3,
        no_adverse_events=True,
        notes="Tolerated well.",
    )
    return replace(draft, **changes)


COUNTED = {
    "treatment_sessions": TreatmentSession,
    "session_zones": SessionZone,
    "session_lots": SessionLot,
    "adverse_events": AdverseEvent,
    "audit_log": AuditEntry,
}


def row_counts(store: Store) -> dict[str, int]:
    with store.reading() as session:
        return {
            name: session.scalar(select(func.count()).select_from(model)) or 0
            for name, model in COUNTED.items()
        }


def quantity_left(store: Store, lot_id: int) -> float:
    with store.reading() as session:
        return session.scalar(select(Lot.quantity_left).where(Lot.id == lot_id))


def raw_session(store: Store, session_id: int) -> tuple[tuple, list[tuple], list[tuple]]:
    """A session's row, zones and lot uses as the driver returns them: stored bytes, no types."""
    with store.reading() as session:
        conn = session.connection()

        def fetch(sql: str) -> list[tuple]:
            return [tuple(r) for r in conn.execute(text(sql), {"id": session_id}).all()]

        (row,) = fetch("SELECT * FROM treatment_sessions WHERE id = :id")
        zones = fetch("SELECT * FROM session_zones WHERE session_id = :id ORDER BY id")
        lots = fetch("SELECT * FROM session_lots WHERE session_id = :id ORDER BY id")
        return row, zones, lots


def audit_rows(store: Store, entity_id: int, entity: str = "treatment_session") -> list[AuditEntry]:
    with store.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id)
            )
        )


def a_while_ago(days: int) -> datetime:
    return utcnow().replace(microsecond=0) - timedelta(days=days)

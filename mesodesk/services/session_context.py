"""What the session form needs before it opens: one read, plain data.

The form validates as the user types, so it carries the facts the rules need (lot expiry and
stock, the recipe's ingredients, the patient's allergies and pregnancy status).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from mesodesk.db.models import (
    CoursePlan,
    Ingredient,
    Lot,
    PlannedVisit,
    Recipe,
    RecipeItem,
    TreatmentSession,
    User,
)
from mesodesk.domain.enums import CourseStatus, Role
from mesodesk.domain.rules import LotFacts
from mesodesk.domain.safety import IngredientFacts, PatientFacts
from mesodesk.services.patients import PatientDetail, PatientService
from mesodesk.services.store import Store


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class RecipeChoice(Choice):
    is_template: bool
    total_volume_ml: float
    summary: str
    ingredients: tuple[IngredientFacts, ...]


@dataclass(frozen=True)
class LotChoice(Choice):
    facts: LotFacts


@dataclass(frozen=True)
class VisitChoice(Choice):
    course_id: int
    due_date: date


@dataclass(frozen=True)
class SessionFormContext:
    patient: PatientDetail
    patient_facts: PatientFacts
    practitioners: tuple[Choice, ...]
    recipes: tuple[RecipeChoice, ...]
    lots: tuple[LotChoice, ...]
    visits: tuple[VisitChoice, ...]

    def lot_facts(self) -> dict[int, LotFacts]:
        return {lot.id: lot.facts for lot in self.lots}

    def recipe(self, recipe_id: int | None) -> RecipeChoice | None:
        return next((r for r in self.recipes if r.id == recipe_id), None)


def load_session_context(
    store: Store,
    patient_service: PatientService,
    patient_id: int,
    *,
    today: date,
    keep_lot_ids: tuple[int, ...] = (),
) -> SessionFormContext:
    """Everything to fill the form; lots expired more than a year ago are left out unless kept."""
    patient = patient_service.get(patient_id)
    history = patient.draft.history
    facts = PatientFacts(
        pregnant=history.pregnant,
        breastfeeding=history.breastfeeding,
        planning_conception=history.planning_conception,
        allergy_ingredient_ids=frozenset(patient.draft.allergy_ingredient_ids),
        allergies_text=patient.draft.allergies,
    )
    with store.reading() as session:
        practitioners = tuple(
            Choice(uid, f"{name}, {cred}" if cred else name)
            for uid, name, cred in session.execute(
                select(User.id, User.display_name, User.credentials)
                .where(
                    User.active.is_(True), User.role.in_([Role.PRACTITIONER, Role.ADMINISTRATOR])
                )
                .order_by(User.role.desc(), User.display_name)
            )
        )
        recipes = _recipes(session, patient_id)
        lots = tuple(
            LotChoice(
                row.id,
                f"{row.product_name} — lot {row.lot_number} (exp. {row.expiry_date:%d.%m.%Y}, "
                f"{row.quantity_left:g} {row.unit} left)",
                LotFacts(row.lot_number, row.product_name, row.expiry_date, row.quantity_left),
            )
            for row in session.execute(
                select(Lot)
                .where(
                    or_(
                        Lot.expiry_date >= today.replace(year=today.year - 1),
                        Lot.id.in_(keep_lot_ids),
                    )
                )
                .order_by(Lot.product_name, Lot.expiry_date)
            ).scalars()
        )
        fulfilled = select(TreatmentSession.planned_visit_id).where(
            TreatmentSession.planned_visit_id.is_not(None), TreatmentSession.deleted_at.is_(None)
        )
        visits = tuple(
            VisitChoice(vid, f"Visit {seq} — due {due:%d.%m.%Y} ({phase.label.lower()})", cid, due)
            for vid, seq, due, phase, cid in session.execute(
                select(
                    PlannedVisit.id,
                    PlannedVisit.sequence,
                    PlannedVisit.due_date,
                    PlannedVisit.phase,
                    PlannedVisit.course_id,
                )
                .join(CoursePlan, CoursePlan.id == PlannedVisit.course_id)
                .where(
                    CoursePlan.patient_id == patient_id,
                    CoursePlan.status == CourseStatus.ACTIVE,
                    CoursePlan.deleted_at.is_(None),
                    PlannedVisit.id.not_in(fulfilled),
                )
                .order_by(PlannedVisit.sequence)
            )
        )
    return SessionFormContext(patient, facts, practitioners, recipes, lots, visits)


def _recipes(session, patient_id: int) -> tuple[RecipeChoice, ...]:
    rows = session.execute(
        select(Recipe.id, Recipe.name, Recipe.is_template, Recipe.total_volume_ml)
        .where(
            Recipe.deleted_at.is_(None),
            or_(Recipe.patient_id == patient_id, Recipe.is_template.is_(True)),
        )
        .order_by(Recipe.is_template, Recipe.name)
    ).all()
    items: dict[int, list] = {}
    for recipe_id, ing_id, name, pregnancy, conc, unit in session.execute(
        select(
            RecipeItem.recipe_id,
            Ingredient.id,
            Ingredient.name,
            Ingredient.pregnancy_contraindicated,
            RecipeItem.concentration,
            RecipeItem.unit,
        )
        .join(Ingredient, Ingredient.id == RecipeItem.ingredient_id)
        .where(RecipeItem.recipe_id.in_([r.id for r in rows]))
        .order_by(RecipeItem.recipe_id, RecipeItem.position)
    ):
        items.setdefault(recipe_id, []).append(
            (IngredientFacts(ing_id, name, pregnancy), f"{name} {conc:g} {unit.value}")
        )
    choices = []
    for rid, name, is_template, volume in rows:
        parts = items.get(rid, [])
        label = name if is_template else f"{name} (this patient's variant)"
        summary = f"{volume:g} mL: " + ", ".join(text for _, text in parts)
        choices.append(
            RecipeChoice(rid, label, is_template, volume, summary, tuple(f for f, _ in parts))
        )
    return tuple(choices)

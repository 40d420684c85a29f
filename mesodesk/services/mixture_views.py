"""What the mixture screens read: ingredients, recipes and a variant's differences, as plain data.

Lists are Core selects returning rows; a recipe with its items is two selects.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, aliased

from mesodesk.db.models import Ingredient, Patient, Recipe, RecipeItem
from mesodesk.domain.drafts import IngredientDraft, RecipeDraft, RecipeItemDraft
from mesodesk.domain.enums import ConcentrationUnit, IngredientClass
from mesodesk.services.errors import NotFound


@dataclass(frozen=True)
class IngredientView:
    id: int
    name: str
    ingredient_class: IngredientClass
    default_concentration: float | None
    unit: ConcentrationUnit
    pregnancy_contraindicated: bool
    notes: str
    active: bool
    version: int = 1  # what the edit form hands back on save (see services.concurrency)

    def as_draft(self) -> IngredientDraft:
        return IngredientDraft(
            name=self.name,
            ingredient_class=self.ingredient_class,
            default_concentration=self.default_concentration,
            unit=self.unit,
            pregnancy_contraindicated=self.pregnancy_contraindicated,
            notes=self.notes,
        )


@dataclass(frozen=True)
class RecipeItemView:
    ingredient_id: int
    ingredient_name: str
    concentration: float
    unit: ConcentrationUnit
    position: int

    @property
    def text(self) -> str:
        return f"{self.ingredient_name} {self.concentration:g} {self.unit.value}"


@dataclass(frozen=True)
class RecipeSummary:
    """One line of a recipe picker."""

    id: int
    name: str
    is_template: bool
    patient_id: int | None
    based_on_id: int | None
    based_on_name: str
    total_volume_ml: float
    item_count: int


@dataclass(frozen=True)
class RecipeView:
    id: int
    name: str
    is_template: bool
    patient_id: int | None
    patient_name: str
    based_on_id: int | None
    based_on_name: str
    total_volume_ml: float
    notes: str
    items: tuple[RecipeItemView, ...]
    version: int = 1  # what the recipe editor hands back on save (see services.concurrency)

    @property
    def summary(self) -> str:
        """Items and volume on one line, e.g. "Biotin 5 mg/mL, Zinc 1 mg/mL — 5 mL"."""
        parts = ", ".join(item.text for item in self.items)
        return f"{parts} — {self.total_volume_ml:g} mL"

    def as_draft(self) -> RecipeDraft:
        return RecipeDraft(
            name=self.name,
            total_volume_ml=self.total_volume_ml,
            items=tuple(
                RecipeItemDraft(i.ingredient_id, i.concentration, i.unit) for i in self.items
            ),
            is_template=self.is_template,
            patient_id=self.patient_id,
            based_on_id=self.based_on_id,
            notes=self.notes,
        )


class DifferenceKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CONCENTRATION = "concentration"
    VOLUME = "volume"


@dataclass(frozen=True)
class RecipeDifference:
    """How a patient's variant departs from its template: what the variant screen highlights."""

    kind: DifferenceKind
    ingredient_id: int | None  # None for the total volume
    ingredient_name: str
    template_value: float | None
    variant_value: float | None
    template_unit: str
    variant_unit: str

    @property
    def text(self) -> str:
        def amount(value: float | None, unit: str) -> str:
            return f"{value:g} {unit}".strip() if value is not None else ""

        before = amount(self.template_value, self.template_unit)
        after = amount(self.variant_value, self.variant_unit)
        if self.kind is DifferenceKind.ADDED:
            return f"Added {self.ingredient_name} {after}"
        if self.kind is DifferenceKind.REMOVED:
            return f"Removed {self.ingredient_name} (template: {before})"
        return f"{self.ingredient_name}: {before} → {after}"


_INGREDIENT_COLUMNS = (
    Ingredient.id,
    Ingredient.name,
    Ingredient.ingredient_class,
    Ingredient.default_concentration,
    Ingredient.unit,
    Ingredient.pregnancy_contraindicated,
    Ingredient.notes,
    Ingredient.active,
    Ingredient.version,
)


def ingredient_rows(session: Session, *, include_inactive: bool) -> list[IngredientView]:
    query = select(*_INGREDIENT_COLUMNS).order_by(Ingredient.name)
    if not include_inactive:
        query = query.where(Ingredient.active.is_(True))
    return [IngredientView(*row) for row in session.execute(query)]


def ingredient_view(session: Session, ingredient_id: int) -> IngredientView:
    row = session.execute(
        select(*_INGREDIENT_COLUMNS).where(Ingredient.id == ingredient_id)
    ).one_or_none()
    if row is None:
        raise NotFound(f"No ingredient with id {ingredient_id}.")
    return IngredientView(*row)


def recipe_rows(session: Session, *where: object) -> list[RecipeSummary]:
    """Live recipes matching `where`, with the name of their template and their item count."""
    base = aliased(Recipe)
    count = (
        select(func.count(RecipeItem.id))
        .where(RecipeItem.recipe_id == Recipe.id)
        .scalar_subquery()
        .label("item_count")
    )
    query = (
        select(
            Recipe.id,
            Recipe.name,
            Recipe.is_template,
            Recipe.patient_id,
            Recipe.based_on_id,
            func.coalesce(base.name, "").label("based_on_name"),
            Recipe.total_volume_ml,
            count,
        )
        .outerjoin(base, base.id == Recipe.based_on_id)
        .where(Recipe.deleted_at.is_(None), *where)
        .order_by(Recipe.is_template, Recipe.name, Recipe.id)
    )
    return [RecipeSummary(*row) for row in session.execute(query)]


def recipe_view(session: Session, recipe_id: int, *, include_deleted: bool = False) -> RecipeView:
    base = aliased(Recipe)
    query = (
        select(
            Recipe.id,
            Recipe.name,
            Recipe.is_template,
            Recipe.patient_id,
            Patient.family_name,
            Patient.given_names,
            Recipe.based_on_id,
            base.name.label("based_on_name"),
            Recipe.total_volume_ml,
            Recipe.notes,
            Recipe.version,
        )
        .outerjoin(base, base.id == Recipe.based_on_id)
        .outerjoin(Patient, Patient.id == Recipe.patient_id)
        .where(Recipe.id == recipe_id)
    )
    if not include_deleted:
        query = query.where(Recipe.deleted_at.is_(None))
    row = session.execute(query).one_or_none()
    if row is None:
        raise NotFound(f"No recipe with id {recipe_id}.")
    patient = f"{row.family_name}, {row.given_names}" if row.family_name else ""
    return RecipeView(
        id=row.id,
        name=row.name,
        is_template=row.is_template,
        patient_id=row.patient_id,
        patient_name=patient,
        based_on_id=row.based_on_id,
        based_on_name=row.based_on_name or "",
        total_volume_ml=row.total_volume_ml,
        notes=row.notes,
        items=tuple(_item(r) for r in _item_rows(session, recipe_id)),
        version=row.version,
    )


def _item_rows(session: Session, recipe_id: int) -> list[Row]:
    return list(
        session.execute(
            select(
                RecipeItem.ingredient_id,
                Ingredient.name,
                RecipeItem.concentration,
                RecipeItem.unit,
                RecipeItem.position,
            )
            .join(Ingredient, Ingredient.id == RecipeItem.ingredient_id)
            .where(RecipeItem.recipe_id == recipe_id)
            .order_by(RecipeItem.position, RecipeItem.id)
        )
    )


def _item(row: Row) -> RecipeItemView:
    return RecipeItemView(*row)


def differences(template: RecipeView, variant: RecipeView) -> list[RecipeDifference]:
    """Ingredients added, removed or changed in strength, then the total volume, if changed."""
    found: list[RecipeDifference] = []
    base = {item.ingredient_id: item for item in template.items}
    mine = {item.ingredient_id: item for item in variant.items}
    for item in variant.items:
        old = base.get(item.ingredient_id)
        if old is None:
            found.append(
                RecipeDifference(
                    DifferenceKind.ADDED,
                    item.ingredient_id,
                    item.ingredient_name,
                    None,
                    item.concentration,
                    "",
                    item.unit.value,
                )
            )
        elif (old.concentration, old.unit) != (item.concentration, item.unit):
            found.append(
                RecipeDifference(
                    DifferenceKind.CONCENTRATION,
                    item.ingredient_id,
                    item.ingredient_name,
                    old.concentration,
                    item.concentration,
                    old.unit.value,
                    item.unit.value,
                )
            )
    for old in template.items:
        if old.ingredient_id not in mine:
            found.append(
                RecipeDifference(
                    DifferenceKind.REMOVED,
                    old.ingredient_id,
                    old.ingredient_name,
                    old.concentration,
                    None,
                    old.unit.value,
                    "",
                )
            )
    if template.total_volume_ml != variant.total_volume_ml:
        found.append(
            RecipeDifference(
                DifferenceKind.VOLUME,
                None,
                "Total volume",
                template.total_volume_ml,
                variant.total_volume_ml,
                "mL",
                "mL",
            )
        )
    return found

"""The ingredient library, recipes (templates and per-patient variants) and product lots.

A recipe with a patient is that patient's variant, one without is a template: `patient_id`
decides (the draft's `is_template` default cannot tell a deliberate choice from an omission).
A recipe's composition is part of every session that used it (a session stores only the
recipe id), so once a recipe has been used its items and volume are frozen: a change is saved
as a new recipe (for a patient: a new variant). Name and notes stay editable.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from mesodesk.db.models import Ingredient, Patient, Recipe, RecipeItem, TreatmentSession
from mesodesk.domain.drafts import IngredientDraft, RecipeDraft
from mesodesk.domain.enums import AuditAction
from mesodesk.domain.rules import validate_ingredient, validate_recipe
from mesodesk.domain.validation import enforce
from mesodesk.services import audit
from mesodesk.services.concurrency import require_version
from mesodesk.services.deletion import deletion_reason, mark_deleted
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.mixture_lots import LotsMixin, LotStatus, LotView, RecallRow, lot_status
from mesodesk.services.mixture_views import (
    DifferenceKind,
    IngredientView,
    RecipeDifference,
    RecipeItemView,
    RecipeSummary,
    RecipeView,
    differences,
    ingredient_rows,
    ingredient_view,
    recipe_rows,
    recipe_view,
)
from mesodesk.services.store import Actor, Store

__all__ = [
    "DifferenceKind",
    "IngredientView",
    "LotStatus",
    "LotView",
    "MixtureService",
    "RecallRow",
    "RecipeDifference",
    "RecipeItemView",
    "RecipeSummary",
    "RecipeView",
    "lot_status",
]


def _fill_ingredient(row: Ingredient, draft: IngredientDraft) -> None:
    row.name = draft.name.strip()
    row.ingredient_class = draft.ingredient_class
    row.default_concentration = draft.default_concentration
    row.unit = draft.unit
    row.pregnancy_contraindicated = draft.pregnancy_contraindicated
    row.notes = draft.notes.strip()


def _recipe_audit(row: Recipe) -> dict[str, Any]:
    data = audit.snapshot(row)
    data["items"] = [
        {"ingredient_id": i.ingredient_id, "concentration": i.concentration, "unit": i.unit.value}
        for i in row.items
    ]
    return data


def _differences(session: Session, variant: RecipeView) -> list[RecipeDifference]:
    """What a variant changed against its template (even a deleted one); empty for a template."""
    if variant.based_on_id is None:
        return []
    template = recipe_view(session, variant.based_on_id, include_deleted=True)
    return differences(template, variant)


def _require_patient(session: Session, patient_id: int) -> None:
    live = select(Patient.id).where(Patient.id == patient_id, Patient.deleted_at.is_(None))
    if session.scalar(live) is None:
        raise NotFound(f"No patient with id {patient_id}.")


class MixtureService(LotsMixin):
    def __init__(self, store: Store, actor: Actor) -> None:
        self.store = store
        self.actor = actor

    # -- ingredients -----------------------------------------------------------------------
    def add_ingredient(
        self, draft: IngredientDraft, *, acknowledge_warnings: bool = False
    ) -> IngredientView:
        """Add to the library; names are unique whatever their case."""
        enforce(validate_ingredient(draft), acknowledge_warnings=acknowledge_warnings)
        with self.store.writing() as session:
            self._ensure_name_free(session, draft.name, None)
            row = Ingredient()
            _fill_ingredient(row, draft)
            session.add(row)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                "ingredient",
                row.id,
                summary=f"Added ingredient {row.name}",
                after=audit.snapshot(row),
            )
            return ingredient_view(session, row.id)

    def update_ingredient(
        self,
        ingredient_id: int,
        draft: IngredientDraft,
        *,
        acknowledge_warnings: bool = False,
        expected_version: int | None = None,
    ) -> IngredientView:
        """Refused if someone saved the ingredient since `expected_version` (the form's copy)."""
        enforce(validate_ingredient(draft), acknowledge_warnings=acknowledge_warnings)
        with self.store.writing() as session:
            row = session.get(Ingredient, ingredient_id)
            if row is None:
                raise NotFound(f"No ingredient with id {ingredient_id}.")
            label = f"The ingredient {row.name}"
            require_version(session, row, expected_version, "ingredient", label)
            self._ensure_name_free(session, draft.name, row.id)
            before = audit.snapshot(row)
            _fill_ingredient(row, draft)
            session.flush()
            old, new = audit.changes(before, audit.snapshot(row))
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "ingredient",
                row.id,
                summary=f"Edited ingredient {row.name}",
                before=old,
                after=new,
            )
            return ingredient_view(session, row.id)

    def ingredients(self, *, include_inactive: bool = False) -> list[IngredientView]:
        with self.store.reading() as session:
            return ingredient_rows(session, include_inactive=include_inactive)

    def get_ingredient(self, ingredient_id: int) -> IngredientView:
        with self.store.reading() as session:
            return ingredient_view(session, ingredient_id)

    # -- recipes ---------------------------------------------------------------------------
    def create_recipe(
        self, draft: RecipeDraft, *, acknowledge_warnings: bool = False
    ) -> RecipeView:
        """A template (no patient) or a patient's variant (`patient_id`, usually `based_on_id`)."""
        self._check_recipe(draft, acknowledge_warnings)
        with self.store.writing() as session:
            return recipe_view(session, self._create_recipe(session, draft))

    def update_recipe(
        self,
        recipe_id: int,
        draft: RecipeDraft,
        *,
        acknowledge_warnings: bool = False,
        expected_version: int | None = None,
    ) -> RecipeView:
        """Edit a recipe; its composition is frozen once a session has used it. Refused if
        someone saved it since `expected_version` (the version the editor loaded)."""
        self._check_recipe(draft, acknowledge_warnings)
        with self.store.writing() as session:
            return recipe_view(
                session, self._update_recipe(session, recipe_id, draft, expected_version)
            )

    def save_recipe(
        self,
        draft: RecipeDraft,
        *,
        recipe_id: int | None = None,
        acknowledge_warnings: bool = False,
        expected_version: int | None = None,
    ) -> tuple[RecipeView, list[RecipeDifference]]:
        """Create (no `recipe_id`) or update a recipe, and read it back with its differences
        from its template, all in one transaction: the save is stored whole or not at all, so
        trying again after a failure can neither store it twice nor find it changed."""
        self._check_recipe(draft, acknowledge_warnings)
        with self.store.writing() as session:
            if recipe_id is None:
                saved_id = self._create_recipe(session, draft)
            else:
                saved_id = self._update_recipe(session, recipe_id, draft, expected_version)
            view = recipe_view(session, saved_id)
            return view, _differences(session, view)

    def delete_recipe(self, recipe_id: int, reason: str) -> None:
        """Soft delete: sessions that used the recipe still show it."""
        reason = deletion_reason(reason, "a recipe")
        with self.store.writing() as session:
            row = self._load_recipe(session, recipe_id)
            mark_deleted(row, self.actor, reason)
            audit.record(
                session,
                self.actor,
                AuditAction.DELETE,
                "recipe",
                row.id,
                patient_id=row.patient_id,
                summary=f"Deleted recipe {row.name}: {reason}",
            )

    def make_variant(
        self, template_id: int, patient_id: int, name: str | None = None
    ) -> RecipeView:
        """Copy a template for one patient; the copy then shows its differences."""
        with self.store.writing() as session:
            template = self._load_recipe(session, template_id)
            if not template.is_template:
                raise Conflict(f"{template.name} is a patient's variant, not a template.")
            _require_patient(session, patient_id)
            chosen = (name or "").strip() or self._free_variant_name(
                session, template.name, patient_id
            )
            self._ensure_recipe_name_free(session, chosen, patient_id, None)
            row = Recipe(
                name=chosen,
                is_template=False,
                patient_id=patient_id,
                based_on_id=template.id,
                total_volume_ml=template.total_volume_ml,
                notes=template.notes,
            )
            row.items = [
                RecipeItem(
                    ingredient_id=i.ingredient_id,
                    concentration=i.concentration,
                    unit=i.unit,
                    position=i.position,
                )
                for i in template.items
            ]
            session.add(row)
            session.flush()
            self._audit_created(session, row, f"Variant {chosen} of {template.name}")
            return recipe_view(session, row.id)

    def templates(self) -> list[RecipeSummary]:
        with self.store.reading() as session:
            return recipe_rows(session, Recipe.is_template.is_(True))

    def recipes_for_patient(self, patient_id: int) -> list[RecipeSummary]:
        """The patient's own variants first, then every template."""
        with self.store.reading() as session:
            return recipe_rows(
                session, or_(Recipe.patient_id == patient_id, Recipe.is_template.is_(True))
            )

    def get_recipe(self, recipe_id: int) -> RecipeView:
        with self.store.reading() as session:
            return recipe_view(session, recipe_id)

    def get_recipe_with_differences(
        self, recipe_id: int
    ) -> tuple[RecipeView, list[RecipeDifference]]:
        """A recipe and what it changed against its template, read in one transaction: the
        editor shows both, and the recipe is read once."""
        with self.store.reading() as session:
            view = recipe_view(session, recipe_id)
            return view, _differences(session, view)

    def variant_differences(self, recipe_id: int) -> list[RecipeDifference]:
        """What a variant changed against its template; empty for a template."""
        with self.store.reading() as session:
            return _differences(session, recipe_view(session, recipe_id))

    # -- helpers ---------------------------------------------------------------------------
    def _create_recipe(self, session: Session, draft: RecipeDraft) -> int:
        self._check_links(session, draft)
        self._ensure_recipe_name_free(session, draft.name, draft.patient_id, None)
        row = Recipe(
            is_template=draft.patient_id is None,
            patient_id=draft.patient_id,
            based_on_id=draft.based_on_id,
        )
        self._fill_recipe(row, draft)
        session.add(row)
        session.flush()
        self._audit_created(session, row)
        return row.id

    def _update_recipe(
        self, session: Session, recipe_id: int, draft: RecipeDraft, expected_version: int | None
    ) -> int:
        row = self._load_recipe(session, recipe_id)
        require_version(session, row, expected_version, "recipe", f"The recipe {row.name}")
        if (draft.patient_id, draft.based_on_id) != (row.patient_id, row.based_on_id):
            raise Conflict(
                "A recipe keeps its patient and its template; create a new recipe instead."
            )
        self._check_links(session, draft)
        self._ensure_recipe_name_free(session, draft.name, row.patient_id, row.id)
        before = _recipe_audit(row)
        composition = [(i.ingredient_id, i.concentration, i.unit) for i in draft.items]
        items_changed = composition != [
            (i.ingredient_id, i.concentration, i.unit) for i in row.items
        ]
        if items_changed or draft.total_volume_ml != row.total_volume_ml:
            self._ensure_unused(session, row)
        row.items.clear()
        session.flush()  # old items go first: an ingredient appears once per recipe
        self._fill_recipe(row, draft)
        if items_changed:
            # The items are rows of their own: changing only them would leave the recipe's
            # version where it was, and a copy loaded before this save could still be saved.
            row.version += 1
        session.flush()
        old, new = audit.changes(before, _recipe_audit(row))
        audit.record(
            session,
            self.actor,
            AuditAction.UPDATE,
            "recipe",
            row.id,
            patient_id=row.patient_id,
            summary=f"Edited recipe {row.name}",
            before=old,
            after=new,
        )
        return row.id

    @staticmethod
    def _check_recipe(draft: RecipeDraft, acknowledge_warnings: bool) -> None:
        enforce(validate_recipe(draft), acknowledge_warnings=acknowledge_warnings)

    @staticmethod
    def _check_links(session: Session, draft: RecipeDraft) -> None:
        ids = {item.ingredient_id for item in draft.items}
        found = set(session.scalars(select(Ingredient.id).where(Ingredient.id.in_(ids))))
        if ids - found:
            raise NotFound(f"Unknown ingredient id(s): {sorted(ids - found)}")
        if draft.patient_id is not None:
            _require_patient(session, draft.patient_id)
        if draft.based_on_id is not None:
            base = session.get(Recipe, draft.based_on_id)
            if base is None or base.deleted_at is not None:
                raise NotFound(f"No recipe with id {draft.based_on_id}.")
            if not base.is_template:
                raise Conflict(f"{base.name} is a patient's variant, not a template.")

    @staticmethod
    def _fill_recipe(row: Recipe, draft: RecipeDraft) -> None:
        row.name = draft.name.strip()
        row.total_volume_ml = draft.total_volume_ml
        row.notes = draft.notes.strip()
        row.items = [
            RecipeItem(
                ingredient_id=item.ingredient_id,
                concentration=item.concentration,
                unit=item.unit,
                position=position,
            )
            for position, item in enumerate(draft.items)
        ]

    def _audit_created(self, session: Session, row: Recipe, summary: str = "") -> None:
        kind = "template" if row.is_template else "patient variant"
        audit.record(
            session,
            self.actor,
            AuditAction.CREATE,
            "recipe",
            row.id,
            patient_id=row.patient_id,
            summary=summary or f"Created {kind} {row.name}",
            after=_recipe_audit(row),
        )

    @staticmethod
    def _ensure_unused(session: Session, row: Recipe) -> None:
        used = session.scalar(
            select(func.count(TreatmentSession.id)).where(TreatmentSession.recipe_id == row.id)
        )
        if used:
            raise Conflict(
                f"{row.name} was used in {used} session(s) and its composition is part of "
                "those records. Save the changed mixture as a new recipe instead."
            )

    @staticmethod
    def _ensure_name_free(session: Session, name: str, own_id: int | None) -> None:
        other = session.execute(
            select(Ingredient.id, Ingredient.name).where(
                func.lower(Ingredient.name) == name.strip().lower()
            )
        ).first()
        if other is not None and other.id != own_id:
            raise Conflict(
                f"The library already has an ingredient named {other.name!r}; "
                "edit that one or choose another name."
            )

    @staticmethod
    def _ensure_recipe_name_free(
        session: Session, name: str, patient_id: int | None, own_id: int | None
    ) -> None:
        """Template names are unique among templates; a variant's among the patient's own."""
        scope = (
            Recipe.is_template.is_(True) if patient_id is None else Recipe.patient_id == patient_id
        )
        other = session.scalar(
            select(Recipe.id).where(
                scope,
                Recipe.deleted_at.is_(None),
                func.lower(Recipe.name) == name.strip().lower(),
            )
        )
        if other is not None and other != own_id:
            whose = "a template" if patient_id is None else "one of this patient's recipes"
            raise Conflict(f"{name.strip()!r} is already the name of {whose}.")

    @staticmethod
    def _free_variant_name(session: Session, template_name: str, patient_id: int) -> str:
        taken = {
            n.lower()
            for n in session.scalars(
                select(Recipe.name).where(
                    Recipe.patient_id == patient_id, Recipe.deleted_at.is_(None)
                )
            )
        }
        name, number = f"{template_name} (variant)", 2
        while name.lower() in taken:
            name, number = f"{template_name} (variant {number})", number + 1
        return name

    @staticmethod
    def _load_recipe(session: Session, recipe_id: int) -> Recipe:
        row = session.scalar(
            select(Recipe)
            .where(Recipe.id == recipe_id, Recipe.deleted_at.is_(None))
            .options(selectinload(Recipe.items))
        )
        if row is None:
            raise NotFound(f"No recipe with id {recipe_id}.")
        return row

"""Ingredient library, recipes and variants, lots and the recall of a lot."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from mesodesk.db.base import utcnow
from mesodesk.db.models import (
    AuditEntry,
    Ingredient,
    Lot,
    Recipe,
    RecipeItem,
    SessionLot,
    TreatmentSession,
)
from mesodesk.domain.drafts import (
    IngredientDraft,
    LotDraft,
    PatientDraft,
    RecipeDraft,
    RecipeItemDraft,
)
from mesodesk.domain.enums import (
    AuditAction,
    ConcentrationUnit,
    IngredientClass,
    SessionStatus,
    Sex,
    Technique,
)
from mesodesk.domain.validation import AcknowledgementRequired, ValidationError
from mesodesk.services import mixtures
from mesodesk.services.clinic import UserView
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.mixtures import DifferenceKind, LotStatus, MixtureService
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Actor, Store

TODAY = date(2025, 3, 10)
MG = ConcentrationUnit.MG_PER_ML
_TABLES = (Ingredient, Recipe, RecipeItem, Lot, AuditEntry)


def counts(store: Store) -> dict[str, int]:
    with store.reading() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in _TABLES
        }


def audit_rows(store: Store, entity: str) -> list[AuditEntry]:
    with store.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
            )
        )


def register(store: Store, family: str, phone: str = "") -> int:
    draft = PatientDraft(family, "Test", date(1980, 5, 5), Sex.MALE, phone=phone)
    return PatientService(store, SYSTEM).register(draft, acknowledge_warnings=True).id


@pytest.fixture
def service(store: Store, actor: Actor) -> MixtureService:
    return MixtureService(store, actor)


@pytest.fixture
def library(service: MixtureService) -> dict[str, int]:
    """Biotin, zinc, dexpanthenol: ids by name."""
    found = {}
    for name, cls in (
        ("Biotin", IngredientClass.VITAMIN),
        ("Zinc", IngredientClass.MINERAL),
        ("Dexpanthenol", IngredientClass.VITAMIN),
    ):
        found[name] = service.add_ingredient(IngredientDraft(name, cls, 1.0, MG)).id
    return found


@pytest.fixture
def template_id(service: MixtureService, library: dict[str, int]) -> int:
    draft = RecipeDraft(
        "AGA standard",
        4.0,
        (RecipeItemDraft(library["Biotin"], 5.0, MG), RecipeItemDraft(library["Zinc"], 1.0, MG)),
    )
    return service.create_recipe(draft).id


# -- ingredients -------------------------------------------------------------------------------
def test_ingredients_are_listed_and_audited(
    service: MixtureService, library: dict[str, int], store: Store
) -> None:
    assert [i.name for i in service.ingredients()] == ["Biotin", "Dexpanthenol", "Zinc"]
    zinc = service.get_ingredient(library["Zinc"])
    assert zinc.ingredient_class is IngredientClass.MINERAL and zinc.default_concentration == 1.0
    assert [r.action for r in audit_rows(store, "ingredient")] == [AuditAction.CREATE] * 3

    edited = service.update_ingredient(
        zinc.id, IngredientDraft("Zinc gluconate", zinc.ingredient_class, 2.0, MG)
    )
    assert edited.name == "Zinc gluconate"
    last = audit_rows(store, "ingredient")[-1]
    assert last.action is AuditAction.UPDATE
    assert last.before == {"name": "Zinc", "default_concentration": 1.0, "version": 1}
    assert last.after == {"name": "Zinc gluconate", "default_concentration": 2.0, "version": 2}


def test_ingredient_names_are_unique_whatever_the_case(
    service: MixtureService, library: dict[str, int], store: Store
) -> None:
    before = counts(store)
    with pytest.raises(Conflict, match="already has an ingredient named 'Biotin'"):
        service.add_ingredient(IngredientDraft(" biotin ", IngredientClass.VITAMIN))
    with pytest.raises(Conflict):
        service.update_ingredient(
            library["Zinc"], IngredientDraft("BIOTIN", IngredientClass.MINERAL)
        )
    assert counts(store) == before


def test_invalid_ingredient_writes_nothing(service: MixtureService, store: Store) -> None:
    before = counts(store)
    with pytest.raises(ValidationError):
        service.add_ingredient(IngredientDraft("  ", IngredientClass.VITAMIN))
    with pytest.raises(ValidationError):
        service.add_ingredient(
            IngredientDraft("Dutasteride", IngredientClass.DRUG, 150, ConcentrationUnit.PERCENT)
        )
    assert counts(store) == before


# -- recipes -----------------------------------------------------------------------------------
def test_template_reads_back_with_ingredient_names(
    service: MixtureService, template_id: int, store: Store
) -> None:
    recipe = service.get_recipe(template_id)
    assert recipe.is_template and recipe.patient_id is None and recipe.based_on_name == ""
    assert [(i.ingredient_name, i.concentration, i.unit) for i in recipe.items] == [
        ("Biotin", 5.0, MG),
        ("Zinc", 1.0, MG),
    ]
    assert recipe.summary == "Biotin 5 mg/mL, Zinc 1 mg/mL — 4 mL"
    (summary,) = service.templates()
    assert (summary.name, summary.item_count, summary.total_volume_ml) == ("AGA standard", 2, 4.0)
    (row,) = audit_rows(store, "recipe")
    assert row.action is AuditAction.CREATE and len(row.after["items"]) == 2


def test_invalid_recipe_writes_nothing(
    service: MixtureService, library: dict[str, int], store: Store
) -> None:
    before = counts(store)
    with pytest.raises(ValidationError):
        service.create_recipe(RecipeDraft("Empty", 4.0, ()))
    with pytest.raises(ValidationError):
        service.create_recipe(
            RecipeDraft("Twice", 4.0, (RecipeItemDraft(library["Zinc"], 1, MG),) * 2)
        )
    with pytest.raises(AcknowledgementRequired):
        service.create_recipe(RecipeDraft("Big", 30.0, (RecipeItemDraft(library["Zinc"], 1, MG),)))
    with pytest.raises(NotFound):
        service.create_recipe(RecipeDraft("Ghost", 4.0, (RecipeItemDraft(999, 1, MG),)))
    assert counts(store) == before


def test_template_names_are_unique(service: MixtureService, template_id: int, store: Store) -> None:
    draft = service.get_recipe(template_id).as_draft()
    before = counts(store)
    with pytest.raises(Conflict, match="already the name of a template"):
        service.create_recipe(draft)
    assert counts(store) == before


def test_variant_copies_the_template_and_shows_its_differences(
    service: MixtureService, template_id: int, library: dict[str, int], store: Store
) -> None:
    patient_id = register(store, "Lang")
    variant = service.make_variant(template_id, patient_id)
    assert variant.name == "AGA standard (variant)"
    assert (variant.is_template, variant.patient_id) == (False, patient_id)
    assert variant.based_on_id == template_id and variant.based_on_name == "AGA standard"
    assert [(i.ingredient_id, i.concentration) for i in variant.items] == [
        (library["Biotin"], 5.0),
        (library["Zinc"], 1.0),
    ]
    assert variant.patient_name == "Lang, Test"
    assert service.variant_differences(variant.id) == []

    draft = variant.as_draft()
    stronger = RecipeDraft(
        draft.name,
        draft.total_volume_ml,
        (RecipeItemDraft(library["Biotin"], 5.0, MG), RecipeItemDraft(library["Zinc"], 2.5, MG)),
        patient_id=patient_id,
        based_on_id=template_id,
    )
    service.update_recipe(variant.id, stronger)
    (difference,) = service.variant_differences(variant.id)
    assert difference.kind is DifferenceKind.CONCENTRATION
    assert (difference.ingredient_name, difference.template_value, difference.variant_value) == (
        "Zinc",
        1.0,
        2.5,
    )
    assert difference.text == "Zinc: 1 mg/mL → 2.5 mg/mL"
    update = audit_rows(store, "recipe")[-1]
    assert update.action is AuditAction.UPDATE and update.patient_id == patient_id
    assert set(update.before) == {"items", "version"}  # the items are part of the recipe


def test_differences_show_added_removed_and_volume(
    service: MixtureService, template_id: int, library: dict[str, int], store: Store
) -> None:
    patient_id = register(store, "Roth")
    variant = service.make_variant(template_id, patient_id, name="Roth mix")
    changed = RecipeDraft(
        "Roth mix",
        5.0,
        (
            RecipeItemDraft(library["Biotin"], 5.0, MG),
            RecipeItemDraft(library["Dexpanthenol"], 2.0, MG),
        ),
        patient_id=patient_id,
        based_on_id=template_id,
    )
    service.update_recipe(variant.id, changed)
    found = {(d.kind, d.ingredient_name) for d in service.variant_differences(variant.id)}
    assert found == {
        (DifferenceKind.ADDED, "Dexpanthenol"),
        (DifferenceKind.REMOVED, "Zinc"),
        (DifferenceKind.VOLUME, "Total volume"),
    }
    assert service.variant_differences(template_id) == []


def test_save_recipe_returns_its_differences_from_the_same_transaction(
    service: MixtureService,
    template_id: int,
    library: dict[str, int],
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    patient_id = register(store, "Berg")
    variant = service.make_variant(template_id, patient_id)
    items = (RecipeItemDraft(library["Biotin"], 5.0, MG), RecipeItemDraft(library["Zinc"], 2.5, MG))
    stronger = replace(variant.as_draft(), items=items)
    before = counts(store)

    def unreadable(*_args: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(mixtures, "differences", unreadable)
    with pytest.raises(OSError):
        service.save_recipe(replace(stronger, name="Berg strong"))
    with pytest.raises(OSError):
        service.save_recipe(stronger, recipe_id=variant.id, expected_version=variant.version)
    assert counts(store) == before  # neither the new recipe nor the edit was stored
    assert service.get_recipe(variant.id) == variant
    monkeypatch.undo()

    created, found = service.save_recipe(replace(stronger, name="Berg strong"))
    assert created.name == "Berg strong" and created.based_on_id == template_id
    assert [d.text for d in found] == ["Zinc: 1 mg/mL → 2.5 mg/mL"]
    updated, found = service.save_recipe(  # the version loaded before the failure still holds
        stronger, recipe_id=variant.id, expected_version=variant.version
    )
    assert updated.id == variant.id and updated.items[1].concentration == 2.5
    assert found == service.variant_differences(variant.id) and len(found) == 1
    assert service.get_recipe_with_differences(variant.id) == (updated, found)
    template = service.get_recipe(template_id)
    _, none = service.save_recipe(
        replace(template.as_draft(), notes="Shake well."),
        recipe_id=template_id,
        expected_version=template.version,
    )
    assert none == []
    assert service.get_recipe_with_differences(template_id)[1] == []


def test_recipes_for_patient_are_own_variants_then_templates(
    service: MixtureService, template_id: int, store: Store
) -> None:
    mine, theirs = register(store, "Mine"), register(store, "Theirs")
    own = service.make_variant(template_id, mine)
    service.make_variant(template_id, theirs)
    second = service.make_variant(template_id, mine)
    assert second.name == "AGA standard (variant 2)"
    listed = service.recipes_for_patient(mine)
    assert [r.is_template for r in listed] == [False, False, True]
    assert {r.id for r in listed[:2]} == {own.id, second.id} and listed[2].id == template_id
    assert [r.id for r in service.recipes_for_patient(register(store, "New"))] == [template_id]
    with pytest.raises(Conflict):
        service.make_variant(own.id, mine)  # a variant is no template


def test_a_used_recipe_keeps_its_composition(
    service: MixtureService,
    template_id: int,
    library: dict[str, int],
    store: Store,
    practitioner: UserView,
) -> None:
    patient_id = register(store, "Used")
    with store.writing() as session:
        session.add(_session_row(patient_id, practitioner.id, recipe_id=template_id))
    draft = service.get_recipe(template_id).as_draft()
    before = counts(store)
    changed = RecipeDraft(draft.name, 5.0, draft.items)
    with pytest.raises(Conflict, match="used in 1 session"):
        service.update_recipe(template_id, changed)
    assert counts(store) == before
    renamed = service.update_recipe(template_id, RecipeDraft("AGA classic", 4.0, draft.items))
    assert renamed.name == "AGA classic" and renamed.total_volume_ml == 4.0


def test_deleted_recipe_leaves_the_lists(service: MixtureService, template_id: int) -> None:
    with pytest.raises(Conflict):
        service.delete_recipe(template_id, "")
    service.delete_recipe(template_id, "Replaced by the 2025 protocol")
    assert service.templates() == []
    with pytest.raises(NotFound):
        service.get_recipe(template_id)


# -- lots --------------------------------------------------------------------------------------
def lot(number: str, expiry: date, product: str = "Biotin 5 mg/mL") -> LotDraft:
    return LotDraft(product, number, expiry, 10, received_on=date(2025, 1, 15))


def test_lots_with_status_and_quantity(service: MixtureService, store: Store) -> None:
    ok = service.receive_lot(lot("A1", date(2026, 1, 31)), today=TODAY)
    near = service.receive_lot(lot("A2", TODAY + timedelta(days=30)), today=TODAY)
    old = service.receive_lot(lot("A0", date(2025, 3, 1)), acknowledge_warnings=True, today=TODAY)
    assert (ok.status, near.status, old.status) == (
        LotStatus.OK,
        LotStatus.NEAR_EXPIRY,
        LotStatus.EXPIRED,
    )
    assert ok.quantity_left == ok.quantity_received == 10
    assert [x.lot_number for x in service.lots(today=TODAY)] == ["A2", "A1"]
    assert [x.lot_number for x in service.lots(include_expired=True, today=TODAY)] == [
        "A0",
        "A2",
        "A1",
    ]
    assert service.get_lot(near.id, today=TODAY).days_to_expiry == 30
    assert [r.action for r in audit_rows(store, "lot")] == [AuditAction.CREATE] * 3


def test_receiving_an_expired_lot_needs_acknowledgement(
    service: MixtureService, store: Store
) -> None:
    before = counts(store)
    with pytest.raises(AcknowledgementRequired) as caught:
        service.receive_lot(lot("X", date(2025, 1, 1)), today=TODAY)
    assert [p.code for p in caught.value.warnings] == ["lot_expired"]
    with pytest.raises(ValidationError):
        service.receive_lot(LotDraft("", "X", date(2026, 1, 1), 0), today=TODAY)
    assert counts(store) == before


def test_the_same_lot_cannot_be_received_twice(service: MixtureService, store: Store) -> None:
    service.receive_lot(lot("B7", date(2026, 1, 1)), today=TODAY)
    before = counts(store)
    with pytest.raises(Conflict, match="already in stock"):
        service.receive_lot(lot(" B7 ", date(2026, 1, 1)), today=TODAY)
    assert counts(store) == before


def test_adjusting_the_quantity_is_audited(service: MixtureService, store: Store) -> None:
    received = service.receive_lot(lot("C1", date(2026, 1, 1)), today=TODAY)
    before = counts(store)
    with pytest.raises(Conflict):
        service.adjust_lot_quantity(received.id, 8, " ")
    with pytest.raises(ValidationError):
        service.adjust_lot_quantity(received.id, 11, "count")
    assert counts(store) == before
    adjusted = service.adjust_lot_quantity(received.id, 7, "Two vials broken", today=TODAY)
    assert adjusted.quantity_left == 7
    last = audit_rows(store, "lot")[-1]
    assert (last.action, last.before, last.after["quantity_left"]) == (
        AuditAction.UPDATE,
        {"quantity_left": 10},
        7,
    )
    assert "Two vials broken" in last.summary


# -- recall ------------------------------------------------------------------------------------
def _session_row(
    patient_id: int,
    practitioner_id: int,
    *,
    recipe_id: int | None = None,
    day: int = 1,
    amends_id: int | None = None,
) -> TreatmentSession:
    return TreatmentSession(
        patient_id=patient_id,
        performed_at=datetime(2025, 2, day, 10, 0, tzinfo=UTC),
        practitioner_id=practitioner_id,
        recipe_id=recipe_id,
        volume_ml=3.0,
        needle_gauge=32,
        needle_length_mm=4.0,
        technique=Technique.NAPPAGE,
        status=SessionStatus.SIGNED,
        amends_id=amends_id,
    )


def _give(store: Store, patient_id: int, user_id: int, lot_ids: list[int], **kw: object) -> int:
    with store.writing() as session:
        row = _session_row(patient_id, user_id, **kw)  # type: ignore[arg-type]
        row.lots = [SessionLot(lot_id=lot_id, quantity=1.0) for lot_id in lot_ids]
        session.add(row)
        session.flush()
        return row.id


def test_recall_finds_every_patient_of_a_lot_and_only_them(
    service: MixtureService, store: Store, practitioner: UserView
) -> None:
    bad = service.receive_lot(lot("R-BAD", date(2026, 1, 1)), today=TODAY).id
    good = service.receive_lot(lot("R-OK", date(2026, 1, 1)), today=TODAY).id
    alice, bert, carl = (register(store, n, "0611 22") for n in ("Alt", "Bauer", "Clemens"))
    me = practitioner.id
    first = _give(store, alice, me, [bad, good], day=3)
    second = _give(store, bert, me, [bad], day=5)
    amended = _give(store, bert, me, [bad], day=5, amends_id=second)
    deleted = _give(store, alice, me, [bad], day=9)
    _give(store, carl, me, [good], day=4)
    with store.writing() as session:
        row = session.get(TreatmentSession, deleted)
        assert row is not None
        row.deleted_at, row.delete_reason = utcnow(), "Duplicate entry"

    rows = service.recall(bad)
    assert [r.session_id for r in rows] == [first, second, amended, deleted]
    assert {r.patient_id for r in rows} == {alice, bert}
    by_session = {r.session_id: r for r in rows}
    assert by_session[first].record_state == "current"
    assert by_session[second].superseded and by_session[second].record_state.startswith("super")
    assert not by_session[amended].superseded and by_session[amended].amends_id == second
    assert by_session[deleted].deleted and by_session[deleted].record_state == "deleted"
    assert by_session[first].patient_name == "Alt, Test"
    assert by_session[first].phone == "0611 22"
    assert by_session[first].practitioner_name == "Dr Lena Vogel"
    assert by_session[first].record_number
    assert {r.patient_id for r in service.recall(good)} == {alice, carl}
    with pytest.raises(NotFound):
        service.recall(999)

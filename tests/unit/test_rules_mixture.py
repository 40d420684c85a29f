"""Ingredient, recipe and lot rules: names, volumes, concentrations and expiry on arrival."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesodesk.domain.drafts import IngredientDraft, LotDraft, RecipeDraft, RecipeItemDraft
from mesodesk.domain.enums import ConcentrationUnit, IngredientClass
from mesodesk.domain.rules import validate_ingredient, validate_lot, validate_recipe
from mesodesk.domain.validation import Level, Problem

TODAY = date(2026, 11, 25)
JUNK = st.one_of(
    st.none(), st.text(max_size=3), st.integers(), st.floats(), st.booleans(), st.dates()
)
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
MG = ConcentrationUnit.MG_PER_ML
PCT = ConcentrationUnit.PERCENT


def codes(problems: list[Problem]) -> list[tuple[str, str, Level]]:
    return [(p.field, p.code, p.level) for p in problems]


# -- ingredients --------------------------------------------------------------------------------
def ingredient(**changes: object) -> IngredientDraft:
    base = IngredientDraft("Dutasteride", IngredientClass.DRUG, 0.05, PCT, True, "Hard stop.")
    return replace(base, **changes)


def test_a_library_ingredient_has_no_problems() -> None:
    assert validate_ingredient(ingredient()) == []
    assert validate_ingredient(IngredientDraft("Biotin", IngredientClass.VITAMIN)) == []


def test_ingredient_name_required_and_short() -> None:
    assert codes(validate_ingredient(ingredient(name=" "))) == [("name", "required", Level.ERROR)]
    assert codes(validate_ingredient(ingredient(name="x" * 121))) == [
        ("name", "too_long", Level.ERROR)
    ]


def test_default_concentration_not_negative_and_percent_at_most_100() -> None:
    assert validate_ingredient(ingredient(default_concentration=0, unit=MG)) == []
    assert validate_ingredient(ingredient(default_concentration=500, unit=MG)) == []
    assert codes(validate_ingredient(ingredient(default_concentration=-0.1))) == [
        ("default_concentration", "out_of_range", Level.ERROR)
    ]
    assert codes(validate_ingredient(ingredient(default_concentration=100.5, unit=PCT))) == [
        ("default_concentration", "out_of_range", Level.ERROR)
    ]


def test_unknown_class_or_unit_is_refused() -> None:
    assert codes(validate_ingredient(ingredient(ingredient_class="elixir"))) == [
        ("ingredient_class", "wrong_type", Level.ERROR)
    ]
    assert codes(validate_ingredient(ingredient(unit="g/L"))) == [
        ("unit", "wrong_type", Level.ERROR)
    ]


# -- recipes ------------------------------------------------------------------------------------
def recipe(**changes: object) -> RecipeDraft:
    base = RecipeDraft(
        "AGA standard",
        5.0,
        (RecipeItemDraft(1, 5.0, MG), RecipeItemDraft(2, 0.05, PCT), RecipeItemDraft(3, 2, MG)),
    )
    return replace(base, **changes)


def test_a_template_has_no_problems() -> None:
    assert validate_recipe(recipe()) == []


def test_recipe_name_required() -> None:
    assert codes(validate_recipe(recipe(name=""))) == [("name", "required", Level.ERROR)]


@given(st.floats(min_value=0.5, max_value=20))
def test_any_usual_total_volume_passes(volume: float) -> None:
    assert validate_recipe(recipe(total_volume_ml=volume)) == []


@given(st.one_of(st.floats(max_value=0), st.floats(min_value=100, exclude_min=True)))
def test_total_volume_of_zero_or_less_or_above_100_ml_is_refused(volume: float) -> None:
    [(field, _, level)] = codes(validate_recipe(recipe(total_volume_ml=volume)))
    assert (field, level) == ("total_volume_ml", Level.ERROR)


@pytest.mark.parametrize("volume", [0.2, 20.5, 99])
def test_unusual_total_volume_is_warned(volume: float) -> None:
    assert codes(validate_recipe(recipe(total_volume_ml=volume))) == [
        ("total_volume_ml", "unusual_value", Level.WARNING)
    ]


def test_a_recipe_needs_an_ingredient() -> None:
    assert codes(validate_recipe(recipe(items=()))) == [("items", "no_items", Level.ERROR)]


def test_the_same_ingredient_twice_is_refused() -> None:
    twice = (RecipeItemDraft(1, 5.0, MG), RecipeItemDraft(1, 2.0, MG))
    assert codes(validate_recipe(recipe(items=twice))) == [
        ("items[1].ingredient_id", "duplicate_ingredient", Level.ERROR)
    ]


@pytest.mark.parametrize(
    ("concentration", "unit"), [(-1, MG), (100.1, PCT), (math.nan, MG), ("5", MG)]
)
def test_bad_concentrations_are_refused(concentration: object, unit: ConcentrationUnit) -> None:
    items = (RecipeItemDraft(1, concentration, unit),)  # type: ignore[arg-type]
    assert [(f, lvl) for f, _, lvl in codes(validate_recipe(recipe(items=items)))] == [
        ("items[0].concentration", Level.ERROR)
    ]


@given(st.floats(min_value=0, max_value=100))
def test_any_percentage_up_to_100_passes(concentration: float) -> None:
    assert validate_recipe(recipe(items=(RecipeItemDraft(1, concentration, PCT),))) == []


@RELAXED
@given(
    st.dictionaries(st.sampled_from([f.name for f in fields(RecipeDraft)]), JUNK),
    st.dictionaries(st.sampled_from([f.name for f in fields(RecipeItemDraft)]), JUNK),
)
def test_junk_in_a_recipe_never_raises(changes: dict, item: dict) -> None:
    draft = replace(recipe(items=(replace(RecipeItemDraft(1, 1.0, MG), **item),)), **changes)
    assert all(isinstance(p, Problem) for p in validate_recipe(draft))


@RELAXED
@given(st.dictionaries(st.sampled_from([f.name for f in fields(IngredientDraft)]), JUNK))
def test_junk_in_an_ingredient_never_raises(changes: dict) -> None:
    assert all(isinstance(p, Problem) for p in validate_ingredient(ingredient(**changes)))


# -- lots ---------------------------------------------------------------------------------------
def lot(**changes: object) -> LotDraft:
    base = LotDraft(
        "Biotin 5 mg/mL – 2 mL ampoule",
        "BT-2291",
        date(2027, 6, 30),
        20,
        supplier="Pharma Nord",
        received_on=TODAY,
    )
    return replace(base, **changes)


def test_a_lot_has_no_problems() -> None:
    assert validate_lot(lot(), today=TODAY) == []


@pytest.mark.parametrize("field", ["product_name", "lot_number"])
def test_product_and_lot_number_required(field: str) -> None:
    assert codes(validate_lot(lot(**{field: ""}), today=TODAY)) == [
        (field, "required", Level.ERROR)
    ]


def test_lot_number_on_one_line() -> None:
    assert codes(validate_lot(lot(lot_number="BT\n2291"), today=TODAY)) == [
        ("lot_number", "control_characters", Level.ERROR)
    ]


@given(st.one_of(st.floats(max_value=0), st.just(math.nan)))
def test_quantity_must_be_more_than_zero(quantity: float) -> None:
    [(field, _, level)] = codes(validate_lot(lot(quantity_received=quantity), today=TODAY))
    assert (field, level) == ("quantity_received", Level.ERROR)


def test_registering_an_expired_lot_is_warned() -> None:
    (problem,) = validate_lot(lot(expiry_date=TODAY - timedelta(days=1)), today=TODAY)
    assert (problem.field, problem.code, problem.level) == (
        "expiry_date",
        "lot_expired",
        Level.WARNING,
    )
    assert "BT-2291" in problem.message and "expired lot" in problem.message
    assert validate_lot(lot(expiry_date=TODAY), today=TODAY) == []


def test_received_in_the_future_is_refused() -> None:
    assert codes(validate_lot(lot(received_on=TODAY + timedelta(days=1)), today=TODAY)) == [
        ("received_on", "future_date", Level.ERROR)
    ]
    assert validate_lot(lot(received_on=None), today=TODAY) == []


def test_expiry_date_required() -> None:
    assert codes(validate_lot(lot(expiry_date=None), today=TODAY)) == [
        ("expiry_date", "required", Level.ERROR)
    ]


@RELAXED
@given(st.dictionaries(st.sampled_from([f.name for f in fields(LotDraft)]), JUNK))
def test_junk_in_a_lot_never_raises(changes: dict) -> None:
    assert all(isinstance(p, Problem) for p in validate_lot(lot(**changes), today=TODAY))

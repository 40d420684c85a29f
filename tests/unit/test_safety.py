"""Mixture safety: allergies warn, pregnancy-contraindicated drugs stop unless overridden."""

from __future__ import annotations

import pytest

from mesodesk.domain.safety import IngredientFacts, PatientFacts, check_mixture_safety
from mesodesk.domain.validation import AcknowledgementRequired, Level, enforce

BIOTIN = IngredientFacts(1, "Biotin", False)
ZINC = IngredientFacts(2, "Zinc", False)
DUTASTERIDE = IngredientFacts(3, "Dutasteride", True)
COPPER = IngredientFacts(4, "Copper peptide (GHK-Cu)", False)
MIXTURE = (BIOTIN, ZINC, DUTASTERIDE, COPPER)


def facts(**changes: object) -> PatientFacts:
    base = {
        "pregnant": False,
        "breastfeeding": False,
        "planning_conception": False,
        "allergy_ingredient_ids": frozenset(),
        "allergies_text": "",
    }
    return PatientFacts(**{**base, **changes})  # type: ignore[arg-type]


def found(patient: PatientFacts, ingredients=MIXTURE) -> list[tuple[str, str, Level]]:
    return [(p.field, p.code, p.level) for p in check_mixture_safety(patient, ingredients)]


def test_no_allergy_and_no_pregnancy_is_safe() -> None:
    assert check_mixture_safety(facts(allergies_text="Penicillin; latex"), MIXTURE) == []


def test_a_linked_allergy_warns_naming_the_ingredient() -> None:
    (problem,) = check_mixture_safety(facts(allergy_ingredient_ids=frozenset({2})), MIXTURE)
    assert (problem.field, problem.code, problem.level) == ("recipe_id", "allergy", Level.WARNING)
    assert "Zinc" in problem.message


@pytest.mark.parametrize(
    "text",
    ["zinc", "Allergic to ZINC, nickel", "Zinc-Salbe: Ausschlag", "réaction au zinc.", "ZÍNC"],
)
def test_the_allergy_text_is_searched_ignoring_case_and_accents(text: str) -> None:
    assert found(facts(allergies_text=text)) == [("recipe_id", "allergy", Level.WARNING)]


@pytest.mark.parametrize("text", ["zincum", "biotinidase deficiency", "copper", "peptides"])
def test_only_whole_words_count(text: str) -> None:
    assert found(facts(allergies_text=text)) == []


def test_a_multi_word_name_is_found_with_or_without_its_parentheses() -> None:
    assert found(facts(allergies_text="copper peptide")) == [
        ("recipe_id", "allergy", Level.WARNING)
    ]
    assert found(facts(allergies_text="Copper peptide (GHK-Cu)")) == [
        ("recipe_id", "allergy", Level.WARNING)
    ]


def test_a_linked_allergy_also_named_in_the_text_warns_once() -> None:
    both = facts(allergy_ingredient_ids=frozenset({1}), allergies_text="biotin")
    assert found(both, (BIOTIN, BIOTIN)) == [("recipe_id", "allergy", Level.WARNING)]


@pytest.mark.parametrize("state", ["pregnant", "breastfeeding", "planning_conception"])
def test_dutasteride_is_a_hard_stop_in_pregnancy_breastfeeding_or_planned_conception(
    state: str,
) -> None:
    (problem,) = check_mixture_safety(facts(**{state: True}), MIXTURE)
    assert (problem.field, problem.code, problem.level) == (
        "recipe_id",
        "pregnancy_contraindication",
        Level.OVERRIDE,
    )
    assert "Dutasteride" in problem.message
    assert state.split("_")[0] in problem.message


def test_other_ingredients_are_not_stopped_by_pregnancy() -> None:
    assert check_mixture_safety(facts(pregnant=True), (BIOTIN, ZINC, COPPER)) == []


def test_the_hard_stop_is_lifted_only_by_a_written_reason() -> None:
    problems = check_mixture_safety(
        facts(pregnant=True, allergy_ingredient_ids=frozenset({1})), MIXTURE
    )
    assert [p.level for p in problems] == [Level.WARNING, Level.OVERRIDE]
    with pytest.raises(AcknowledgementRequired):
        enforce(problems, acknowledge_warnings=True)
    accepted = enforce(problems, acknowledge_warnings=True, override_reason="Test negative today")
    assert accepted == tuple(problems)

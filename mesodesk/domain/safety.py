"""Mixture safety: the patient's allergies, and drugs that pregnancy rules out.

An allergy warns (the clinician may know it is irrelevant, e.g. a topical-only reaction) and
needs an acknowledgement; a pregnancy-contraindicated ingredient such as dutasteride is a
hard stop that only a written reason overrides (DOMAIN.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mesodesk.domain.text import fold
from mesodesk.domain.validation import Level, Problem

FIELD = "recipe_id"  # the mixture is what the clinician changes to resolve these


@dataclass(frozen=True)
class PatientFacts:
    pregnant: bool
    breastfeeding: bool
    planning_conception: bool
    allergy_ingredient_ids: frozenset[int]
    allergies_text: str


@dataclass(frozen=True)
class IngredientFacts:
    id: int
    name: str
    pregnancy_contraindicated: bool


_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def names_of(ingredient_name: str) -> list[str]:
    """Folded names to look for: the full name, and the name without its parentheses.

    'Biotin (vitamin B7)' is also found as 'biotin' in an allergy note.
    """
    if not isinstance(ingredient_name, str):
        return []
    candidates = [fold(ingredient_name), fold(_PARENTHESES.sub(" ", ingredient_name))]
    return [name for i, name in enumerate(candidates) if name and name not in candidates[:i]]


def mentioned(text: str, ingredient_name: str) -> str | None:
    """The name found in `text` as whole words, ignoring case and accents (None if absent)."""
    if not isinstance(text, str) or not text.strip():
        return None
    haystack = f" {fold(text)} "
    return next((n for n in names_of(ingredient_name) if f" {n} " in haystack), None)


def _pregnancy_states(patient: PatientFacts) -> list[str]:
    return [
        label
        for flag, label in (
            (patient.pregnant, "pregnant"),
            (patient.breastfeeding, "breastfeeding"),
            (patient.planning_conception, "planning a conception"),
        )
        if flag is True
    ]


def check_mixture_safety(
    patient: PatientFacts, ingredients: Iterable[IngredientFacts]
) -> list[Problem]:
    """Allergy warnings and pregnancy hard stops for the ingredients of one mixture."""
    problems: list[Problem] = []
    linked = patient.allergy_ingredient_ids or frozenset()
    states = _pregnancy_states(patient)
    seen: set[object] = set()
    for ingredient in ingredients:
        key = (ingredient.id, ingredient.name)
        if key in seen:
            continue
        seen.add(key)
        name = ingredient.name
        found = mentioned(patient.allergies_text, name)
        if ingredient.id in linked:
            message = (
                f"The patient has a recorded allergy to {name}, which is in this mixture: "
                "acknowledge to go ahead, or choose another mixture."
            )
            problems.append(Problem(FIELD, message, Level.WARNING, "allergy"))
        elif found is not None:
            message = (
                f"The patient's allergy notes suggest an allergy to {name} (they mention "
                f"“{found}”), which is in this mixture: acknowledge to go ahead, or choose "
                "another mixture."
            )
            problems.append(Problem(FIELD, message, Level.WARNING, "allergy"))
        if ingredient.pregnancy_contraindicated is True and states:
            message = (
                f"{name} is contraindicated in pregnancy, breastfeeding and when a conception "
                f"is planned, and the patient is {' and '.join(states)}: this is a hard stop "
                "unless overridden with a written reason."
            )
            problems.append(Problem(FIELD, message, Level.OVERRIDE, "pregnancy_contraindication"))
    return problems

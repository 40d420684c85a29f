"""Mixture safety: the patient's allergies, and drugs that pregnancy rules out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mesodesk.domain.text import fold
from mesodesk.domain.validation import Level, Problem


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


def _mentions(text: str, name: str) -> bool:
    """Whole-word, case- and accent-insensitive: 'Biotin' in 'allergic to biotin, nickel'."""
    needle = fold(name)
    return bool(needle) and re.search(rf"(^| ){re.escape(needle)}( |$)", fold(text)) is not None


def check_mixture_safety(
    patient: PatientFacts, ingredients: Iterable[IngredientFacts]
) -> list[Problem]:
    problems = []
    pregnancy = [
        label
        for flag, label in (
            (patient.pregnant, "pregnant"),
            (patient.breastfeeding, "breastfeeding"),
            (patient.planning_conception, "planning conception"),
        )
        if flag
    ]
    for ingredient in ingredients:
        if ingredient.id in patient.allergy_ingredient_ids or _mentions(
            patient.allergies_text, ingredient.name
        ):
            problems.append(
                Problem(
                    "recipe_id",
                    f"The patient has a recorded allergy to {ingredient.name}, which is "
                    "in this mixture.",
                    Level.WARNING,
                    "allergy",
                )
            )
        if ingredient.pregnancy_contraindicated and pregnancy:
            problems.append(
                Problem(
                    "recipe_id",
                    f"{ingredient.name} must not be given: the patient is "
                    f"{' and '.join(pregnancy)}. Give a reason to override.",
                    Level.OVERRIDE,
                    "pregnancy_contraindication",
                )
            )
    return problems

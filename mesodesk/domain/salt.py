"""The Severity of Alopecia Tool (SALT): a weighted share of scalp hair lost, and its grade.

A calculator beats a typed number: the clinician enters each region's % loss and the score
and grade follow. Each region covers a fixed share of the scalp: vertex 40 %, posterior
24 %, right side 18 %, left side 18 %.
"""

from __future__ import annotations

import math
import numbers
from decimal import ROUND_HALF_UP, Decimal

from mesodesk.domain.drafts import SaltRegions

WEIGHTS = {"vertex": 40, "posterior": 24, "right": 18, "left": 18}  # % of the scalp
GRADE_BANDS = (("S1", 25.0), ("S2", 50.0), ("S3", 75.0), ("S4", 100.0))  # grade, upper bound


def _region(value: object) -> float:
    """A region's % loss clamped to 0–100; an unreadable value counts as 0.

    The form shows the score while the user types, before the rules have refused a bad
    figure, so the calculator must not fail on one.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return 0.0
    number = float(value)
    return min(100.0, max(0.0, number)) if math.isfinite(number) else 0.0


def salt_score(regions: SaltRegions) -> float:
    """0–100: 0.40·vertex + 0.24·posterior + 0.18·right + 0.18·left, rounded half up to 0.1."""
    total = sum(_region(getattr(regions, name, None)) * weight for name, weight in WEIGHTS.items())
    exact = Decimal(repr(total)) / 100
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def salt_grade(score: float) -> str:
    """S0 = 0, S1 = 1–24, S2 = 25–49, S3 = 50–74, S4 = 75–99, S5 = 100.

    The published bands are whole numbers; a fractional score belongs to the band it has
    reached: any loss above 0 is at least S1 (0 < s < 25 → S1), 24.9 is still S1, 25 is S2,
    99.9 is S4, and only complete loss (100) is S5. Scores outside 0–100 are clamped, and an
    unreadable score is graded S0.
    """
    value = _region(score)
    if value <= 0:
        return "S0"
    for grade, upper in GRADE_BANDS:
        if value < upper:
            return grade
    return "S5"

"""SALT: the weighted score from four regions, and the grade a score falls in."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mesodesk.domain.drafts import SaltRegions
from mesodesk.domain.salt import salt_grade, salt_score

PERCENT = st.floats(min_value=0, max_value=100)


@pytest.mark.parametrize(
    ("regions", "score"),
    [
        (SaltRegions(0, 0, 0, 0), 0.0),
        (SaltRegions(100, 100, 100, 100), 100.0),
        (SaltRegions(100, 0, 0, 0), 40.0),
        (SaltRegions(0, 100, 0, 0), 24.0),
        (SaltRegions(0, 0, 100, 0), 18.0),
        (SaltRegions(0, 0, 0, 100), 18.0),
        (SaltRegions(50, 25, 10, 30), 33.2),  # 20 + 6 + 1.8 + 5.4
        (SaltRegions(12.5, 0, 0, 0), 5.0),
        (SaltRegions(0.125, 0, 0, 0), 0.1),  # 0.05 rounds half up
    ],
)
def test_score_is_the_weighted_sum_to_one_decimal(regions: SaltRegions, score: float) -> None:
    assert salt_score(regions) == score


@given(PERCENT, PERCENT, PERCENT, PERCENT)
def test_score_stays_within_0_to_100_and_rises_with_any_region(
    v: float, p: float, r: float, left: float
) -> None:
    score = salt_score(SaltRegions(v, p, r, left))
    assert 0 <= score <= 100
    assert score == round(score, 1)
    assert salt_score(SaltRegions(min(100, v + 10), p, r, left)) >= score


def test_a_half_typed_form_still_gets_a_score() -> None:
    """The score is shown while typing; the rules refuse the bad figures separately."""
    assert salt_score(SaltRegions(150, -5, math.nan, "x")) == 40.0  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (0, "S0"),
        (0.1, "S1"),
        (1, "S1"),
        (24, "S1"),
        (24.9, "S1"),
        (25, "S2"),
        (49.9, "S2"),
        (50, "S3"),
        (74.9, "S3"),
        (75, "S4"),
        (99, "S4"),
        (99.9, "S4"),
        (100, "S5"),
    ],
)
def test_grade_bands(score: float, grade: str) -> None:
    assert salt_grade(score) == grade


@pytest.mark.parametrize(("score", "grade"), [(-3, "S0"), (130, "S5"), (math.nan, "S0")])
def test_grade_of_an_out_of_range_score_is_clamped(score: float, grade: str) -> None:
    assert salt_grade(score) == grade


@given(PERCENT, PERCENT)
def test_grades_never_go_down_as_the_score_goes_up(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert salt_grade(low) <= salt_grade(high)

"""Assessment and outcome rules: stages on their scale, plausible trichoscopy, honest outcomes."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesodesk.domain.drafts import (
    AssessmentDraft,
    OutcomeDraft,
    SaltRegions,
    StageEntry,
    TrichoscopyEntry,
)
from mesodesk.domain.enums import Checkpoint, Contributor, Diagnosis, StagingScale, TrichoscopySite
from mesodesk.domain.rules import validate_assessment, validate_outcome
from mesodesk.domain.validation import Level, Problem

TODAY = date(2026, 11, 25)
BORN = date(1984, 3, 12)
JUNK = st.one_of(
    st.none(), st.text(max_size=3), st.integers(), st.floats(), st.booleans(), st.dates()
)
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
FRONTAL = TrichoscopyEntry(TrichoscopySite.FRONTAL, 160, 55, 80, 20, 30, 85, 15)
OCCIPITAL = TrichoscopyEntry(TrichoscopySite.OCCIPITAL, 210, 65, 90, 10, 20, 88, 12)


def assessment(**changes: object) -> AssessmentDraft:
    base = AssessmentDraft(
        patient_id=1,
        assessed_on=TODAY,
        diagnosis=Diagnosis.AGA_FEMALE,
        contributors=(Contributor.STRESS,),
        stages=(StageEntry(StagingScale.LUDWIG, "II"), StageEntry(StagingScale.SINCLAIR, "3")),
        trichoscopy=(FRONTAL, OCCIPITAL),
        pull_test_pulled=50,
        pull_test_extracted=4,
        notes="Widened part.",
    )
    return replace(base, **changes)


def problems(draft: AssessmentDraft) -> list[Problem]:
    return validate_assessment(draft, today=TODAY, birth_date=BORN)


def found(draft: AssessmentDraft) -> list[tuple[str, str, Level]]:
    return [(p.field, p.code, p.level) for p in problems(draft)]


def site(**changes: object) -> tuple[TrichoscopyEntry, ...]:
    return (replace(FRONTAL, **changes),)


def test_a_typical_assessment_has_no_problems() -> None:
    assert problems(assessment()) == []


def test_date_not_in_the_future_nor_before_birth() -> None:
    assert found(assessment(assessed_on=TODAY + timedelta(days=1))) == [
        ("assessed_on", "future_date", Level.ERROR)
    ]
    assert found(assessment(assessed_on=BORN - timedelta(days=1))) == [
        ("assessed_on", "before_birth", Level.ERROR)
    ]
    assert validate_assessment(assessment(assessed_on=BORN), today=TODAY, birth_date=None) == []


def test_other_diagnosis_needs_its_text() -> None:
    assert found(assessment(diagnosis=Diagnosis.OTHER)) == [
        ("diagnosis_other", "other_text_required", Level.ERROR)
    ]
    assert (
        problems(assessment(diagnosis=Diagnosis.OTHER, diagnosis_other="Lichen planopilaris")) == []
    )


def test_other_contributor_without_text_is_warned() -> None:
    assert found(assessment(contributors=(Contributor.OTHER,))) == [
        ("contributors_other", "other_text_missing", Level.WARNING)
    ]


@pytest.mark.parametrize("scale", list(StagingScale))
def test_every_stage_of_every_scale_is_accepted(scale: StagingScale) -> None:
    for stage in scale.stages:
        assert problems(assessment(stages=(StageEntry(scale, stage),))) == []


@pytest.mark.parametrize(
    ("scale", "stage"),
    [
        (StagingScale.NORWOOD_HAMILTON, "VIII"),
        (StagingScale.LUDWIG, "IV"),
        (StagingScale.SINCLAIR, "6"),
        (StagingScale.LUDWIG, "2"),  # a Sinclair stage on the Ludwig scale
        (StagingScale.SAVIN, ""),
    ],
)
def test_a_stage_off_its_scale_is_refused_listing_the_valid_ones(
    scale: StagingScale, stage: str
) -> None:
    (problem,) = problems(assessment(stages=(StageEntry(scale, stage),)))
    assert (problem.field, problem.code, problem.level) == (
        "stages[0].stage",
        "unknown_stage",
        Level.ERROR,
    )
    assert scale.label in problem.message and ", ".join(scale.stages) in problem.message


def test_basp_takes_a_basic_type_with_specific_types() -> None:
    for stage in ("M2 F1", "C3 V2", "U1 F2 V3", "L"):
        assert problems(assessment(stages=(StageEntry(StagingScale.BASP, stage),))) == []
    for stage in ("M2 C1", "F1 F2", "M2 X9"):
        assert [
            p.code for p in problems(assessment(stages=(StageEntry(StagingScale.BASP, stage),)))
        ] == ["unknown_stage"]


def test_the_same_scale_twice_is_refused() -> None:
    twice = (StageEntry(StagingScale.LUDWIG, "I"), StageEntry(StagingScale.LUDWIG, "II"))
    assert found(assessment(stages=twice)) == [("stages[1].scale", "duplicate_scale", Level.ERROR)]


@given(st.tuples(*[st.floats(min_value=0, max_value=100)] * 4))
def test_salt_regions_from_0_to_100_pass(regions: tuple[float, float, float, float]) -> None:
    assert problems(assessment(salt=SaltRegions(*regions))) == []


@pytest.mark.parametrize("bad", [-0.1, 100.1, math.nan, "50"])
def test_salt_region_outside_0_to_100_is_refused(bad: object) -> None:
    assert [(f, lvl) for f, _, lvl in found(assessment(salt=SaltRegions(10, 10, bad, 10)))] == [
        ("salt.right", Level.ERROR)
    ]


@given(st.floats(min_value=30, max_value=400))
def test_plausible_density_passes(density: float) -> None:
    assert problems(assessment(trichoscopy=site(density_per_cm2=density))) == []


@given(
    st.one_of(st.floats(min_value=0, max_value=29.99), st.floats(min_value=400.01, max_value=1000))
)
def test_implausible_density_is_warned(density: float) -> None:
    assert found(assessment(trichoscopy=site(density_per_cm2=density))) == [
        ("trichoscopy[0].density_per_cm2", "unusual_value", Level.WARNING)
    ]


@given(st.one_of(st.floats(max_value=-0.01), st.floats(min_value=1000.01), st.just(math.nan)))
def test_impossible_density_is_refused(density: float) -> None:
    assert [lvl for _, _, lvl in found(assessment(trichoscopy=site(density_per_cm2=density)))] == [
        Level.ERROR
    ]


def test_diameter_limits() -> None:
    assert problems(assessment(trichoscopy=site(mean_diameter_um=40))) == []
    assert found(assessment(trichoscopy=site(mean_diameter_um=8)))[0][2] is Level.WARNING
    assert found(assessment(trichoscopy=site(mean_diameter_um=150)))[0][2] is Level.WARNING
    for bad in (0, -5, 200.5):
        assert found(assessment(trichoscopy=site(mean_diameter_um=bad)))[0][2] is Level.ERROR


@pytest.mark.parametrize(
    "field", ["terminal_pct", "vellus_pct", "single_hair_unit_pct", "anagen_pct", "telogen_pct"]
)
def test_percentages_are_0_to_100(field: str) -> None:
    other = {"terminal_pct": None, "vellus_pct": None, "anagen_pct": None, "telogen_pct": None}
    assert problems(assessment(trichoscopy=site(**{**other, field: 100}))) == []
    for bad in (-1, 101):
        refused = found(assessment(trichoscopy=site(**{**other, field: bad})))
        assert refused == [(f"trichoscopy[0].{field}", "out_of_range", Level.ERROR)]


def test_pairs_adding_up_to_more_than_100_are_warned() -> None:
    assert problems(assessment(trichoscopy=site(terminal_pct=60.3, vellus_pct=40.2))) == []
    assert found(assessment(trichoscopy=site(terminal_pct=70, vellus_pct=40))) == [
        ("trichoscopy[0].vellus_pct", "sum_over_100", Level.WARNING)
    ]
    warned = problems(assessment(trichoscopy=site(anagen_pct=90, telogen_pct=20)))
    assert [p.code for p in warned] == ["sum_over_100"] and "110 %" in warned[0].message


def test_the_same_site_twice_is_refused_but_two_other_sites_are_not() -> None:
    assert found(assessment(trichoscopy=(FRONTAL, FRONTAL))) == [
        ("trichoscopy[1].site", "duplicate_site", Level.ERROR)
    ]
    left = replace(FRONTAL, site=TrichoscopySite.OTHER, site_other="Left parietal")
    right = replace(left, site_other="Right parietal")
    assert problems(assessment(trichoscopy=(left, right))) == []
    assert found(assessment(trichoscopy=(replace(left, site_other=""),))) == [
        ("trichoscopy[0].site_other", "other_text_required", Level.ERROR)
    ]


@given(st.integers(min_value=40, max_value=60), st.data())
def test_a_usual_pull_test_passes(pulled: int, data: st.DataObject) -> None:
    extracted = data.draw(st.integers(min_value=0, max_value=pulled))
    assert problems(assessment(pull_test_pulled=pulled, pull_test_extracted=extracted)) == []


def test_pull_test_limits() -> None:
    assert found(assessment(pull_test_pulled=20, pull_test_extracted=2)) == [
        ("pull_test_pulled", "unusual_value", Level.WARNING)
    ]
    for pulled in (0, 201):
        assert (
            found(assessment(pull_test_pulled=pulled, pull_test_extracted=0))[0][2] is Level.ERROR
        )
    assert found(assessment(pull_test_pulled=50, pull_test_extracted=51)) == [
        ("pull_test_extracted", "extracted_over_pulled", Level.ERROR)
    ]
    assert found(assessment(pull_test_pulled=50, pull_test_extracted=-1))[0][2] is Level.ERROR
    assert found(assessment(pull_test_pulled=None, pull_test_extracted=3)) == [
        ("pull_test_pulled", "required", Level.ERROR)
    ]
    assert problems(assessment(pull_test_pulled=None, pull_test_extracted=None)) == []


@RELAXED
@given(st.dictionaries(st.sampled_from([f.name for f in fields(AssessmentDraft)]), JUNK))
def test_junk_in_any_assessment_field_never_raises(changes: dict) -> None:
    assert all(isinstance(p, Problem) for p in problems(assessment(**changes)))


@RELAXED
@given(st.dictionaries(st.sampled_from([f.name for f in fields(TrichoscopyEntry)]), JUNK))
def test_junk_in_trichoscopy_never_raises(changes: dict) -> None:
    assert all(isinstance(p, Problem) for p in problems(assessment(trichoscopy=site(**changes))))


# -- outcomes -----------------------------------------------------------------------------------
def outcome(**changes: object) -> OutcomeDraft:
    base = OutcomeDraft(
        patient_id=1,
        measured_on=TODAY,
        checkpoint=Checkpoint.WEEK_12,
        density_change_pct=18.5,
        diameter_change_pct=6.0,
        global_assessment=1,
        satisfaction=7,
    )
    return replace(base, **changes)


def outcome_found(draft: OutcomeDraft) -> list[tuple[str, str, Level]]:
    return [(p.field, p.code, p.level) for p in validate_outcome(draft, today=TODAY)]


def test_a_typical_outcome_has_no_problems() -> None:
    assert validate_outcome(outcome(), today=TODAY) == []
    empty = OutcomeDraft(patient_id=1, measured_on=TODAY, checkpoint=Checkpoint.BASELINE)
    assert validate_outcome(empty, today=TODAY) == []


def test_outcome_date_not_in_the_future() -> None:
    assert outcome_found(outcome(measured_on=TODAY + timedelta(days=1))) == [
        ("measured_on", "future_date", Level.ERROR)
    ]


@given(st.integers(min_value=-3, max_value=3), st.integers(min_value=0, max_value=10))
def test_global_assessment_and_satisfaction_in_range_pass(score: int, satisfied: int) -> None:
    assert (
        validate_outcome(outcome(global_assessment=score, satisfaction=satisfied), today=TODAY)
        == []
    )


@given(st.one_of(st.integers(max_value=-4), st.integers(min_value=4)))
def test_global_assessment_outside_minus_3_to_3_is_refused(score: int) -> None:
    assert outcome_found(outcome(global_assessment=score)) == [
        ("global_assessment", "out_of_range", Level.ERROR)
    ]


def test_scores_are_whole_numbers() -> None:
    assert outcome_found(outcome(global_assessment=1.5)) == [
        ("global_assessment", "not_integer", Level.ERROR)
    ]
    assert outcome_found(outcome(satisfaction=11)) == [
        ("satisfaction", "out_of_range", Level.ERROR)
    ]


@pytest.mark.parametrize("field", ["density_change_pct", "diameter_change_pct"])
def test_change_versus_baseline(field: str) -> None:
    assert validate_outcome(outcome(**{field: -100}), today=TODAY) == []
    assert validate_outcome(outcome(**{field: 100}), today=TODAY) == []
    assert outcome_found(outcome(**{field: 156})) == [(field, "unusual_value", Level.WARNING)]
    for bad in (-100.1, 1000.1, math.inf):
        assert outcome_found(outcome(**{field: bad}))[0][2] is Level.ERROR


@RELAXED
@given(st.dictionaries(st.sampled_from([f.name for f in fields(OutcomeDraft)]), JUNK))
def test_junk_in_any_outcome_field_never_raises(changes: dict) -> None:
    assert all(isinstance(p, Problem) for p in validate_outcome(outcome(**changes), today=TODAY))

"""Session rules: needle and depth, volumes per zone, lots on the session's day, adverse events."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesodesk.domain.drafts import AdverseEventDraft, LotUse, SessionDraft, ZoneEntry
from mesodesk.domain.enums import AdverseEventType, Grade, ScalpZone, Technique
from mesodesk.domain.rules import LotFacts, validate_for_signing, validate_session
from mesodesk.domain.validation import Level, Problem, ValidationError, enforce

NOW = datetime(2026, 11, 25, 10, 0).astimezone()
TODAY = NOW.date()
BORN = date(1980, 5, 1)
LOTS = {
    1: LotFacts("BT-2291", "Biotin 5 mg/mL", date(2027, 6, 30), 12),
    2: LotFacts("B-OLD", "Biotin 5 mg/mL", TODAY - timedelta(days=1), 3),
    3: LotFacts("Z-SOON", "Zinc 1 mg/mL", TODAY + timedelta(days=30), 5),
    4: LotFacts("Z-LATER", "Zinc 1 mg/mL", TODAY + timedelta(days=31), 5),
    5: LotFacts("Z-TODAY", "Zinc 1 mg/mL", TODAY, 5),
    6: LotFacts("SI-LOW", "Organic silicon", date(2028, 1, 1), 1),
}
JUNK = st.one_of(
    st.none(), st.text(max_size=3), st.integers(), st.floats(), st.booleans(), st.dates()
)
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
VERTEX = ZoneEntry(ScalpZone.VERTEX, 1.5, 2.0, 60, 1.0)
FRONTAL = ZoneEntry(ScalpZone.FRONTAL, 1.0, 1.5, 40, 1.0)


def session(**changes: object) -> SessionDraft:
    base = SessionDraft(
        patient_id=1,
        performed_at=NOW,
        practitioner_id=1,
        recipe_id=1,
        volume_ml=4.0,
        needle_gauge=32,
        needle_length_mm=13.0,
        technique=Technique.POINT_BY_POINT,
        zones=(VERTEX, FRONTAL),
        lots=(LotUse(1, 1.0),),
        pain_score=2,
        no_adverse_events=True,
    )
    return replace(base, **changes)


def problems(draft: SessionDraft) -> list[Problem]:
    return validate_session(draft, now=NOW, birth_date=BORN, lots=LOTS)


def found(draft: SessionDraft) -> list[tuple[str, str, Level]]:
    return [(p.field, p.code, p.level) for p in problems(draft)]


def one_zone(depth: object, **zone: object) -> tuple[ZoneEntry, ...]:
    return (ZoneEntry(ScalpZone.VERTEX, depth, **zone),)  # type: ignore[arg-type]


def test_a_typical_session_has_no_problems() -> None:
    assert problems(session()) == []
    assert validate_for_signing(session()) == []


# -- depth and needle ---------------------------------------------------------------------------
@given(st.floats(min_value=0, max_value=4, exclude_min=True))
def test_any_depth_up_to_4_mm_with_a_13_mm_needle_is_accepted(depth: float) -> None:
    assert problems(session(zones=one_zone(depth))) == []


@given(st.sampled_from([4.0, 6.0, 13.0]), st.data())
def test_any_depth_deeper_than_the_needle_is_refused(needle: float, data: st.DataObject) -> None:
    depth = data.draw(st.floats(min_value=needle, exclude_min=True, allow_infinity=False))
    draft = session(needle_length_mm=needle, zones=one_zone(depth))
    assert ("zones[0].depth_mm", "depth_exceeds_needle", Level.ERROR) in found(draft)


def test_the_depth_refusal_says_depth_zone_and_needle() -> None:
    (problem,) = problems(session(zones=one_zone(40.0)))
    assert (
        problem.message == "Depth 40 mm in Vertex (crown) is deeper than the 13 mm needle: refused."
    )


def test_a_depth_equal_to_the_needle_is_warned_not_refused() -> None:
    assert found(session(needle_length_mm=6.0, zones=one_zone(6.0))) == [
        ("zones[0].depth_mm", "deep_injection", Level.WARNING)
    ]


@pytest.mark.parametrize("depth", [0.0, -1.0, math.nan, math.inf, "2"])
def test_zero_negative_or_unreadable_depth_is_refused(depth: object) -> None:
    assert [(f, lvl) for f, _, lvl in found(session(zones=one_zone(depth)))] == [
        ("zones[0].depth_mm", Level.ERROR)
    ]


def test_with_an_unusable_needle_length_depth_is_still_capped() -> None:
    draft = session(needle_length_mm=0.0, zones=one_zone(60.0))
    assert [(f, c) for f, c, _ in found(draft)] == [
        ("needle_length_mm", "out_of_range"),
        ("zones[0].depth_mm", "out_of_range"),
    ]


@pytest.mark.parametrize("length", [4, 6, 13, 4.0])
def test_usual_needles_pass(length: float) -> None:
    assert problems(session(needle_length_mm=length, zones=one_zone(1.0))) == []


@pytest.mark.parametrize("length", [5, 8.5, 30])
def test_other_needle_lengths_are_warned(length: float) -> None:
    (problem,) = problems(session(needle_length_mm=length, zones=one_zone(1.0)))
    assert (problem.field, problem.code, problem.level) == (
        "needle_length_mm",
        "unusual_needle",
        Level.WARNING,
    )
    assert "4, 6 or 13 mm" in problem.message


@given(
    st.one_of(
        st.floats(max_value=0, allow_infinity=False),
        st.floats(min_value=50, exclude_min=True, allow_infinity=False),
    )
)
def test_impossible_needle_lengths_are_refused(length: float) -> None:
    assert ("needle_length_mm", "out_of_range", Level.ERROR) in found(
        session(needle_length_mm=length)
    )


@given(st.integers(min_value=27, max_value=34))
def test_any_gauge_from_27_to_34_has_no_problem(gauge: int) -> None:
    assert problems(session(needle_gauge=gauge)) == []


def test_gauge_must_be_a_whole_number_between_10_and_40() -> None:
    assert found(session(needle_gauge=30.5)) == [("needle_gauge", "not_integer", Level.ERROR)]
    assert found(session(needle_gauge=9)) == [("needle_gauge", "out_of_range", Level.ERROR)]
    assert found(session(needle_gauge=26)) == [("needle_gauge", "unusual_value", Level.WARNING)]
    assert found(session(needle_gauge="30G")) == [("needle_gauge", "wrong_type", Level.ERROR)]


# -- volumes, points, spacing -------------------------------------------------------------------
@given(st.floats(max_value=0, allow_infinity=False))
def test_any_volume_of_zero_or_less_is_refused(volume: float) -> None:
    assert ("volume_ml", "out_of_range", Level.ERROR) in found(session(volume_ml=volume))


@pytest.mark.parametrize("volume", [math.nan, math.inf, -math.inf, "4 mL", None])
def test_unreadable_volume_is_refused(volume: object) -> None:
    assert [(f, lvl) for f, _, lvl in found(session(volume_ml=volume))] == [
        ("volume_ml", Level.ERROR)
    ]


def test_volume_warned_outside_half_to_20_ml_and_refused_above_100() -> None:
    small = (ZoneEntry(ScalpZone.VERTEX, 1.0),)
    assert found(session(volume_ml=0.4, zones=small)) == [
        ("volume_ml", "unusual_value", Level.WARNING)
    ]
    assert found(session(volume_ml=25, zones=small)) == [
        ("volume_ml", "unusual_value", Level.WARNING)
    ]
    assert found(session(volume_ml=100.5, zones=small)) == [
        ("volume_ml", "out_of_range", Level.ERROR)
    ]


def test_zone_figures() -> None:
    assert found(session(zones=one_zone(1.0, volume_ml=0.0))) == [
        ("zones[0].volume_ml", "out_of_range", Level.ERROR)
    ]
    assert found(session(zones=one_zone(1.0, points=0))) == [
        ("zones[0].points", "out_of_range", Level.ERROR)
    ]
    assert found(session(zones=one_zone(1.0, points=301))) == [
        ("zones[0].points", "unusual_value", Level.WARNING)
    ]
    assert found(session(zones=one_zone(1.0, spacing_cm=2.0))) == [
        ("zones[0].spacing_cm", "unusual_value", Level.WARNING)
    ]
    assert found(session(zones=one_zone(1.0, spacing_cm=0.0))) == [
        ("zones[0].spacing_cm", "out_of_range", Level.ERROR)
    ]
    assert found(session(zones=one_zone(1.0, spacing_cm=10.5))) == [
        ("zones[0].spacing_cm", "out_of_range", Level.ERROR)
    ]


@given(st.floats(min_value=0.5, max_value=1.5), st.integers(min_value=1, max_value=300))
def test_usual_spacing_and_points_pass(spacing: float, points: int) -> None:
    assert problems(session(zones=one_zone(1.0, spacing_cm=spacing, points=points))) == []


def test_zone_volumes_may_exceed_the_total_by_5_percent_only() -> None:
    zones = (replace(VERTEX, volume_ml=2.1), replace(FRONTAL, volume_ml=2.1))
    assert problems(session(volume_ml=4.0, zones=zones)) == []  # 4.2 mL: +5 %
    zones = (replace(VERTEX, volume_ml=2.5), replace(FRONTAL, volume_ml=2.0))
    assert found(session(volume_ml=4.0, zones=zones)) == [
        ("zones", "zone_volume_over_total", Level.WARNING)
    ]


def test_zones_required_and_each_once() -> None:
    assert found(session(zones=())) == [("zones", "no_zones", Level.ERROR)]
    assert found(session(zones=(VERTEX, FRONTAL, replace(VERTEX, volume_ml=None)))) == [
        ("zones[2].zone", "duplicate_zone", Level.ERROR)
    ]


def test_other_technique_needs_its_text() -> None:
    assert found(session(technique=Technique.OTHER)) == [
        ("technique_other", "other_text_required", Level.ERROR)
    ]
    assert problems(session(technique=Technique.OTHER, technique_other="Cross-hatching")) == []


@pytest.mark.parametrize("pain", [-1, 11, 5.5, "3"])
def test_pain_outside_0_to_10_or_not_whole_is_refused(pain: object) -> None:
    assert [(f, lvl) for f, _, lvl in found(session(pain_score=pain))] == [
        ("pain_score", Level.ERROR)
    ]


@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=11)))
def test_any_pain_outside_0_to_10_is_refused(pain: int) -> None:
    assert found(session(pain_score=pain)) == [("pain_score", "out_of_range", Level.ERROR)]


# -- when ---------------------------------------------------------------------------------------
def test_up_to_one_day_ahead_is_allowed_then_refused() -> None:
    assert problems(session(performed_at=NOW + timedelta(days=1))) == []
    assert found(session(performed_at=NOW + timedelta(days=1, minutes=1))) == [
        ("performed_at", "future_date", Level.ERROR)
    ]


def test_before_birth_is_refused() -> None:
    assert ("performed_at", "before_birth", Level.ERROR) in found(
        session(performed_at=datetime(1980, 4, 30, 12, 0).astimezone())
    )


def test_a_naive_time_next_to_an_aware_now_does_not_crash() -> None:
    assert problems(session(performed_at=NOW.replace(tzinfo=None))) == []
    assert found(session(performed_at=date(2026, 11, 25))) == [
        ("performed_at", "wrong_type", Level.ERROR)
    ]


# -- lots ---------------------------------------------------------------------------------------
def test_an_expired_lot_is_refused_naming_lot_product_and_date() -> None:
    (problem,) = problems(session(lots=(LotUse(2),)))
    assert (problem.field, problem.code, problem.level) == ("lots[0]", "lot_expired", Level.ERROR)
    assert problem.message == "Lot B-OLD of Biotin 5 mg/mL expired on 24.11.2026: refused."


def test_near_expiry_is_within_30_days_of_the_session() -> None:
    assert found(session(lots=(LotUse(3),))) == [("lots[0]", "lot_near_expiry", Level.WARNING)]
    assert problems(session(lots=(LotUse(4),))) == []
    (today,) = problems(session(lots=(LotUse(5),)))
    assert today.code == "lot_near_expiry" and "today" in today.message


def test_a_lot_expiring_after_the_session_day_stays_usable_for_that_session() -> None:
    earlier = NOW - timedelta(days=2)
    assert found(session(performed_at=earlier, lots=(LotUse(2),))) == [
        ("lots[0]", "lot_near_expiry", Level.WARNING)
    ]


def test_lot_register_and_stock() -> None:
    assert found(session(lots=(LotUse(99),))) == [("lots[0]", "unknown_lot", Level.ERROR)]
    assert found(session(lots=(LotUse(1), LotUse(1)))) == [
        ("lots[1]", "duplicate_lot", Level.ERROR)
    ]
    assert found(session(lots=(LotUse(1, 0.0),))) == [
        ("lots[0].quantity", "out_of_range", Level.ERROR)
    ]
    assert found(session(lots=(LotUse(6, 2.0),))) == [("lots[0]", "lot_short", Level.WARNING)]
    empty = {**LOTS, 6: replace(LOTS[6], quantity_left=0)}
    draft = session(lots=(LotUse(6, 1.0),))
    warned = validate_session(draft, now=NOW, birth_date=BORN, lots=empty)
    assert [(p.code, p.level) for p in warned] == [("lot_empty", Level.WARNING)]


# -- adverse events -----------------------------------------------------------------------------
EVENT = AdverseEventDraft(AdverseEventType.BRUISING, Grade.MILD, TODAY)


def test_events_listed_with_none_ticked_conflict() -> None:
    assert found(session(adverse_events=(EVENT,))) == [
        ("no_adverse_events", "none_and_events", Level.ERROR)
    ]
    assert problems(session(adverse_events=(EVENT,), no_adverse_events=False)) == []


def test_event_dates() -> None:
    def events(*listed: AdverseEventDraft) -> list[tuple[str, str, Level]]:
        return found(session(adverse_events=listed, no_adverse_events=False))

    assert events(replace(EVENT, onset_on=TODAY - timedelta(days=1))) == [
        ("adverse_events[0].onset_on", "onset_before_session", Level.ERROR)
    ]
    assert events(replace(EVENT, resolved_on=TODAY - timedelta(days=1))) == [
        ("adverse_events[0].resolved_on", "resolved_before_onset", Level.ERROR)
    ]
    assert events(replace(EVENT, onset_on=TODAY + timedelta(days=5))) == [
        ("adverse_events[0].onset_on", "future_date", Level.ERROR)
    ]
    assert events(replace(EVENT, resolved_on=TODAY + timedelta(days=3))) == []


def test_an_other_event_must_be_described() -> None:
    other = replace(EVENT, event_type=AdverseEventType.OTHER)
    assert found(session(adverse_events=(other,), no_adverse_events=False)) == [
        ("adverse_events[0].description", "other_text_required", Level.ERROR)
    ]
    described = replace(other, description="Transient\nscalp tingling")
    assert problems(session(adverse_events=(described,), no_adverse_events=False)) == []


# -- signing ------------------------------------------------------------------------------------
def test_signing_needs_events_or_none_and_a_pain_score() -> None:
    assert [p.code for p in validate_for_signing(session(no_adverse_events=False))] == [
        "adverse_events_unstated"
    ]
    listed = session(no_adverse_events=False, adverse_events=(EVENT,), pain_score=None)
    assert [(p.field, p.code) for p in validate_for_signing(listed)] == [
        ("pain_score", "pain_missing")
    ]
    assert validate_for_signing(replace(listed, pain_score=0)) == []


def test_a_refused_depth_cannot_be_acknowledged_away() -> None:
    draft = session(zones=one_zone(40.0), lots=(LotUse(3),))
    with pytest.raises(ValidationError) as refused:
        enforce(problems(draft), acknowledge_warnings=True, override_reason="Sure")
    assert "40 mm" in str(refused.value) and "13 mm" in str(refused.value)


# -- robustness ---------------------------------------------------------------------------------
@RELAXED
@given(st.dictionaries(st.sampled_from([f.name for f in fields(SessionDraft)]), JUNK))
def test_junk_in_any_session_field_never_raises(changes: dict) -> None:
    draft = replace(session(adverse_events=(EVENT,)), **changes)
    assert all(isinstance(p, Problem) for p in problems(draft) + validate_for_signing(draft))


@RELAXED
@given(
    st.dictionaries(st.sampled_from([f.name for f in fields(ZoneEntry)]), JUNK),
    st.dictionaries(st.sampled_from([f.name for f in fields(LotUse)]), JUNK),
    st.dictionaries(st.sampled_from([f.name for f in fields(AdverseEventDraft)]), JUNK),
)
def test_junk_inside_zones_lots_and_events_never_raises(zone: dict, lot: dict, event: dict) -> None:
    draft = session(
        zones=(replace(VERTEX, **zone),),
        lots=(replace(LotUse(1), **lot),),
        adverse_events=(replace(EVENT, **event),),
        no_adverse_events=False,
    )
    assert all(isinstance(p, Problem) for p in problems(draft))

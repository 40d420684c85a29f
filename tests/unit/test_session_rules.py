"""Session rules: each range accepted, warned and refused, with hypothesis at the edges."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mesodesk.domain.drafts import AdverseEventDraft, LotUse, SessionDraft, ZoneEntry
from mesodesk.domain.enums import AdverseEventType, Grade, ScalpZone, Technique
from mesodesk.domain.rules import LotFacts, validate_for_signing, validate_session
from mesodesk.domain.validation import (
    AcknowledgementRequired,
    Level,
    ValidationError,
    enforce,
)

NOW = datetime(2026, 11, 25, 10, 0).astimezone()
BORN = date(1980, 5, 1)
LOTS = {
    1: LotFacts("BT-2291", "Biotin vial", date(2027, 6, 30), 12),
    2: LotFacts("BT-1180", "Biotin vial", date(2026, 11, 20), 3),
    3: LotFacts("SI-0042", "Silicon vial", date(2026, 12, 10), 5),
    4: LotFacts("ZN-0001", "Zinc vial", date(2027, 12, 1), 0),
}


def session(**changes: object) -> SessionDraft:
    base = SessionDraft(
        patient_id=1,
        performed_at=NOW,
        practitioner_id=1,
        recipe_id=1,
        volume_ml=4.0,
        needle_gauge=30,
        needle_length_mm=4.0,
        technique=Technique.NAPPAGE,
        zones=(
            ZoneEntry(ScalpZone.VERTEX, 1.5, 1.0, 40, 1.0),
            ZoneEntry(ScalpZone.FRONTAL, 1.0, 1.0, 30, 1.0),
        ),
        lots=(LotUse(1, 1.0),),
        pain_score=3,
        no_adverse_events=True,
    )
    return replace(base, **changes)


def problems(draft: SessionDraft) -> list:
    return validate_session(draft, now=NOW, birth_date=BORN, lots=LOTS)


def codes(draft: SessionDraft, level: Level | None = None) -> set[str]:
    return {p.code for p in problems(draft) if level is None or p.level is level}


def test_a_typical_session_has_no_problems() -> None:
    assert problems(session()) == []
    assert validate_for_signing(session()) == []


def test_a_depth_of_40_mm_is_refused_with_a_message_naming_zone_and_needle() -> None:
    draft = session(needle_length_mm=13.0, zones=(ZoneEntry(ScalpZone.VERTEX, 40.0),))
    [problem] = [p for p in problems(draft) if p.level is Level.ERROR]
    assert problem.field == "zones[0].depth_mm"
    assert "40 mm" in problem.message and "Vertex" in problem.message
    assert "13 mm needle" in problem.message


@given(st.floats(min_value=0.01, max_value=4.0))
def test_any_depth_up_to_4_mm_within_the_needle_is_accepted(depth: float) -> None:
    draft = session(needle_length_mm=6.0, zones=(ZoneEntry(ScalpZone.VERTEX, depth),))
    assert problems(draft) == []


@given(st.floats(min_value=4.001, max_value=6.0))
def test_deeper_than_4_mm_is_warned(depth: float) -> None:
    draft = session(needle_length_mm=6.0, zones=(ZoneEntry(ScalpZone.VERTEX, depth),))
    assert codes(draft) == {"deep_injection"}
    assert codes(draft, Level.WARNING) == {"deep_injection"}


@given(st.floats(min_value=13.0001, max_value=1e6))
def test_any_depth_past_the_needle_is_refused(depth: float) -> None:
    draft = session(needle_length_mm=13.0, zones=(ZoneEntry(ScalpZone.OCCIPITAL, depth),))
    assert "depth_exceeds_needle" in codes(draft, Level.ERROR)


@given(st.one_of(st.floats(max_value=0.0), st.just(math.nan), st.just(math.inf)))
def test_zero_negative_or_non_finite_depth_is_refused(depth: float) -> None:
    draft = session(zones=(ZoneEntry(ScalpZone.VERTEX, depth),))
    assert any(p.level is Level.ERROR and p.field == "zones[0].depth_mm" for p in problems(draft))


@given(st.floats(max_value=0.0, allow_nan=False))
def test_volume_of_zero_or_less_is_refused(volume: float) -> None:
    assert any(
        p.field == "volume_ml" and p.level is Level.ERROR
        for p in problems(session(volume_ml=volume))
    )


@given(st.floats(min_value=0.5, max_value=20.0))
def test_volume_in_the_usual_band_is_accepted(volume: float) -> None:
    draft = session(volume_ml=volume, zones=(ZoneEntry(ScalpZone.VERTEX, 1.5),))
    assert problems(draft) == []


@given(
    st.one_of(st.floats(min_value=0.01, max_value=0.49), st.floats(min_value=20.01, max_value=100))
)
def test_volume_outside_the_usual_band_is_warned(volume: float) -> None:
    draft = session(volume_ml=volume, zones=(ZoneEntry(ScalpZone.VERTEX, 1.5),))
    assert codes(draft) == {"unusual_value"}


@given(st.integers(min_value=27, max_value=34))
def test_usual_gauges_are_accepted(gauge: int) -> None:
    assert problems(session(needle_gauge=gauge)) == []


@given(st.one_of(st.integers(min_value=10, max_value=26), st.integers(min_value=35, max_value=40)))
def test_unusual_gauges_are_warned(gauge: int) -> None:
    assert codes(session(needle_gauge=gauge), Level.WARNING) == {"unusual_value"}
    assert codes(session(needle_gauge=gauge), Level.ERROR) == set()


@given(st.one_of(st.integers(max_value=9), st.integers(min_value=41)))
def test_impossible_gauges_are_refused(gauge: int) -> None:
    assert "out_of_range" in codes(session(needle_gauge=gauge), Level.ERROR)


@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=11)))
def test_pain_outside_0_to_10_is_refused(pain: int) -> None:
    assert any(
        p.field == "pain_score" and p.level is Level.ERROR
        for p in problems(session(pain_score=pain))
    )


def test_wrong_types_are_refused_not_crashing() -> None:
    draft = session(volume_ml="four", needle_gauge=30.5)  # type: ignore[arg-type]
    found = {p.field: p.code for p in problems(draft)}
    assert found["volume_ml"] == "wrong_type"
    assert found["needle_gauge"] == "not_integer"


def test_unusual_needle_length_is_warned() -> None:
    assert codes(session(needle_length_mm=8.0)) == {"unusual_needle"}


def test_expired_lot_is_refused_and_near_expiry_warned() -> None:
    expired = problems(session(lots=(LotUse(2),)))
    assert [p.code for p in expired] == ["lot_expired"]
    assert "BT-1180" in expired[0].message and "20.11.2026" in expired[0].message
    near = problems(session(lots=(LotUse(3),)))
    assert [(p.code, p.level) for p in near] == [("lot_near_expiry", Level.WARNING)]
    assert codes(session(lots=(LotUse(4),))) == {"lot_empty"}
    assert codes(session(lots=(LotUse(99),))) == {"unknown_lot"}


def test_expiry_is_judged_on_the_session_date() -> None:
    earlier = NOW - timedelta(days=30)
    assert problems(session(performed_at=earlier, lots=(LotUse(2),)))[0].code == "lot_near_expiry"


def test_zones_are_required_and_unique() -> None:
    assert codes(session(zones=())) == {"no_zones"}
    twice = (ZoneEntry(ScalpZone.VERTEX, 1.0), ZoneEntry(ScalpZone.VERTEX, 1.5))
    assert codes(session(zones=twice)) == {"duplicate_zone"}


def test_dates_in_the_future_or_before_birth_are_refused() -> None:
    assert codes(session(performed_at=NOW + timedelta(days=3))) == {"future_date"}
    assert "before_birth" in codes(session(performed_at=datetime(1979, 1, 1).astimezone()))


def test_adverse_events_none_and_listed_conflict() -> None:
    event = AdverseEventDraft(AdverseEventType.BRUISING, Grade.MILD, NOW.date())
    assert codes(session(adverse_events=(event,))) == {"none_and_events"}
    ok = session(adverse_events=(event,), no_adverse_events=False)
    assert problems(ok) == []
    early = replace(event, onset_on=NOW.date() - timedelta(days=1))
    assert codes(session(adverse_events=(early,), no_adverse_events=False)) == {
        "onset_before_session"
    }


def test_signing_requires_adverse_events_stated_and_pain() -> None:
    draft = session(no_adverse_events=False, pain_score=None)
    assert {p.code for p in validate_for_signing(draft)} == {
        "adverse_events_unstated",
        "pain_missing",
    }


def test_enforce_refuses_errors_and_asks_for_acknowledgement() -> None:
    refused = problems(session(zones=(ZoneEntry(ScalpZone.VERTEX, 40.0),)))
    try:
        enforce(refused, acknowledge_warnings=True, override_reason="because")
    except AcknowledgementRequired:  # pragma: no cover - would be the wrong class
        raise AssertionError("an error must not be acknowledgeable") from None
    except ValidationError as exc:
        assert "deeper than" in str(exc)
    warned = problems(session(lots=(LotUse(3),)))
    try:
        enforce(warned)
        raise AssertionError("a warning must need acknowledgement")
    except AcknowledgementRequired as exc:
        assert exc.warnings and not exc.errors
    assert enforce(warned, acknowledge_warnings=True) == tuple(warned)

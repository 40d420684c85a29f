"""Course protocols: due dates, phases, checkpoints, and where a planned visit stands."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mesodesk.domain.enums import Checkpoint, CoursePhase, PlannedStatus
from mesodesk.domain.protocols import PROTOCOLS, Phase, Protocol, plan_visits, planned_status

START = date(2026, 1, 5)  # a Monday


def offsets(key: str) -> list[int]:
    return [(v.due_date - START).days for v in plan_visits(PROTOCOLS[key], START)]


def test_the_catalogue_holds_the_required_protocols() -> None:
    assert {"standard", "intensive", "maintenance_only"} <= set(PROTOCOLS)
    for key, protocol in PROTOCOLS.items():
        assert protocol.key == key and protocol.name and protocol.description
        assert 3 <= protocol.session_count <= 16  # published courses run 3–16 sessions


def test_standard_is_weekly_4_then_fortnightly_4_then_monthly_4() -> None:
    visits = plan_visits(PROTOCOLS["standard"], START)
    assert offsets("standard") == [0, 7, 14, 21, 28, 42, 56, 70, 84, 112, 140, 168]
    assert [v.sequence for v in visits] == list(range(1, 13))
    phases = [v.phase for v in visits]
    assert (
        phases
        == [CoursePhase.INDUCTION] * 4
        + [CoursePhase.CONSOLIDATION] * 4
        + [CoursePhase.MAINTENANCE] * 4
    )


def test_every_plan_starts_on_the_start_date_with_the_baseline() -> None:
    for protocol in PROTOCOLS.values():
        first, *rest = plan_visits(protocol, START)
        assert (first.due_date, first.checkpoint) == (START, Checkpoint.BASELINE)
        assert Checkpoint.BASELINE not in {v.checkpoint for v in rest}


def test_standard_checkpoints_at_weeks_12_and_24() -> None:
    marked = {
        (v.due_date - START).days: v.checkpoint
        for v in plan_visits(PROTOCOLS["standard"], START)
        if v.checkpoint
    }
    assert marked == {0: Checkpoint.BASELINE, 84: Checkpoint.WEEK_12, 168: Checkpoint.WEEK_24}


def test_the_checkpoint_goes_to_the_visit_closest_to_its_week() -> None:
    protocol = Protocol("x", "X", (Phase(CoursePhase.INDUCTION, 10, 10),), "every 10 days")
    visits = plan_visits(protocol, START)  # days 0, 10, …, 90
    (week_12,) = [v for v in visits if v.checkpoint is Checkpoint.WEEK_12]
    assert (week_12.due_date - START).days == 80  # 4 days from 84, against 6 for day 90
    assert Checkpoint.WEEK_24 not in {v.checkpoint for v in visits}  # ends well before day 168


def test_a_plan_ending_early_has_no_later_checkpoints() -> None:
    visits = plan_visits(PROTOCOLS["short"], START)
    assert [v.checkpoint for v in visits if v.checkpoint] == [Checkpoint.BASELINE]


def test_maintenance_only_is_monthly() -> None:
    assert offsets("maintenance_only") == [0, 28, 56, 84, 112, 140]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
def test_due_dates_rise_and_each_checkpoint_is_used_once(start: date) -> None:
    for protocol in PROTOCOLS.values():
        visits = plan_visits(protocol, start)
        days = [v.due_date for v in visits]
        assert days == sorted(days) and len(set(days)) == len(days)
        assert len(visits) == protocol.session_count
        checkpoints = [v.checkpoint for v in visits if v.checkpoint]
        assert len(checkpoints) == len(set(checkpoints))


def test_a_phase_needs_visits_and_an_interval() -> None:
    with pytest.raises(ValueError):
        Phase(CoursePhase.INDUCTION, 0, 7)
    with pytest.raises(ValueError):
        Phase(CoursePhase.INDUCTION, 4, 0)


@pytest.mark.parametrize(
    ("days_late", "status"),
    [
        (-3, PlannedStatus.UPCOMING),
        (0, PlannedStatus.DUE),
        (1, PlannedStatus.OVERDUE),
        (7, PlannedStatus.OVERDUE),
        (8, PlannedStatus.MISSED),
        (60, PlannedStatus.MISSED),
    ],
)
def test_planned_status(days_late: int, status: PlannedStatus) -> None:
    today = START + timedelta(days=days_late)
    assert planned_status(START, False, today) is status
    assert planned_status(START, True, today) is PlannedStatus.DONE


def test_the_grace_period_can_be_changed() -> None:
    today = START + timedelta(days=3)
    assert planned_status(START, False, today, grace_days=2) is PlannedStatus.MISSED
    assert planned_status(START, False, today, grace_days=3) is PlannedStatus.OVERDUE

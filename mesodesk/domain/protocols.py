"""Course protocols as data, and the due dates they generate.

Published courses run 3–16 sessions: an induction phase of weekly sessions, a consolidation
phase every two weeks, then monthly maintenance. Outcomes are checked at baseline, about week
12 and about week 24. 'Monthly' is every 4 weeks (28 days), which keeps the weekday a patient
books on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from mesodesk.domain.enums import Checkpoint, CoursePhase, PlannedStatus

WEEKLY, FORTNIGHTLY, MONTHLY = 7, 14, 28
CHECKPOINT_DAYS = ((Checkpoint.WEEK_12, 84), (Checkpoint.WEEK_24, 168))
CHECKPOINT_WINDOW_DAYS = 21
"""A plan 'reaches' a checkpoint when its last visit is at most this many days before it."""


@dataclass(frozen=True)
class Phase:
    """`count` visits, each followed by `interval_days` before the next visit (of any phase).

    Standard: weekly × 4 puts the first fortnightly visit 4 weeks after the start.
    """

    phase: CoursePhase
    count: int
    interval_days: int

    def __post_init__(self) -> None:
        if self.count < 1 or self.interval_days < 1:
            raise ValueError("A phase needs at least one visit and an interval of a day or more.")


@dataclass(frozen=True)
class Protocol:
    key: str
    name: str
    phases: tuple[Phase, ...]
    description: str

    @property
    def session_count(self) -> int:
        return sum(p.count for p in self.phases)


@dataclass(frozen=True)
class PlannedVisit:
    sequence: int  # 1 for the first visit
    due_date: date
    phase: CoursePhase
    checkpoint: Checkpoint | None


PROTOCOLS: dict[str, Protocol] = {
    p.key: p
    for p in (
        Protocol(
            "standard",
            "Standard course (12 sessions)",
            (
                Phase(CoursePhase.INDUCTION, 4, WEEKLY),
                Phase(CoursePhase.CONSOLIDATION, 4, FORTNIGHTLY),
                Phase(CoursePhase.MAINTENANCE, 4, MONTHLY),
            ),
            "Weekly × 4, then every 2 weeks × 4, then monthly × 4.",
        ),
        Protocol(
            "intensive",
            "Intensive course (16 sessions)",
            (
                Phase(CoursePhase.INDUCTION, 6, WEEKLY),
                Phase(CoursePhase.CONSOLIDATION, 6, FORTNIGHTLY),
                Phase(CoursePhase.MAINTENANCE, 4, MONTHLY),
            ),
            "Weekly × 6, then every 2 weeks × 6, then monthly × 4: for marked loss, or when "
            "results are slow to show.",
        ),
        Protocol(
            "short",
            "Short course (6 sessions)",
            (
                Phase(CoursePhase.INDUCTION, 4, WEEKLY),
                Phase(CoursePhase.CONSOLIDATION, 2, FORTNIGHTLY),
            ),
            "Weekly × 4, then every 2 weeks × 2.",
        ),
        Protocol(
            "maintenance_only",
            "Maintenance only (6 monthly sessions)",
            (Phase(CoursePhase.MAINTENANCE, 6, MONTHLY),),
            "Monthly × 6, after an earlier course.",
        ),
    )
}


def plan_visits(protocol: Protocol, start: date) -> list[PlannedVisit]:
    """Due dates from the first session on `start`, with the outcome checkpoints marked.

    The first visit is the BASELINE; the visit closest to start + 84 days is WEEK_12 and the
    one closest to start + 168 days WEEK_24 (the earlier one on a tie), when the plan reaches
    that far (its last visit no more than `CHECKPOINT_WINDOW_DAYS` before).
    """
    dates: list[tuple[date, CoursePhase]] = []
    due = start
    for phase in protocol.phases:
        for _ in range(phase.count):
            dates.append((due, phase.phase))
            due += timedelta(days=phase.interval_days)
    if not dates:
        return []
    checkpoints: dict[int, Checkpoint] = {0: Checkpoint.BASELINE}
    last = dates[-1][0]
    for checkpoint, days in CHECKPOINT_DAYS:
        target = start + timedelta(days=days)
        if last < target - timedelta(days=CHECKPOINT_WINDOW_DAYS):
            continue
        index = min(range(len(dates)), key=lambda i: abs((dates[i][0] - target).days))
        checkpoints.setdefault(index, checkpoint)
    return [
        PlannedVisit(i + 1, day, phase, checkpoints.get(i)) for i, (day, phase) in enumerate(dates)
    ]


def planned_status(due: date, done: bool, today: date, grace_days: int = 7) -> PlannedStatus:
    """Where a planned visit stands: late within `grace_days` is OVERDUE, later MISSED."""
    if done:
        return PlannedStatus.DONE
    if due > today:
        return PlannedStatus.UPCOMING
    if due == today:
        return PlannedStatus.DUE
    if (today - due).days <= grace_days:
        return PlannedStatus.OVERDUE
    return PlannedStatus.MISSED

"""Course protocols as data, and the due dates they generate.

Published courses run 3–16 sessions: an induction phase of weekly sessions, a consolidation
phase every two weeks, then monthly maintenance. Outcomes are checked at baseline, about week
12 and about week 24.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from mesodesk.domain.enums import Checkpoint, CoursePhase, PlannedStatus


@dataclass(frozen=True)
class Phase:
    phase: CoursePhase
    count: int
    interval_days: int


@dataclass(frozen=True)
class Protocol:
    key: str
    name: str
    phases: tuple[Phase, ...]
    description: str


@dataclass(frozen=True)
class PlannedVisit:
    sequence: int
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
                Phase(CoursePhase.INDUCTION, 4, 7),
                Phase(CoursePhase.CONSOLIDATION, 4, 14),
                Phase(CoursePhase.MAINTENANCE, 4, 28),
            ),
            "Weekly × 4, then every 2 weeks × 4, then monthly × 4.",
        ),
        Protocol(
            "intensive",
            "Intensive course (16 sessions)",
            (
                Phase(CoursePhase.INDUCTION, 6, 7),
                Phase(CoursePhase.CONSOLIDATION, 6, 14),
                Phase(CoursePhase.MAINTENANCE, 4, 28),
            ),
            "Weekly × 6, then every 2 weeks × 6, then monthly × 4.",
        ),
        Protocol(
            "short",
            "Short course (6 sessions)",
            (
                Phase(CoursePhase.INDUCTION, 4, 7),
                Phase(CoursePhase.CONSOLIDATION, 2, 14),
            ),
            "Weekly × 4, then every 2 weeks × 2.",
        ),
        Protocol(
            "maintenance_only",
            "Maintenance only (6 monthly sessions)",
            (Phase(CoursePhase.MAINTENANCE, 6, 28),),
            "Monthly × 6, after an earlier course.",
        ),
    )
}


def plan_visits(protocol: Protocol, start: date) -> list[PlannedVisit]:
    """Due dates from the first session on `start`, with the outcome checkpoints marked."""
    dates: list[tuple[date, CoursePhase]] = []
    due = start
    for phase in protocol.phases:
        for _ in range(phase.count):
            dates.append((due, phase.phase))
            due += timedelta(days=phase.interval_days)
    checkpoints: dict[int, Checkpoint] = {0: Checkpoint.BASELINE}
    last = dates[-1][0] if dates else start
    for checkpoint, days in ((Checkpoint.WEEK_12, 84), (Checkpoint.WEEK_24, 168)):
        target = start + timedelta(days=days)
        if last < target - timedelta(days=21):
            continue  # the plan does not reach that far
        index = min(range(len(dates)), key=lambda i: abs((dates[i][0] - target).days))
        checkpoints.setdefault(index, checkpoint)
    return [
        PlannedVisit(i + 1, day, phase, checkpoints.get(i)) for i, (day, phase) in enumerate(dates)
    ]


def planned_status(due: date, done: bool, today: date, grace_days: int = 7) -> PlannedStatus:
    if done:
        return PlannedStatus.DONE
    if due > today:
        return PlannedStatus.UPCOMING
    if due == today:
        return PlannedStatus.DUE
    if (today - due).days <= grace_days:
        return PlannedStatus.OVERDUE
    return PlannedStatus.MISSED

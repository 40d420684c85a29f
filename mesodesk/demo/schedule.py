"""Course protocols as day offsets: induction weekly, then every two weeks, then monthly.

When the domain's protocol catalogue (`mesodesk.domain.protocols`) is installed, its own
protocols and due-date rule are used, so demo courses carry keys the application knows;
otherwise the same published pattern is built here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date

from mesodesk.domain.enums import Checkpoint, CoursePhase


@dataclass(frozen=True)
class Step:
    offset: int  # days after the course start
    phase: str
    checkpoint: str | None


@dataclass(frozen=True)
class Protocol:
    key: str
    name: str
    steps: tuple[Step, ...]

    def checkpoint_step(self, checkpoint: Checkpoint) -> int | None:
        """The index of the visit that carries `checkpoint`, if the protocol has one."""
        for index, step in enumerate(self.steps):
            if step.checkpoint == checkpoint.value:
                return index
        return None


_I, _C, _M = CoursePhase.INDUCTION, CoursePhase.CONSOLIDATION, CoursePhase.MAINTENANCE


def _fallback() -> dict[str, Protocol]:
    def steps(plan: list[tuple[int, CoursePhase]], checkpoints: dict[int, Checkpoint]) -> tuple:
        return tuple(
            Step(offset, phase.value, checkpoints[i].value if i in checkpoints else None)
            for i, (offset, phase) in enumerate(plan)
        )

    standard = [(0, _I), (7, _I), (14, _I), (21, _I), (35, _C), (49, _C), (63, _C), (84, _C)]
    standard += [(112, _M), (140, _M), (168, _M)]
    short = [(0, _I), (7, _I), (14, _I), (21, _I), (35, _C), (49, _C), (84, _M)]
    marks = {0: Checkpoint.BASELINE, 7: Checkpoint.WEEK_12, 10: Checkpoint.WEEK_24}
    return {
        "standard": Protocol(
            "standard",
            "Standard course (weekly ×4, fortnightly ×4, monthly)",
            steps(standard, marks),
        ),
        "short": Protocol(
            "short",
            "Short course (weekly ×4, fortnightly ×2, week-12 check)",
            steps(short, {0: Checkpoint.BASELINE, 6: Checkpoint.WEEK_12}),
        ),
    }


def _from_domain() -> dict[str, Protocol] | None:
    """The application's own protocols, as offsets from an arbitrary start date."""
    try:
        module = importlib.import_module("mesodesk.domain.protocols")
        start = date(2024, 1, 1)
        found: dict[str, Protocol] = {}
        for key, protocol in module.PROTOCOLS.items():
            visits = module.plan_visits(protocol, start)
            found[key] = Protocol(
                key,
                protocol.name,
                tuple(
                    Step(
                        (visit.due_date - start).days,
                        CoursePhase(visit.phase).value,
                        Checkpoint(visit.checkpoint).value if visit.checkpoint else None,
                    )
                    for visit in visits
                ),
            )
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    return found or None


def protocols() -> tuple[Protocol, Protocol]:
    """(the long course most patients follow, a shorter one), from the domain when possible."""
    catalogue = _from_domain()
    if catalogue:
        ranked = sorted(catalogue.values(), key=lambda p: (-len(p.steps), p.key))
        return catalogue.get("standard", ranked[0]), catalogue.get("short", ranked[-1])
    fallback = _fallback()
    return fallback["standard"], fallback["short"]

"""Demo course plans, treatment sessions (zones, lots, adverse events, amendments), outcomes.

Sessions follow the course's due dates with a little slack and are signed by the
practitioner who performed them. Overdue patients have missed their latest visits; one patient
per data set (more for very large sets) has today's session open as a draft.
"""

from __future__ import annotations

from mesodesk.demo.catalog import IMMEDIATE_REACTIONS, SESSION_NOTES
from mesodesk.demo.clinical import write_assessment, write_outcome
from mesodesk.demo.context import Context
from mesodesk.demo.people import PatientPlan
from mesodesk.demo.schedule import Protocol
from mesodesk.demo.shapes import POOL_SIZE, Shape
from mesodesk.domain.enums import (
    AdverseEventType,
    Anaesthesia,
    Checkpoint,
    CourseStatus,
    Diagnosis,
    Grade,
    SessionStatus,
)

_SIGNED, _DRAFT = SessionStatus.SIGNED.value, SessionStatus.DRAFT.value
_ANAESTHESIA = (Anaesthesia.NONE.value,) * 95 + (Anaesthesia.COOLING.value,) * 4
_ANAESTHESIA += (Anaesthesia.TOPICAL_CREAM.value,)
_PAIN = (1, 2, 2, 3, 3, 3, 4, 4, 5, 6)
_JITTER = (0,) * 15 + (1, 1, 2, -1)
# type, description, action taken, days to resolve (low, high)
_EVENTS = (
    (AdverseEventType.BRUISING, "Small bruises at the vertex.", "Cold compress; reassured.", 3, 7),
    (AdverseEventType.BRUISING, "Bruise at the hairline.", "Arnica gel advised.", 4, 8),
    (AdverseEventType.HEADACHE, "Mild headache the same evening.", "Paracetamol 500 mg.", 0, 1),
    (AdverseEventType.OEDEMA, "Slight forehead oedema next morning.", "Cool compress.", 1, 2),
    (AdverseEventType.ITCHING, "Itching for a day.", "No washing advice repeated.", 1, 2),
)
_STOP_NOTES = ("Stopped at the patient's request (moving abroad).", "Stopped: cost.")
_SESSION_START, _SESSION_END = 8 * 60 + 30, 18 * 60


def write_patient_care(
    ctx: Context, plan: PatientPlan, *, force_draft: bool = False, force_amend: bool = False
) -> None:
    """Assessment, course, sessions and outcomes for one patient, as far as their stage goes."""
    today = ctx.today
    if plan.stage == "new":
        write_assessment(ctx, plan, plan.registered)
        if plan.id % 2 == 0:
            _course(ctx, plan, ctx.long_course, CourseStatus.ACTIVE.value, "")
        return
    write_assessment(ctx, plan, plan.start)
    short = plan.diagnosis is Diagnosis.TELOGEN_EFFLUVIUM and plan.id % 3 == 0
    protocol = ctx.short_course if short else ctx.long_course
    status, notes = CourseStatus.ACTIVE.value, ""
    if plan.stage == "complete":
        status = CourseStatus.COMPLETED.value
    elif plan.stage == "stopped":
        status = CourseStatus.STOPPED.value
        notes = "Paused: pregnancy." if plan.pregnant else ctx.rng.choice(_STOP_NOTES)
    course_id, visit_ids = _course(ctx, plan, protocol, status, notes)
    due = [plan.start + step.offset for step in protocol.steps]
    past = [index for index, day in enumerate(due) if day < today]
    skipped: set[int] = set()
    if plan.stage == "overdue" and len(past) > 1:
        skipped = set(past[-ctx.rng.randint(1, min(2, len(past) - 1)) :])
    elif plan.stage == "stopped" and len(past) > 1:
        skipped = set(past[ctx.rng.randint(1, min(6, len(past) - 1)) :])
    for index in past[1:-1]:
        if ctx.rng.random() < 0.03 and protocol.steps[index].checkpoint is None:
            skipped.add(index)  # a missed visit in the middle of the course
    wants_draft = force_draft or (plan.stage == "due_today" and plan.id % ctx.draft_every == 0)
    previous = plan.start - 1
    done: dict[int, int] = {}
    pool = ctx.pools.pool(plan.region, plan.recipe_volume)
    for index, day in enumerate(due):
        if day > today or index in skipped:
            continue
        if day == today:
            if wants_draft:
                _session(ctx, plan, course_id, visit_ids[index], today, pool, draft=True)
            continue
        if index:
            day = min(max(day + ctx.rng.choice(_JITTER), previous + 1), today - 1)
        if day <= previous:
            continue
        _session(
            ctx, plan, course_id, visit_ids[index], day, pool, amend=force_amend and index == 1
        )
        done[index] = previous = day
    gain: float | None = None
    for checkpoint in (Checkpoint.WEEK_12, Checkpoint.WEEK_24):
        index = protocol.checkpoint_step(checkpoint)
        if index is not None and index in done:
            gain = write_outcome(ctx, plan, course_id, done[index], checkpoint, gain)


def _course(
    ctx: Context, plan: PatientPlan, protocol: Protocol, status: str, notes: str
) -> tuple[int, list[int]]:
    course_id = ctx.next_id("course_plans")
    stamp = ctx.moment(min(plan.registered + 1, ctx.today), 17 * 60 + 45)
    ctx.out["course_plans"].append(
        (
            course_id,
            plan.id,
            protocol.key,
            protocol.name,
            ctx.codec.day(plan.start),
            status,
            notes,
            plan.practitioner,
            stamp,
            stamp,
        )
    )
    visit_ids = []
    rows = ctx.out["planned_visits"]
    for sequence, step in enumerate(protocol.steps, start=1):
        visit_id = ctx.next_id("planned_visits")
        visit_ids.append(visit_id)
        day = ctx.codec.day(plan.start + step.offset)
        rows.append((visit_id, course_id, sequence, day, step.phase, step.checkpoint))
    return course_id, visit_ids


def _session(
    ctx: Context,
    plan: PatientPlan,
    course_id: int,
    visit_id: int,
    day: int,
    pool: list[Shape],
    *,
    draft: bool = False,
    amend: bool = False,
) -> None:
    rng = ctx.rng
    shape = pool[rng.randrange(POOL_SIZE)]
    session_id = ctx.next_id("treatment_sessions")
    practitioner = (
        plan.practitioner if rng.random() < 0.85 else rng.choice(ctx.library.practitioners)
    )
    if draft:
        minute = max(0, min(ctx.now_minute - 10, _SESSION_START))
    else:
        minute = rng.randrange(_SESSION_START, _SESSION_END, 15)
    performed = ctx.moment(day, minute)
    signed = None if draft else ctx.moment(day, minute + 30)
    event = None
    if not draft and rng.random() < (0.25 if plan.anticoagulants else 0.03):
        event = rng.choice(_EVENTS)
    row = [
        session_id,
        plan.id,
        course_id,
        visit_id,
        performed,
        practitioner,
        plan.recipe_id,
        shape.volume_ml,
        shape.gauge,
        shape.needle_mm,
        shape.technique,
        "",
        rng.choice(_ANAESTHESIA),
        None if draft else rng.choice(_PAIN),
        "" if draft else rng.choice(IMMEDIATE_REACTIONS),
        not draft and event is None,
        rng.choice(SESSION_NOTES),
        _DRAFT if draft else _SIGNED,
        signed,
        None if draft else practitioner,
        None,
        "",
        "",
        practitioner,
        performed,
        signed or performed,
    ]
    ctx.out["treatment_sessions"].append(tuple(row))
    lots = ctx.library.lots_for(plan.recipe_ingredients, day)
    _details(ctx, session_id, shape, lots)
    used = ctx.library.used
    for lot_id in lots:
        used[lot_id] += 1
    if event is not None:
        _adverse_event(ctx, plan, session_id, day, practitioner, event)
    elif not draft and day <= ctx.today - 4 and (amend or rng.random() < 0.015):
        _amendment(ctx, row, shape, lots, day, minute)


def _details(ctx: Context, session_id: int, shape: Shape, lots: tuple[int, ...]) -> None:
    zone_ids, lot_row_ids = ctx.id_source("session_zones"), ctx.id_source("session_lots")
    zones, uses = ctx.out["session_zones"], ctx.out["session_lots"]
    for zone in shape.zones:
        zones.append((next(zone_ids), session_id, *zone))
    for lot_id in lots:
        uses.append((next(lot_row_ids), session_id, lot_id, 1.0))


def _amendment(
    ctx: Context, original: list, shape: Shape, lots: tuple[int, ...], day: int, minute: int
) -> None:
    """A signed correction: a new signed row that keeps the original as it was."""
    rng = ctx.rng
    row = list(original)
    old_pain = row[13]
    choice = rng.randrange(3)
    if choice == 0:
        row[13] = old_pain + 2 if old_pain <= 6 else old_pain - 2
        reason = f"Pain score corrected: the patient rated {row[13]}, not {old_pain}."
    elif choice == 1 or shape.needle_mm != 4.0:
        row[14] = "Pinpoint bleeding at the vertex, stopped with light pressure."
        reason = "Immediate reactions completed after the session."
    else:
        row[9] = 6.0
        reason = "Needle length corrected: 6 mm, not 4 mm."
    signed = ctx.moment(day + rng.randint(1, 3), minute + 120)
    row[0] = ctx.next_id("treatment_sessions")
    row[18], row[20], row[21], row[24], row[25] = signed, original[0], reason, signed, signed
    ctx.out["treatment_sessions"].append(tuple(row))
    _details(ctx, row[0], shape, lots)


def _adverse_event(
    ctx: Context, plan: PatientPlan, session_id: int, day: int, practitioner: int, event: tuple
) -> None:
    kind, description, action, low, high = event
    resolved = day + ctx.rng.randint(low, high)
    stamp = ctx.moment(day, 19 * 60)
    ctx.out["adverse_events"].append(
        (
            ctx.next_id("adverse_events"),
            session_id,
            plan.id,
            kind.value,
            Grade.MILD.value,
            ctx.codec.day(day),
            description,
            action,
            ctx.codec.day(resolved) if resolved < ctx.today else None,
            practitioner,
            stamp,
            stamp,
        )
    )

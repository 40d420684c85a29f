"""Rules for a treatment session: needle, depth per zone, volumes, lots, adverse events.

The numbers come from DOMAIN.md: depth is refused at or below 0 mm and deeper than the
needle is long (the needle cannot reach it, so the figure is a typo), warned above 4 mm;
an expired lot is refused, one within 30 days of expiry warned. Imported by `rules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mesodesk.domain.drafts import AdverseEventDraft, LotUse, SessionDraft, ZoneEntry
from mesodesk.domain.enums import AdverseEventType, Anaesthesia, Grade, ScalpZone, Technique
from mesodesk.domain.validation import (
    NOTES_MAX,
    Band,
    Checker,
    Problem,
    fmt,
    fmt_date,
    later_than,
)

NEAR_EXPIRY_DAYS = 30
VOLUME = Band(low=0, low_open=True, high=100, warn_low=0.5, warn_high=20)  # mL per session
GAUGE = Band(low=10, high=40, warn_low=27, warn_high=34)  # 30–32 G typical
NEEDLE_LENGTH = Band(low=0, low_open=True, high=50)  # mm
USUAL_NEEDLES_MM = (4.0, 6.0, 13.0)
DEEP_MM = 4.0  # point-by-point reaches about 4 mm on the scalp; nappage and papules 1–2 mm
MAX_DEPTH_MM = 50.0  # when the needle length itself is unusable
ZONE_VOLUME = Band(low=0, low_open=True, high=100)  # mL
POINTS = Band(low=1, high=5000, warn_high=300)
SPACING = Band(low=0, low_open=True, high=10, warn_low=0.5, warn_high=1.5)  # cm
PAIN = Band(low=0, high=10)
LOT_QUANTITY = Band(low=0, low_open=True, high=1000)
MAX_FUTURE = timedelta(days=1)
ZONE_VOLUME_SLACK = 1.05  # rounding of per-zone figures: warn only above 5 % over the total


@dataclass(frozen=True)
class LotFacts:
    """What the session rules need to know about a lot, as the register stands."""

    lot_number: str
    product_name: str
    expiry_date: date
    quantity_left: float


def validate_session(
    draft: SessionDraft,
    *,
    now: datetime,
    birth_date: date | None,
    lots: Mapping[int, LotFacts],
) -> list[Problem]:
    """Everything a session draft must satisfy to be saved (signing adds `validate_for_signing`)."""
    if not isinstance(draft, SessionDraft):
        c = Checker()
        c.error("", f"Expected a SessionDraft, got {type(draft).__name__}.", "wrong_type")
        return c.problems
    c = Checker()
    day = _check_when(c, draft.performed_at, now, birth_date)
    volume = c.ranged("volume_ml", draft.volume_ml, "Volume injected", "mL", VOLUME)
    c.ranged("needle_gauge", draft.needle_gauge, "Needle gauge", "G", GAUGE, integer=True)
    length = draft.needle_length_mm
    needle = c.ranged("needle_length_mm", length, "Needle length", "mm", NEEDLE_LENGTH)
    if needle is not None and needle not in USUAL_NEEDLES_MM:
        c.warn(
            "needle_length_mm",
            f"A {fmt(needle)} mm needle is unusual for the scalp (4, 6 or 13 mm are the usual "
            "lengths): please check.",
            "unusual_needle",
        )
    if c.choice("technique", draft.technique, Technique, "Technique") is Technique.OTHER:
        c.other_text("technique_other", draft.technique_other, "technique", max_length=120)
    else:
        c.text("technique_other", draft.technique_other, "The other technique", max_length=120)
    c.choice("anaesthesia", draft.anaesthesia, Anaesthesia, "Anaesthesia")
    _check_zones(c, draft.zones, volume, needle)
    c.ranged("pain_score", draft.pain_score, "Pain score", "", PAIN, integer=True, required=False)
    if day is not None:
        _check_lots(c, draft.lots, lots, day)
        _check_adverse_events(c, draft, day, now)
    text = draft.immediate_reactions
    c.text("immediate_reactions", text, "Immediate reactions", max_length=2000, multiline=True)
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


def _check_when(
    c: Checker, performed_at: object, now: datetime, birth_date: date | None
) -> date | None:
    """The session's day, once it is known not to lie in the future nor before birth."""
    performed = c.moment("performed_at", performed_at, "Session date")
    if performed is None:
        return None
    if isinstance(now, datetime) and later_than(performed, now) > MAX_FUTURE.total_seconds():
        c.error(
            "performed_at",
            f"Session date {performed:%d.%m.%Y %H:%M} is in the future: a session is recorded "
            "once it has taken place.",
            "future_date",
        )
    day = performed.date()
    if isinstance(birth_date, date) and day < birth_date:
        c.error(
            "performed_at",
            f"Session date {fmt_date(day)} is before the patient's birth ({fmt_date(birth_date)}).",
            "before_birth",
        )
    return day


def _check_zones(c: Checker, zones: object, volume: float | None, needle: float | None) -> None:
    entries = c.items("zones", zones, ZoneEntry, "Zones")
    if not zones:
        c.error("zones", "Mark at least one scalp zone on the map.", "no_zones")
    seen: set[ScalpZone] = set()
    zone_volume = 0.0
    for index, entry in entries:
        field = f"zones[{index}]"
        zone = c.choice(f"{field}.zone", entry.zone, ScalpZone, "Zone")
        label = zone.label if zone is not None else f"zone {index + 1}"
        if zone is not None and zone in seen:
            c.error(f"{field}.zone", f"{label} is listed twice.", "duplicate_zone")
        if zone is not None:
            seen.add(zone)
        _check_depth(c, f"{field}.depth_mm", entry.depth_mm, label, needle)
        z_volume = c.ranged(
            f"{field}.volume_ml",
            entry.volume_ml,
            f"Volume in {label}",
            "mL",
            ZONE_VOLUME,
            required=False,
        )
        zone_volume += z_volume or 0.0
        c.ranged(
            f"{field}.points",
            entry.points,
            f"Injection points in {label}",
            "",
            POINTS,
            integer=True,
            required=False,
        )
        c.ranged(
            f"{field}.spacing_cm",
            entry.spacing_cm,
            f"Spacing in {label}",
            "cm",
            SPACING,
            required=False,
        )
    if volume is not None and zone_volume > volume * ZONE_VOLUME_SLACK:
        c.warn(
            "zones",
            f"The zones add up to {fmt(round(zone_volume, 3))} mL, more than the {fmt(volume)} mL "
            "injected in total: please check.",
            "zone_volume_over_total",
        )


def _check_depth(c: Checker, field: str, value: object, label: str, needle: float | None) -> None:
    depth = c.number(field, value, f"Depth in {label}", "mm")
    if depth is None:
        return
    if depth <= 0:
        c.error(
            field,
            f"Depth {fmt(depth)} mm in {label} is refused: it must be more than 0 mm.",
            "out_of_range",
        )
    elif needle is not None and depth > needle:
        c.error(
            field,
            f"Depth {fmt(depth)} mm in {label} is deeper than the {fmt(needle)} mm needle: "
            "refused.",
            "depth_exceeds_needle",
        )
    elif needle is None and depth > MAX_DEPTH_MM:
        c.error(
            field,
            f"Depth {fmt(depth)} mm in {label} is refused: no scalp needle is longer than "
            f"{fmt(MAX_DEPTH_MM)} mm.",
            "out_of_range",
        )
    elif depth > DEEP_MM:
        c.warn(
            field,
            f"Depth {fmt(depth)} mm in {label} is deeper than the usual {fmt(DEEP_MM)} mm on the "
            "scalp: please check.",
            "deep_injection",
        )


def _check_lots(c: Checker, uses: object, lots: Mapping[int, LotFacts], day: date) -> None:
    seen: set[int] = set()
    for index, use in c.items("lots", uses, LotUse, "Lots"):
        field = f"lots[{index}]"
        lot_id = c.ident(field, use.lot_id, "Lot")
        facts = lots.get(lot_id) if lot_id is not None else None
        if lot_id is not None and facts is None:
            c.error(field, f"Lot #{lot_id} is not in the lot register.", "unknown_lot")
        if facts is None:
            continue
        name = f"Lot {facts.lot_number} of {facts.product_name}"
        if lot_id in seen:
            c.error(
                field,
                f"{name} is listed twice: give it once, with the quantity used.",
                "duplicate_lot",
            )
        seen.add(lot_id)
        label = f"Quantity of {name}"
        quantity = c.ranged(f"{field}.quantity", use.quantity, label, "", LOT_QUANTITY)
        _check_expiry(c, field, name, facts.expiry_date, day)
        left = facts.quantity_left
        if not isinstance(left, int | float):
            continue
        if left <= 0:
            c.warn(
                field,
                f"The register shows none of {name} left ({fmt(left)}): check the stock.",
                "lot_empty",
            )
        elif quantity is not None and quantity > left:
            c.warn(
                field,
                f"{fmt(quantity)} of {name} used, but the register shows only {fmt(left)} left: "
                "check the stock.",
                "lot_short",
            )


def _check_expiry(c: Checker, field: str, name: str, expiry: date, day: date) -> None:
    """Judged on the session's day, so that a draft keeps the verdict it had when given."""
    if not isinstance(expiry, date):
        return
    if expiry < day:
        c.error(field, f"{name} expired on {fmt_date(expiry)}: refused.", "lot_expired")
    elif (expiry - day).days <= NEAR_EXPIRY_DAYS:
        days = (expiry - day).days
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        c.warn(
            field,
            f"{name} expires on {fmt_date(expiry)}, {when} (within {NEAR_EXPIRY_DAYS} days): "
            "please check.",
            "lot_near_expiry",
        )


def _check_adverse_events(c: Checker, draft: SessionDraft, day: date, now: datetime) -> None:
    events = c.items("adverse_events", draft.adverse_events, AdverseEventDraft, "Adverse events")
    if draft.no_adverse_events and draft.adverse_events:
        c.error(
            "no_adverse_events",
            "“No adverse events” is ticked, but adverse events are listed: untick it or remove "
            "them.",
            "none_and_events",
        )
    today = now.date() if isinstance(now, datetime) else None
    for index, event in events:
        field = f"adverse_events[{index}]"
        kind = c.choice(f"{field}.event_type", event.event_type, AdverseEventType, "Event")
        c.choice(f"{field}.grade", event.grade, Grade, "Grade")
        label = kind.label if kind is not None else f"Adverse event {index + 1}"
        onset = c.day(f"{field}.onset_on", event.onset_on, f"{label}: onset")
        if onset is not None and onset < day:
            c.error(
                f"{field}.onset_on",
                f"{label}: onset {fmt_date(onset)} is before the session ({fmt_date(day)}).",
                "onset_before_session",
            )
        elif onset is not None and today is not None and (onset - today).days > MAX_FUTURE.days:
            c.error(
                f"{field}.onset_on",
                f"{label}: onset {fmt_date(onset)} is in the future.",
                "future_date",
            )
        resolved = c.day(f"{field}.resolved_on", event.resolved_on, "Resolved", required=False)
        if resolved is not None and onset is not None and resolved < onset:
            c.error(
                f"{field}.resolved_on",
                f"{label}: resolved on {fmt_date(resolved)}, before its onset ({fmt_date(onset)}).",
                "resolved_before_onset",
            )
        if kind is AdverseEventType.OTHER:
            c.other_text(
                f"{field}.description",
                event.description,
                "adverse event",
                max_length=2000,
                multiline=True,
            )
        else:
            c.text(
                f"{field}.description",
                event.description,
                f"{label}: description",
                max_length=2000,
                multiline=True,
            )
        c.text(
            f"{field}.action_taken",
            event.action_taken,
            f"{label}: action taken",
            max_length=2000,
            multiline=True,
        )


def validate_for_signing(draft: SessionDraft) -> list[Problem]:
    """What a signature adds: a signed record must say how it went, even when all went well."""
    c = Checker()
    if not isinstance(draft, SessionDraft):
        c.error("", f"Expected a SessionDraft, got {type(draft).__name__}.", "wrong_type")
        return c.problems
    if not draft.adverse_events and not draft.no_adverse_events:
        c.error(
            "no_adverse_events",
            "Before signing, record the adverse events or tick “No adverse events”.",
            "adverse_events_unstated",
        )
    if draft.pain_score is None:
        c.error("pain_score", "Before signing, record the pain score (0–10).", "pain_missing")
    return c.problems

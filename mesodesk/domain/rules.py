"""The clinical rules: what is refused, what is warned, per draft (DOMAIN.md's ranges).

Each function returns every problem it finds and never raises: the form shows them as the
user types, the service passes them to `validation.enforce` before writing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mesodesk.domain.drafts import (
    AssessmentDraft,
    IngredientDraft,
    LotDraft,
    OutcomeDraft,
    PatientDraft,
    RecipeDraft,
    SessionDraft,
)
from mesodesk.domain.enums import (
    AdverseEventType,
    ConcentrationUnit,
    Diagnosis,
    StagingScale,
    Technique,
)
from mesodesk.domain.validation import Checker, Problem

NOTES_MAX = 10_000
USUAL_NEEDLES_MM = (4.0, 6.0, 13.0)
NEAR_EXPIRY_DAYS = 30
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9 +\-().]*$")


@dataclass(frozen=True)
class LotFacts:
    """What the session rules need to know about a lot."""

    lot_number: str
    product_name: str
    expiry_date: date
    quantity_left: float


def _years_between(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# -- patients -------------------------------------------------------------------------------
def validate_patient(draft: PatientDraft, *, today: date) -> list[Problem]:
    c = Checker()
    c.text("family_name", draft.family_name, "Family name", required=True, max_length=100)
    c.text("given_names", draft.given_names, "Given names", required=True, max_length=100)
    c.text("record_number", draft.record_number, "Record number", max_length=32)
    born = draft.birth_date
    if born is None:
        c.error("birth_date", "Birth date is required.", "required")
    elif not isinstance(born, date) or isinstance(born, datetime):
        c.error("birth_date", f"Birth date {born!r} is not a date.", "wrong_type")
    elif born > today:
        c.error("birth_date", f"Birth date {born:%d.%m.%Y} is in the future.", "future_date")
    elif _years_between(born, today) > 120:
        c.error(
            "birth_date",
            f"Birth date {born:%d.%m.%Y} would make the patient older than "
            "120 years: please check the year.",
            "implausible_age",
        )
    elif _years_between(born, today) < 16:
        c.warn(
            "birth_date",
            f"The patient is {_years_between(born, today)} years old: "
            "mesotherapy of the scalp is rarely given to minors.",
            "minor",
        )
    phone = c.text("phone", draft.phone, "Phone", max_length=40)
    if phone and not _PHONE.match(phone):
        c.error(
            "phone",
            f"Phone “{phone}” may contain only digits, spaces and + - ( ) .",
            "phone_format",
        )
    email = c.text("email", draft.email, "E-mail", max_length=200)
    if email and not _EMAIL.match(email):
        c.warn("email", f"“{email}” does not look like an e-mail address.", "email_format")
    c.text("address", draft.address, "Address", max_length=1000, multiline=True)
    c.text("allergies", draft.allergies, "Allergies", max_length=NOTES_MAX, multiline=True)
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    c.text(
        "history.notes", draft.history.notes, "History notes", max_length=NOTES_MAX, multiline=True
    )
    c.text("treatments.other", draft.treatments.other, "Other treatments", max_length=1000)
    return c.problems


# -- assessments ----------------------------------------------------------------------------
_TRICHO_RANGES = (
    # field, label, unit, refuse low, refuse high, low is open, warn low, warn high
    ("density_per_cm2", "Hair density", "hairs/cm²", 0, 1000, False, 30, 400),
    ("mean_diameter_um", "Mean shaft diameter", "µm", 0, 200, True, 10, 120),
    ("terminal_pct", "Terminal hairs", "%", 0, 100, False, None, None),
    ("vellus_pct", "Vellus hairs", "%", 0, 100, False, None, None),
    ("single_hair_unit_pct", "Single-hair follicular units", "%", 0, 100, False, None, None),
    ("anagen_pct", "Anagen hairs", "%", 0, 100, False, None, None),
    ("telogen_pct", "Telogen hairs", "%", 0, 100, False, None, None),
)


def validate_assessment(
    draft: AssessmentDraft, *, today: date, birth_date: date | None
) -> list[Problem]:
    c = Checker()
    on = draft.assessed_on
    if on > today:
        c.error("assessed_on", f"Assessment date {on:%d.%m.%Y} is in the future.", "future_date")
    if birth_date is not None and on < birth_date:
        c.error(
            "assessed_on",
            f"Assessment date {on:%d.%m.%Y} is before the patient's birth.",
            "before_birth",
        )
    if (
        c.choice("diagnosis", draft.diagnosis, Diagnosis, "Diagnosis")
        and draft.diagnosis is Diagnosis.OTHER
    ):
        c.text("diagnosis_other", draft.diagnosis_other, "The other diagnosis", required=True)
    c.text("contributors_other", draft.contributors_other, "Other contributors")
    seen: set[StagingScale] = set()
    for index, entry in enumerate(draft.stages):
        field = f"stages[{index}]"
        if not c.choice(field, entry.scale, StagingScale, "Scale"):
            continue
        if entry.scale in seen:
            c.error(
                field,
                f"{entry.scale.label} is given twice: one stage per scale.",
                "duplicate_scale",
            )
        seen.add(entry.scale)
        if entry.stage not in entry.scale.stages:
            c.error(
                field,
                f"“{entry.stage}” is not a {entry.scale.label} stage; valid stages: "
                f"{', '.join(entry.scale.stages)}.",
                "unknown_stage",
            )
    if draft.salt is not None:
        for region in ("vertex", "posterior", "right", "left"):
            value = c.number(
                f"salt.{region}", getattr(draft.salt, region), f"SALT {region} loss", "%"
            )
            c.within(f"salt.{region}", value, f"SALT {region} loss", "%", low=0, high=100)
    _check_trichoscopy(c, draft)
    _check_pull_test(c, draft.pull_test_pulled, draft.pull_test_extracted)
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


def _check_trichoscopy(c: Checker, draft: AssessmentDraft) -> None:
    sites = set()
    for index, entry in enumerate(draft.trichoscopy):
        prefix = f"trichoscopy[{index}]"
        if entry.site in sites:
            c.error(prefix, f"{entry.site.label} is measured twice.", "duplicate_site")
        sites.add(entry.site)
        for field, label, unit, low, high, low_open, warn_low, warn_high in _TRICHO_RANGES:
            value = c.number(
                f"{prefix}.{field}", getattr(entry, field), label, unit, required=False
            )
            c.within(
                f"{prefix}.{field}",
                value,
                f"{entry.site.label}: {label}",
                unit,
                low=low,
                high=high,
                low_open=low_open,
                warn_low=warn_low,
                warn_high=warn_high,
            )
        for a, b, label in (
            ("terminal_pct", "vellus_pct", "Terminal + vellus"),
            ("anagen_pct", "telogen_pct", "Anagen + telogen"),
        ):
            x, y = getattr(entry, a), getattr(entry, b)
            if isinstance(x, int | float) and isinstance(y, int | float) and x + y > 100.5:
                c.warn(
                    f"{prefix}.{b}",
                    f"{entry.site.label}: {label} add up to {x + y:g} %, more than 100 %.",
                    "sum_over_100",
                )


def _check_pull_test(c: Checker, pulled: object, extracted: object) -> None:
    if pulled is None and extracted is None:
        return
    n = c.number("pull_test_pulled", pulled, "Hairs pulled", integer=True)
    c.within("pull_test_pulled", n, "Hairs pulled", "", low=1, high=200, warn_low=40, warn_high=60)
    e = c.number("pull_test_extracted", extracted, "Hairs extracted", integer=True)
    c.within("pull_test_extracted", e, "Hairs extracted", "", low=0)
    if n is not None and e is not None and e > n:
        c.error(
            "pull_test_extracted",
            f"{e:g} hairs extracted out of {n:g} pulled is impossible.",
            "extracted_over_pulled",
        )


# -- mixtures -------------------------------------------------------------------------------
def validate_ingredient(draft: IngredientDraft) -> list[Problem]:
    c = Checker()
    c.text("name", draft.name, "Ingredient name", required=True, max_length=120)
    value = c.number(
        "default_concentration",
        draft.default_concentration,
        "Default concentration",
        draft.unit.value,
        required=False,
    )
    c.within(
        "default_concentration",
        value,
        "Default concentration",
        draft.unit.value,
        low=0,
        high=100 if draft.unit is ConcentrationUnit.PERCENT else None,
    )
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


def validate_recipe(draft: RecipeDraft) -> list[Problem]:
    c = Checker()
    c.text("name", draft.name, "Recipe name", required=True, max_length=120)
    volume = c.number("total_volume_ml", draft.total_volume_ml, "Total volume", "mL")
    c.within(
        "total_volume_ml",
        volume,
        "Total volume",
        "mL",
        low=0,
        low_open=True,
        high=100,
        warn_low=0.5,
        warn_high=20,
    )
    if not draft.items:
        c.error("items", "A recipe needs at least one ingredient.", "no_items")
    seen: set[int] = set()
    for index, item in enumerate(draft.items):
        field = f"items[{index}]"
        if item.ingredient_id in seen:
            c.error(field, "The same ingredient is listed twice.", "duplicate_ingredient")
        seen.add(item.ingredient_id)
        value = c.number(
            f"{field}.concentration", item.concentration, "Concentration", item.unit.value
        )
        c.within(
            f"{field}.concentration",
            value,
            "Concentration",
            item.unit.value,
            low=0,
            high=100 if item.unit is ConcentrationUnit.PERCENT else None,
        )
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


def validate_lot(draft: LotDraft, *, today: date) -> list[Problem]:
    c = Checker()
    c.text("product_name", draft.product_name, "Product", required=True, max_length=120)
    c.text("lot_number", draft.lot_number, "Lot number", required=True, max_length=60)
    quantity = c.number("quantity_received", draft.quantity_received, "Quantity received")
    c.within(
        "quantity_received",
        quantity,
        "Quantity received",
        draft.unit,
        low=0,
        low_open=True,
        high=100_000,
    )
    if draft.expiry_date < today:
        c.warn(
            "expiry_date",
            f"This lot expired on {draft.expiry_date:%d.%m.%Y}: you are "
            "registering an expired lot, which can never be used in a session.",
            "lot_expired",
        )
    if draft.received_on is not None and draft.received_on > today:
        c.error(
            "received_on",
            f"Received on {draft.received_on:%d.%m.%Y} is in the future.",
            "future_date",
        )
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


# -- sessions -------------------------------------------------------------------------------
def validate_session(
    draft: SessionDraft,
    *,
    now: datetime,
    birth_date: date | None,
    lots: Mapping[int, LotFacts],
) -> list[Problem]:
    c = Checker()
    performed = draft.performed_at
    day = performed.date()
    if performed > now + timedelta(days=1):
        c.error(
            "performed_at",
            f"Session date {performed:%d.%m.%Y %H:%M} is in the future.",
            "future_date",
        )
    if birth_date is not None and day < birth_date:
        c.error(
            "performed_at",
            f"Session date {day:%d.%m.%Y} is before the patient's birth.",
            "before_birth",
        )
    volume = c.number("volume_ml", draft.volume_ml, "Volume injected", "mL")
    c.within(
        "volume_ml",
        volume,
        "Volume injected",
        "mL",
        low=0,
        low_open=True,
        high=100,
        warn_low=0.5,
        warn_high=20,
    )
    gauge = c.number("needle_gauge", draft.needle_gauge, "Needle gauge", "G", integer=True)
    c.within("needle_gauge", gauge, "Needle gauge", "G", low=10, high=40, warn_low=27, warn_high=34)
    length = c.number("needle_length_mm", draft.needle_length_mm, "Needle length", "mm")
    c.within("needle_length_mm", length, "Needle length", "mm", low=0, low_open=True, high=50)
    if length is not None and 0 < length <= 50 and length not in USUAL_NEEDLES_MM:
        c.warn(
            "needle_length_mm",
            f"A {length:g} mm needle is unusual for the scalp (4, 6 or "
            "13 mm are the usual lengths): please check.",
            "unusual_needle",
        )
    if (
        c.choice("technique", draft.technique, Technique, "Technique")
        and draft.technique is Technique.OTHER
    ):
        c.text("technique_other", draft.technique_other, "The other technique", required=True)
    _check_zones(c, draft, volume, length if length is not None and length > 0 else None)
    pain = c.number("pain_score", draft.pain_score, "Pain score", integer=True, required=False)
    c.within("pain_score", pain, "Pain score", "", low=0, high=10)
    _check_lots(c, draft, lots, day)
    _check_adverse_events(c, draft, day)
    c.text(
        "immediate_reactions",
        draft.immediate_reactions,
        "Immediate reactions",
        max_length=2000,
        multiline=True,
    )
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


def _check_zones(
    c: Checker, draft: SessionDraft, volume: float | None, needle: float | None
) -> None:
    if not draft.zones:
        c.error("zones", "Mark at least one scalp zone on the map.", "no_zones")
    seen = set()
    zone_volume = 0.0
    for index, entry in enumerate(draft.zones):
        field = f"zones[{index}]"
        label = entry.zone.label
        if entry.zone in seen:
            c.error(field, f"{label} is listed twice.", "duplicate_zone")
        seen.add(entry.zone)
        depth = c.number(f"{field}.depth_mm", entry.depth_mm, f"Depth in {label}", "mm")
        if depth is not None:
            if depth <= 0:
                c.error(
                    f"{field}.depth_mm",
                    f"Depth {depth:g} mm in {label} is refused: it must be more than 0 mm.",
                    "out_of_range",
                )
            elif needle is not None and depth > needle:
                c.error(
                    f"{field}.depth_mm",
                    f"Depth {depth:g} mm in {label} is deeper than the "
                    f"{needle:g} mm needle: refused.",
                    "depth_exceeds_needle",
                )
            elif depth > 4:
                c.warn(
                    f"{field}.depth_mm",
                    f"Depth {depth:g} mm in {label} is deeper than the "
                    "usual 4 mm on the scalp: please check.",
                    "deep_injection",
                )
        z_volume = c.number(
            f"{field}.volume_ml", entry.volume_ml, f"Volume in {label}", "mL", required=False
        )
        c.within(
            f"{field}.volume_ml",
            z_volume,
            f"Volume in {label}",
            "mL",
            low=0,
            low_open=True,
            high=100,
        )
        zone_volume += z_volume or 0.0
        points = c.number(
            f"{field}.points", entry.points, f"Points in {label}", integer=True, required=False
        )
        c.within(
            f"{field}.points", points, f"Points in {label}", "", low=1, high=5000, warn_high=300
        )
        spacing = c.number(
            f"{field}.spacing_cm", entry.spacing_cm, f"Spacing in {label}", "cm", required=False
        )
        c.within(
            f"{field}.spacing_cm",
            spacing,
            f"Spacing in {label}",
            "cm",
            low=0,
            low_open=True,
            high=10,
            warn_low=0.5,
            warn_high=1.5,
        )
    if volume is not None and volume > 0 and zone_volume > volume * 1.05:
        c.warn(
            "zones",
            f"The zones add up to {zone_volume:g} mL, more than the {volume:g} mL "
            "injected in total.",
            "zone_volume_over_total",
        )


def _check_lots(c: Checker, draft: SessionDraft, lots: Mapping[int, LotFacts], day: date) -> None:
    seen = set()
    for index, use in enumerate(draft.lots):
        field = f"lots[{index}]"
        facts = lots.get(use.lot_id)
        if facts is None:
            c.error(field, f"Lot #{use.lot_id} is not in the lot register.", "unknown_lot")
            continue
        name = f"Lot {facts.lot_number} of {facts.product_name}"
        if use.lot_id in seen:
            c.error(field, f"{name} is listed twice.", "duplicate_lot")
        seen.add(use.lot_id)
        quantity = c.number(f"{field}.quantity", use.quantity, f"Quantity of {name}")
        c.within(f"{field}.quantity", quantity, f"Quantity of {name}", "", low=0, low_open=True)
        if facts.expiry_date < day:
            c.error(
                field, f"{name} expired on {facts.expiry_date:%d.%m.%Y}: refused.", "lot_expired"
            )
        elif facts.expiry_date <= day + timedelta(days=NEAR_EXPIRY_DAYS):
            c.warn(
                field,
                f"{name} expires on {facts.expiry_date:%d.%m.%Y}, within {NEAR_EXPIRY_DAYS} days.",
                "lot_near_expiry",
            )
        if facts.quantity_left <= 0:
            c.warn(field, f"The register shows none of {name} left: check the stock.", "lot_empty")


def _check_adverse_events(c: Checker, draft: SessionDraft, day: date) -> None:
    if draft.no_adverse_events and draft.adverse_events:
        c.error(
            "no_adverse_events",
            "“No adverse events” is ticked, but adverse events are listed.",
            "none_and_events",
        )
    for index, event in enumerate(draft.adverse_events):
        field = f"adverse_events[{index}]"
        if not c.choice(f"{field}.event_type", event.event_type, AdverseEventType, "Event"):
            continue
        label = event.event_type.label
        if event.onset_on < day:
            c.error(
                f"{field}.onset_on",
                f"{label}: onset {event.onset_on:%d.%m.%Y} is before the session.",
                "onset_before_session",
            )
        if event.resolved_on is not None and event.resolved_on < event.onset_on:
            c.error(
                f"{field}.resolved_on",
                f"{label}: resolved before its onset.",
                "resolved_before_onset",
            )
        c.text(
            f"{field}.description",
            event.description,
            f"{label} description",
            max_length=2000,
            multiline=True,
        )


def validate_for_signing(draft: SessionDraft) -> list[Problem]:
    """What a signature adds: the record must be complete."""
    c = Checker()
    if not draft.adverse_events and not draft.no_adverse_events:
        c.error(
            "no_adverse_events",
            "Before signing, record the adverse events or tick “No adverse events”.",
            "adverse_events_unstated",
        )
    if draft.pain_score is None:
        c.error("pain_score", "Before signing, record the pain score (0–10).", "pain_missing")
    if not draft.practitioner_id:
        c.error("practitioner_id", "Choose the practitioner who treated.", "required")
    return c.problems


# -- outcomes -------------------------------------------------------------------------------
def validate_outcome(draft: OutcomeDraft, *, today: date) -> list[Problem]:
    c = Checker()
    if draft.measured_on > today:
        c.error(
            "measured_on", f"Date {draft.measured_on:%d.%m.%Y} is in the future.", "future_date"
        )
    for field, label in (
        ("density_change_pct", "Density change"),
        ("diameter_change_pct", "Diameter change"),
    ):
        value = c.number(field, getattr(draft, field), label, "%", required=False)
        c.within(field, value, label, "%", low=-100, high=1000, warn_high=100)
    ga = c.number(
        "global_assessment",
        draft.global_assessment,
        "Global assessment",
        integer=True,
        required=False,
    )
    c.within("global_assessment", ga, "Global assessment", "", low=-3, high=3)
    sat = c.number("satisfaction", draft.satisfaction, "Satisfaction", integer=True, required=False)
    c.within("satisfaction", sat, "Satisfaction", "", low=0, high=10)
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems

"""The clinical rules: what is refused, what is warned, for each draft (DOMAIN.md's ranges).

Each function returns every problem it finds and never raises: the form shows them as the
user types, the service passes them to `validation.enforce` before writing. Ranges accept
what clinics do, warn just outside the common band, and refuse only the impossible or a
clear typo. Assessment and session rules live in their own modules and are re-exported here,
so that callers need only this one.
"""

from __future__ import annotations

import re
from datetime import date

from mesodesk.domain.assessment_rules import validate_assessment
from mesodesk.domain.drafts import (
    HairLossTreatments,
    IngredientDraft,
    LotDraft,
    MedicalHistory,
    OutcomeDraft,
    PatientDraft,
    RecipeDraft,
    RecipeItemDraft,
)
from mesodesk.domain.enums import Checkpoint, ConcentrationUnit, IngredientClass, Sex
from mesodesk.domain.patient_row import age_on
from mesodesk.domain.session_rules import (
    NEAR_EXPIRY_DAYS,
    LotFacts,
    validate_for_signing,
    validate_session,
)
from mesodesk.domain.validation import NOTES_MAX, Band, Checker, Problem, fmt_date

__all__ = [
    "NEAR_EXPIRY_DAYS",
    "LotFacts",
    "validate_assessment",
    "validate_for_signing",
    "validate_ingredient",
    "validate_lot",
    "validate_outcome",
    "validate_patient",
    "validate_recipe",
    "validate_session",
]

MAX_AGE_YEARS = 120
ADULT_AGE = 16
RECIPE_VOLUME = Band(low=0, low_open=True, high=100, warn_low=0.5, warn_high=20)  # mL
CONCENTRATION = Band(low=0)
PERCENT_CONCENTRATION = Band(low=0, high=100)
LOT_QUANTITY = Band(low=0, low_open=True, high=100_000)
CHANGE_PCT = Band(low=-100, high=1000, warn_high=100)  # versus baseline
GLOBAL_ASSESSMENT = Band(low=-3, high=3)  # −3 greatly worse … +3 greatly improved
SATISFACTION = Band(low=0, high=10)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE_ALLOWED = frozenset("0123456789 +-().")


def _not_a(draft: object, expected: type) -> list[Problem]:
    c = Checker()
    c.error("", f"Expected a {expected.__name__}, got {type(draft).__name__}.", "wrong_type")
    return c.problems


def _years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier (29 February falls back to the 28th)."""
    if day.year <= years:
        return date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


# -- patients ------------------------------------------------------------------------------
_HISTORY_FLAG_NAMES = (
    "anticoagulants",
    "diabetes",
    "immune_disease",
    "cancer",
    "pregnant",
    "breastfeeding",
    "planning_conception",
    "active_scalp_infection",
    "herpes",
    "keloid_tendency",
)


def validate_patient(draft: PatientDraft, *, today: date) -> list[Problem]:
    """Identity, contact and free texts of a patient record."""
    if not isinstance(draft, PatientDraft):
        return _not_a(draft, PatientDraft)
    c = Checker()
    c.text("family_name", draft.family_name, "Family name", required=True, max_length=100)
    c.text("given_names", draft.given_names, "Given names", required=True, max_length=100)
    c.text("record_number", draft.record_number, "Record number", max_length=32)
    _check_birth_date(c, draft.birth_date, today)
    c.choice("sex", draft.sex, Sex, "Sex")
    phone = c.text("phone", draft.phone, "Phone", max_length=40)
    wrong = next((ch for ch in phone if ch not in _PHONE_ALLOWED), None)
    if wrong is not None:
        c.error(
            "phone",
            f"Phone “{phone}” contains “{wrong}”: a phone number may hold only digits, "
            "spaces and + - ( ) .",
            "phone_format",
        )
    email = c.text("email", draft.email, "E-mail", max_length=200)
    if email and not _EMAIL.match(email):
        c.warn(
            "email",
            f"E-mail “{email}” does not look like an address (name@example.org): please check.",
            "email_format",
        )
    c.text("address", draft.address, "Address", max_length=1000, multiline=True)
    c.text("allergies", draft.allergies, "Allergies", max_length=NOTES_MAX, multiline=True)
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    c.flag("consent_treatment", draft.consent_treatment, "Consent to treatment")
    c.flag("consent_photos", draft.consent_photos, "Consent to photography")
    if isinstance(draft.history, MedicalHistory):
        notes = draft.history.notes
        c.text("history.notes", notes, "History notes", max_length=NOTES_MAX, multiline=True)
        for key in _HISTORY_FLAG_NAMES:
            c.flag(
                f"history.{key}", getattr(draft.history, key), key.replace("_", " ").capitalize()
            )
    else:
        c.error("history", "The medical history cannot be read.", "wrong_type")
    if isinstance(draft.treatments, HairLossTreatments):
        c.text("treatments.other", draft.treatments.other, "Other treatments", max_length=1000)
        for key in ("minoxidil", "finasteride", "dutasteride", "prp", "transplant"):
            c.flag(f"treatments.{key}", getattr(draft.treatments, key), key.capitalize())
    else:
        c.error("treatments", "The hair-loss treatments cannot be read.", "wrong_type")
    _check_allergy_links(c, draft.allergy_ingredient_ids)
    return c.problems


def _check_birth_date(c: Checker, value: object, today: date) -> None:
    born = c.day("birth_date", value, "Date of birth")
    if born is None:
        return
    if born > today:
        c.error("birth_date", f"Date of birth {fmt_date(born)} is in the future.", "future_date")
    elif born < _years_before(today, MAX_AGE_YEARS):
        c.error(
            "birth_date",
            f"Date of birth {fmt_date(born)} is more than {MAX_AGE_YEARS} years ago: "
            "please check the year.",
            "implausible_age",
        )
    elif (age := age_on(born, today)) < ADULT_AGE:
        c.warn(
            "birth_date",
            f"The patient is {age} years old (under {ADULT_AGE}): scalp mesotherapy is rarely "
            "given to minors; check the consent of a parent or guardian.",
            "minor",
        )


def _check_allergy_links(c: Checker, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, list | tuple | set | frozenset):
        c.error("allergy_ingredient_ids", "The allergy links cannot be read.", "wrong_type")
        return
    seen: set[int] = set()
    for index, raw in enumerate(value):
        field = f"allergy_ingredient_ids[{index}]"
        ident = c.ident(field, raw, "Allergy ingredient")
        if ident is not None and ident in seen:
            c.error(
                field, f"Ingredient #{ident} is linked as an allergy twice.", "duplicate_allergy"
            )
        if ident is not None:
            seen.add(ident)


# -- mixtures and lots ---------------------------------------------------------------------
def _concentration_band(unit: ConcentrationUnit | None) -> Band:
    return PERCENT_CONCENTRATION if unit is ConcentrationUnit.PERCENT else CONCENTRATION


def validate_ingredient(draft: IngredientDraft) -> list[Problem]:
    """An entry of the ingredient library."""
    if not isinstance(draft, IngredientDraft):
        return _not_a(draft, IngredientDraft)
    c = Checker()
    c.text("name", draft.name, "Ingredient name", required=True, max_length=120)
    c.choice("ingredient_class", draft.ingredient_class, IngredientClass, "Ingredient class")
    unit = c.choice("unit", draft.unit, ConcentrationUnit, "Unit")
    c.ranged(
        "default_concentration",
        draft.default_concentration,
        "Default concentration",
        unit.value if unit else "",
        _concentration_band(unit),
        required=False,
    )
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    c.flag(
        "pregnancy_contraindicated",
        draft.pregnancy_contraindicated,
        "Contraindicated in pregnancy",
    )
    return c.problems


def validate_recipe(draft: RecipeDraft) -> list[Problem]:
    """A template or a patient's variant: a name, a volume, each ingredient once."""
    if not isinstance(draft, RecipeDraft):
        return _not_a(draft, RecipeDraft)
    c = Checker()
    c.text("name", draft.name, "Recipe name", required=True, max_length=120)
    c.flag("is_template", draft.is_template, "Template")
    c.ranged("total_volume_ml", draft.total_volume_ml, "Total volume", "mL", RECIPE_VOLUME)
    entries = c.items("items", draft.items, RecipeItemDraft, "Ingredients")
    if not draft.items:
        c.error("items", "A recipe needs at least one ingredient.", "no_items")
    seen: set[int] = set()
    for index, item in entries:
        field = f"items[{index}]"
        ident = c.ident(f"{field}.ingredient_id", item.ingredient_id, "Ingredient")
        if ident is not None and ident in seen:
            c.error(
                f"{field}.ingredient_id",
                f"Ingredient #{ident} is listed twice: give it once, with its whole amount.",
                "duplicate_ingredient",
            )
        if ident is not None:
            seen.add(ident)
        unit = c.choice(f"{field}.unit", item.unit, ConcentrationUnit, "Unit")
        c.ranged(
            f"{field}.concentration",
            item.concentration,
            f"Concentration of ingredient {index + 1}",
            unit.value if unit else "",
            _concentration_band(unit),
        )
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


def validate_lot(draft: LotDraft, *, today: date) -> list[Problem]:
    """A product lot as it is registered on arrival."""
    if not isinstance(draft, LotDraft):
        return _not_a(draft, LotDraft)
    c = Checker()
    product = c.text("product_name", draft.product_name, "Product", required=True, max_length=120)
    number = c.text("lot_number", draft.lot_number, "Lot number", required=True, max_length=60)
    unit = c.text("unit", draft.unit, "Unit", max_length=20)
    c.ranged(
        "quantity_received",
        draft.quantity_received,
        "Quantity received",
        unit or "vials",
        LOT_QUANTITY,
    )
    expiry = c.day("expiry_date", draft.expiry_date, "Expiry date")
    if expiry is not None and expiry < today:
        c.warn(
            "expiry_date",
            f"Lot {number or '(no number)'} of {product or 'this product'} expired on "
            f"{fmt_date(expiry)}: you are registering an expired lot, which no session can use.",
            "lot_expired",
        )
    received = c.day("received_on", draft.received_on, "Received on", required=False)
    if received is not None and received > today:
        c.error("received_on", f"Received on {fmt_date(received)} is in the future.", "future_date")
    if draft.ingredient_id is not None:
        c.ident("ingredient_id", draft.ingredient_id, "Ingredient")
    c.text("supplier", draft.supplier, "Supplier", max_length=120)
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


# -- outcomes ------------------------------------------------------------------------------
def validate_outcome(draft: OutcomeDraft, *, today: date) -> list[Problem]:
    """An outcome at a checkpoint; changes are percentages versus baseline."""
    if not isinstance(draft, OutcomeDraft):
        return _not_a(draft, OutcomeDraft)
    c = Checker()
    on = c.day("measured_on", draft.measured_on, "Date")
    if on is not None and on > today:
        c.error("measured_on", f"Date {fmt_date(on)} is in the future.", "future_date")
    c.choice("checkpoint", draft.checkpoint, Checkpoint, "Checkpoint")
    for field, label in (
        ("density_change_pct", "Density change versus baseline"),
        ("diameter_change_pct", "Diameter change versus baseline"),
    ):
        c.ranged(field, getattr(draft, field), label, "%", CHANGE_PCT, required=False)
    c.ranged(
        "global_assessment",
        draft.global_assessment,
        "Global photographic assessment",
        "",
        GLOBAL_ASSESSMENT,
        integer=True,
        required=False,
    )
    c.ranged(
        "satisfaction",
        draft.satisfaction,
        "Patient satisfaction",
        "",
        SATISFACTION,
        integer=True,
        required=False,
    )
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems

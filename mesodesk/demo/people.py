"""Demo patients: identity, contact, history, allergies, consents and their mixture.

Each patient also gets a `PatientPlan`: the diagnosis, the mixture and where they stand in
their course, which the assessment and treatment generators follow. The plan keeps the
safety rules by construction: women never get a dutasteride mixture, and a patient allergic
to an ingredient of their template gets a personal variant without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mesodesk.demo.catalog import ALLERGY_TEXTS, FREE_TEXT_ALLERGIES, INGREDIENTS
from mesodesk.demo.context import Context
from mesodesk.demo.names import (
    FAMILY_NAMES,
    FEMALE_GIVEN,
    MALE_GIVEN,
    OTHER_GIVEN,
    PHONE_FORMATS,
    STREETS,
)
from mesodesk.domain.enums import Diagnosis, Sex
from mesodesk.domain.text import digits, fold

_UNITS = {spec.name: spec.unit.value for spec in INGREDIENTS}
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
# (stage, weight): where a patient stands in their course today.
STAGES = (("new", 8), ("active", 62), ("due_today", 6), ("overdue", 7), ("complete", 12))
STAGES += (("stopped", 5),)
_STAGE_NAMES = [name for name, _ in STAGES]
_STAGE_WEIGHTS = [weight for _, weight in STAGES]


@dataclass(slots=True)
class PatientPlan:
    id: int
    family: str
    given: str
    sex: Sex
    diagnosis: Diagnosis
    birth: int  # day ordinal
    age: int
    stage: str
    template_key: str
    recipe_id: int
    recipe_ingredients: tuple[str, ...]
    recipe_volume: float
    region: str  # which scalp zones the sessions treat (see shapes.REGIONS)
    practitioner: int
    anticoagulants: bool
    pregnant: bool
    inflamed: bool
    registered: int  # day ordinal
    start: int  # day ordinal of the course start (in the future for new patients)


def _diagnosis(ctx: Context, sex: Sex) -> tuple[Diagnosis, str, str]:
    """(diagnosis, template key, treated region)."""
    roll = ctx.rng.random()
    if sex is Sex.MALE:
        if roll < 0.74:
            return Diagnosis.AGA_MALE, ("aga" if roll < 0.60 else "minoxidil"), "male"
        if roll < 0.86:
            return Diagnosis.TELOGEN_EFFLUVIUM, "te", "diffuse"
        if roll < 0.95:
            return Diagnosis.ALOPECIA_AREATA, "areata", "patchy"
        return Diagnosis.MIXED, "aga", "male"
    if sex is Sex.FEMALE:
        if roll < 0.55:
            return Diagnosis.AGA_FEMALE, "female", "female"
        if roll < 0.80:
            return Diagnosis.TELOGEN_EFFLUVIUM, "te", "diffuse"
        if roll < 0.90:
            return Diagnosis.ALOPECIA_AREATA, "areata", "patchy"
        if roll < 0.95:
            return Diagnosis.TRACTION, "te", "female"
        return Diagnosis.MIXED, "female", "female"
    return Diagnosis.TELOGEN_EFFLUVIUM, "te", "diffuse"


_AGE_RANGES = {
    Diagnosis.AGA_MALE: (21, 62),
    Diagnosis.AGA_FEMALE: (26, 68),
    Diagnosis.TELOGEN_EFFLUVIUM: (19, 58),
    Diagnosis.ALOPECIA_AREATA: (18, 52),
    Diagnosis.TRACTION: (20, 45),
    Diagnosis.MIXED: (28, 62),
}


@lru_cache(maxsize=8192)
def _search_keys(family: str, given: str) -> tuple[str, str, str]:
    """(search_name, search_given, e-mail local part) for a name."""
    local = f"{fold(given).split()[0]}.{fold(family).replace(' ', '')}"
    return fold(f"{family} {given}"), fold(f"{given} {family}"), local


def _phone(ctx: Context) -> str:
    pattern = ctx.rng.choice(PHONE_FORMATS)
    count = pattern.count("#")
    filler = f"{ctx.rng.randrange(10**count):0{count}d}"
    parts = iter(filler)
    return "".join(next(parts) if ch == "#" else ch for ch in pattern)


def _history(ctx: Context, sex: Sex, age: int, diagnosis: Diagnosis) -> dict[str, bool]:
    rng = ctx.rng.random
    flags = {
        "anticoagulants": rng() < 0.04,
        "diabetes": rng() < 0.06,
        "immune_disease": rng() < (0.3 if diagnosis is Diagnosis.ALOPECIA_AREATA else 0.04),
        "cancer": rng() < 0.02,
        "pregnant": False,
        "breastfeeding": False,
        "planning_conception": False,
        "active_scalp_infection": False,
        "herpes": rng() < 0.05,
        "keloid_tendency": rng() < 0.03,
    }
    if sex is Sex.FEMALE and age < 44 and rng() < 0.06:
        flags[ctx.rng.choice(("pregnant", "breastfeeding", "planning_conception"))] = True
    return flags


_HISTORY_NOTES = {
    "anticoagulants": "Apixaban 5 mg twice daily (atrial fibrillation): expect bruising.",
    "diabetes": "Type 2 diabetes on metformin.",
    "immune_disease": "Hashimoto's thyroiditis, on levothyroxine.",
    "cancer": "Cancer history, in remission for over 5 years; oncologist informed.",
    "pregnant": "Pregnant: course paused.",
    "breastfeeding": "Breastfeeding.",
    "planning_conception": "Planning a pregnancy this year.",
    "active_scalp_infection": "Folliculitis: treatment deferred until healed.",
    "herpes": "Recurrent herpes labialis.",
    "keloid_tendency": "Keloid after an ear piercing.",
}


def make_patient(
    ctx: Context,
    number: int,
    stage: str | None = None,
    *,
    allergic: bool = False,
    variant: bool = False,
) -> PatientPlan:
    """Write one patient (and any personal mixture variant); return the plan to follow.

    `stage`, `allergic` and `variant` force what is otherwise drawn, so that the first
    patients of every data set show each situation at least once.
    """
    rng = ctx.rng
    roll = rng.random()
    sex = Sex.MALE if roll < 0.55 else Sex.FEMALE if roll < 0.985 else Sex.OTHER
    family_entry = rng.choice(FAMILY_NAMES)
    if isinstance(family_entry, tuple):
        family = family_entry[1] if sex is Sex.FEMALE else family_entry[0]
    else:
        family = family_entry
    pool = MALE_GIVEN if sex is Sex.MALE else FEMALE_GIVEN if sex is Sex.FEMALE else OTHER_GIVEN
    given = rng.choice(pool)
    diagnosis, template_key, region = _diagnosis(ctx, sex)
    low, high = _AGE_RANGES[diagnosis]
    age = rng.randint(low, high)
    birth = ctx.today - age * 365 - age // 4 - rng.randrange(1, 364)
    history = _history(ctx, sex, age, diagnosis)
    drawn = rng.choices(_STAGE_NAMES, _STAGE_WEIGHTS)[0]
    if stage is None:
        stage = "stopped" if history["pregnant"] else drawn
    elif history["pregnant"]:
        history["pregnant"] = False
    if stage == "new" and rng.random() < 0.25:
        history["active_scalp_infection"] = True
    inflamed = rng.random() < 0.1
    if inflamed and diagnosis is not Diagnosis.ALOPECIA_AREATA:
        template_key = "inflammatory"
    template = ctx.library.templates[template_key]
    patient_id = ctx.next_id("patients")
    registered = registration_day(ctx, patient_id, stage)
    stamp = ctx.moment(registered, rng.randrange(8 * 60, 18 * 60, 5))
    recipe_id, ingredients, allergy = template.id, template.spec.ingredients, ""
    allergy_links: list[str] = []
    roll = rng.random()
    if allergic or roll < 0.05:
        allergen, allergy = rng.choice(ALLERGY_TEXTS)
        allergy_links.append(allergen)
    elif roll < 0.09:
        allergy = rng.choice(FREE_TEXT_ALLERGIES)
    if (allergy_links and allergy_links[0] in ingredients) or rng.random() < 0.06 or variant:
        recipe_id, ingredients = _variant(
            ctx, patient_id, (family, given), template_key, stamp, allergy_links
        )
    search_name, search_given, local = _search_keys(family, given)
    phone = _phone(ctx) if rng.random() < 0.93 else ""
    email = f"{local}@{rng.choice(_EMAIL_DOMAINS)}" if rng.random() < 0.7 else ""
    street, city = rng.choice(STREETS)
    address = f"{street} {rng.randint(1, 180)}\n{city}" if rng.random() < 0.8 else ""
    male_aga = diagnosis in (Diagnosis.AGA_MALE, Diagnosis.MIXED) and sex is Sex.MALE
    consented = stage != "new" or rng.random() < 0.7
    photos = rng.random() < 0.85
    notes = " ".join(_HISTORY_NOTES[key] for key, on in history.items() if on)
    plan = PatientPlan(
        id=patient_id,
        family=family,
        given=given,
        sex=sex,
        diagnosis=diagnosis,
        birth=birth,
        age=age,
        stage=stage,
        template_key=template_key,
        recipe_id=recipe_id,
        recipe_ingredients=ingredients,
        recipe_volume=template.spec.total_volume_ml,
        region=region,
        practitioner=rng.choice(ctx.library.practitioners),
        anticoagulants=history["anticoagulants"],
        pregnant=history["pregnant"],
        inflamed=inflamed,
        registered=registered,
        start=course_start(ctx, patient_id, stage),
    )
    ctx.out["patients"].append(
        (
            patient_id,
            f"P{number:06d}",
            family,
            given,
            ctx.codec.day(birth),
            sex.value,
            phone,
            email,
            address,
            "",
            search_name,
            search_given,
            digits(phone),
            *history.values(),
            notes,
            allergy,
            (male_aga and rng.random() < 0.3) or rng.random() < 0.2,  # minoxidil
            male_aga and rng.random() < 0.3,  # finasteride
            male_aga and rng.random() < 0.05,  # oral dutasteride
            rng.random() < 0.1,  # PRP
            male_aga and rng.random() < 0.05,  # transplant
            "",
            consented,
            stamp if consented else None,
            photos,
            stamp if photos else None,
            1,
            stamp,
            stamp,
        )
    )
    for name in allergy_links:
        ctx.out["patient_allergies"].append((patient_id, ctx.library.ingredient_ids[name]))
    return plan


def registration_day(ctx: Context, patient_id: int, stage: str) -> int:
    """Patients register up to three weeks before their course starts."""
    return min(course_start(ctx, patient_id, stage), ctx.today) - (patient_id * 7919) % 22


def course_start(ctx: Context, patient_id: int, stage: str) -> int:
    """The day the patient's course starts (or would start), derived from their stage."""
    span = (patient_id * 104_729) % 10_007  # a stable per-patient spread, no extra randomness
    offsets = [step.offset for step in ctx.long_course.steps]
    if stage == "new":
        return ctx.today + 3 + span % 12
    if stage == "complete":
        return ctx.today - offsets[-1] - 30 - span % 200
    if stage == "due_today":
        return ctx.today - offsets[1 + span % (len(offsets) - 1)]
    if stage == "stopped":
        return ctx.today - 60 - span % 240
    if stage == "overdue":
        return ctx.today - offsets[2] - 3 - span % (offsets[-1] - offsets[2])
    return ctx.today - span % (offsets[-1] + 20)


def _variant(
    ctx: Context,
    patient_id: int,
    name: tuple[str, str],
    template_key: str,
    stamp: object,
    allergens: list[str],
) -> tuple[int, tuple[str, ...]]:
    """A personal copy of the template: without the allergen, or with a stronger first item."""
    template = ctx.library.templates[template_key]
    family, given = name
    items = list(template.spec.items)
    if allergens and allergens[0] in template.spec.ingredients:
        items = [item for item in items if item[0] != allergens[0]]
        change = f"{allergens[0]} removed (allergy)"
    else:
        name, concentration = items[0]
        stronger = round(concentration * (2 if name == "Dutasteride" else 1.5), 4)
        items[0] = (name, stronger)
        change = f"{name} {concentration:g} → {stronger:g} {_UNITS[name]}"
    recipe_id = ctx.next_id("recipes")
    ctx.out["recipes"].append(
        (
            recipe_id,
            f"{template.spec.name} – {family} {given[0]}.",
            False,
            patient_id,
            template.id,
            template.spec.total_volume_ml,
            f"Copied from “{template.spec.name}”: {change}.",
            stamp,
            stamp,
        )
    )
    ids = ctx.library.ingredient_ids
    for position, (name, concentration) in enumerate(items):
        ctx.out["recipe_items"].append(
            (
                ctx.next_id("recipe_items"),
                recipe_id,
                ids[name],
                concentration,
                _UNITS[name],
                position,
            )
        )
    return recipe_id, tuple(name for name, _ in items)

"""Baseline scalp assessments and outcome checkpoints for demo patients.

Figures follow the diagnosis: in androgenetic alopecia the frontal site is thinner and finer
than the occipital one (the comparison that matters in female pattern loss); telogen
effluvium raises the telogen share and gives a positive pull test; alopecia areata is staged
with SALT from its four weighted regions.
"""

from __future__ import annotations

from mesodesk.demo.context import Context
from mesodesk.demo.people import PatientPlan
from mesodesk.domain.enums import (
    Checkpoint,
    Contributor,
    Diagnosis,
    Severity,
    Sex,
    StagingScale,
    TrichoscopySite,
)

# Per diagnosis and site: density /cm², diameter µm, terminal %, single-hair units %, anagen %.
_Profile = tuple[
    tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]
]
_AGA_FRONT: _Profile = ((105, 170), (44, 60), (55, 75), (45, 65), (74, 84))
_NORMAL: _Profile = ((185, 250), (62, 78), (84, 93), (25, 40), (82, 90))
_TE: _Profile = ((140, 195), (56, 70), (78, 88), (30, 45), (60, 74))
PROFILES: dict[Diagnosis, tuple[_Profile, _Profile]] = {
    Diagnosis.AGA_MALE: (_AGA_FRONT, _NORMAL),
    Diagnosis.AGA_FEMALE: (((125, 180), (48, 62), (60, 78), (40, 55), (76, 86)), _NORMAL),
    Diagnosis.MIXED: (_AGA_FRONT, _TE),
    Diagnosis.TELOGEN_EFFLUVIUM: (_TE, _TE),
    Diagnosis.ALOPECIA_AREATA: (((165, 225), (58, 74), (80, 90), (28, 42), (76, 88)), _NORMAL),
    Diagnosis.TRACTION: (((110, 160), (50, 64), (66, 80), (38, 52), (78, 88)), _NORMAL),
}
_PULL_EXTRACTED = {
    Diagnosis.TELOGEN_EFFLUVIUM: (6, 12),
    Diagnosis.MIXED: (5, 9),
    Diagnosis.ALOPECIA_AREATA: (4, 9),
}
_CONTRIBUTORS = {
    Diagnosis.AGA_MALE: (Contributor.HORMONAL,),
    Diagnosis.AGA_FEMALE: (Contributor.HORMONAL, Contributor.NUTRITIONAL),
    Diagnosis.TELOGEN_EFFLUVIUM: (
        Contributor.POST_ILLNESS,
        Contributor.STRESS,
        Contributor.NUTRITIONAL,
        Contributor.MEDICATION,
    ),
    Diagnosis.ALOPECIA_AREATA: (Contributor.STRESS,),
    Diagnosis.TRACTION: (),
    Diagnosis.MIXED: (Contributor.HORMONAL, Contributor.STRESS),
}
_NORWOOD = ("II", "IIa", "III", "IIIa", "III-vertex", "IV", "IVa", "V", "Va", "VI")
_LUDWIG_TO = {"I": (("2", "3"), ("I-2", "I-3", "I-4")), "II": (("3", "4"), ("II-1", "II-2"))}
_LUDWIG_TO["III"] = (("4", "5"), ("III", "advanced"))
_MIXED_TEXT = "Androgenetic alopecia with telogen effluvium"


def _site(ctx: Context, site: TrichoscopySite, profile: _Profile, assessment_id: int) -> tuple:
    randint = ctx.rng.randint
    density, diameter, terminal, single, anagen = (randint(lo, hi) for lo, hi in profile)
    return (
        ctx.next_id("trichoscopy_measurements"),
        assessment_id,
        site.value,
        "",
        float(density),
        float(diameter),
        float(terminal),
        float(100 - terminal),
        float(single),
        float(anagen),
        float(100 - anagen),
    )


def salt_regions(ctx: Context) -> tuple[int, int, int, int, float, str]:
    """Four region percentages, their weighted SALT score and grade (never on a boundary)."""
    while True:
        vertex, posterior = ctx.rng.randint(0, 60), ctx.rng.randint(0, 50)
        right, left = ctx.rng.randint(0, 35), ctx.rng.randint(0, 35)
        score = round(0.4 * vertex + 0.24 * posterior + 0.18 * right + 0.18 * left, 1)
        for grade, (low, high) in enumerate(((2, 23), (26, 48), (51, 73), (76, 98)), start=1):
            if low <= score <= high:
                return vertex, posterior, right, left, score, f"S{grade}"


def _stages(ctx: Context, plan: PatientPlan) -> list[tuple[StagingScale, str]]:
    rng = ctx.rng
    male = plan.sex is Sex.MALE
    if plan.diagnosis is Diagnosis.AGA_MALE or (plan.diagnosis is Diagnosis.MIXED and male):
        top = min(len(_NORWOOD), 3 + plan.age // 8)
        return [(StagingScale.NORWOOD_HAMILTON, _NORWOOD[rng.randrange(top)])]
    if plan.diagnosis in (Diagnosis.AGA_FEMALE, Diagnosis.MIXED):
        ludwig = rng.choices(("I", "II", "III"), (50, 40, 10))[0]
        sinclair, savin = _LUDWIG_TO[ludwig]
        if rng.random() < 0.5:
            return [(StagingScale.LUDWIG, ludwig), (StagingScale.SINCLAIR, rng.choice(sinclair))]
        return [(StagingScale.LUDWIG, ludwig), (StagingScale.SAVIN, rng.choice(savin))]
    return []


def write_assessment(ctx: Context, plan: PatientPlan, day: int) -> None:
    """The baseline assessment, by the patient's practitioner, on `day`."""
    rng = ctx.rng
    assessment_id = ctx.next_id("assessments")
    salt: tuple = (None, None, None, None, None)
    stages = _stages(ctx, plan)
    if plan.diagnosis is Diagnosis.ALOPECIA_AREATA:
        *regions, grade = salt_regions(ctx)
        salt = tuple(float(value) for value in regions)
        stages = [(StagingScale.SALT, grade)]
    pulled = rng.randint(40, 60)
    low, high = _PULL_EXTRACTED.get(plan.diagnosis, (0, 3))
    options = _CONTRIBUTORS[plan.diagnosis]
    contributors = [c.value for c in options if rng.random() < 0.6]
    if plan.inflamed:
        contributors.append(Contributor.SCALP_INFLAMMATION.value)
    mild = Severity.MILD.value
    none = Severity.NONE.value
    inflamed = (Severity.MODERATE.value if rng.random() < 0.4 else mild) if plan.inflamed else none
    stamp = ctx.moment(day, rng.randrange(9 * 60, 17 * 60, 15))
    ctx.out["assessments"].append(
        (
            assessment_id,
            plan.id,
            plan.practitioner,
            ctx.codec.day(day),
            plan.diagnosis.value,
            _MIXED_TEXT if plan.diagnosis is Diagnosis.MIXED else "",
            ctx.codec.json(contributors),
            "",
            *salt,
            pulled,
            rng.randint(low, high),
            inflamed,
            (mild if plan.inflamed or rng.random() < 0.15 else none),
            (mild if plan.inflamed and rng.random() < 0.7 else none),
            none,
            (mild if plan.inflamed and rng.random() < 0.3 else none),
            "",
            stamp,
            stamp,
        )
    )
    for scale, stage in stages:
        ctx.out["assessment_stages"].append(
            (ctx.next_id("assessment_stages"), assessment_id, scale.value, stage)
        )
    frontal, occipital = PROFILES[plan.diagnosis]
    rows = ctx.out["trichoscopy_measurements"]
    rows.append(_site(ctx, TrichoscopySite.FRONTAL, frontal, assessment_id))
    rows.append(_site(ctx, TrichoscopySite.OCCIPITAL, occipital, assessment_id))


_RESPONSE = {
    Diagnosis.TELOGEN_EFFLUVIUM: (12, 35),
    Diagnosis.ALOPECIA_AREATA: (5, 40),
    Diagnosis.TRACTION: (3, 15),
}


def write_outcome(
    ctx: Context,
    plan: PatientPlan,
    course_id: int,
    day: int,
    checkpoint: Checkpoint,
    earlier: float | None = None,
) -> float:
    """Density change against baseline at a checkpoint; returns it for the next checkpoint.

    About one patient in eight does not respond; responders keep improving a little after
    week 12 (`earlier` is the change found at the previous checkpoint).
    """
    rng = ctx.rng
    low, high = _RESPONSE.get(plan.diagnosis, (2, 18))
    if earlier is None:
        density = rng.uniform(-5, 3) if rng.random() < 0.12 else rng.uniform(low, high)
    else:
        density = earlier + (rng.uniform(1, 8) if earlier > 3 else rng.uniform(-2, 2))
    diameter = density * rng.uniform(0.2, 0.5)
    if density > 20:
        global_score = rng.choice((2, 3))
    elif density > 8:
        global_score = rng.choice((1, 2))
    elif density > 0:
        global_score = rng.choice((0, 1))
    else:
        global_score = rng.choice((-1, 0))
    satisfaction = max(0, min(10, 6 + global_score + rng.randint(-1, 1)))
    stamp = ctx.moment(day, rng.randrange(9 * 60, 17 * 60, 15))
    ctx.out["outcomes"].append(
        (
            ctx.next_id("outcomes"),
            plan.id,
            course_id,
            ctx.codec.day(day),
            checkpoint.value,
            round(density, 1),
            round(diameter, 1),
            global_score,
            satisfaction,
            "",
            plan.practitioner,
            stamp,
            stamp,
        )
    )
    return density

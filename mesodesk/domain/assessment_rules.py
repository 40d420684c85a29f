"""Rules for a scalp assessment: staging scales, SALT regions, trichoscopy and the pull test.

Figures follow DOMAIN.md: density is refused only where no scalp can be (below 0 or above
1000 hairs/cm²) and warned outside a plausible band; stages must belong to their scale,
because a bare 'III' means nothing without it. Imported by `rules`.
"""

from __future__ import annotations

import re
from datetime import date

from mesodesk.domain.drafts import AssessmentDraft, SaltRegions, StageEntry, TrichoscopyEntry
from mesodesk.domain.enums import Contributor, Diagnosis, Severity, StagingScale, TrichoscopySite
from mesodesk.domain.text import fold
from mesodesk.domain.validation import NOTES_MAX, Band, Checker, Problem, fmt, fmt_date, shown

PERCENT = Band(low=0, high=100)
SALT_REGION = PERCENT
DENSITY = Band(low=0, high=1000, warn_low=30, warn_high=400)  # hairs/cm², normal ~150–300
DIAMETER = Band(low=0, low_open=True, high=200, warn_low=10, warn_high=120)  # µm
PULLED = Band(low=1, high=200, warn_low=40, warn_high=60)
EXTRACTED = Band(low=0)  # and at most the number pulled
SUM_TOLERANCE = 100.5  # percentages rounded per figure may add up to a little over 100

_TRICHOSCOPY = (
    ("density_per_cm2", "hair density", "hairs/cm²", DENSITY),
    ("mean_diameter_um", "mean shaft diameter", "µm", DIAMETER),
    ("terminal_pct", "terminal hairs", "%", PERCENT),
    ("vellus_pct", "vellus hairs", "%", PERCENT),
    ("single_hair_unit_pct", "single-hair follicular units", "%", PERCENT),
    ("anagen_pct", "anagen hairs", "%", PERCENT),
    ("telogen_pct", "telogen hairs", "%", PERCENT),
)
_PAIRS = (
    ("terminal_pct", "vellus_pct", "terminal", "vellus"),
    ("anagen_pct", "telogen_pct", "anagen", "telogen"),
)
_SEVERITIES = ("erythema", "scaling", "itch", "pain", "follicular_inflammation")
_BASP_HINT = ", or a basic type followed by F and/or V, e.g. “M2 F1”"


def validate_assessment(
    draft: AssessmentDraft, *, today: date, birth_date: date | None
) -> list[Problem]:
    """Every problem of an assessment draft; `birth_date` is the patient's, when known."""
    c = Checker()
    if not isinstance(draft, AssessmentDraft):
        c.error("", f"Expected an AssessmentDraft, got {type(draft).__name__}.", "wrong_type")
        return c.problems
    on = c.day("assessed_on", draft.assessed_on, "Assessment date")
    if on is not None and on > today:
        c.error("assessed_on", f"Assessment date {fmt_date(on)} is in the future.", "future_date")
    elif on is not None and isinstance(birth_date, date) and on < birth_date:
        c.error(
            "assessed_on",
            f"Assessment date {fmt_date(on)} is before the patient's birth "
            f"({fmt_date(birth_date)}).",
            "before_birth",
        )
    if c.choice("diagnosis", draft.diagnosis, Diagnosis, "Diagnosis") is Diagnosis.OTHER:
        c.other_text("diagnosis_other", draft.diagnosis_other, "diagnosis", max_length=200)
    else:
        c.text("diagnosis_other", draft.diagnosis_other, "The other diagnosis")
    _check_contributors(c, draft.contributors, draft.contributors_other)
    _check_stages(c, draft.stages)
    _check_salt(c, draft.salt)
    _check_trichoscopy(c, draft.trichoscopy)
    _check_pull_test(c, draft.pull_test_pulled, draft.pull_test_extracted)
    for name in _SEVERITIES:
        c.choice(name, getattr(draft, name), Severity, name.replace("_", " ").capitalize())
    c.text("notes", draft.notes, "Notes", max_length=NOTES_MAX, multiline=True)
    return c.problems


def _check_contributors(c: Checker, value: object, other: object) -> None:
    entries = c.items("contributors", value, object, "Contributors")
    picked = [c.choice(f"contributors[{i}]", v, Contributor, "Contributor") for i, v in entries]
    text = c.text("contributors_other", other, "Other contributors")
    if Contributor.OTHER in picked and not text:
        c.warn(
            "contributors_other",
            "“Other” is ticked among the contributors without saying which: please add it.",
            "other_text_missing",
        )


def stage_is_valid(scale: StagingScale, stage: str) -> bool:
    """A stage of the scale; BASP also takes a basic type plus specific types ('M2 F1')."""
    if stage in scale.stages:
        return True
    if scale is not StagingScale.BASP:
        return False
    tokens = [t for t in re.split(r"[\s,+/]+", stage) if t]
    if not tokens or any(t not in scale.stages for t in tokens):
        return False
    families = [t[0] for t in tokens]
    basic = sum(f in "LMCU" for f in families)
    return basic <= 1 and families.count("F") <= 1 and families.count("V") <= 1


def _check_stages(c: Checker, value: object) -> None:
    seen: set[StagingScale] = set()
    for index, entry in c.items("stages", value, StageEntry, "Stages"):
        field = f"stages[{index}]"
        scale = c.choice(f"{field}.scale", entry.scale, StagingScale, "Staging scale")
        if scale is None:
            continue
        if scale in seen:
            c.error(
                f"{field}.scale",
                f"{scale.label} is staged twice: keep one stage per scale.",
                "duplicate_scale",
            )
        seen.add(scale)
        stage = entry.stage.strip() if isinstance(entry.stage, str) else entry.stage
        if not isinstance(stage, str) or not stage_is_valid(scale, stage):
            hint = _BASP_HINT if scale is StagingScale.BASP else ""
            c.error(
                f"{field}.stage",
                f"Stage {shown(stage)} is not on the {scale.label} scale; choose one of "
                f"{', '.join(scale.stages)}{hint}.",
                "unknown_stage",
            )


def _check_salt(c: Checker, salt: object) -> None:
    if salt is None:
        return
    if not isinstance(salt, SaltRegions):
        c.error("salt", "The SALT regions cannot be read.", "wrong_type")
        return
    for region in ("vertex", "posterior", "right", "left"):
        label = f"SALT {region} hair loss"
        c.ranged(f"salt.{region}", getattr(salt, region), label, "%", SALT_REGION)


def _check_trichoscopy(c: Checker, value: object) -> None:
    """Figures per site; one set per site, since the frontal/occipital comparison needs it."""
    seen: set[tuple[TrichoscopySite, str]] = set()
    for index, entry in c.items("trichoscopy", value, TrichoscopyEntry, "Trichoscopy"):
        prefix = f"trichoscopy[{index}]"
        site = c.choice(f"{prefix}.site", entry.site, TrichoscopySite, "Site")
        other = ""
        if site is TrichoscopySite.OTHER:
            c.other_text(f"{prefix}.site_other", entry.site_other, "trichoscopy site")
            other = entry.site_other.strip() if isinstance(entry.site_other, str) else ""
        name = other or (site.label if site is not None else f"Site {index + 1}")
        if site is not None:
            if (site, fold(other)) in seen:
                c.error(
                    f"{prefix}.site",
                    f"{name} is measured twice: keep one set of figures per site.",
                    "duplicate_site",
                )
            seen.add((site, fold(other)))
        values = {
            field: c.ranged(
                f"{prefix}.{field}",
                getattr(entry, field),
                f"{name}: {label}",
                unit,
                band,
                required=False,
            )
            for field, label, unit, band in _TRICHOSCOPY
        }
        for a, b, a_name, b_name in _PAIRS:
            x, y = values[a], values[b]
            if x is not None and y is not None and x + y > SUM_TOLERANCE:
                c.warn(
                    f"{prefix}.{b}",
                    f"{name}: {a_name} {fmt(x)} % + {b_name} {fmt(y)} % = {fmt(x + y)} %, "
                    "more than 100 %: please check.",
                    "sum_over_100",
                )


def _check_pull_test(c: Checker, pulled: object, extracted: object) -> None:
    """Both counts or neither: a pull test is read as the share of hairs that came out."""
    if pulled is None and extracted is None:
        return
    n = c.ranged("pull_test_pulled", pulled, "Hairs pulled", "", PULLED, integer=True)
    e = c.ranged("pull_test_extracted", extracted, "Hairs extracted", "", EXTRACTED, integer=True)
    if n is not None and e is not None and e > n:
        c.error(
            "pull_test_extracted",
            f"{fmt(e)} hairs extracted out of {fmt(n)} pulled is impossible: at most "
            f"{fmt(n)} can come out.",
            "extracted_over_pulled",
        )

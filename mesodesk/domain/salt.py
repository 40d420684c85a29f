"""The Severity of Alopecia Tool: a weighted share of scalp hair lost, and its grade."""

from __future__ import annotations

from mesodesk.domain.drafts import SaltRegions

WEIGHTS = {"vertex": 0.40, "posterior": 0.24, "right": 0.18, "left": 0.18}


def salt_score(regions: SaltRegions) -> float:
    """0–100: each region's % loss times the share of the scalp it covers."""
    total = sum(getattr(regions, name) * weight for name, weight in WEIGHTS.items())
    return round(min(100.0, max(0.0, total)), 1)


def salt_grade(score: float) -> str:
    """S0 = 0, S1 = 1–24, S2 = 25–49, S3 = 50–74, S4 = 75–99, S5 = 100.

    Between bands a fractional score goes to the band it has entered: any loss above 0 is at
    least S1, 24.5 is still S1, 99.9 is S4 (only complete loss is S5).
    """
    if score <= 0:
        return "S0"
    if score >= 100:
        return "S5"
    for grade, upper in (("S1", 25), ("S2", 50), ("S3", 75), ("S4", 100)):
        if score < upper:
            return grade
    return "S5"

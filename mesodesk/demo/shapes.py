"""Pools of realistic injection sessions (technique, needle, zones, depths, points).

A session's technical part is picked from a pool built once per run instead of being drawn
value by value: generating 600,000 sessions then costs one random choice each, and every
shape in the pool was checked once against the depth rules (nappage and papules 1–2 mm,
point-by-point up to 4 mm, never deeper than the needle is long).
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from mesodesk.domain.enums import ScalpZone, Technique

ZoneRow = tuple[str, float, float, int, float]  # zone, depth mm, volume mL, points, spacing cm

Z = ScalpZone
REGIONS: dict[str, tuple[ScalpZone, ...]] = {
    "male": (Z.FRONTAL_HAIRLINE, Z.FRONTAL, Z.MID_SCALP, Z.VERTEX, Z.LEFT_TEMPORAL,
             Z.RIGHT_TEMPORAL),
    "female": (Z.FRONTAL_HAIRLINE, Z.FRONTAL, Z.MID_SCALP, Z.VERTEX, Z.LEFT_PARIETAL,
               Z.RIGHT_PARIETAL),
    "diffuse": tuple(ScalpZone),
    "patchy": (Z.VERTEX, Z.LEFT_TEMPORAL, Z.RIGHT_TEMPORAL, Z.LEFT_PARIETAL, Z.RIGHT_PARIETAL,
               Z.OCCIPITAL),
}  # fmt: skip
_ZONE_ORDER = {zone: index for index, zone in enumerate(ScalpZone)}

# technique: (weight, depths mm, needle lengths mm with weights, mL per point, spacings cm)
_TECHNIQUES = {
    Technique.NAPPAGE: (35, (1.0, 1.5, 2.0), ((4.0, 1),), 0.02, (0.5,)),
    Technique.PAPULE: (25, (1.0, 1.5, 2.0), ((4.0, 1),), 0.05, (1.0,)),
    Technique.POINT_BY_POINT: (
        25,
        (2.0, 2.5, 3.0, 3.5, 4.0),
        ((4.0, 10), (6.0, 7), (13.0, 3)),
        0.05,
        (1.0, 1.5),
    ),
    Technique.MESOGUN: (15, (1.0, 1.5, 2.0), ((4.0, 1),), 0.02, (0.5, 1.0)),
}
POOL_SIZE = 256


@dataclass(frozen=True, slots=True)
class Shape:
    technique: str
    gauge: int
    needle_mm: float
    volume_ml: float
    zones: tuple[ZoneRow, ...]


def _pick_weighted(rng: Random, options: tuple[tuple[float, int], ...]) -> float:
    values = [value for value, _ in options]
    weights = [weight for _, weight in options]
    return rng.choices(values, weights)[0]


def make_shape(rng: Random, region: str, cap_ml: float) -> Shape:
    """One session's technical record; its zone volumes add up to the session volume."""
    techniques = list(_TECHNIQUES)
    technique = rng.choices(techniques, [_TECHNIQUES[t][0] for t in techniques])[0]
    _, depths, needles, per_point, spacings = _TECHNIQUES[technique]
    needle = _pick_weighted(rng, needles)
    gauge = 30 if needle > 6 else rng.choice((30, 30, 31, 32, 32))
    steps = [v / 2 for v in range(4, int(min(6.0, cap_ml) * 2) + 1)]  # 2.0, 2.5 … cap
    volume = rng.choice(steps)
    zones = sorted(rng.sample(REGIONS[region], rng.randint(2, 5)), key=_ZONE_ORDER.__getitem__)
    tenths = round(volume * 10)
    weights = [rng.uniform(0.6, 1.4) for _ in zones]
    shares = [max(2, int(tenths * w / sum(weights))) for w in weights]
    shares[-1] = tenths - sum(shares[:-1])
    while shares[-1] < 2:  # keep every zone at 0.2 mL or more
        biggest = max(range(len(shares) - 1), key=shares.__getitem__)
        shares[biggest] -= 1
        shares[-1] += 1
    rows = []
    base = rng.choice(depths)
    for zone, share in zip(zones, shares, strict=True):
        depth = min(max(base + rng.choice((-0.5, 0.0, 0.0, 0.5)), depths[0]), depths[-1], needle)
        zone_ml = share / 10
        points = max(4, round(zone_ml / per_point))
        rows.append((zone.value, depth, zone_ml, points, rng.choice(spacings)))
    return Shape(technique.value, gauge, needle, volume, tuple(rows))


class ShapePools:
    """`POOL_SIZE` shapes per (region, volume cap), built once per run from the seed."""

    def __init__(self, rng: Random, caps: set[float]) -> None:
        self.pools = {
            (region, cap): [make_shape(rng, region, cap) for _ in range(POOL_SIZE)]
            for region in REGIONS
            for cap in sorted(caps)
        }

    def pool(self, region: str, cap_ml: float) -> list[Shape]:
        return self.pools[(region, cap_ml)]

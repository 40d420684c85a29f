"""The clinic-wide demo rows: letterhead, staff, ingredients, recipe templates and lots.

Lots are laid out so that every session finds an unexpired lot of each product on its day:
each product has an old, a current and a fresh lot whose use windows follow one another. One
old lot has expired since it was last used (a recall and disposal example), one is close to
expiry, and the rest are well within date.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from random import Random

from mesodesk.demo.catalog import (
    CLINIC,
    EXPIRED_PRODUCT,
    INGREDIENTS,
    NEAR_EXPIRY_PRODUCT,
    PRODUCTS,
    STAFF,
    TEMPLATES,
    TemplateSpec,
)
from mesodesk.demo.sink import Codec, Row
from mesodesk.domain.enums import PaperSize, Role

# Lot use windows, in days before today: old lot until -180, current until -45, fresh after.
_WINDOW_STARTS = (-180, -45)
_RECEIVED = (-470, -180, -45)
EARLIEST_SESSION = -440  # the generator never books a session before this


@dataclass(frozen=True)
class Template:
    id: int
    spec: TemplateSpec


@dataclass(frozen=True)
class LotInfo:
    id: int
    product: str
    received: int  # day ordinal
    expiry: int


@dataclass
class Library:
    """Ids and lot windows the patient generator needs, and the stock it draws down."""

    today: int
    practitioners: tuple[int, ...]
    admin_id: int
    ingredient_ids: dict[str, int]
    templates: dict[str, Template]
    lots: list[LotInfo]
    product_of: dict[str, str]  # ingredient name -> product name
    _lots_by_product: dict[str, list[LotInfo]] = field(default_factory=dict)
    _cache: dict[tuple[tuple[str, ...], int], tuple[int, ...]] = field(default_factory=dict)
    used: Counter[int] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for lot in self.lots:
            self._lots_by_product.setdefault(lot.product, []).append(lot)
        self._starts = [self.today + offset for offset in _WINDOW_STARTS]

    def lots_for(self, ingredients: tuple[str, ...], day: int) -> tuple[int, ...]:
        """The lot of each ingredient's product in use on `day` (never one expired by then)."""
        window = bisect.bisect_right(self._starts, day)
        key = (ingredients, window)
        found = self._cache.get(key)
        if found is None:
            chosen = []
            for name in ingredients:
                product = self.product_of.get(name)
                if product is not None:
                    chosen.append(self._lots_by_product[product][window].id)
            found = self._cache[key] = tuple(chosen)
        return found


def build_library(
    rng: Random, codec: Codec, today: int, first_ids: dict[str, int]
) -> tuple[Library, dict[str, list[Row]]]:
    """The fixed rows of the demo clinic, and the `Library` that indexes them."""
    rows: dict[str, list[Row]] = {}
    stamp = codec.moment(today + EARLIEST_SESSION - 30, 9 * 60)
    clinic = CLINIC
    rows["clinic"] = [
        (
            first_ids["clinic"],
            clinic["name"],
            clinic["address"],
            clinic["phone"],
            clinic["email"],
            clinic["website"],
            PaperSize.A4.value,
            False,
            10,
            clinic["record_number_prefix"],
            stamp,  # login_chosen_at: the demo clinic has chosen no login (see the README)
            stamp,
            stamp,
        )
    ]
    user_ids: dict[str, int] = {}
    rows["users"] = []
    for offset, member in enumerate(STAFF):
        user_ids[member.username] = first_ids["users"] + offset
        rows["users"].append(
            (
                user_ids[member.username],
                member.username,
                member.display_name,
                member.role.value,
                member.credentials,
                True,
                stamp,
            )
        )
    ingredient_ids: dict[str, int] = {}
    rows["ingredients"] = []
    for offset, spec in enumerate(INGREDIENTS):
        ingredient_ids[spec.name] = first_ids["ingredients"] + offset
        rows["ingredients"].append(
            (
                ingredient_ids[spec.name],
                spec.name,
                spec.ingredient_class.value,
                spec.concentration,
                spec.unit.value,
                spec.pregnancy_contraindicated,
                spec.notes,
                True,
                stamp,
                stamp,
            )
        )
    templates, rows["recipes"], rows["recipe_items"] = _templates(
        codec, stamp, first_ids, ingredient_ids
    )
    lots, rows["lots"] = _lots(rng, codec, today, first_ids["lots"], ingredient_ids)
    staff = {member.username: member for member in STAFF}
    library = Library(
        today=today,
        practitioners=tuple(
            user_ids[name] for name, m in staff.items() if m.role is Role.PRACTITIONER
        ),
        admin_id=next(user_ids[n] for n, m in staff.items() if m.role is Role.ADMINISTRATOR),
        ingredient_ids=ingredient_ids,
        templates=templates,
        lots=lots,
        product_of={p.ingredient: p.product_name for p in PRODUCTS},
    )
    return library, rows


def _templates(
    codec: Codec, stamp: object, first_ids: dict[str, int], ingredient_ids: dict[str, int]
) -> tuple[dict[str, Template], list[Row], list[Row]]:
    units = {spec.name: spec.unit.value for spec in INGREDIENTS}
    templates: dict[str, Template] = {}
    recipes: list[Row] = []
    items: list[Row] = []
    item_id = first_ids["recipe_items"]
    for offset, spec in enumerate(TEMPLATES):
        recipe_id = first_ids["recipes"] + offset
        templates[spec.key] = Template(recipe_id, spec)
        recipes.append(
            (recipe_id, spec.name, True, None, None, spec.total_volume_ml, spec.notes, stamp, stamp)
        )
        for position, (name, concentration) in enumerate(spec.items):
            items.append(
                (item_id, recipe_id, ingredient_ids[name], concentration, units[name], position)
            )
            item_id += 1
    return templates, recipes, items


def _lots(
    rng: Random, codec: Codec, today: int, first_id: int, ingredient_ids: dict[str, int]
) -> tuple[list[LotInfo], list[Row]]:
    lots: list[LotInfo] = []
    rows: list[Row] = []
    lot_id = first_id
    for product in PRODUCTS:
        for age, received_offset in enumerate(_RECEIVED):
            received = today + received_offset
            if age == 0 and product.product_name == EXPIRED_PRODUCT:
                expiry, note = today - 15, "Expired: set aside for return to the supplier."
            elif age == 0 and product.product_name == NEAR_EXPIRY_PRODUCT:
                expiry, note = today + 20, "Use first: expires this month."
            else:
                expiry, note = received + 420 + rng.randrange(0, 180), ""
                if age == 0:
                    expiry = max(expiry, today + 60)
            year = date.fromordinal(received).year % 100
            number = f"{product.code}{year:02d}{chr(65 + age)}{rng.randrange(100, 999)}"
            lots.append(LotInfo(lot_id, product.product_name, received, expiry))
            rows.append(
                (
                    lot_id,
                    product.product_name,
                    number,
                    ingredient_ids[product.ingredient],
                    codec.day(expiry),
                    0.0,  # quantities are set once the sessions have drawn on the lot
                    0.0,
                    product.unit,
                    product.supplier,
                    codec.day(received),
                    note,
                    codec.moment(received, 10 * 60),
                    codec.moment(received, 10 * 60),
                )
            )
            lot_id += 1
    return lots, rows


def stock_updates(library: Library, rng: Random) -> tuple[list, list]:
    """(quantity_received, id) and (quantity_left, id) pairs: received = used + what is left."""
    received, left = [], []
    for lot in library.lots:
        if lot.expiry < library.today:
            remaining = 6.0
        elif lot.received >= library.today + _WINDOW_STARTS[1]:
            remaining = float(rng.randrange(20, 150))
        else:
            remaining = float(rng.randrange(0, 8))
        received.append((library.used[lot.id] + remaining, lot.id))
        left.append((remaining, lot.id))
    return received, left

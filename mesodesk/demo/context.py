"""State shared by the demo generators for one run: randomness, ids, output buffers."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from random import Random

from mesodesk.demo.library import Library
from mesodesk.demo.schedule import Protocol
from mesodesk.demo.shapes import ShapePools
from mesodesk.demo.sink import COLUMNS, Codec, Row


@dataclass
class Context:
    rng: Random
    codec: Codec
    library: Library
    today: int  # day ordinal
    now_minute: int  # minute of the local day at generation (today's draft is not in the future)
    pools: ShapePools
    long_course: Protocol
    short_course: Protocol
    first_ids: dict[str, int]
    draft_every: int  # one draft session for today per this many patients
    out: dict[str, list[Row]] = field(default_factory=lambda: {name: [] for name in COLUMNS})
    _counters: dict[str, Iterator[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._counters = {name: itertools.count(start) for name, start in self.first_ids.items()}

    def next_id(self, table: str) -> int:
        return next(self._counters[table])

    def id_source(self, table: str) -> Iterator[int]:
        """The id counter itself, for the hot loops (zones, lots) that call it millions of times."""
        return self._counters[table]

    def moment(self, day: int, minute: int) -> object:
        return self.codec.moment(day, minute)

    def take(self) -> dict[str, list[Row]]:
        """The rows buffered so far, in insertion order; the buffers start empty again."""
        taken = self.out
        self.out = {name: [] for name in COLUMNS}
        return taken

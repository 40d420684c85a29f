"""Service fixtures: a real SQLite file built through the migrations, and the people using it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mesodesk.domain.enums import Role
from mesodesk.services.clinic import ClinicService, UserView
from mesodesk.services.store import SYSTEM, Actor, Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(str(tmp_path / "clinic.db"))
    yield opened
    opened.dispose()


@pytest.fixture
def practitioner(store: Store) -> UserView:
    return ClinicService(store, SYSTEM).add_user(
        "dr.lena", "Dr Lena Vogel", Role.PRACTITIONER, "MD, dermatologist"
    )


@pytest.fixture
def actor(practitioner: UserView) -> Actor:
    return practitioner.as_actor()

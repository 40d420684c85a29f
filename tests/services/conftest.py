"""Service fixtures: a real database built through the migrations, and the people using it.

Every service test runs twice: on an SQLite file and on a PostgreSQL server (`clinic_db`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mesodesk.domain.enums import Role
from mesodesk.services.clinic import ClinicService, UserView
from mesodesk.services.store import SYSTEM, Actor, Store


@pytest.fixture
def store(clinic_db: str, tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(clinic_db, backup_dir=tmp_path / "backups")
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

"""Photo fixtures: a migrated database, a vault beside it, a practitioner, a consenting patient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from photo_files import register

from mesodesk.domain.enums import Role
from mesodesk.photos.vault import Vault
from mesodesk.services.clinic import ClinicService
from mesodesk.services.photos import PhotoService
from mesodesk.services.store import SYSTEM, Actor, Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(str(tmp_path / "clinic.db"))
    yield opened
    opened.dispose()


@pytest.fixture
def actor(store: Store) -> Actor:
    user = ClinicService(store, SYSTEM).add_user("dr.lena", "Dr Lena Vogel", Role.PRACTITIONER)
    return user.as_actor()


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault(tmp_path / "photos")


@pytest.fixture
def photos(store: Store, actor: Actor, vault: Vault) -> PhotoService:
    return PhotoService(store, actor, vault)


@pytest.fixture
def patient_id(store: Store) -> int:
    return register(store)

"""Open-data fixtures: a demo clinic (read by most tests) and a fresh clinic to import into."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mesodesk.demo import generate
from mesodesk.services import Services
from mesodesk.services.store import Store

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = Store.open(str(path))
    try:
        generate(store, patients=12, today=TODAY)
    finally:
        store.dispose()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    """A private copy of the demo clinic (exports write audit rows)."""
    copy = tmp_path / "demo.db"
    shutil.copy(demo_file, copy)
    store = Store.open(str(copy))
    yield Services(store)
    store.dispose()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Services]:
    (tmp_path / "other").mkdir()
    store = Store.open(str(tmp_path / "other" / "clinic.db"))
    yield Services(store)
    store.dispose()

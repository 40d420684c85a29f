"""Fixtures pytest-alembic asks for: our own Alembic configuration and an SQLite file engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_alembic import Config
from sqlalchemy import Engine

from mesodesk.db import migrate
from mesodesk.db.engine import make_engine, sqlite_url


@pytest.fixture
def alembic_config() -> Config:
    """The configuration the application builds in code, not alembic.ini."""
    return Config(alembic_config=migrate.alembic_config())


@pytest.fixture
def alembic_engine(tmp_path: Path) -> Iterator[Engine]:
    """A file (not in-memory) database with foreign keys off, as real migrations run."""
    made = make_engine(sqlite_url(tmp_path / "alembic.db"), foreign_keys=False)
    yield made
    made.dispose()

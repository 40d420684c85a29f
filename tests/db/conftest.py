"""Fixtures pytest-alembic asks for: our own Alembic configuration and an engine on each of
the two engines (an SQLite file, an empty PostgreSQL database), so its built-in tests run on
both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_alembic import Config
from sqlalchemy import Engine

from mesodesk.db import migrate
from mesodesk.db.engine import make_engine, sqlite_url
from tests.server import ENGINES


@pytest.fixture
def alembic_config() -> Config:
    """The configuration the application builds in code, not alembic.ini."""
    return Config(alembic_config=migrate.alembic_config())


@pytest.fixture(params=ENGINES)
def alembic_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A file (not in-memory) SQLite database with foreign keys off, as real migrations run;
    or a new, empty database on the PostgreSQL test server."""
    if request.param == "postgresql":
        made = make_engine(request.getfixturevalue("pg_url"))
        yield made
        made.dispose()
        return
    made = make_engine(sqlite_url(tmp_path / "alembic.db"), foreign_keys=False)
    yield made
    made.dispose()

"""Suite-wide set-up: headless Qt and a throw-away data folder, then a fresh migrated database.

The environment is set at import time, before any test module imports Qt or asks `paths`
where the user's data lives: no test may touch a real clinic's folder.

`clinic_db` is the one fixture that runs a test on both engines: an SQLite file, and a fresh
database on the PostgreSQL server named by MESODESK_TEST_PG_URL (see tests/server.py).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="mesodesk-tests-")
os.environ["MESODESK_HOME"] = _HOME
os.environ.pop("MESODESK_DATABASE_URL", None)  # a developer's own setting must not leak in
os.environ.pop("MESODESK_BACKUP_DIR", None)  # nor their backup disk or passphrase
os.environ.pop("MESODESK_BACKUP_PASSPHRASE", None)
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import Engine  # noqa: E402

from mesodesk.db.engine import make_engine, sqlite_url  # noqa: E402
from mesodesk.db.migrate import upgrade  # noqa: E402
from tests.server import ENGINES, MISSING_REASON, PgServer, server_required, server_url  # noqa: E402


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Switch off pytest-alembic's automatic test insertion (tests/db imports its tests).

    The plugin binds its tests to this very file, and its collector sets a node attribute
    that pytest 9.2 no longer has: collection would fail for the whole suite.
    """
    session.config.pluginmanager.unregister(name="pytest-alembic")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A new SQLite file, brought to the newest schema the way the application does it."""
    url = sqlite_url(tmp_path / "mesodesk.db")
    upgrade(url, backup_dir=tmp_path / "backups")
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine with the application's connection settings on the `db_url` database."""
    made = make_engine(db_url)
    yield made
    made.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The test PostgreSQL server; skips without one, fails without one in CI."""
    url = server_url()
    if url is None:
        if server_required():
            pytest.fail(f"PostgreSQL is required in this run, but there is {MISSING_REASON}")
        pytest.skip(MISSING_REASON)
    server = PgServer(url)
    yield server
    server.close()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A new, empty database on the test server (no schema yet)."""
    with pg_server.database() as url:
        yield url


@pytest.fixture(params=ENGINES)
def clinic_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a test's clinic lives, on each engine: an SQLite file path (not created yet:
    `Store.open` creates, locks and migrates it), or the URL of a new database at the newest
    schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "clinic.db")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    with server.database(migrated=True) as url:
        yield url

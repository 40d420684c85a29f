"""A PostgreSQL server for the tests: one fresh database per test, dropped afterwards.

`.ci/postgres start DIR` starts a throw-away server and prints its URL; the tests find it in
MESODESK_TEST_PG_URL. Without it, tests that need a server skip, saying so; with CI=1 or
MESODESK_TEST_PG_REQUIRED=1 they fail instead, so a CI run can never pass without them.

A database at the newest schema is made once per run (migrated the way the application does
it) and copied for each test with CREATE DATABASE … TEMPLATE, which takes a few tens of ms.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

PG_URL_ENV = "MESODESK_TEST_PG_URL"
PG_REQUIRED_ENV = "MESODESK_TEST_PG_REQUIRED"
ENGINES = ("sqlite", "postgresql")


def server_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def server_required() -> bool:
    flags = (os.environ.get(PG_REQUIRED_ENV, ""), os.environ.get("CI", ""))
    return any(flag.lower() in {"1", "true", "yes"} for flag in flags)


MISSING_REASON = (
    f"no PostgreSQL server configured: set {PG_URL_ENV} (`.ci/postgres start DIR` starts one "
    "and prints the URL)"
)


class PgServer:
    """Creates and drops the test databases on the server `url` points at."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self._names = itertools.count(1)
        self._prefix = f"mesodesk_test_{os.getpid()}"
        self._admin: Engine = create_engine(
            self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        self._template: str | None = None

    def url_of(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    def create(self, *, migrated: bool = False) -> str:
        """A new database: empty, or at the newest schema; returns its URL."""
        name = f"{self._prefix}_{next(self._names)}"
        template = self._migrated_template() if migrated else "template0"
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url_of(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextmanager
    def database(self, *, migrated: bool = False) -> Iterator[str]:
        url = self.create(migrated=migrated)
        try:
            yield url
        finally:
            self.drop(url)

    def _migrated_template(self) -> str:
        if self._template is None:
            from mesodesk.db.migrate import upgrade

            name = f"{self._prefix}_template"
            with self._admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
            upgrade(self.url_of(name))
            self._template = name
        return self._template

    def close(self) -> None:
        if self._template is not None:
            self.drop(self.url_of(self._template))
        self._admin.dispose()

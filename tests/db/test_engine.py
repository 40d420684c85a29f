"""The SQLite engine: pragmas on every connection, real transactions, where the URL comes from."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.orm import Session

from mesodesk import paths
from mesodesk.db.engine import make_engine, resolve_url, sqlite_path, sqlite_url
from mesodesk.db.models import User
from mesodesk.domain.enums import Role

# --- pragmas -----------------------------------------------------------------------------


def _pragmas(connection: Connection) -> dict[str, object]:
    return {
        name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    }


def test_every_connection_gets_the_pragmas(engine: Engine) -> None:
    with engine.connect() as first, engine.connect() as second:  # two pooled connections
        for connection in (first, second):
            read = _pragmas(connection)
            assert read["journal_mode"] == "wal"
            assert read["synchronous"] == 2  # FULL
            assert read["foreign_keys"] == 1
            assert isinstance(read["busy_timeout"], int)
            assert read["busy_timeout"] >= 5000


def test_the_migration_engine_has_foreign_keys_off(db_url: str) -> None:
    migration_engine = make_engine(db_url, foreign_keys=False)
    try:
        with migration_engine.connect() as connection:
            read = _pragmas(connection)
    finally:
        migration_engine.dispose()
    assert read["foreign_keys"] == 0
    assert read["journal_mode"] == "wal"
    assert read["synchronous"] == 2


# --- savepoints --------------------------------------------------------------------------


def _add_user(session: Session, name: str) -> None:
    session.add(User(username=name, display_name=name.title(), role=Role.FRONT_DESK))
    session.flush()


def _rollback_nested_then_commit(session: Session) -> None:
    """The nested part is rolled back, the outer transaction commits."""
    session.begin()
    nested = session.begin_nested()
    _add_user(session, "nested")
    nested.rollback()
    _add_user(session, "outer")
    session.commit()


def _release_nested_then_rollback(session: Session) -> None:
    """The nested part is released (kept), then the whole outer transaction is rolled back."""
    session.begin()
    session.execute(select(User.id)).all()  # reading first is what a form does
    with session.begin_nested():
        _add_user(session, "nested")
    _add_user(session, "outer")
    session.rollback()


Scenario = Callable[[Session], None]
SCENARIOS: list[tuple[Scenario, list[str], list[str], str]] = [
    # scenario, correct outcome, outcome seen without the fix, why it goes wrong (or not)
    (
        _rollback_nested_then_commit,
        ["outer"],
        ["outer"],
        "pysqlite's legacy mode starts no transaction for SAVEPOINT, but SQLite opens one "
        "itself, and ROLLBACK TO keeps it open: this order happens to work without the fix",
    ),
    (
        _release_nested_then_rollback,
        [],
        ["nested"],
        "the SAVEPOINT opened the transaction, so RELEASE committed it: the outer rollback "
        "cannot undo the nested row, and the outer row ran in a new transaction of its own",
    ),
]


def _usernames(url: str) -> list[str]:
    path = sqlite_path(url)
    assert path is not None
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT username FROM users ORDER BY id")]


def _statements(engine: Engine) -> list[str]:
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.split()[0])

    return seen


@pytest.mark.parametrize(
    ("scenario", "correct"),
    [(s[0], s[1]) for s in SCENARIOS],
    ids=[s[0].__name__.strip("_") for s in SCENARIOS],
)
def test_savepoints_nest_inside_a_real_transaction(
    db_url: str, scenario: Scenario, correct: list[str]
) -> None:
    engine = make_engine(db_url)
    statements = _statements(engine)
    try:
        with Session(engine) as session:
            scenario(session)
    finally:
        engine.dispose()
    assert _usernames(db_url) == correct
    assert statements[0] == "BEGIN", "the transaction must open before the first SAVEPOINT"


@pytest.mark.parametrize(
    ("scenario", "correct", "broken", "why"),
    SCENARIOS,
    ids=[s[0].__name__.strip("_") for s in SCENARIOS],
)
def test_without_the_listeners_savepoints_misbehave(
    db_url: str, scenario: Scenario, correct: list[str], broken: list[str], why: str
) -> None:
    """What a plain `create_engine` does with the same sessions (pysqlite's legacy mode)."""
    plain = create_engine(db_url)
    try:
        with Session(plain) as session:
            scenario(session)
    finally:
        plain.dispose()
    observed = _usernames(db_url)
    if observed == correct:
        pytest.skip(f"no misbehaviour to show here: {why}")
    assert observed == broken, why


# --- where the database is ---------------------------------------------------------------


@pytest.fixture
def no_database_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("MESODESK_DATABASE_URL", raising=False)
    return monkeypatch


def test_a_file_path_becomes_an_absolute_sqlite_url(
    tmp_path: Path, no_database_env: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "clinic.db"
    assert resolve_url(target) == f"sqlite:///{target.resolve()}"
    assert resolve_url(str(target)) == f"sqlite:///{target.resolve()}"
    no_database_env.chdir(tmp_path)
    assert resolve_url("relative.db") == f"sqlite:///{(tmp_path / 'relative.db').resolve()}"


def test_a_url_is_taken_as_it_is(no_database_env: pytest.MonkeyPatch) -> None:
    server = "postgresql+psycopg://mesodesk@clinic-server/mesodesk"
    assert resolve_url(server) == server
    assert resolve_url("sqlite:///:memory:") == "sqlite:///:memory:"


def test_the_environment_variable_is_used_when_no_db_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = "postgresql+psycopg://mesodesk@clinic-server/mesodesk"
    monkeypatch.setenv("MESODESK_DATABASE_URL", server)
    assert resolve_url(None) == server
    assert resolve_url(tmp_path / "given.db") == sqlite_url(tmp_path / "given.db")  # --db wins
    monkeypatch.setenv("MESODESK_DATABASE_URL", str(tmp_path / "from-env.db"))
    assert resolve_url(None) == f"sqlite:///{(tmp_path / 'from-env.db').resolve()}"


def test_the_default_is_in_the_data_folder(
    tmp_path: Path, no_database_env: pytest.MonkeyPatch
) -> None:
    assert resolve_url(None) == sqlite_url(Path(os.environ["MESODESK_HOME"]) / "mesodesk.db")
    no_database_env.setenv("MESODESK_HOME", str(tmp_path / "portable"))
    assert resolve_url(None) == f"sqlite:///{(tmp_path / 'portable' / 'mesodesk.db').resolve()}"
    assert paths.default_database_path().parent == tmp_path / "portable"


@pytest.mark.parametrize("folder", ["a%20b", "q?x=1", "100% sure"])
def test_a_folder_name_that_looks_like_url_syntax_is_the_folder_used(
    tmp_path: Path, folder: str
) -> None:
    """SQLAlchemy decodes %XX in a URL and ends the path at `?`: `sqlite_url` escapes both."""
    database = tmp_path / folder / "clinic.db"
    database.parent.mkdir()
    engine = make_engine(sqlite_url(database))
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x)")
    finally:
        engine.dispose()
    assert database.is_file() and sorted(p.name for p in tmp_path.iterdir()) == [folder]


def test_sqlite_path_reads_the_file_back(tmp_path: Path) -> None:
    assert sqlite_path(sqlite_url(tmp_path / "a.db")) == (tmp_path / "a.db").resolve()
    assert sqlite_path("sqlite:///:memory:") is None
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("postgresql+psycopg://u@h/db") is None

"""The patient list's first page read at start-up without SQLAlchemy (`mesodesk.db.first_page`):
the same rows as the search service, and nothing at all whenever the full path must decide."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mesodesk.db.engine import sqlite_path, sqlite_url
from mesodesk.db.first_page import read_first_page
from mesodesk.db.urls import plain_sqlite_path
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Sex
from mesodesk.services.auth import AuthService
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store
from tests.instance_locks import held_elsewhere, locked

NAMES = [
    ("Ørsted", "Hans", Sex.MALE),
    ("Müller", "Jana", Sex.FEMALE),
    ("Aalto", "Kai", Sex.OTHER),
    ("muller", "Anne", Sex.UNKNOWN),
    ("Åberg", "Lise", Sex.FEMALE),
    ("Zeller", "Tom", Sex.MALE),
]


def _clinic(path: Path, *, sign_in: str = "none") -> Path:
    """A clinic file with six patients (one of them deleted) and the sign-in choice made."""
    store = Store.open(str(path))
    try:
        patients = PatientService(store, SYSTEM)
        ids = [
            patients.register(
                PatientDraft(family, given, date(1970 + i, 1 + i, 2 + i), sex, phone=f"030 {i}")
            ).id
            for i, (family, given, sex) in enumerate(NAMES)
        ]
        patients.delete(ids[-1], "Registered twice by mistake")
        auth = AuthService(store)
        if sign_in == "none":
            auth.choose_no_login(SYSTEM)
        elif sign_in == "required":
            auth.create_first_administrator("admin", "Clinic Admin", "correct horse battery 9")
    finally:
        store.dispose()
    return path


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    return _clinic(tmp_path / "clinic.db")


def test_the_first_page_lists_what_the_search_service_lists(clinic: Path) -> None:
    for limit in (100, 3):
        early = read_first_page(sqlite_url(clinic), limit)
        assert early is not None
        early.release()
        store = Store.open(str(clinic))
        try:
            assert early.rows == PatientService(store, SYSTEM).find("", limit=limit)
        finally:
            store.dispose()
    assert [row.family_name for row in early.rows] == ["Aalto", "Åberg", "muller"]


def test_its_lock_is_held_until_released_and_the_file_is_not_changed(clinic: Path) -> None:
    before = clinic.read_bytes()
    early = read_first_page(sqlite_url(clinic), 100)
    assert early is not None and len(early.rows) == 5  # the deleted patient is not listed
    assert locked(clinic)
    early.release()
    early.release()  # twice is harmless
    assert not locked(clinic)
    assert clinic.read_bytes() == before


@pytest.mark.parametrize("sign_in", ["required", "not chosen yet"])
def test_nothing_is_read_before_someone_could_sign_in(tmp_path: Path, sign_in: str) -> None:
    database = _clinic(tmp_path / "clinic.db", sign_in=sign_in)
    assert read_first_page(sqlite_url(database), 100) is None
    assert not locked(database)


def test_nothing_is_read_from_a_schema_that_is_to_be_upgraded(clinic: Path) -> None:
    with sqlite3.connect(clinic) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0002'")
    assert read_first_page(sqlite_url(clinic), 100) is None
    assert not locked(clinic)


def test_nothing_is_read_from_a_file_another_mesodesk_has_open(clinic: Path) -> None:
    with held_elsewhere(clinic):
        assert read_first_page(sqlite_url(clinic), 100) is None


def test_unreadable_files_and_other_databases_give_nothing_and_raise_nothing(
    tmp_path: Path, clinic: Path
) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 500)
    empty = tmp_path / "empty.db"
    empty.touch()
    for url in (
        sqlite_url(garbage),
        sqlite_url(empty),
        sqlite_url(tmp_path / "missing.db"),
        "sqlite:///:memory:",
        "postgresql+psycopg://clinic@server/mesodesk",
        f"{sqlite_url(clinic)}?timeout=5",  # options: only SQLAlchemy reads those
    ):
        assert read_first_page(url, 100) is None, url
    assert not locked(garbage)
    with sqlite3.connect(clinic) as connection:  # a value no patient row may hold
        connection.execute("UPDATE patients SET sex = 'dragon' WHERE family_name = 'Aalto'")
    assert read_first_page(sqlite_url(clinic), 100) is None
    assert not locked(clinic)


def test_plain_urls_are_read_as_sqlalchemy_reads_them(tmp_path: Path) -> None:
    for name in ("a.db", "with space/b.db", "a%20b/c.db", "q?x=1/d.db", "h#x/é.db"):
        url = sqlite_url(tmp_path / name)
        assert plain_sqlite_path(url) == sqlite_path(url) == (tmp_path / name).resolve()
    assert plain_sqlite_path("sqlite:////tmp/x%20y.db") == sqlite_path("sqlite:////tmp/x%20y.db")
    for url in ("sqlite:///:memory:", "sqlite://", "sqlite+pysqlite:///x.db", "sqlite:///x.db?a=1"):
        assert plain_sqlite_path(url) is None


def test_reading_it_loads_no_database_library(clinic: Path) -> None:
    code = (
        "import sys\nfrom mesodesk.db.first_page import read_first_page\n"
        "early = read_first_page('sqlite:///' + sys.argv[1], 100)\n"
        "print(len(early.rows), sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic') or m.startswith(('mesodesk.services', 'mesodesk.db.models'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(clinic.resolve())],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    assert out.strip() == "5 []"

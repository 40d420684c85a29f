"""The patient list's first page, read before SQLAlchemy, the models and the services load.

Loading those takes about half a second of Python at start-up; the standard library's sqlite3
reads the first hundred patients in a millisecond. The window shows them at once, and the
search field, the charts and every write wait for the full store as before.

It is read only when showing it is what the full path would show: a plain SQLite file, not
on a network share, not open in another MesoDesk (the lock it takes is kept until the store
holds its own), with the schema at the shipped head (an older one is backed up and upgraded
first) and a clinic that chose to work without sign-in (otherwise no record shows before
someone signs in). Anything else, or anything unexpected, and it reads nothing: the full
path then opens the database and reports what is wrong. The file is opened read-only (as
for any reader of a WAL database, SQLite may create the `-wal` and `-shm` files beside it).

`STATEMENT` lists what `PatientService.find("")` lists (the tests compare the two).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from mesodesk.db.guard import InstanceLock, refuse_network_share
from mesodesk.db.revisions import shipped_head
from mesodesk.db.urls import plain_sqlite_path
from mesodesk.domain.enums import Sex
from mesodesk.domain.patient_row import PatientRow

log = logging.getLogger(__name__)

STATEMENT = (
    "SELECT id, record_number, family_name, given_names, birth_date, sex, phone "
    "FROM patients WHERE deleted_at IS NULL ORDER BY search_name, id LIMIT ?"
)
_POLICY = "SELECT login_chosen_at IS NOT NULL AND NOT require_login FROM clinic ORDER BY id LIMIT 1"


@dataclass
class FirstPage:
    """The rows, and the instance lock held for them until the store takes its own."""

    rows: list[PatientRow]
    lock: InstanceLock | None

    def release(self) -> None:
        lock, self.lock = self.lock, None
        if lock is not None:
            lock.release()


def read_first_page(url: str, limit: int) -> FirstPage | None:
    """The first `limit` patients by name, or None when they may not (or cannot) be read
    this way; never raises."""
    path = plain_sqlite_path(url)
    if path is None:
        return None
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        refuse_network_share(path)
        lock = InstanceLock.acquire(path)
    except Exception as exc:  # the full path refuses it with its message
        log.debug("first page not read early: %s", exc)
        return None
    try:
        rows = _read(path, limit)
    except Exception as exc:  # unreadable, damaged, an unexpected value: the full path decides
        log.debug("first page not read early: %s", exc)
        rows = None
    if rows is None:
        lock.release()
        return None
    return FirstPage(rows, lock)


def _read(path: Path, limit: int) -> list[PatientRow] | None:
    head = shipped_head()
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
        connection.execute("BEGIN")  # one snapshot for the version, the policy and the rows
        versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        if head is None or versions != [head]:
            return None
        open_to_all = connection.execute(_POLICY).fetchone()
        if open_to_all is None or not open_to_all[0]:
            return None
        found = connection.execute(STATEMENT, (limit,)).fetchall()
    return [
        PatientRow(id_, number, family, given, date.fromisoformat(born), Sex(sex), phone)
        for id_, number, family, given, born, sex, phone in found
    ]

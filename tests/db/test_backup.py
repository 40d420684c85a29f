"""Backups are consistent copies of a live database; a restore only ever puts back a sound one."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from mesodesk.db.backup import BackupError, copy_database, restore_database
from mesodesk.db.engine import make_engine, sqlite_url

ROW_BYTES = 1024


def _connect(path: Path) -> contextlib.closing[sqlite3.Connection]:
    return contextlib.closing(sqlite3.connect(path, isolation_level=None, timeout=10))


def rows(path: Path) -> list[tuple[int, bytes]]:
    with _connect(path) as conn:
        return conn.execute("SELECT id, body FROM notes ORDER BY id").fetchall()


def integrity(path: Path) -> str:
    with _connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(engine: Engine, count: int, tag: str = "row") -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body BLOB)")
        conn.exec_driver_sql(
            "INSERT INTO notes (body) VALUES (?)",
            [(f"{tag} {n} ".encode().ljust(ROW_BYTES, b"."),) for n in range(count)],
        )


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[Path, Engine]]:
    """A database in WAL mode, with the application's engine still open on it."""
    path = tmp_path / "clinic.db"
    engine = make_engine(sqlite_url(path))
    _fill(engine, 200)
    yield path, engine
    engine.dispose()


def test_a_copy_holds_what_is_committed_including_the_write_ahead_log(
    live: tuple[Path, Engine], tmp_path: Path
) -> None:
    source, _engine = live
    committed = rows(source)
    wal = Path(f"{source}-wal")
    assert wal.stat().st_size > 0, "the rows should still be in the WAL, not the main file"

    with _connect(source) as writer:  # another connection is half-way through a write
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO notes (body) VALUES (x'00')")
        writer.execute("UPDATE notes SET body = x'01' WHERE id = 1")
        copy = copy_database(source, tmp_path / "backups" / "copy.db")
        writer.execute("ROLLBACK")

    assert integrity(copy) == "ok"
    assert rows(copy) == committed
    with _connect(copy) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not Path(f"{copy}-wal").exists()
    assert not list((tmp_path / "backups").glob("*.partial"))


def test_a_copy_taken_while_another_connection_commits_is_a_consistent_snapshot(
    tmp_path: Path,
) -> None:
    source = tmp_path / "busy.db"
    engine = make_engine(sqlite_url(source))
    try:
        _fill(engine, 20_000)  # > 4096 pages: the copy takes several steps
    finally:
        engine.dispose()
    before = rows(source)
    steps: list[tuple[int, int]] = []
    started = threading.Event()

    def write() -> None:
        with _connect(source) as writer:
            for n in range(40):
                writer.execute(
                    "INSERT INTO notes (body) VALUES (?)", (f"late {n}".encode().ljust(ROW_BYTES),)
                )
                started.set()

    thread = threading.Thread(target=write)
    thread.start()
    started.wait(5)
    copy = copy_database(
        source, tmp_path / "busy-copy.db", progress=lambda done, total: steps.append((done, total))
    )
    thread.join(10)

    assert len(steps) > 1
    assert integrity(copy) == "ok"
    copied = rows(copy)
    assert copied[: len(before)] == before
    assert copied == rows(source)[: len(copied)], "the copy must be the source at one instant"


def test_restore_replaces_the_database_and_drops_its_stale_log(
    live: tuple[Path, Engine], tmp_path: Path
) -> None:
    source, engine = live
    backup = copy_database(source, tmp_path / "backup.db")
    kept = rows(backup)

    _fill(engine, 50, tag="after the backup")
    # A write-ahead log left over from the replaced file (as after a crash) must not be
    # replayed on top of the restored one.
    stale_log = Path(f"{source}-wal").read_bytes()
    engine.dispose()
    Path(f"{source}-wal").write_bytes(stale_log)

    restore_database(backup, source)

    reopened = make_engine(sqlite_url(source))  # as the application opens it next
    try:
        with reopened.connect() as conn:
            count = conn.exec_driver_sql("SELECT count(*) FROM notes").scalar()
    finally:
        reopened.dispose()
    assert count == len(kept)
    assert rows(source) == kept
    assert integrity(source) == "ok"
    assert not (tmp_path / "clinic.db.restoring").exists()


def test_a_damaged_backup_is_refused_and_the_database_is_untouched(
    live: tuple[Path, Engine], tmp_path: Path
) -> None:
    source, engine = live
    backup = copy_database(source, tmp_path / "backup.db")
    engine.dispose()
    data = bytearray(backup.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = bytes(4096)  # a lost sector in the middle of the file
    backup.write_bytes(bytes(data))
    target_before = digest(source)

    with pytest.raises(BackupError, match="cannot be restored"):
        restore_database(backup, source)

    assert digest(source) == target_before
    assert not (tmp_path / "clinic.db.restoring").exists()


def test_a_missing_backup_is_refused_and_not_created(
    live: tuple[Path, Engine], tmp_path: Path
) -> None:
    source, engine = live
    engine.dispose()
    target_before = digest(source)
    missing = tmp_path / "no-such-backup.db"

    with pytest.raises(BackupError, match="does not exist"):
        restore_database(missing, source)

    assert digest(source) == target_before
    assert not missing.exists()


def test_copying_a_missing_database_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(BackupError):
        copy_database(tmp_path / "absent.db", tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_copying_a_damaged_database_leaves_no_backup_behind(tmp_path: Path) -> None:
    source = tmp_path / "damaged.db"
    engine = make_engine(sqlite_url(source))
    _fill(engine, 200)
    engine.dispose()
    shutil.copyfile(source, tmp_path / "pristine.db")
    data = bytearray(source.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    source.write_bytes(bytes(data))

    with pytest.raises(BackupError):
        copy_database(source, tmp_path / "copy.db")

    assert not (tmp_path / "copy.db").exists()
    assert not (tmp_path / "copy.db.partial").exists()

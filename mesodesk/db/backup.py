"""Consistent copies of the SQLite store, made with SQLite's online backup API.

A backup is written to a temporary file, flushed, checked with `integrity_check` and only then
renamed into place: a half-written backup never carries a backup's name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ProgressCallback = Callable[[int, int], None]


class BackupError(RuntimeError):
    """A backup or restore could not be completed; the target was left untouched."""


def _integrity(path: Path) -> str:
    """`ok`, or what is wrong: a file too damaged to open reports its error, it does not raise."""
    if not path.is_file():
        return "the file does not exist"  # never let sqlite3.connect create an empty one
    try:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    except sqlite3.Error as exc:
        return str(exc)


def copy_database(source: Path, target: Path, *, progress: ProgressCallback | None = None) -> Path:
    """Copy a live SQLite database to `target` atomically; returns `target`."""
    source, target = Path(source), Path(target)
    if not source.exists():
        raise BackupError(f"There is no database at {source}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)

    def _report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        with (
            contextlib.closing(sqlite3.connect(source)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst, pages=4096, progress=_report)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        result = _integrity(partial)
        if result != "ok":
            raise BackupError(f"The copy of {source.name} failed its integrity check: {result}")
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise BackupError(f"Could not copy {source.name}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return target


def backup_name(source: Path, reason: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{Path(source).stem}-{stamp}-{reason}.db"


def restore_database(backup: Path, target: Path) -> None:
    """Replace `target` by a verified copy of `backup` (no other connection may be open)."""
    backup, target = Path(backup), Path(target)
    problem = _integrity(backup)
    if problem != "ok":
        detail = problem[:200]
        raise BackupError(f"{backup.name} cannot be restored ({detail}): nothing was changed.")
    staged = target.with_name(target.name + ".restoring")
    copy_database(backup, staged)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staged, target)

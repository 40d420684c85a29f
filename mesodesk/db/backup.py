"""Consistent copies of the SQLite store, made with SQLite's online backup API.

A backup is written to a temporary file, flushed, checked with `integrity_check` and only then
renamed into place: a half-written backup never carries a backup's name. Each backup in a
folder gets a manifest beside it (`NAME.json`: when, why, from where, schema revision, counts,
size, sha256), so a backup can be described, verified and rotated without being opened.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from mesodesk.files import file_sha256, fsync_folder, write_atomically

ProgressCallback = Callable[[int, int], None]
PLAIN_SUFFIX = ".db"
ENCRYPTED_SUFFIX = ".db.enc"
MANIFEST_SUFFIX = ".json"


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


def fsync_file(path: Path) -> None:
    """Force a file's bytes to disk: a rename is only safe after the data it names is there."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


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
            contextlib.closing(sqlite3.connect(source, isolation_level=None)) as src,
            contextlib.closing(sqlite3.connect(partial)) as dst,
        ):
            # Copy inside one read transaction: the copy is the database at that instant, and
            # commits by other processes meanwhile (WAL) no longer restart it. Without it, a
            # steady writer restarts the copy at every step and a large backup never ends.
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            src.backup(dst, pages=4096, progress=_report)
            src.execute("COMMIT")
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        fsync_file(partial)
        result = _integrity(partial)
        if result != "ok":
            raise BackupError(f"The copy of {source.name} failed its integrity check: {result}")
        os.replace(partial, target)
        fsync_folder(target.parent)
    except sqlite3.Error as exc:
        raise BackupError(f"Could not copy {source.name}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore_database(backup: Path, target: Path) -> None:
    """Replace `target` by a verified copy of `backup` (no other connection may be open).

    The copy is staged beside the target and checked once (`integrity_check`) before the swap:
    a damaged backup leaves the target untouched.
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise BackupError(f"{backup.name} cannot be restored (the file does not exist).")
    staged = target.with_name(target.name + ".restoring")
    try:
        copy_database(backup, staged)
    except BackupError as exc:
        raise BackupError(
            f"{backup.name} cannot be restored ({str(exc)[:200]}): nothing was changed."
        ) from exc
    swap_in(staged, target)


def swap_in(staged: Path, target: Path) -> None:
    """Put a verified, flushed file in place of `target`, dropping the old write-ahead log."""
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staged, target)
    fsync_folder(target.parent)


def verify_file(path: Path) -> None:
    """Raise BackupError unless `path` passes `integrity_check`."""
    problem = _integrity(path)
    if problem != "ok":
        raise BackupError(f"{path.name} failed its integrity check ({problem[:200]}).")


@dataclass(frozen=True)
class Manifest:
    """What a backup holds, stored as JSON beside it."""

    file: str  # the backup's file name, in the same folder as the manifest
    created: str  # local time with its UTC offset, ISO 8601
    reason: str
    source: str
    revision: str | None
    patients: int | None
    sessions: int | None
    size: int
    sha256: str
    encrypted: bool = False

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.created)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        fields = cls.__dataclass_fields__
        return cls(**{key: value for key, value in data.items() if key in fields})


def describe_database(path: Path) -> tuple[str | None, int | None, int | None]:
    """Schema revision, patients and sessions of an SQLite file, read-only; None where unknown."""
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    values: list[str | int | None] = []
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        for query in (
            "SELECT version_num FROM alembic_version",
            "SELECT count(*) FROM patients",
            "SELECT count(*) FROM treatment_sessions",
        ):
            try:
                row = conn.execute(query).fetchone()
            except sqlite3.Error:
                row = None
            values.append(row[0] if row else None)
    revision, patients, sessions = values
    return (
        None if revision is None else str(revision),
        None if patients is None else int(patients),
        None if sessions is None else int(sessions),
    )


def _reserve(folder: Path, source: Path, reason: str, now: datetime) -> str:
    """A name no other backup has, claimed atomically by creating its manifest exclusively.

    Names carry the second they were made; two backups in the same second (or two processes
    racing) get `-2`, `-3` … instead of overwriting each other.
    """
    base = f"{source.stem}-{now:%Y%m%d-%H%M%S}-{reason}"
    for attempt in range(1, 1000):
        stem = base if attempt == 1 else f"{base}-{attempt}"
        if (folder / f"{stem}{PLAIN_SUFFIX}").exists() or (
            folder / f"{stem}{ENCRYPTED_SUFFIX}"
        ).exists():
            continue
        try:
            os.close(os.open(folder / f"{stem}{MANIFEST_SUFFIX}", os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            continue
        return stem
    raise BackupError(f"Too many backups named {base} in {folder}.")


def write_backup(
    source: Path,
    folder: Path,
    reason: str,
    *,
    now: datetime | None = None,
    passphrase: str | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[Path, Manifest]:
    """Back `source` up into `folder` under a new name, with its manifest; encrypted on request.

    The plain snapshot of an encrypted backup is staged beside the source (the same disk and
    protection as the database itself), never in the backup folder.
    """
    source, folder = Path(source).resolve(), Path(folder)
    if not source.is_file():
        raise BackupError(f"There is no database at {source}.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"The backup folder {folder} cannot be used: {exc}") from exc
    moment = (now or datetime.now()).astimezone()
    stem = _reserve(folder, source, reason, moment)
    manifest_path = folder / f"{stem}{MANIFEST_SUFFIX}"
    if passphrase:
        target = folder / f"{stem}{ENCRYPTED_SUFFIX}"
        snapshot = source.with_name(f".{stem}.snapshot")
    else:
        target = snapshot = folder / f"{stem}{PLAIN_SUFFIX}"
    try:
        copy_database(source, snapshot, progress=progress)
        revision, patients, sessions = describe_database(snapshot)
        if passphrase:
            from mesodesk.db.crypto import encrypt_file

            encrypt_file(snapshot, target, passphrase)
        manifest = Manifest(
            file=target.name,
            created=moment.isoformat(timespec="seconds"),
            reason=reason,
            source=str(source),
            revision=revision,
            patients=patients,
            sessions=sessions,
            size=target.stat().st_size,
            sha256=file_sha256(target),
            encrypted=bool(passphrase),
        )
        write_atomically(manifest_path, manifest.to_json().encode("utf-8"))
    except BaseException:
        target.unlink(missing_ok=True)
        manifest_path.unlink(missing_ok=True)
        raise
    finally:
        if snapshot != target:
            snapshot.unlink(missing_ok=True)
    return target, manifest


def manifest_path_of(backup: Path) -> Path:
    name = Path(backup).name
    for suffix in (ENCRYPTED_SUFFIX, PLAIN_SUFFIX):
        if name.endswith(suffix):
            return Path(backup).with_name(name[: -len(suffix)] + MANIFEST_SUFFIX)
    return Path(backup).with_name(name + MANIFEST_SUFFIX)


def read_manifest(backup: Path) -> Manifest | None:
    """The manifest stored beside `backup`, or None when there is none (or it is unreadable)."""
    path = manifest_path_of(backup)
    try:
        return Manifest.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return None

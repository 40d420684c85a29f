"""Named backups, the daily automatic one, rotation, and restore with the current state kept.

Backups live in one folder the clinic chooses (`--to`, else `MESODESK_BACKUP_DIR`, else the
data folder's `backups/`), each file with its manifest beside it. The automatic backup runs
when a database is opened, at most once a calendar day, and only automatic backups are
rotated (7 daily, 4 weekly, 12 monthly): backups a person asked for, and those taken before a
migration or a restore, are never deleted by the application.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from mesodesk import paths
from mesodesk.db.backup import (
    ENCRYPTED_SUFFIX,
    MANIFEST_SUFFIX,
    BackupError,
    Manifest,
    copy_database,
    describe_database,
    manifest_path_of,
    read_manifest,
    swap_in,
    verify_file,
    write_backup,
)
from mesodesk.db.engine import sqlite_path
from mesodesk.db.guard import InstanceLock, quick_check
from mesodesk.files import file_sha256

if TYPE_CHECKING:
    from mesodesk.services.store import Store

log = logging.getLogger(__name__)
AUTOMATIC = "automatic"
PASSPHRASE_ENV = "MESODESK_BACKUP_PASSPHRASE"
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    manifest: Manifest

    @property
    def created(self) -> datetime:
        return self.manifest.created_at

    def describe(self) -> list[str]:
        """What a person deciding to restore needs to see, one line each."""
        m = self.manifest
        return [
            f"Backup:    {self.path}",
            f"Made:      {self.created:%Y-%m-%d %H:%M:%S} ({m.reason})",
            f"From:      {m.source}",
            f"Patients:  {_count(m.patients)}",
            f"Sessions:  {_count(m.sessions)}",
            f"Revision:  {m.revision or 'unknown'}",
            f"Size:      {m.size / 1e6:,.1f} MB" + (", encrypted" if m.encrypted else ""),
        ]


def _count(value: int | None) -> str:
    return "unknown" if value is None else f"{value:,}"


def backup_folder(to: str | os.PathLike[str] | None = None) -> Path:
    """`--to` if given, else MESODESK_BACKUP_DIR, else the data folder's backups/."""
    return Path(to).expanduser() if to else paths.backups_dir()


def passphrase_from(file: str | os.PathLike[str] | None = None) -> str | None:
    """The passphrase in `file` (its first line), else MESODESK_BACKUP_PASSPHRASE, else None."""
    if file:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise BackupError(f"The passphrase file cannot be read: {exc}") from exc
        if not lines or not lines[0]:
            raise BackupError(f"The passphrase file {file} is empty.")
        return lines[0]
    return os.environ.get(PASSPHRASE_ENV) or None


def _database_file(store_or_path: Store | str | os.PathLike[str]) -> Path:
    url = getattr(store_or_path, "url", None)
    if url is None:
        return Path(store_or_path).expanduser().resolve()  # type: ignore[arg-type]
    path = sqlite_path(url)
    if path is None:
        raise BackupError(
            "Only an SQLite database file is backed up by MesoDesk; a server database is "
            "backed up by its server (for PostgreSQL: pg_dump)."
        )
    return path


def take_backup(
    store_or_path: Store | str | os.PathLike[str],
    folder: Path | None = None,
    reason: str = "manual",
    *,
    passphrase: str | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Back up a database (an open Store or a file) into `folder`; safe while others write."""
    source = _database_file(store_or_path)
    path, manifest = write_backup(
        source, folder or backup_folder(), reason, now=now, passphrase=passphrase
    )
    log.info("Backed up %s to %s (%s)", source, path, reason)
    return BackupInfo(path, manifest)


def list_backups(folder: Path, source: Path | None = None) -> list[BackupInfo]:
    """Backups in `folder` with a readable manifest (of `source` only, if given), oldest first."""
    if not Path(folder).is_dir():
        return []
    wanted = str(Path(source).resolve()) if source is not None else None
    found = []
    for manifest_file in Path(folder).glob(f"*{MANIFEST_SUFFIX}"):
        try:
            manifest = Manifest.from_json(manifest_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            continue  # a name being reserved right now, or not ours
        backup = manifest_file.with_name(manifest.file)
        if backup.is_file() and (wanted is None or manifest.source == wanted):
            found.append(BackupInfo(backup, manifest))
    return sorted(found, key=lambda info: (info.created, info.path.name))


def backup_if_due(
    database: Path, folder: Path | None = None, *, now: datetime | None = None
) -> BackupInfo | None:
    """The automatic backup: taken unless this database already has one from today."""
    database, folder = Path(database).resolve(), folder or backup_folder()
    if not database.is_file() or database.stat().st_size == 0:
        return None
    moment = (now or datetime.now()).astimezone()
    automatic = [b for b in list_backups(folder, database) if b.manifest.reason == AUTOMATIC]
    if any(b.created.date() == moment.date() for b in automatic):
        return None
    info = take_backup(database, folder, AUTOMATIC, passphrase=passphrase_from(), now=moment)
    rotate(folder, database)
    return info


def rotation_victims(
    stamps: Mapping[K, datetime], *, daily: int = 7, weekly: int = 4, monthly: int = 12
) -> set[K]:
    """Which backups to delete: keep the newest of each of the last `daily` days, `weekly` ISO
    weeks and `monthly` months that have backups, and always the newest of all."""
    newest_first = sorted(stamps, key=lambda key: stamps[key], reverse=True)
    keep: set[K] = set(newest_first[:1])
    periods = (
        (daily, lambda d: d.date()),
        (weekly, lambda d: d.isocalendar()[:2]),
        (monthly, lambda d: (d.year, d.month)),
    )
    for count, period in periods:
        seen: list[object] = []
        for key in newest_first:
            bucket = period(stamps[key])
            if bucket in seen:
                continue
            if len(seen) == count:
                break
            seen.append(bucket)
            keep.add(key)
    return set(stamps) - keep


def rotate(folder: Path, database: Path) -> list[Path]:
    """Delete the automatic backups of `database` that the rotation no longer keeps."""
    automatic = {
        b.path: b.created for b in list_backups(folder, database) if b.manifest.reason == AUTOMATIC
    }
    deleted = sorted(rotation_victims(automatic))
    for path in deleted:
        path.unlink(missing_ok=True)
        manifest_path_of(path).unlink(missing_ok=True)
    if deleted:
        log.info("Rotation removed %d old automatic backups", len(deleted))
    return deleted


def latest_good_backup(database: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup of `database` whose file still matches its manifest's checksum."""
    for info in reversed(list_backups(folder or backup_folder(), database)):
        if file_sha256(info.path) == info.manifest.sha256:
            return info
    return None


def inspect_backup(backup: str | os.PathLike[str]) -> BackupInfo:
    """What a backup holds: from its manifest, or from the file itself when it has none."""
    path = Path(backup).expanduser().resolve()
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}.")
    manifest = read_manifest(path)
    if manifest is not None and manifest.file == path.name:
        return BackupInfo(path, manifest)
    from mesodesk.db.crypto import is_encrypted

    encrypted = is_encrypted(path)
    revision = patients = sessions = None
    if not encrypted:
        revision, patients, sessions = describe_database(path)
    stamp = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    return BackupInfo(
        path,
        Manifest(path.name, stamp.isoformat(timespec="seconds"), "unknown", "unknown",
                 revision, patients, sessions, path.stat().st_size, "", encrypted),
    )  # fmt: skip


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety: BackupInfo | None  # the state before the restore, kept as a backup
    needs_upgrade: bool  # an older schema: upgraded (after a backup) when next opened
    set_aside: Path | None = None  # a damaged database, moved aside rather than backed up


def restore_backup(
    backup: str | os.PathLike[str],
    database: Path,
    folder: Path | None = None,
    *,
    passphrase: str | None = None,
) -> RestoreResult:
    """Put `backup` in place of `database`, after saving the current state as a backup.

    Refused, with nothing changed, when the backup fails its checksum, decryption or integrity
    check, comes from a newer MesoDesk, or when another MesoDesk has the database open.
    """
    from mesodesk.db.migrate import head_revision, known_revision

    info = inspect_backup(backup)
    database, folder = Path(database).resolve(), folder or backup_folder()
    if info.manifest.sha256 and file_sha256(info.path) != info.manifest.sha256:
        raise BackupError(f"{info.path.name} does not match its checksum: nothing was changed.")
    lock = InstanceLock.acquire(database)
    staged = database.with_name(f".{database.name}.decrypted")
    try:
        if info.manifest.encrypted or info.path.name.endswith(ENCRYPTED_SUFFIX):
            if not passphrase:
                raise BackupError(f"{info.path.name} is encrypted: give its passphrase.")
            from mesodesk.db.crypto import decrypt_file

            verify_file(decrypt_file(info.path, staged, passphrase))
        else:
            copy_database(info.path, staged)  # checked with integrity_check on the way
        revision = describe_database(staged)[0]
        if revision is not None and not known_revision(revision):
            raise BackupError(
                f"{info.path.name} was made by a newer MesoDesk (schema {revision}): update "
                "MesoDesk before restoring it. Nothing was changed."
            )
        safety = set_aside = None
        if database.is_file() and database.stat().st_size:
            if quick_check(database) == "ok":
                safety = take_backup(database, folder, "before-restore", passphrase=passphrase)
            else:
                set_aside = _set_aside_damaged(database)
        swap_in(staged, database)
    finally:
        staged.unlink(missing_ok=True)
        lock.release()
    log.warning("Restored %s from %s", database, info.path)
    upgrade = revision is not None and revision != head_revision()
    return RestoreResult(info, safety, upgrade, set_aside)


def _set_aside_damaged(database: Path) -> Path:
    """A damaged file cannot be backed up (the copy is checked): keep it as it is, renamed."""
    stamp = datetime.now().astimezone().strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    os.replace(database, aside)
    for suffix in ("-wal", "-shm"):
        wal = Path(str(database) + suffix)
        if wal.exists():
            os.replace(wal, Path(str(aside) + suffix))
    log.warning("Set the damaged database %s aside as %s", database, aside)
    return aside

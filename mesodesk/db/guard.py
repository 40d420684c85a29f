"""Checks before a database file is opened: not on a network share, not open in another
MesoDesk, not damaged.

SQLite's locking is unreliable over SMB and NFS (a clinic that shares one file between
workstations loses data sooner or later), so such a file is refused and the clinic pointed to
the server mode. A second MesoDesk on the same file is detected with an exclusive OS lock on a
lock file beside the database (`flock` / `msvcrt.locking`): the operating system drops the lock
when the process dies, even by SIGKILL or power loss, so a stale lock cannot keep the clinic
out, and no PID-liveness guessing is needed. The PID written in the file only names the holder.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "afs", "afpfs", "ncpfs", "9p",
     "ceph", "glusterfs", "lustre", "gpfs", "davfs", "webdav", "fuse.sshfs", "sshfs",
     "fuse.rclone", "fuse.s3fs", "fuse.glusterfs", "fuse.cephfs"}
)  # fmt: skip
SERVER_MODE_HINT = (
    "Keep the database on this computer's own disk, or let several workstations share one "
    "database through the clinic server mode (PostgreSQL: --db postgresql://…)."
)


class OpenRefused(RuntimeError):
    """The database must not be opened; the message says why and what to do."""


class NetworkShare(OpenRefused):
    pass


class DatabaseInUse(OpenRefused):
    pass


class DamagedDatabase(OpenRefused):
    pass


# -- network shares ------------------------------------------------------------------------


def filesystem_of(path: Path, mounts: Iterable[tuple[str, str]]) -> str | None:
    """The type of the filesystem holding `path`: the mount point that is its longest prefix."""
    resolved = str(Path(path).resolve())
    best, kind = "", None
    for point, fstype in mounts:
        inside = point == "/" or resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def read_mounts() -> list[tuple[str, str]]:
    """(mount point, filesystem type) pairs: /proc/mounts on Linux, `mount` on macOS/BSD."""
    with contextlib.suppress(OSError):
        lines = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
        return [(_unescape(f[1]), f[2]) for f in (line.split() for line in lines) if len(f) > 2]
    if sys.platform == "win32":
        return []
    try:  # macOS: "//user@server/share on /Volumes/share (smbfs, nodev, …)"
        out = subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    mounts = []
    for line in out.splitlines():
        head, _, options = line.rpartition(" (")
        _, _, point = head.partition(" on ")
        if point:
            mounts.append((point, options.split(",")[0].strip(" )")))
    return mounts


def _windows_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True  # a UNC path: \\server\share\…
    if sys.platform != "win32":
        return False
    import ctypes

    drive = os.path.splitdrive(str(Path(path).resolve()))[0]
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4  # DRIVE_REMOTE


def network_filesystem(path: Path) -> str | None:
    """What kind of network share holds `path`, or None for a local disk (or when unsure)."""
    if _windows_remote(path):
        return "a Windows network share"
    kind = filesystem_of(path.parent if not path.exists() else path, read_mounts())
    if kind and (kind in NETWORK_FILESYSTEMS or kind.split(".")[0] in NETWORK_FILESYSTEMS):
        return f"a network share ({kind})"
    return None


def refuse_network_share(path: Path) -> None:
    where = network_filesystem(Path(path))
    if where is not None:
        raise NetworkShare(
            f"The database {path} is on {where}. SQLite files must not be shared over a "
            f"network: records can be lost. {SERVER_MODE_HINT}"
        )


# -- one MesoDesk per database -------------------------------------------------------------


def lock_path(database: Path) -> Path:
    return Path(database).with_name(Path(database).name + ".lock")


class InstanceLock:
    """An exclusive lock on `NAME.db.lock`, shared by every Store of this process."""

    _held: dict[Path, tuple[InstanceLock, int]] = {}
    _guard = threading.Lock()

    def __init__(self, database: Path, handle: int) -> None:
        self.database = database
        self._fd = handle

    @classmethod
    def acquire(cls, database: Path) -> InstanceLock:
        """Take (or share, within this process) the lock; DatabaseInUse if another has it."""
        key = Path(database).resolve()
        with cls._guard:
            if key in cls._held:
                lock, count = cls._held[key]
                cls._held[key] = (lock, count + 1)
                return lock
            key.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock_path(key), os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                holder = _read_pid(fd)
                os.close(fd)
                who = f" (process {holder})" if holder else ""
                raise DatabaseInUse(
                    f"The database {key} is already open in another MesoDesk{who}. Close it "
                    "there first, or switch to that window."
                )
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f" {os.getpid()}\n".encode())
            lock = cls(key, fd)
            cls._held[key] = (lock, 1)
            return lock

    @classmethod
    def is_held_elsewhere(cls, database: Path) -> bool:
        """True when another process has the database open (we take and drop the lock)."""
        try:
            cls.acquire(database).release()
        except DatabaseInUse:
            return True
        return False

    def release(self) -> None:
        with self._guard:
            lock, count = self._held.get(self.database, (None, 0))
            if lock is not self:
                return
            if count > 1:
                self._held[self.database] = (lock, count - 1)
                return
            del self._held[self.database]
            os.close(self._fd)  # closing drops the OS lock


def _try_lock(fd: int) -> bool:
    os.lseek(fd, 0, os.SEEK_SET)
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # byte 0 only: the PID after it stays legible
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 1, os.SEEK_SET)
        text = os.read(fd, 32)
        return int(text.decode().strip() or 0) or None
    except (OSError, ValueError):
        return None


# -- damage --------------------------------------------------------------------------------


def quick_check(path: Path) -> str:
    """SQLite's `quick_check` (read-only): `ok`, or the first problem it reports."""
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.Error as exc:
        return str(exc)
    return "ok" if rows == ["ok"] else "; ".join(rows)

"""Writing a file so that no reader ever sees half of it, and a file's SHA-256.

The content goes to a temporary file beside the target (the same folder, so the same file
system), is flushed and fsynced, and only then renamed over the target: the target holds
either its old content or the new one. If any step fails, the temporary file is removed.

Every layer writes files this way (documents, exports, the photo vault, the workstation's
settings) and checks backups and photos by their SHA-256, so this module imports nothing from
MesoDesk and nothing beyond the standard library.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

Writer = Callable[[BinaryIO], None]
_CHUNK = 1 << 20


def _new_file_mode() -> int:
    """What the user's umask gives a new file (read once, at import, on the main thread)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_NEW_FILE_MODE = _new_file_mode()


@contextmanager
def staged_file(
    target: Path, content: bytes | Writer, *, private: bool = False
) -> Iterator[Callable[[], None]]:
    """Write `content` to a temporary file beside `target`; the block gets `put_in_place`.

    `content` is the bytes, or a function that writes them to the open file. The block may do
    other work first (record an audit row); calling `put_in_place()` renames the file over
    `target`. Unless that rename happens, the temporary file is removed when the block ends.
    The file gets the permissions the umask gives a new file; `private` keeps the temporary
    file's owner-only ones.
    """
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    done = False

    def put_in_place() -> None:
        nonlocal done
        if not private:
            os.chmod(temp, _NEW_FILE_MODE)  # a temporary file is private; the target is not
        os.replace(temp, target)
        done = True

    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(content, bytes):
                out.write(content)
            else:
                content(out)
            out.flush()
            os.fsync(out.fileno())
        yield put_in_place
    finally:
        if not done:
            Path(temp).unlink(missing_ok=True)


def write_atomically(
    path: str | os.PathLike[str], content: bytes | Writer, *, private: bool = False
) -> Path:
    """Put `content` at `path`, all or nothing (see `staged_file`); returns the path."""
    target = Path(path)
    with staged_file(target, content, private=private) as put_in_place:
        put_in_place()
    return target


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows cannot open a folder and needs no
    such step, and a file system that refuses to sync a folder is let be."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's content as hex, read a megabyte at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()

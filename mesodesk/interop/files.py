"""Putting an export file in place together with its audit row: both or neither.

`publish` writes the content to a temporary file beside the target first (slow work, outside
any database transaction); inside the block the caller opens its write transaction, records
the audit row and calls `commit()`, which renames the file into place. If the audit row
cannot be written, the temporary file is removed and no export exists; if the rename fails,
the exception rolls the transaction back and no audit row claims an export that did not happen.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from mesodesk.reports.documents import _FILE_MODE
from mesodesk.services.errors import ServiceError

Writer = Callable[[BinaryIO], None]


class ExportError(ServiceError):
    """An export cannot be written where it was asked for."""


@contextmanager
def publish(target: Path, content: bytes | Writer) -> Iterator[Callable[[], None]]:
    if not target.parent.is_dir():
        raise ExportError(f"There is no folder {target.parent} to write {target.name} into.")
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    done = False

    def commit() -> None:
        nonlocal done
        os.chmod(temp, _FILE_MODE)
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
        yield commit
    finally:
        if not done:
            Path(temp).unlink(missing_ok=True)

"""Putting an export file in place together with its audit row: both or neither.

`publish` writes the content to a temporary file beside the target first (slow work, outside
any database transaction); inside the block the caller opens its write transaction, records
the audit row and calls `commit()`, which renames the file into place. If the audit row
cannot be written, the temporary file is removed and no export exists; if the rename fails,
the exception rolls the transaction back and no audit row claims an export that did not happen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mesodesk.files import Writer, staged_file
from mesodesk.services.errors import ServiceError


class ExportError(ServiceError):
    """An export cannot be written where it was asked for."""


@contextmanager
def publish(target: Path, content: bytes | Writer) -> Iterator[Callable[[], None]]:
    if not target.parent.is_dir():
        raise ExportError(f"There is no folder {target.parent} to write {target.name} into.")
    with staged_file(target, content) as commit:
        yield commit

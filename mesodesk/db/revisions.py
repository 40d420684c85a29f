"""The newest schema revision this MesoDesk ships, read without loading Alembic or SQLAlchemy."""

from __future__ import annotations

import ast
import re

from mesodesk import paths

# `revision = "0002"` / `down_revision = "0001"` lines of a version file
_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


def shipped_head() -> str | None:
    """The newest revision, read from the version files' text without loading alembic.

    Only a fast path: None when the files are not there as text (or not one linear chain),
    and the caller then asks alembic (`head_revision`).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for file in (paths.migrations_dir() / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(file.read_text(encoding="utf-8")))
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
        except (KeyError, ValueError, SyntaxError):
            return None
        revisions.add(str(revision))
        parents.update([down] if isinstance(down, str) else down or ())
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None

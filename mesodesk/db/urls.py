"""Which database `--db` names, as a URL: plain string work, so the command line and the
window's start-up can resolve it without loading SQLAlchemy (`engine` re-exports both)."""

from __future__ import annotations

import os
from pathlib import Path

from mesodesk import paths


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """`--db` takes a file path or an SQLAlchemy URL; then MESODESK_DATABASE_URL; then the
    workstation's saved choice (a clinic server); then its own file in the data folder."""
    value = str(db) if db else os.environ.get("MESODESK_DATABASE_URL", "")
    if not value:
        from mesodesk.db.saved_connection import saved_database_url

        value = saved_database_url() or ""
    if not value:
        return sqlite_url(paths.default_database_path())
    if "://" in value:
        return value
    return sqlite_url(Path(value))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def plain_sqlite_path(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL (what `sqlite_url` writes), read without
    SQLAlchemy; None for anything else (another engine, a driver name, options, escapes),
    which only SQLAlchemy's `engine.sqlite_path` reads."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or any(ch in url for ch in "?%#"):
        return None
    rest = url[len(prefix) :]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)

"""Which database `--db` names, as a URL: plain string work, so the command line and the
window's start-up can resolve it without loading SQLAlchemy (`engine` re-exports both)."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

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
    """The URL of an SQLite file. SQLAlchemy decodes `%XX` in it and ends the path at `?`,
    so those two are escaped: a folder named `a%20b` or `q?x=1` stays what it is."""
    text = str(Path(path).expanduser().resolve())
    return "sqlite:///" + text.replace("%", "%25").replace("?", "%3F")


def plain_sqlite_path(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL (what `sqlite_url` writes), read without
    SQLAlchemy and decoded as it decodes it; None for anything else (another engine, a
    driver name, options), which only SQLAlchemy's `engine.sqlite_path` reads."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    rest = unquote(url[len(prefix) :])
    if not rest or rest == ":memory:":
        return None
    return Path(rest)

"""The database this workstation opens by default, chosen in File ▸ Database connection….

Kept in `workstation.json` in the data folder. `--db` and MESODESK_DATABASE_URL still come
first (IT scripts); without a saved choice the embedded SQLite file is used. A password is
never saved: it comes from libpq's password file or is asked at start-up.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from mesodesk import paths
from mesodesk.files import write_atomically

SETTINGS_FILE = "workstation.json"


def settings_path() -> Path:
    return paths.data_dir() / SETTINGS_FILE


def saved_database_url() -> str | None:
    """The saved server URL, or None (an unreadable file counts as no choice)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("database_url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url else None


def save_database_url(url: str | None) -> None:
    """Save `url` as this workstation's database (None: back to its own file), atomically."""
    if url is not None:
        parts = urlsplit(url)
        if not parts.scheme.startswith("postgresql"):
            raise ValueError("Only a clinic server (postgresql+psycopg://…) is saved here.")
        if parts.password:
            raise ValueError(
                "The password is never saved: remove it from the address and put it in the "
                "password file, or type it when MesoDesk asks."
            )
    content = json.dumps({"database_url": url}, indent=2).encode("utf-8")
    write_atomically(settings_path(), content, private=True)  # readable by this user only


def server_url(host: str, port: int, database: str, user: str) -> str:
    """A PostgreSQL address without a password, from the dialog's fields."""
    from urllib.parse import quote

    problems = [
        label for label, value in (("server", host), ("database", database), ("user", user))
        if not value.strip()
    ]  # fmt: skip
    if problems:
        raise ValueError(f"Fill in the {', '.join(problems)} name.")
    if not 1 <= port <= 65535:
        raise ValueError(f"Port {port} is not a port number (1 to 65535).")
    host = host.strip()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 address
    return (
        f"postgresql+psycopg://{quote(user.strip(), safe='')}@{host}:{port}/"
        f"{quote(database.strip(), safe='')}"
    )

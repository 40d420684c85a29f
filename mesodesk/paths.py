"""Where things are: the user's data folder, and the files shipped with MesoDesk.

`MESODESK_HOME` moves the whole data folder (database, photos, backups, settings) for portable
installs and tests; `MESODESK_BACKUP_DIR` moves only the backups. Shipped files resolve from
the source tree or, when frozen by PyInstaller, from the bundle folder (`sys._MEIPASS`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "MesoDesk"
DATABASE_FILE = "mesodesk.db"
DEMO_DATABASE_FILE = "demo.db"


def install_root() -> Path:
    """The folder holding `migrations/` and `resources/` (the repo, or the frozen bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return install_root() / "migrations"


def resources_dir() -> Path:
    return install_root() / "resources"


def data_dir() -> Path:
    """The user's data folder, created on first use."""
    override = os.environ.get("MESODESK_HOME")
    path = Path(override).expanduser() if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILE


def demo_database_path() -> Path:
    return data_dir() / DEMO_DATABASE_FILE


def backups_dir() -> Path:
    """`MESODESK_BACKUP_DIR` (a folder the clinic chooses, e.g. an external disk), else
    the data folder's `backups/`."""
    override = os.environ.get("MESODESK_BACKUP_DIR")
    path = Path(override).expanduser() if override else data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path

"""Sub-commands of `mesodesk`, one module each, and what they share.

A sub-command is a module exposing `COMMAND = Command(...)`: its name, help, a function that
adds its arguments and a function that runs it and returns the exit code. `mesodesk.cli`
lists the modules in `COMMAND_MODULES`; adding a sub-command means adding one module there.
Heavy imports belong inside `run`, so `mesodesk --help` stays fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from mesodesk.services.errors import ServiceError
from mesodesk.services.store import SYSTEM, Store


class CommandError(ServiceError):
    """A command cannot do its work; the message says why and what to do."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str  # one line for `mesodesk --help`
    description: str  # the paragraph at the top of `mesodesk NAME --help`
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    epilog: str = ""


def database_url(args: argparse.Namespace) -> str:
    """`--db` (a file path or an SQLAlchemy URL), else MESODESK_DATABASE_URL, else the default."""
    from mesodesk.db.engine import resolve_url

    return resolve_url(getattr(args, "db", None))


def read_store(args: argparse.Namespace) -> Store:
    """The database for a command that only reads: never created, never migrated.

    A database at an older schema revision is refused with advice instead of upgraded: an
    upgrade takes a backup first and belongs to the application (or an explicit command).
    """
    from mesodesk.db.engine import sqlite_path
    from mesodesk.db.migrate import current_revision, head_revision

    url = database_url(args)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        raise CommandError(f"There is no database at {path}.")
    store = Store(url)
    try:
        current, head = current_revision(store.engine), head_revision()
    except Exception:
        store.dispose()
        raise
    if current != head:
        store.dispose()
        raise CommandError(
            f"The database is at schema revision {current or 'none'}; this MesoDesk needs "
            f"{head}. Open it in MesoDesk once to upgrade it (a backup is taken first)."
        )
    return store


def add_patient_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """The `--patient` option every per-patient command takes."""
    parser.add_argument(
        "--patient",
        metavar="REF",
        required=required,
        help="the patient's record number (e.g. P000123) or database id "
        "(`mesodesk patients --search NAME` shows both)",
    )


def resolve_patient(store: Store, ref: str) -> int:
    """The patient id for a `--patient` value: a record number first, then a database id."""
    from mesodesk.services.patients import PatientService

    return PatientService(store, SYSTEM).resolve(ref)


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value

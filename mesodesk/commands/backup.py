"""`mesodesk backup`: a consistent, verified copy of the database, made while it is in use."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from mesodesk.commands import Command, CommandError, database_url


def add_backup_options(parser: argparse.ArgumentParser, to_help: str) -> None:
    """`--to` and `--passphrase-file`, shared with `restore`."""
    parser.add_argument("--to", metavar="DIR", help=to_help)
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="encrypt with the passphrase on the first line of FILE "
        "(default: $MESODESK_BACKUP_PASSPHRASE; without either, no encryption)",
    )


def database_file(args: argparse.Namespace) -> Path:
    """The SQLite file `--db` names; a server database is backed up by its server."""
    from mesodesk.db.engine import sqlite_path

    url = database_url(args)
    path = sqlite_path(url)
    if path is None:
        raise CommandError(
            "Only an SQLite database file can be backed up or restored here; back up a server "
            "database with its own tools (for PostgreSQL: pg_dump)."
        )
    return path


def _configure(parser: argparse.ArgumentParser) -> None:
    add_backup_options(
        parser,
        "the folder to write to (default: $MESODESK_BACKUP_DIR, else backups/ in the data folder)",
    )


def _run(args: argparse.Namespace) -> int:
    from mesodesk.services.backups import backup_folder, passphrase_from, take_backup

    path = database_file(args)
    if not path.is_file():
        raise CommandError(f"There is no database at {path}.")
    started = time.perf_counter()
    info = take_backup(
        path, backup_folder(args.to), "manual", passphrase=passphrase_from(args.passphrase_file)
    )
    elapsed = time.perf_counter() - started
    print(info.path)
    m = info.manifest
    print(
        f"{m.patients or 0:,} patients, {m.sessions or 0:,} sessions, {m.size / 1e6:,.1f} MB"
        f"{', encrypted' if m.encrypted else ''}, in {elapsed:.1f} s.",
        file=sys.stderr,
    )
    return 0


COMMAND = Command(
    name="backup",
    help="back up the database (safe while MesoDesk is open); prints the backup's path",
    description=(
        "Copy the database with SQLite's online backup API into a temporary file, flush it, "
        "check it with integrity_check and only then give it its name, with a manifest "
        "(NAME.json: date, reason, schema revision, counts, size, sha256) beside it. Safe "
        "while MesoDesk is open and writing. With a passphrase the backup is encrypted "
        "(AES-256-GCM in authenticated chunks)."
    ),
    configure=_configure,
    run=_run,
    epilog="Example: mesodesk backup --to /media/usb/mesodesk-backups",
)

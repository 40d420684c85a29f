"""`mesodesk restore`: put a backup in place of the database, after saving the current state."""

from __future__ import annotations

import argparse
import sys

from mesodesk.commands import Command, CommandError
from mesodesk.commands.backup import add_backup_options, database_file


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", metavar="BACKUP", help="the backup file (.db or .db.enc)")
    parser.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation (needed without a terminal)"
    )
    add_backup_options(
        parser,
        "where the backup of the current state goes (default: $MESODESK_BACKUP_DIR, else "
        "backups/ in the data folder)",
    )


def _confirm(target: object) -> bool:
    """Ask on the terminal; without one (a script, stdin closed) the answer is no."""
    stdin = sys.stdin
    if stdin is None or stdin.closed or not stdin.isatty():
        raise CommandError(
            "Restoring replaces the database; there is no terminal to confirm it on. Run it "
            "again with --yes to confirm. Nothing was changed."
        )
    print(f"Replace the database {target} with this backup? [y/N] ", end="", file=sys.stderr)
    sys.stderr.flush()
    answer = stdin.readline().strip().lower()
    return answer in {"y", "yes"}


def _run(args: argparse.Namespace) -> int:
    from mesodesk.db.guard import InstanceLock
    from mesodesk.services.backups import (
        backup_folder,
        inspect_backup,
        passphrase_from,
        restore_backup,
    )

    target = database_file(args)
    info = inspect_backup(args.backup)
    print("\n".join(info.describe()))
    print(f"Database:  {target}" + ("" if target.is_file() else " (does not exist yet)"))
    if InstanceLock.is_held_elsewhere(target):
        raise CommandError(
            f"The database {target} is open in MesoDesk: close it there before restoring. "
            "Nothing was changed."
        )
    if not args.yes and not _confirm(target):
        print("Nothing was changed.", file=sys.stderr)
        return 1
    result = restore_backup(
        info.path,
        target,
        backup_folder(args.to),
        passphrase=passphrase_from(args.passphrase_file),
    )
    if result.safety is not None:
        print(f"The database as it was is kept as {result.safety.path}")
    print(f"Restored {info.path.name} to {target}.")
    if result.needs_upgrade:
        print(
            "The backup is from an older MesoDesk: its schema is upgraded when the database is "
            "next opened (a backup is taken first)."
        )
    return 0


COMMAND = Command(
    name="restore",
    help="replace the database with a backup (the current state is backed up first)",
    description=(
        "Show what a backup holds (date, patients, sessions, schema revision), ask for "
        "confirmation (--yes skips it; without a terminal --yes is required), save the "
        "current database as a backup, then put the backup in its place. A backup that fails "
        "its checksum, its decryption or its integrity check is refused and nothing is "
        "changed; so is restoring while MesoDesk has the database open. A backup from an "
        "older MesoDesk is upgraded the next time the database is opened."
    ),
    configure=_configure,
    run=_run,
    epilog="Example: mesodesk restore --db clinic.db backups/clinic-20261125-090000-manual.db",
)

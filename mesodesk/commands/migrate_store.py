"""`mesodesk migrate-store`: move a clinic's records into another database (a clinic server)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from mesodesk.commands import Command, CommandError


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="FILE-OR-URL",
        help="the clinic's database now, e.g. sqlite:///C:/Users/…/mesodesk.db or a file path",
    )
    parser.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="URL",
        help="the new, empty database, e.g. postgresql+psycopg://mesodesk@clinic-server/mesodesk",
    )
    parser.add_argument(
        "--photos-to",
        metavar="DIR",
        type=Path,
        help="copy the photo vault to this folder (a path every workstation reaches), checking "
        "each original's SHA-256",
    )


def _progress() -> object:
    shown = {"at": 0.0}

    def report(table: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - shown["at"] > 1:
            shown["at"] = now
            print(f"  {table}: {done:,} / {total:,}", file=sys.stderr, flush=True)

    return report


def _run(args: argparse.Namespace) -> int:
    from mesodesk.db.engine import display_url, resolve_url, sqlite_path
    from mesodesk.db.guard import DatabaseInUse, InstanceLock
    from mesodesk.db.transfer import TransferError, transfer
    from mesodesk.services.photo_move import copy_vault

    source, target = resolve_url(args.source), resolve_url(args.target)
    if source == target:
        raise CommandError("--from and --to name the same database.")
    path = sqlite_path(source)
    if path is not None and not path.is_file():
        raise CommandError(f"There is no database at {path}.")
    lock = None
    if path is not None:
        try:  # nobody may add records to the old database while (and after) it is copied
            lock = InstanceLock.acquire(path)
        except DatabaseInUse as exc:
            raise CommandError(f"{exc} The move needs every MesoDesk on it closed.") from None
    started = time.perf_counter()
    try:
        print(f"Copying {display_url(source)} → {display_url(target)} …", file=sys.stderr)
        try:
            report = transfer(source, target, progress=_progress())  # type: ignore[arg-type]
        except TransferError as exc:
            raise CommandError(str(exc)) from None
        if not report.ok:
            raise CommandError(
                "The copy does not match the source; the source is untouched: "
                + "; ".join(report.problems())
            )
        print(
            f"Copied {report.rows:,} records in {len(report.tables)} tables in "
            f"{report.copy_seconds:.1f} s; row counts and SHA-256 checksums of every table "
            f"match ({report.verify_seconds:.1f} s)."
        )
        if args.photos_to is not None:
            moved = copy_vault(path, args.photos_to)
            print(moved.summary())
            if not moved.ok:
                return 1
    finally:
        if lock is not None:
            lock.release()
    print(
        f"Done in {time.perf_counter() - started:.1f} s. Point every workstation at the new "
        f"database: mesodesk --db {display_url(target)}",
        end="",
    )
    if args.photos_to is not None:
        print(f" and set MESODESK_PHOTO_DIR={args.photos_to}", end="")
    print(".")
    return 0


COMMAND = Command(
    name="migrate-store",
    help="move every record into another (empty) database, e.g. a clinic PostgreSQL server",
    description=(
        "Copy a clinic's whole database into a new, empty one: every record verbatim (ids and "
        "the audit trail's hash chain included), in one transaction, then compare row counts "
        "and a SHA-256 checksum of every table on both sides. A target that holds any record "
        "is refused, and the source is never changed. Close MesoDesk on the source first. "
        "--photos-to copies the photo vault to a folder all workstations reach."
    ),
    configure=_configure,
    run=_run,
    epilog=(
        "Example: mesodesk migrate-store --from sqlite:///clinic/mesodesk.db "
        "--to postgresql+psycopg://mesodesk@clinic-server/mesodesk --photos-to /srv/photos. "
        "The password comes from the URL, PGPASSFILE or ~/.pgpass; it is never stored."
    ),
)

"""`mesodesk demo`: fill a database with a realistic demo clinic."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from typing import TextIO

from mesodesk.commands import Command, positive_int

MAX_PATIENTS = 999_999  # record numbers have six digits


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--patients",
        type=positive_int,
        default=48,
        metavar="N",
        help="how many patients to generate (default 48; 100000 works, in well under a minute)",
    )
    parser.add_argument(
        "--seed", type=int, default=7, metavar="S", help="random seed: the same seed, the same data"
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the day the data set treats as today (default: today)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an earlier demo database; a database with real data is never replaced",
    )


class ProgressLine:
    """A one-line progress display on stderr (a plain line every quarter when not a terminal)."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.tty = bool(stream is not None and stream.isatty())
        self._shown = -1.0
        self._quarter = -1

    def __call__(self, done: int, total: int) -> None:
        if self.stream is None:
            return
        if self.tty:
            now = time.monotonic()
            if done < total and now - self._shown < 0.1:
                return
            self._shown = now
            percent = 100 * done // max(total, 1)
            self.stream.write(
                f"\rGenerating demo data: {done:,} / {total:,} patients ({percent} %)"
            )
        else:
            quarter = 4 * done // max(total, 1)
            if quarter == self._quarter:
                return
            self._quarter = quarter
            self.stream.write(f"Generating demo data: {done:,} / {total:,} patients\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.stream is not None and self.tty:
            self.stream.write("\n")
            self.stream.flush()


def target_url(args: argparse.Namespace) -> str:
    """`--db` if given; otherwise the demo database, never the clinic's own default database."""
    from mesodesk import paths
    from mesodesk.db.engine import resolve_url, sqlite_url

    db = getattr(args, "db", None)
    return resolve_url(db) if db else sqlite_url(paths.demo_database_path())


def _run(args: argparse.Namespace) -> int:
    from mesodesk.commands import CommandError
    from mesodesk.db.engine import sqlite_path
    from mesodesk.demo import generate, replace_demo

    if args.patients > MAX_PATIENTS:
        raise CommandError(f"At most {MAX_PATIENTS:,} patients (record numbers have six digits).")
    url = target_url(args)
    if args.force and replace_demo(url):
        print("Replacing the earlier demo data.", file=sys.stderr)
    progress = ProgressLine(sys.stderr)
    try:
        summary = generate(
            url, patients=args.patients, seed=args.seed, progress=progress, today=args.today
        )
    finally:
        progress.finish()
    print("\n".join(summary.lines()))
    where = sqlite_path(url) or url
    print(f"Database: {where}")
    return 0


COMMAND = Command(
    name="demo",
    help="fill an empty database with realistic demo data",
    description=(
        "Fill a database with a demo clinic: staff, ingredient library, recipes, lots (one "
        "expired, one close to expiry), and patients at every point of a course, with "
        "assessments, signed and amended sessions, today's draft and outcomes. Without --db "
        "the demo database is used (the one `mesodesk --demo` opens), never the clinic's own. "
        "A database that already holds data is refused: demo data is never mixed with real "
        "records. --force replaces an earlier demo database and nothing else."
    ),
    configure=_configure,
    run=_run,
    epilog="Example: mesodesk demo --db /tmp/big.db --patients 100000",
)

"""`mesodesk check`: verify a database without changing it."""

from __future__ import annotations

import argparse
import itertools
import sys
import time

from mesodesk.commands import Command, database_url


def _configure(parser: argparse.ArgumentParser) -> None:
    """`check` takes only the database."""


def _run(args: argparse.Namespace) -> int:
    from mesodesk.services.health import run_checks
    from mesodesk.services.photos import vault_checks

    started = time.perf_counter()
    url = database_url(args)
    total = failed = 0
    for result in itertools.chain(run_checks(url), vault_checks(url)):
        total += 1
        failed += not result.ok and not result.skipped
        detail = f": {result.detail}" if result.detail else ""
        print(f"{result.label:<8} {result.name}{detail}", flush=True)
    elapsed = time.perf_counter() - started
    if failed:
        print(f"{failed} of {total} checks FAILED ({elapsed:.1f} s).", file=sys.stderr)
        return 1
    print(f"All checks passed ({elapsed:.1f} s).")
    return 0


COMMAND = Command(
    name="check",
    help="verify schema revision, integrity, foreign keys, audit chain and clinical records",
    description=(
        "Verify a database without changing it: the schema revision (an older database is "
        "reported, not upgraded), SQLite's integrity_check and foreign_key_check, the hash "
        "chain of the audit trail, clinical consistency (lots used in date, amendments of "
        "signed sessions, depths within the needle …) and the photo vault (missing, damaged "
        "and orphaned originals). Prints one line per check; the exit "
        "status is 0 only when every check passes."
    ),
    configure=_configure,
    run=_run,
)

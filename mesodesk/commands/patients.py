"""`mesodesk patients`: list or find patients (and the values `--patient` accepts)."""

from __future__ import annotations

import argparse
import sys

from mesodesk.commands import Command, add_patient_argument, positive_int, read_store


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help="name prefix (accents and case ignored), record number, phone or birth date",
    )
    parser.add_argument(
        "--limit", type=positive_int, default=100, metavar="N", help="at most N rows (default 100)"
    )
    add_patient_argument(parser, required=False)
    parser.add_argument(
        "--tsv", action="store_true", help="tab-separated output with a header, for scripts"
    )


_HEADER = ("id", "record", "name", "born", "sex", "phone")


def _run(args: argparse.Namespace) -> int:
    store = read_store(args)
    try:
        from mesodesk.commands import resolve_patient
        from mesodesk.services.patients import PatientService
        from mesodesk.services.store import SYSTEM

        service = PatientService(store, SYSTEM)
        if args.patient:
            detail = service.get(resolve_patient(store, args.patient))
            draft = detail.draft
            born = draft.birth_date.isoformat() if draft.birth_date else ""
            rows = [(detail.id, detail.record_number, detail.display_name, born, draft.sex.value,
                     draft.phone)]  # fmt: skip
            total = 1
        else:
            found = service.find(args.search, limit=args.limit)
            rows = [
                (p.id, p.record_number, p.display_name, p.birth_date.isoformat(), p.sex.value,
                 p.phone)
                for p in found
            ]  # fmt: skip
            total = service.count(args.search) if len(found) == args.limit else len(found)
    finally:
        store.dispose()
    _print(rows, tsv=args.tsv)
    print(f"{len(rows):,} of {total:,} patients shown.", file=sys.stderr)
    return 0


def _print(rows: list[tuple], *, tsv: bool) -> None:
    table = [_HEADER, *[tuple(str(value) for value in row) for row in rows]]
    if tsv:
        for line in table:
            print("\t".join(value.replace("\t", " ") for value in line))
        return
    widths = [max(len(line[i]) for line in table) for i in range(len(_HEADER))]
    for line in table:
        print("  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)))


COMMAND = Command(
    name="patients",
    help="list or find patients (shows the record numbers --patient takes)",
    description=(
        "List patients by name, or find them by name prefix, record number, phone or birth "
        "date. --patient shows one patient by record number or id, the way every per-patient "
        "command resolves it. The database is only read (never upgraded)."
    ),
    configure=_configure,
    run=_run,
    epilog="Example: mesodesk patients --search müller --tsv",
)

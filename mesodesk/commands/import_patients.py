"""`mesodesk import-patients`: bring patients in from another system's CSV."""

from __future__ import annotations

import argparse
import sys

from mesodesk.commands import Command, read_store


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.csv", help="the CSV file (header row first)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="which field a column holds, by header or column number (e.g. 'Nachname=family_name'"
        ", '3=birth_date'); FIELD '-' ignores the column. Repeat for each column to change; "
        "the others keep the mapping guessed from their headers",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check every row and report; change nothing"
    )
    parser.add_argument(
        "--us-dates", action="store_true", help="read dates such as 03/27/1984 as month/day/year"
    )
    parser.add_argument(
        "--show-mapping", action="store_true", help="print the column mapping and stop"
    )


def _run(args: argparse.Namespace) -> int:
    from mesodesk.interop.csv_read import read_csv
    from mesodesk.interop.patient_import import (
        FIELDS,
        PatientImportService,
        mapping_from_options,
        mapping_problems,
    )
    from mesodesk.services.store import SYSTEM

    table = read_csv(args.file)
    mapping = mapping_from_options(table, args.map)
    print(f"{table.name}: {len(table.rows)} rows, columns:", file=sys.stderr)
    for index, header in enumerate(table.headers):
        target = FIELDS.get(mapping.get(index, ""), "(ignored)")
        print(f"  {index + 1:>2}. {header or '(no header)':<28} → {target}", file=sys.stderr)
    if args.show_mapping:
        for problem in mapping_problems(mapping):
            print(f"  {problem}", file=sys.stderr)
        return 0
    store = read_store(args)
    try:
        report = PatientImportService(store, SYSTEM).run(
            table, mapping, dry_run=args.dry_run, us_dates=args.us_dates
        )
    finally:
        store.dispose()
    for row in report.rows:
        if row.status == "new":
            verb = "would add" if args.dry_run else "added"
            number = row.record_number or "(new number)"
            warnings = f"  (warning: {'; '.join(row.messages)})" if row.messages else ""
            print(f"line {row.line:>5}  {verb:<9} {number:<10} {row.name}{warnings}")
        else:
            label = "duplicate" if row.status == "duplicate" else "error"
            print(f"line {row.line:>5}  {label:<9} {row.name}: {'; '.join(row.messages)}")
    print(report.summary(), file=sys.stderr)
    return 1 if report.errors else 0


COMMAND = Command(
    name="import-patients",
    help="import patients from another system's CSV (with a dry run)",
    description=(
        "Import patients from a CSV file (UTF-8 or Windows encoding; comma, semicolon or tab "
        "between cells). Columns are matched to fields by their headers (English, German, "
        "French and Spanish names are known); --map changes a match. Every row is checked "
        "like the patient form; rows with the same name and birth date as a patient already "
        "in the clinic (or an earlier row) are skipped as duplicates. Rows with errors are "
        "reported by line and skipped; all the good rows are imported in one transaction, so "
        "a failure imports nothing. The exit status is 1 when any row had an error."
    ),
    configure=_configure,
    run=_run,
    epilog="Example: mesodesk import-patients old-system.csv --map Nachname=family_name --dry-run",
)

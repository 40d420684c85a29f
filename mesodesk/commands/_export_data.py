"""The open-data forms of `mesodesk export`: patient archive, FHIR, CSV tables, lot recall.

Kept apart from export.py (whose PDF forms come from the document registry); the leading
underscore keeps this module out of the sub-command discovery.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mesodesk.commands import CommandError, add_patient_argument, read_store

TABLES = ("patients", "sessions", "lots")


def _common(sub: argparse.ArgumentParser, output: str, what: str) -> None:
    sub.add_argument("--db", metavar="FILE-OR-URL", default=argparse.SUPPRESS,
                     help="the database (as for every command)")  # fmt: skip
    sub.add_argument("-o", "--output", metavar=output, required=True, help=f"where to write {what}")


def configure(kinds: argparse._SubParsersAction) -> None:
    sub = kinds.add_parser(
        "patient",
        help="the patient's archive: summary PDF, every record as JSON and FHIR, original photos",
        description="Write one patient's archive (a ZIP): the treatment summary, every record "
        "as JSON and as a FHIR R4 Bundle, the original photos and a manifest of SHA-256 "
        "checksums. The export is recorded in the audit trail.",
    )
    _common(sub, "FILE.zip", "the archive")
    add_patient_argument(sub)
    sub = kinds.add_parser(
        "fhir",
        help="the patient as a FHIR R4 Bundle (JSON)",
        description="Write one patient's records as a FHIR R4 Bundle of type collection "
        "(Patient, Condition, Observation, Procedure, Medication, MedicationAdministration, "
        "Media). The export is recorded in the audit trail.",
    )
    _common(sub, "FILE.json", "the bundle")
    add_patient_argument(sub)
    sub = kinds.add_parser(
        "csv",
        help="patients, sessions or lots as CSV for a spreadsheet",
        description="Write a table as CSV (UTF-8 with BOM, so spreadsheets read accents; cells "
        "that a spreadsheet would run as a formula are written as text). The patients table "
        "imports into MesoDesk again with `mesodesk import-patients`.",
    )
    sub.add_argument("table", choices=TABLES, help="which table")
    _common(sub, "FILE.csv", "the table")
    sub = kinds.add_parser(
        "recall",
        help="every patient and session that received a lot, as CSV or PDF",
        description="Write the recall report of one product lot: every patient and session "
        "that received it, with phone numbers. The format follows the file's suffix (.csv or "
        ".pdf) unless --format is given.",
    )
    sub.add_argument("--lot", required=True, metavar="NUMBER", help="the lot number (or its id)")
    sub.add_argument(
        "--product", metavar="NAME", help="part of the product name, when two products share it"
    )
    sub.add_argument("--format", choices=("csv", "pdf"), help="csv or pdf (default: by suffix)")
    _common(sub, "FILE.pdf|FILE.csv", "the report")


HANDLED = ("patient", "fhir", "csv", "recall")


def _output(args: argparse.Namespace) -> Path:
    output = Path(args.output)
    if not output.parent.is_dir():
        raise CommandError(f"There is no folder {output.parent} to write {output.name} into.")
    return output


def run(args: argparse.Namespace) -> int:
    from mesodesk.services import Services

    output = _output(args)
    store = read_store(args)
    try:
        services = Services(store)
        return {"patient": _patient, "fhir": _fhir, "csv": _csv, "recall": _recall}[args.kind](
            services, args, output
        )
    finally:
        store.dispose()


def _patient(services, args: argparse.Namespace, output: Path) -> int:
    from mesodesk.commands import resolve_patient
    from mesodesk.interop.archive import export_archive

    result = export_archive(services, resolve_patient(services.store, args.patient), output)
    for problem in result.problems:
        print(f"problem   {problem}", file=sys.stderr)
    print(f"Wrote the archive of {result.patient_name} ({result.photos} photos, "
          f"{result.size / 1024:,.0f} KB) to {output}.", file=sys.stderr)  # fmt: skip
    return 1 if result.problems else 0


def _fhir(services, args: argparse.Namespace, output: Path) -> int:
    from mesodesk.commands import resolve_patient
    from mesodesk.interop.archive import export_fhir

    export_fhir(services, resolve_patient(services.store, args.patient), output)
    print(f"Wrote the FHIR R4 bundle of patient {args.patient} to {output}.", file=sys.stderr)
    return 0


def _csv(services, args: argparse.Namespace, output: Path) -> int:
    from mesodesk.interop.tables import TableExportService

    _path, rows = TableExportService(services.store, services.actor).export(args.table, output)
    print(f"Wrote {rows} {args.table} to {output}.", file=sys.stderr)
    return 0


def _recall(services, args: argparse.Namespace, output: Path) -> int:
    from mesodesk.interop.recall import find_lot, load_recall, recall_rows_text, save_recall

    kind = args.format or output.suffix.lower().lstrip(".")
    if kind not in ("csv", "pdf"):
        raise CommandError(f"Name the file .csv or .pdf, or give --format ({output.name}).")
    lot = find_lot(services, args.lot, args.product)
    report = load_recall(services, lot.id)
    save_recall(services, report, output, kind)
    for line in recall_rows_text(report.rows):
        print(line)
    print(f"Lot {lot.lot_number} of {lot.product_name}: {len(report.current)} sessions of "
          f"{report.patients} patients; wrote {output}.", file=sys.stderr)  # fmt: skip
    return 0

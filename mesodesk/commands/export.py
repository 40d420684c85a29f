"""`mesodesk export KIND`: write a patient's document as a PDF, or records as open data.

Each document kind in `mesodesk.reports.documents.DOCUMENTS` becomes a sub-command of its
own (`export summary`, `export handout`, …), so a new kind needs no change here. The open-data
forms (`export patient`, `fhir`, `csv`, `recall`) live in `_export_data`. Every file is
written beside its destination and renamed into place once its audit row is stored: never
half a file, and never one the audit trail does not know about.
"""

from __future__ import annotations

import argparse
import sys

from mesodesk.commands import Command, CommandError, _export_data, add_patient_argument, read_store


def _configure(parser: argparse.ArgumentParser) -> None:
    from mesodesk.reports.documents import DOCUMENTS

    kinds = parser.add_subparsers(dest="kind", metavar="KIND", title="documents", required=True)
    for kind in DOCUMENTS.values():
        sub = kinds.add_parser(kind.name, help=kind.help, description=f"Write {kind.help}.")
        # --db may follow the document's name too, as with every command.
        sub.add_argument("--db", metavar="FILE-OR-URL", default=argparse.SUPPRESS,
                         help="the database (as for every command)")  # fmt: skip
        add_patient_argument(sub)
        sub.add_argument(
            "-o", "--output", metavar="FILE.pdf", required=True, help="where to write the PDF"
        )
    _export_data.configure(kinds)


def _run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mesodesk.reports.documents import DOCUMENTS, save_document

    if args.kind in _export_data.HANDLED:
        return _export_data.run(args)
    kind = DOCUMENTS[args.kind]
    output = Path(args.output)
    if not output.parent.is_dir():
        raise CommandError(f"There is no folder {output.parent} to write {output.name} into.")
    store = read_store(args)
    try:
        from mesodesk.commands import resolve_patient
        from mesodesk.reports.report_data import collect
        from mesodesk.services import Services

        services = Services(store)
        patient_id = resolve_patient(store, args.patient)
        data = collect(services, patient_id)
        # In place only once audited, as in the app: no document the audit trail does not know.
        save_document(services, patient_id, kind, kind.build(data), output)
    finally:
        store.dispose()
    print(f"Wrote the {kind.title.lower()} of {data.patient.display_name} to {output}.",
          file=sys.stderr)  # fmt: skip
    return 0


COMMAND = Command(
    name="export",
    help="write a patient's summary, handout or consent form as a PDF; a patient's archive, "
    "FHIR bundle, CSV tables or a lot recall",
    description=(
        "Write one document of one patient as a PDF, laid out on the clinic's paper size; or "
        "export records: a patient's archive or FHIR bundle, patients, sessions or lots as "
        "CSV, the recall report of a lot. The database is never upgraded; exports of "
        "patient data are recorded in the audit trail."
    ),
    configure=_configure,
    run=_run,
    epilog="Examples: mesodesk export summary --patient P000123 -o summary.pdf; "
    "mesodesk export patient --patient P000123 -o records.zip; "
    "mesodesk export csv patients -o patients.csv; "
    "mesodesk export recall --lot BT-2291 -o recall.pdf",
)

"""`mesodesk import-photos`: bring photo files into a patient's record from the command line."""

from __future__ import annotations

import argparse
import sys

from mesodesk.commands import Command, add_patient_argument, positive_int, read_store
from mesodesk.domain.enums import PhotoView


def _configure(parser: argparse.ArgumentParser) -> None:
    add_patient_argument(parser)
    parser.add_argument(
        "--view",
        required=True,
        choices=[view.value for view in PhotoView],
        help="the standard view every file shows",
    )
    parser.add_argument(
        "--session",
        type=positive_int,
        metavar="ID",
        help="link every photo to this session (default: a session on the photo's date)",
    )
    parser.add_argument("--site", default="", help="trichoscopy site, for --view trichoscopy")
    parser.add_argument(
        "--magnification", type=positive_int, metavar="X", help="trichoscopy magnification"
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="JPEG, PNG or TIFF files, or folders (a camera card: its image files, recursively)",
    )


def _run(args: argparse.Namespace) -> int:
    store = read_store(args)
    try:
        from mesodesk.commands import resolve_patient
        from mesodesk.photos.images import photo_files
        from mesodesk.services.photos import PhotoService
        from mesodesk.services.store import SYSTEM

        report = PhotoService(store, SYSTEM).import_files(
            resolve_patient(store, args.patient),
            photo_files(args.files),
            view=PhotoView(args.view),
            session_id=args.session,
            trichoscopy_site=args.site,
            magnification=args.magnification,
        )
    finally:
        store.dispose()
    for result in report.results:
        if result.status == "imported":
            linked = f", session {result.session_id}" if result.session_id else ""
            print(f"imported  {result.path.name}: photo {result.photo_id}{linked}")
        else:
            print(f"{result.status:<9} {result.message}")
    failed = f", {len(report.failed)} not recorded" if report.failed else ""
    print(
        f"{len(report.imported)} imported, {len(report.refused)} refused{failed} "
        f"of {len(report.results)} files.",
        file=sys.stderr,
    )
    return 0 if report.ok else 1


COMMAND = Command(
    name="import-photos",
    help="import photo files (JPEG, PNG, TIFF) into a patient's record",
    description=(
        "Import photos for one patient, all with the same standard view. Each file is checked "
        "(truncated, oversized or non-image files are refused, the others still imported), its "
        "GPS location is removed without re-encoding, and it is stored in the photo vault "
        "beside the database with an upright thumbnail and print copy. Prints one line per "
        "file; the exit status is 1 when any file was refused or could not be recorded. The "
        "patient must have given photo consent."
    ),
    configure=_configure,
    run=_run,
    epilog="Example: mesodesk import-photos --patient P000012 --view vertex card/DCIM/*.JPG",
)

"""CSV for spreadsheets: UTF-8 with a BOM (so Excel reads accents), formulas neutralised.

A spreadsheet runs a cell that begins with = + - @ (or a tab or carriage return before one)
as a formula: a patient called "=HYPERLINK(…)" must reach the clinic's spreadsheet as text.
Such a cell gets a leading apostrophe; so does a cell that already begins with one, which
makes the change reversible: `restore_cell` undoes it when MesoDesk reads its own file back.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from mesodesk.files import write_atomically

BOM = "\ufeff"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    """The cell as a spreadsheet will show it, never as a formula."""
    text = "" if value is None else str(value)
    if text.startswith((*DANGEROUS, "'")):
        return "'" + text
    return text


def restore_cell(text: str) -> str:
    """Undo `neutralise` (a cell written by MesoDesk, or by a careful other program)."""
    if text.startswith("'") and text[1:2] and text[1] in (*DANGEROUS, "'"):
        return text[1:]
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The whole file as text: BOM, header, rows; every cell neutralised."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for values in rows:
        writer.writerow([neutralise(v) for v in values])
    return out.getvalue()


def write_csv(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> Path:
    """Write the file whole (a temporary file renamed into place): never half a table."""
    return write_atomically(path, csv_text(header, rows).encode("utf-8"))


def yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")

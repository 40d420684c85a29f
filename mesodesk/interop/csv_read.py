"""Reading another program's CSV: its encoding, its delimiter, its line numbers.

Spreadsheets write UTF-8 with or without a BOM, or a Windows code page; European ones use
";" between cells. A cell may hold line breaks, so a record's line number is where it starts
in the file, which is what the person fixing the file needs.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from mesodesk.services.errors import ServiceError

MAX_BYTES = 200 * 1024 * 1024


class CsvError(ServiceError):
    """The file cannot be read as a table."""


@dataclass(frozen=True)
class CsvTable:
    name: str  # the file's name, for messages and the audit row
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]  # the line each row starts on (the header is line 1)
    delimiter: str
    encoding: str

    def column(self, header_or_number: str) -> int:
        """A column by its header (case-insensitive) or its number counted from 1."""
        wanted = header_or_number.strip()
        for index, header in enumerate(self.headers):
            if header.strip().casefold() == wanted.casefold():
                return index
        if wanted.isdigit() and 1 <= int(wanted) <= len(self.headers):
            return int(wanted) - 1
        raise CsvError(
            f"{self.name} has no column {wanted!r}; its columns are: "
            + ", ".join(h or f"(column {i + 1})" for i, h in enumerate(self.headers))
        )

    def samples(self, index: int, count: int = 3) -> list[str]:
        values = [row[index] for row in self.rows if index < len(row) and row[index].strip()]
        return values[:count]


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: UTF-8 (with or without BOM), else cp1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        return max(",;\t|", key=first.count) if first else ","


def parse_csv(data: bytes, name: str = "the file") -> CsvTable:
    if not data.strip():
        raise CsvError(f"{name} is empty.")
    if b"\x00" in data[:4096]:
        raise CsvError(f"{name} is not a text file (is it a spreadsheet saved as .xlsx?).")
    text, encoding = decode(data)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    headers: tuple[str, ...] | None = None
    start = 1
    try:
        for record in reader:
            if headers is None:
                headers = tuple(cell.strip() for cell in record)
            elif any(cell.strip() for cell in record):
                rows.append(tuple(record))
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CsvError(f"{name}, line {reader.line_num}: {exc}.") from None
    if not headers or not any(headers):
        raise CsvError(f"{name} has no header row.")
    return CsvTable(name, headers, tuple(rows), tuple(lines), delimiter, encoding)


def read_csv(path: str | Path) -> CsvTable:
    file = Path(path)
    try:
        if file.stat().st_size > MAX_BYTES:
            raise CsvError(f"{file.name} is larger than {MAX_BYTES // 1024 // 1024} MB.")
        data = file.read_bytes()
    except OSError as exc:
        raise CsvError(f"{file} cannot be read: {exc.strerror or exc}.") from None
    return parse_csv(data, file.name)

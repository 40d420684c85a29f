"""CSV: hostile cells neutralised, exports import back as the same patients, bad rows reported."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mesodesk.cli import main
from mesodesk.db.models import AuditEntry, Ingredient, Patient
from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import IngredientClass, Sex
from mesodesk.interop import patient_import
from mesodesk.interop.csv_files import BOM, neutralise, restore_cell
from mesodesk.interop.csv_read import CsvError, parse_csv, read_csv
from mesodesk.interop.patient_import import (
    ImportCancelled,
    PatientImportService,
    guess_mapping,
    mapping_from_options,
)
from mesodesk.interop.tables import TableExportService
from mesodesk.services import Services

HOSTILE = ['=HYPERLINK("http://x","y")', "+41 1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "'quoted"]


def _rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith(BOM), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))


def _people(services: Services) -> dict[str, tuple]:
    """Every live patient by record number: the draft (without library ids) and allergy names."""
    found = {}
    for row in services.patients.find(limit=10_000):
        detail = services.patients.get(row.id)
        draft = replace(detail.draft, allergy_ingredient_ids=())
        found[detail.record_number] = (draft, sorted(detail.allergy_ingredients))
    return found


def _import(services: Services, path: Path, **options):
    table = read_csv(path)
    return PatientImportService(services.store, services.actor).run(
        table, guess_mapping(table.headers), **options
    )


def test_cells_a_spreadsheet_would_run_come_out_as_text() -> None:
    for value in HOSTILE:
        cell = neutralise(value)
        assert cell.startswith("'"), value
        assert restore_cell(cell) == value
    assert neutralise("Müller") == "Müller"
    assert neutralise(None) == ""


def test_hostile_patient_fields_are_neutralised_in_the_file(
    empty: Services, tmp_path: Path
) -> None:
    for index, value in enumerate(HOSTILE):
        draft = PatientDraft(
            value.strip() or "x", "Anna", date(1980, 1, index + 1), notes=value, email=""
        )
        empty.patients.register(draft, acknowledge_warnings=True)
    path, count = TableExportService(empty.store, empty.actor).export(
        "patients", tmp_path / "p.csv"
    )
    assert count == len(HOSTILE)
    rows = _rows(path)
    header = rows[0]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (header, row)
    notes = {row[header.index("notes")] for row in rows[1:]}
    assert '\'=HYPERLINK("http://x","y")' in notes
    assert "'@SUM(A1)" in notes


def test_export_then_import_gives_the_same_patients(
    demo: Services, empty: Services, tmp_path: Path
) -> None:
    hostile = PatientDraft(
        "=cmd|'/C calc'!A0",
        "+Eve",
        date(1979, 5, 6),
        sex=Sex.FEMALE,
        phone="+49 30 123",
        notes='line one\nline two, "quoted"',
    )
    demo.patients.register(hostile, acknowledge_warnings=True)
    with empty.store.writing() as session:  # the same ingredient library on the other side
        for name in demo.mixtures.ingredients():
            session.add(Ingredient(name=name.name, ingredient_class=IngredientClass.OTHER))
    path, count = TableExportService(demo.store, demo.actor).export("patients", tmp_path / "p.csv")
    report = _import(empty, path)
    assert report.imported == count == 13
    assert not report.errors and not report.duplicates
    assert _people(empty) == _people(demo)


def test_a_file_with_bad_rows_imports_the_good_ones_and_reports_each(
    empty: Services, tmp_path: Path
) -> None:
    path = tmp_path / "old-system.csv"
    path.write_text(
        "Nachname;Vorname;Geburtsdatum;Geschlecht;Telefon;Notizen\n"
        "Müller;Hans;27.03.1984;m;+49 30 1;\n"  # line 2: good
        ";Ohne;01.01.1990;w;;\n"  # line 3: no family name
        "Schmidt;Eva;31.02.1990;w;;\n"  # line 4: no such date
        'Weber;Jonas;12.05.1970;m;;"zwei\nZeilen"\n'  # line 5-6: good, a cell on two lines
        "Klein;Mia;1988-07-01;q;;\n"  # line 7: unknown sex
        "Fischer;Lea;2099-01-01;w;;\n"  # line 8: born in the future
        "Wolf;Tim;1.1.1960;m;call me!;\n"  # line 9: letters in the phone
        "müller;hans;1984-03-27;m;;\n"  # line 10: same person as line 2
        "Braun;Ida;03.04.1951;w;;\n",  # line 11: good
        encoding="cp1252",
    )
    table = read_csv(path)
    assert table.delimiter == ";" and table.encoding == "cp1252"
    mapping = guess_mapping(table.headers)
    assert set(mapping.values()) == {
        "family_name",
        "given_names",
        "birth_date",
        "sex",
        "phone",
        "notes",
    }
    service = PatientImportService(empty.store, empty.actor)
    dry = service.run(table, mapping, dry_run=True)
    assert [r.line for r in dry.new] == [2, 5, 11]
    assert empty.patients.count() == 0, "a dry run changes nothing"
    report = service.run(table, mapping)
    assert report.imported == 3
    errors = {r.line: " ".join(r.messages) for r in report.errors}
    assert set(errors) == {3, 4, 7, 8, 9}
    assert "Family name" in errors[3]
    assert "31.02.1990" in errors[4]
    assert "“q”" in errors[7]
    assert "future" in errors[8]
    assert "call me!" in errors[9]
    assert [(r.line, r.messages[0]) for r in report.duplicates] == [
        (10, "Same name and birth date as line 2.")
    ]
    names = {row.display_name for row in empty.patients.find()}
    assert names == {"Müller, Hans", "Weber, Jonas", "Braun, Ida"}
    weber = next(r for r in empty.patients.find("Weber"))
    assert empty.patients.get(weber.id).draft.notes == "zwei\nZeilen"
    again = service.run(table, mapping, dry_run=True)
    assert len(again.duplicates) == 4, "the imported rows are now duplicates of the clinic's"


def test_nothing_is_half_imported(
    empty: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "family_name,given_names,birth_date\n"
        + "".join(f"Name{i},Anna,1980-01-{i + 1:02d}\n" for i in range(5))
    )
    real = patient_import.fill_patient
    calls = []

    def failing(patient, draft):
        calls.append(draft)
        if len(calls) == 4:
            raise OSError("disk full")
        real(patient, draft)

    monkeypatch.setattr(patient_import, "fill_patient", failing)
    with pytest.raises(OSError):
        _import(empty, path)
    assert empty.patients.count() == 0
    monkeypatch.setattr(patient_import, "fill_patient", real)
    with pytest.raises(ImportCancelled):
        _import(empty, path, cancel=lambda: True)
    assert empty.patients.count() == 0
    seen = []
    report = _import(empty, path, progress=lambda done, total: seen.append((done, total)))
    assert report.imported == 5 and seen[-1] == (5, 5)
    with empty.store.reading() as session:
        audited = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "patient")
        )
        numbers = list(session.scalars(select(Patient.record_number).order_by(Patient.id)))
    assert audited == 5
    assert numbers == [f"P{i:06d}" for i in range(1, 6)]


def test_record_numbers_clash_and_mapping_options(empty: Services, tmp_path: Path) -> None:
    empty.patients.register(PatientDraft("Alt", "Bea", date(1970, 1, 1), record_number="K-1"))
    path = tmp_path / "p.csv"
    path.write_text(
        'Nr,Name,DOB\nK-1,"Neu, Carl",1971-02-02\nK-2,Dora Lang,1972-03-03\n'
        "K-2,Emil Kurz,1973-04-04\n"
    )
    table = read_csv(path)
    with pytest.raises(CsvError, match="no column"):
        mapping_from_options(table, ["Missing=family_name"])
    mapping = mapping_from_options(table, ["Nr=record_number", "Name=full_name"])
    report = PatientImportService(empty.store, empty.actor).run(table, mapping)
    assert [r.name for r in report.new] == ["Lang, Dora"]
    errors = [" ".join(r.messages) for r in report.errors]
    assert "K-1 already belongs to Alt, Bea" in errors[0]
    assert "also on line 3" in errors[1]


def test_unreadable_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(CsvError, match="empty"):
        parse_csv(b"  \n", "x.csv")
    with pytest.raises(CsvError, match="xlsx"):
        parse_csv(b"PK\x03\x04\x00\x00binary", "x.csv")


def test_import_patients_command(empty: Services, tmp_path: Path, capsys) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Surname,First name,Date of birth\nOk,Anna,1980-01-01\nBad,Ben,soon\n")
    args = [
        "import-patients",
        "--db",
        empty.store.url,
        str(path),
        "--map",
        "First name=given_names",
    ]
    assert main([*args, "--dry-run"]) == 1
    assert empty.patients.count() == 0
    assert main(args) == 1
    out = capsys.readouterr()
    assert "line     3  error     Bad, Ben: Date of birth “soon” is not a date" in out.out
    assert "1 imported" in out.err
    assert [p.display_name for p in empty.patients.find()] == ["Ok, Anna"]


def test_sessions_and_lots_tables(demo: Services, tmp_path: Path) -> None:
    for name, column in (("sessions", "lots"), ("lots", "lot_number")):
        out = tmp_path / f"{name}.csv"
        assert main(["export", "csv", name, "--db", demo.store.url, "-o", str(out)]) == 0
        rows = _rows(out)
        assert column in rows[0] and len(rows) > 5

"""The patient's archive: summary, every record, FHIR, original photos, checksums; audited."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from mesodesk.cli import main
from mesodesk.db.models import AuditEntry
from mesodesk.domain.enums import AuditAction, PhotoView
from mesodesk.interop import archive as archive_module
from mesodesk.interop.archive import export_archive
from mesodesk.services import Services
from tests.photos.photo_files import write_photo


def _treated(services: Services) -> int:
    rows = services.patients.find(limit=100)
    return max(rows, key=lambda p: len(services.sessions.for_patient(p.id))).id


def _exports(services: Services) -> list[AuditEntry]:
    with services.store.reading() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT))
        )


def test_the_archive_holds_everything_with_checksums(demo: Services, tmp_path: Path) -> None:
    patient_id = _treated(demo)
    detail = demo.patients.get(patient_id)
    demo.patients.update(
        patient_id, replace(detail.draft, consent_photos=True), acknowledge_warnings=True
    )
    photo = write_photo(tmp_path / "vertex.jpg")
    demo.photos.import_files(patient_id, [photo], view=PhotoView.VERTEX)
    result = export_archive(demo, patient_id, tmp_path / "out.zip")
    assert result.photos == 1 and not result.problems
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        assert {
            "README.txt",
            "summary.pdf",
            "record.json",
            "patient.fhir.json",
            "manifest.json",
            "SHA256SUMS",
        } <= set(names)
        for line in archive.read("SHA256SUMS").decode().splitlines():
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest, name
        records = json.loads(archive.read("record.json"))
        manifest = json.loads(archive.read("manifest.json"))
        photo_name = manifest["photos"][0]["file"]
        original = archive.read(photo_name)
        pdf = archive.read("summary.pdf")
    stored = demo.photos.original_path(demo.photos.photos_for(patient_id)[0].id).read_bytes()
    assert original == stored, "the original bytes from the vault, not a copy"
    assert hashlib.sha256(original).hexdigest() == manifest["photos"][0]["sha256"]
    assert records["patient"]["record_number"] == detail.record_number
    assert len(records["sessions"]) >= len(demo.sessions.for_patient(patient_id))
    assert records["audit_trail"], "who opened or changed the record belongs to it"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert detail.draft.family_name in text
    (entry,) = _exports(demo)
    assert entry.patient_id == patient_id and entry.after["format"] == "archive"
    assert entry.username == demo.actor.username


def test_a_missing_original_is_reported_not_dropped(demo: Services, tmp_path: Path) -> None:
    patient_id = _treated(demo)
    detail = demo.patients.get(patient_id)
    demo.patients.update(
        patient_id, replace(detail.draft, consent_photos=True), acknowledge_warnings=True
    )
    demo.photos.import_files(patient_id, [write_photo(tmp_path / "a.jpg")], view=PhotoView.VERTEX)
    demo.photos.original_path(demo.photos.photos_for(patient_id)[0].id).unlink()
    result = export_archive(demo, patient_id, tmp_path / "out.zip")
    assert result.photos == 0
    assert "missing from the vault" in result.problems[0]
    with zipfile.ZipFile(result.path) as archive:
        assert json.loads(archive.read("manifest.json"))["problems"] == result.problems


def test_no_file_without_its_audit_row(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args, **_kwargs):
        raise RuntimeError("the audit trail cannot be written")

    monkeypatch.setattr(archive_module.audit, "record", refuse)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        export_archive(demo, _treated(demo), folder / "out.zip")
    assert list(folder.iterdir()) == [], "neither the archive nor a temporary file is left"


def test_export_patient_command(demo: Services, tmp_path: Path, capsys) -> None:
    number = demo.patients.get(_treated(demo)).record_number
    out = tmp_path / "records.zip"
    code = main(["export", "patient", "--db", demo.store.url, "--patient", number, "-o", str(out)])
    assert code == 0
    assert zipfile.ZipFile(out).testzip() is None
    assert "Wrote the archive of" in capsys.readouterr().err
    missing = tmp_path / "nowhere" / "x.zip"
    assert (
        main(["export", "patient", "--db", demo.store.url, "--patient", number, "-o", str(missing)])
        == 1
    )


def test_the_existing_pdf_forms_still_work(demo: Services, tmp_path: Path) -> None:
    number = demo.patients.get(_treated(demo)).record_number
    for kind in ("summary", "handout", "consent"):
        out = tmp_path / f"{kind}.pdf"
        assert (
            main(["export", kind, "--db", demo.store.url, "--patient", number, "-o", str(out)]) == 0
        )
        assert out.read_bytes().startswith(b"%PDF")

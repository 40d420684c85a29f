"""A patient's archive (right of access): one ZIP with everything the clinic holds on them.

    README.txt          what each file is
    summary.pdf         the treatment summary, as printed from the chart
    record.json         every record of the patient (`records.collect_records`)
    patient.fhir.json   the same as a FHIR R4 Bundle
    photos/…            the original photos from the vault, byte for byte
    manifest.json       every file with its size and SHA-256, and each photo's record
    SHA256SUMS          the same checksums in the format `sha256sum -c` reads

The archive is written to a temporary file and renamed into place in the same transaction as
its audit row. A photo whose original is missing from the vault or no longer matches its
checksum is listed as a problem in the manifest (and the result), never silently dropped.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from mesodesk.domain.enums import AuditAction
from mesodesk.interop.fhir import patient_bundle, photo_file_name
from mesodesk.interop.files import publish
from mesodesk.interop.records import collect_records
from mesodesk.services import Services, audit

Progress = Callable[[int, int], None]

README = """\
Records of {name} ({record_number}), exported by {clinic} on {day} with {software}.

summary.pdf         The treatment summary, as the clinic prints it.
record.json         Every record the clinic holds about you, machine-readable (JSON):
                    identity, history, assessments, course plans, sessions (with their
                    earlier versions where a signed record was corrected), mixtures and
                    product lots, outcomes, photos and the log of who opened or changed
                    your record.
patient.fhir.json   The same records as a FHIR R4 Bundle, the common format of health
                    software, for another clinic or a health record app.
photos/             The original photographs, exactly as stored ({photo_count} files).
manifest.json       Every file of this archive with its size and SHA-256 checksum.
SHA256SUMS          The checksums again, for `sha256sum -c SHA256SUMS`.
"""


@dataclass
class ArchiveResult:
    path: Path
    patient_name: str
    record_number: str
    photos: int
    size: int
    problems: list[str] = field(default_factory=list)


def archive_file_name(family_name: str, given_names: str, day: date) -> str:
    stem = f"{family_name}_{given_names}_records_{day:%Y-%m-%d}"
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) + ".zip"


def _summary_pdf(services: Services, patient_id: int) -> bytes:
    from mesodesk.reports.report_data import collect
    from mesodesk.reports.summary import build_summary

    return build_summary(collect(services, patient_id))


def _json(data: Any) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


class _Zip:
    """A ZIP being written, remembering each member's checksum for the manifest."""

    def __init__(self, out: BinaryIO) -> None:
        self.zip = zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED)
        self.members: list[dict[str, Any]] = []

    def add(self, name: str, content: bytes, *, compress: bool = True) -> str:
        digest = hashlib.sha256(content).hexdigest()
        kind = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self.zip.writestr(name, content, compress_type=kind)
        self.members.append({"file": name, "size": len(content), "sha256": digest})
        return digest

    def close(self) -> None:
        self.zip.close()


def export_archive(
    services: Services,
    patient_id: int,
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
) -> ArchiveResult:
    """Write the patient's archive to `path` (audited); photos are copied, never re-encoded."""
    records = collect_records(services.store, patient_id, services.actor)
    patient = records["patient"]
    photos = [p for p in records["photos"] if not p.get("deleted_at")]
    total = len(photos) + 2
    report = progress or (lambda _done, _total: None)
    report(0, total)
    summary = _summary_pdf(services, patient_id)
    report(1, total)
    bundle = patient_bundle(records)
    target = Path(path)
    problems: list[str] = []
    photo_entries: list[dict[str, Any]] = []

    def write(out: BinaryIO) -> None:
        archive = _Zip(out)
        readme = README.format(
            name=f"{patient['given_names']} {patient['family_name']}",
            record_number=patient["record_number"],
            clinic=records["clinic"].get("name") or "the clinic",
            day=records["exported_at"][:10],
            software=records["software"],
            photo_count=len(photos),
        )
        archive.add("README.txt", readme.encode("utf-8"))
        archive.add("summary.pdf", summary)
        archive.add("record.json", _json(records))
        archive.add("patient.fhir.json", _json(bundle))
        for done, photo in enumerate(photos, start=2):
            photo_entries.append(_add_photo(services, archive, photo, problems))
            report(done, total)
        manifest = {
            "format": "mesodesk-patient-archive",
            "record_number": patient["record_number"],
            "exported_at": records["exported_at"],
            "files": list(archive.members),
            "photos": photo_entries,
            "problems": problems,
        }
        archive.add("manifest.json", _json(manifest))
        sums = "".join(f"{m['sha256']}  {m['file']}\n" for m in archive.members)
        archive.add("SHA256SUMS", sums.encode("ascii"))
        archive.close()

    with publish(target, write) as commit, services.store.writing() as session:
        audit.record(
            session,
            services.actor,
            AuditAction.EXPORT,
            "patient",
            patient_id,
            patient_id=patient_id,
            summary=f"Exported the patient's records as an archive ({target.name})",
            after={
                "format": "archive",
                "file": target.name,
                "photos": len(photos),
                "problems": len(problems),
            },
        )
        commit()
    report(total, total)
    return ArchiveResult(
        target,
        f"{patient['family_name']}, {patient['given_names']}",
        patient["record_number"],
        len(photos) - len(problems),
        target.stat().st_size,
        problems,
    )


def _add_photo(
    services: Services, archive: _Zip, photo: dict[str, Any], problems: list[str]
) -> dict[str, Any]:
    name = photo_file_name(photo)
    entry = {
        "file": name,
        "photo_id": photo["id"],
        "view": photo["view"],
        "taken_at": photo["taken_at"],
        "original_name": photo["original_name"],
        "sha256": photo["sha256"],
    }
    source = services.photos.vault.original_path(photo["sha256"], photo["mime_type"])
    try:
        content = source.read_bytes()
    except OSError:
        problems.append(f"Photo {photo['id']} ({photo['original_name']}): missing from the vault")
        return {**entry, "file": None, "problem": "missing from the vault"}
    digest = archive.add(name, content, compress=False)
    if digest != photo["sha256"]:
        problems.append(
            f"Photo {photo['id']} ({photo['original_name']}): its bytes no longer match the "
            "checksum recorded when it was imported"
        )
        entry["problem"] = "checksum mismatch"
    return entry


def export_fhir(services: Services, patient_id: int, path: str | os.PathLike[str]) -> Path:
    """Write the patient's FHIR R4 Bundle as JSON to `path` (audited)."""
    records = collect_records(services.store, patient_id, services.actor)
    content = _json(patient_bundle(records))
    target = Path(path)
    with publish(target, content) as commit, services.store.writing() as session:
        audit.record(
            session,
            services.actor,
            AuditAction.EXPORT,
            "patient",
            patient_id,
            patient_id=patient_id,
            summary=f"Exported the patient's records as FHIR R4 ({target.name})",
            after={"format": "fhir-r4", "file": target.name},
        )
        commit()
    return target

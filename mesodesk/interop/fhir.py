"""A patient as a FHIR R4 Bundle (type "collection"), built from `collect_records` output.

Plain dictionaries, no FHIR library at run time; the tests validate every resource with the
`fhir.resources` R4B models. Resources: Patient, AllergyIntolerance, Condition (diagnosis),
Observation (stages, SALT, trichoscopy, pull test, scalp condition, outcomes; units in UCUM),
Procedure (each current session, body sites, notes, lots in `usedReference`), Medication
(each lot with its batch, each mixture with its ingredients), MedicationAdministration (the
mixture injected, its volume) and Media (each photo, pointing at `photos/…` in the archive).

Codes MesoDesk owns (scales, zones, techniques) use `urn:mesodesk:…` code systems;
well-known systems are used only where the code is certain (UCUM, ICD-10 for the diagnoses
that have one, SNOMED CT for the scalp, HL7 terminology for statuses and categories).
Deleted records and versions replaced by an amendment are left out: the bundle says what is
true now. Every reference is a `urn:uuid:` derived from the record's id, so the same
record gets the same identity in every export.

The resources are built in `fhir_patient`, `fhir_observations` and `fhir_procedures` on the
building blocks of `fhir_blocks`; this module adds the photos and assembles the Bundle.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mesodesk.domain.enums import PhotoView
from mesodesk.interop.fhir_blocks import (
    HL7,
    ICD10,
    LOCAL,
    RECORD_NUMBER_SYSTEM,
    SCALP,
    SNOMED,
    UCUM,
    concept,
    instant,
    live,
    local,
    notes,
    ref,
    resource_id,
)
from mesodesk.interop.fhir_patient import PatientResources
from mesodesk.interop.fhir_procedures import ProcedureResources
from mesodesk.photos.images import EXTENSIONS

__all__ = [
    "HL7",
    "ICD10",
    "LOCAL",
    "RECORD_NUMBER_SYSTEM",
    "SCALP",
    "SNOMED",
    "UCUM",
    "patient_bundle",
    "photo_file_name",
    "ref",
    "resources",
]


class _Builder(PatientResources, ProcedureResources):
    def photo(self, p: dict[str, Any]) -> None:
        view = PhotoView(p["view"])
        site = f" ({p['trichoscopy_site']})" if p.get("trichoscopy_site") else ""
        self.add(
            "media",
            p["id"],
            {
                "resourceType": "Media",
                "identifier": [{"system": f"{LOCAL}sha256", "value": p["sha256"]}],
                "status": "completed",
                "type": concept(HL7 + "media-type", "image", "Image"),
                "view": local("photo-view", view.value, view.label),
                "subject": self.subject,
                "partOf": [{"reference": ref("procedure", p["session_id"])}]
                if p.get("session_id") in self.current_sessions
                else [],
                "createdDateTime": instant(p.get("taken_at")),
                "bodySite": {"coding": [SCALP], "text": f"Scalp, {view.label}{site}"},
                "height": p["height"],
                "width": p["width"],
                "content": {
                    "contentType": p["mime_type"],
                    "url": photo_file_name(p),
                    "size": p["byte_size"],
                    "title": p.get("original_name") or None,
                },
                "note": notes(
                    f"Magnification {p['magnification']}×" if p.get("magnification") else ""
                ),
            },
        )

    current_sessions: set[int] = set()

    def build(self) -> dict[str, Any]:
        self.patient_resource()
        for a in live(self.records.get("assessments", [])):
            self.assessment(a)
        self.medications()
        sessions = [s for s in live(self.records.get("sessions", [])) if not s.get("superseded")]
        self.current_sessions = {s["id"] for s in sessions}
        for s in sessions:
            self.session(s)
        for o in live(self.records.get("outcomes", [])):
            self.outcome(o)
        for p in live(self.records.get("photos", [])):
            self.photo(p)
        return {
            "resourceType": "Bundle",
            "id": resource_id(ref("bundle", f"{self.patient['id']}/{self.records['exported_at']}")),
            "meta": {"lastUpdated": instant(self.records["exported_at"])},
            "identifier": {"system": RECORD_NUMBER_SYSTEM, "value": self.patient["record_number"]},
            "type": "collection",
            "timestamp": instant(self.records["exported_at"]),
            "entry": self.entries,
        }


def photo_file_name(photo: dict[str, Any]) -> str:
    """Where an original sits in the archive: photos/<date>_<view>_<id>.<ext>."""
    taken = (photo.get("taken_at") or "")[:10] or "undated"
    extension = EXTENSIONS.get(photo["mime_type"], "")
    return f"photos/{taken}_{photo['view']}_{photo['id']}{extension}"


def patient_bundle(records: dict[str, Any]) -> dict[str, Any]:
    """The FHIR R4 Bundle of one patient's records (see the module's description)."""
    return _Builder(records).build()


def resources(bundle: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for entry in bundle.get("entry", []):
        yield entry["resource"]

"""FHIR R4: every resource of the demo patients' bundles validates with fhir.resources (R4B)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mesodesk.cli import main
from mesodesk.db.models import AuditEntry
from mesodesk.domain.enums import PhotoView
from mesodesk.interop.fhir import UCUM, patient_bundle
from mesodesk.interop.records import collect_records
from mesodesk.services import Services
from tests.photos.photo_files import write_photo

R4B = pytest.importorskip("fhir.resources.R4B")

GENDERS = {"male", "female", "other", "unknown"}
STATUSES = {
    "Observation": {"final"},
    "Procedure": {"completed", "in-progress"},
    "MedicationAdministration": {"completed", "in-progress"},
    "Media": {"completed"},
}


def _validate(bundle: dict[str, Any]) -> None:
    for entry in bundle["entry"]:
        resource = entry["resource"]
        R4B.get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    R4B.get_fhir_model_class("Bundle").model_validate(bundle)


def _quantities(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        found = [value] if "value" in value and "code" in value and "unit" in value else []
        return found + [q for v in value.values() for q in _quantities(v)]
    if isinstance(value, list):
        return [q for v in value for q in _quantities(v)]
    return []


def _references(value: Any) -> list[str]:
    if isinstance(value, dict):
        own = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return own + [r for v in value.values() for r in _references(v)]
    if isinstance(value, list):
        return [r for v in value for r in _references(v)]
    return []


def test_every_demo_patient_bundle_validates_with_r4b(demo: Services) -> None:
    kinds: Counter[str] = Counter()
    for row in demo.patients.find(limit=100):
        bundle = patient_bundle(collect_records(demo.store, row.id, demo.actor))
        _validate(bundle)
        resources = [e["resource"] for e in bundle["entry"]]
        kinds.update(r["resourceType"] for r in resources)
        full_urls = {e["fullUrl"] for e in bundle["entry"]}
        assert len(full_urls) == len(bundle["entry"]), "each resource once"
        assert set(_references(resources)) <= full_urls, "every reference resolves in the bundle"
        for resource in resources:
            kind = resource["resourceType"]
            if kind == "Patient":
                assert resource["gender"] in GENDERS
                assert resource["identifier"][0]["value"] == row.record_number
            if kind in STATUSES:
                assert resource["status"] in STATUSES[kind]
        for quantity in _quantities(resources):
            if quantity.get("system"):
                assert quantity["system"] == UCUM
    for kind in (
        "Patient",
        "Condition",
        "Observation",
        "Procedure",
        "Medication",
        "MedicationAdministration",
    ):
        assert kinds[kind] > 0, f"the demo clinic's bundles hold no {kind}"


def test_a_session_becomes_a_procedure_with_sites_lots_and_the_volume(demo: Services) -> None:
    patient = max(demo.patients.find(limit=100), key=lambda p: len(demo.sessions.for_patient(p.id)))
    records = collect_records(demo.store, patient.id, demo.actor)
    bundle = patient_bundle(records)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for entry in bundle["entry"]:
        by_type.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    current = [s for s in records["sessions"] if not s["superseded"] and not s["deleted_at"]]
    assert len(by_type["Procedure"]) == len(current)
    procedure = by_type["Procedure"][-1]
    assert procedure["bodySite"][0]["coding"][0]["code"] == "41695006"
    assert any("mm deep" in site["text"] for site in procedure["bodySite"])
    assert procedure["usedReference"], "the lots and the mixture are referenced"
    lots = [m for m in by_type["Medication"] if "batch" in m]
    assert {m["batch"]["lotNumber"] for m in lots} == {lot["lot_number"] for lot in records["lots"]}
    dose = by_type["MedicationAdministration"][-1]["dosage"]["dose"]
    assert dose["system"] == UCUM and dose["code"] == "mL"
    trichoscopy = [
        o for o in by_type["Observation"] if o["code"]["coding"][0]["code"] == "trichoscopy"
    ]
    units = {c["valueQuantity"]["code"] for o in trichoscopy for c in o["component"]}
    assert {"/cm2", "um", "%"} <= units


def test_photos_become_media(demo: Services, tmp_path: Path) -> None:
    patient = demo.patients.find(limit=100)[0]
    detail = demo.patients.get(patient.id)
    demo.patients.update(
        patient.id, replace(detail.draft, consent_photos=True), acknowledge_warnings=True
    )
    demo.photos.import_files(patient.id, [write_photo(tmp_path / "v.jpg")], view=PhotoView.VERTEX)
    bundle = patient_bundle(collect_records(demo.store, patient.id, demo.actor))
    _validate(bundle)
    media = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Media"]
    assert len(media) == 1
    assert media[0]["content"]["contentType"] == "image/jpeg"
    assert media[0]["content"]["url"].startswith("photos/")
    assert media[0]["width"] == 600 and media[0]["height"] == 400


def test_export_fhir_command_writes_a_valid_bundle(demo: Services, tmp_path: Path) -> None:
    number = demo.patients.find(limit=1)[0].record_number
    out = tmp_path / "patient.json"
    code = main(["export", "fhir", "--db", demo.store.url, "--patient", number, "-o", str(out)])
    assert code == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["type"] == "collection"
    _validate(bundle)
    with demo.store.reading() as session:
        last = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
    assert last.action.value == "export" and last.after["format"] == "fhir-r4"

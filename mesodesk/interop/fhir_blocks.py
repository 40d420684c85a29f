"""FHIR building blocks: code systems, codings, UCUM quantities, stable references, the builder."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
HL7 = "http://terminology.hl7.org/CodeSystem/"
LOCAL = "urn:mesodesk:"
RECORD_NUMBER_SYSTEM = LOCAL + "record-number"
_NAMESPACE = uuid.UUID("6f1d2c9e-8a51-4c07-9b0e-2d43a1f7c0b5")
SCALP = {"system": SNOMED, "code": "41695006", "display": "Scalp structure"}


def ref(kind: str, record_id: object) -> str:
    """A stable `urn:uuid:` for one record (the same in every export)."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{record_id}')}"


def resource_id(full_url: str) -> str:
    return full_url.removeprefix("urn:uuid:")


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    coded = {"system": system, "code": code}
    if display:
        coded["display"] = display
    return coded


def concept(system: str, code: str, display: str, text: str | None = None) -> dict[str, Any]:
    return {"coding": [coding(system, code, display)], "text": text or display}


def local(name: str, code: str, display: str) -> dict[str, Any]:
    return concept(f"{LOCAL}{name}", code, display)


def quantity(value: float, code: str, unit: str | None = None) -> dict[str, Any]:
    return {"value": value, "unit": unit or code, "system": UCUM, "code": code}


def instant(value: str | None) -> str | None:
    """A stored UTC timestamp as FHIR dateTime (seconds, with offset)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.replace(microsecond=0).isoformat()


def live(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if not r.get("deleted_at")]


def notes(*texts: str) -> list[dict[str, str]]:
    return [{"text": t.strip()} for t in texts if t and t.strip()]


def prune(value: Any) -> Any:
    """Drop None, empty strings, lists and objects: FHIR forbids empty elements."""
    if isinstance(value, dict):
        pruned = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [prune(v) for v in value]
        return [v for v in items if v not in (None, "", [], {})]
    return value


class BuilderBase:
    def __init__(self, records: dict[str, Any]) -> None:
        self.records = records
        self.patient = records["patient"]
        self.subject = {
            "reference": ref("patient", self.patient["id"]),
            "display": f"{self.patient['family_name']}, {self.patient['given_names']}",
        }
        self.users = {u["id"]: u for u in records.get("users", [])}
        self.entries: list[dict[str, Any]] = []

    def add(self, kind: str, record_id: object, resource: dict[str, Any]) -> str:
        full_url = ref(kind, record_id)
        resource = {
            "resourceType": resource.pop("resourceType"),
            "id": resource_id(full_url),
            **resource,
        }
        self.entries.append({"fullUrl": full_url, "resource": prune(resource)})
        return full_url

    def practitioner(self, user_id: int | None) -> dict[str, str] | None:
        user = self.users.get(user_id) if user_id is not None else None
        return {"display": user["display_name"]} if user else None

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
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from mesodesk.domain.enums import (
    AdverseEventType,
    Checkpoint,
    ConcentrationUnit,
    Contributor,
    Diagnosis,
    Grade,
    PhotoView,
    ScalpZone,
    Severity,
    Sex,
    StagingScale,
    Technique,
    TrichoscopySite,
)
from mesodesk.photos.images import EXTENSIONS

UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
HL7 = "http://terminology.hl7.org/CodeSystem/"
LOCAL = "urn:mesodesk:"
RECORD_NUMBER_SYSTEM = LOCAL + "record-number"
_NAMESPACE = uuid.UUID("6f1d2c9e-8a51-4c07-9b0e-2d43a1f7c0b5")
SCALP = {"system": SNOMED, "code": "41695006", "display": "Scalp structure"}

_GENDER = {Sex.FEMALE: "female", Sex.MALE: "male", Sex.OTHER: "other", Sex.UNKNOWN: "unknown"}
_ICD10 = {
    Diagnosis.AGA_MALE: ("L64.9", "Androgenic alopecia, unspecified"),
    Diagnosis.AGA_FEMALE: ("L64.9", "Androgenic alopecia, unspecified"),
    Diagnosis.TELOGEN_EFFLUVIUM: ("L65.0", "Telogen effluvium"),
    Diagnosis.ALOPECIA_AREATA: ("L63.9", "Alopecia areata, unspecified"),
    Diagnosis.SCARRING: ("L66.9", "Cicatricial alopecia, unspecified"),
}
# (field, label, UCUM code, unit as printed)
_TRICHOSCOPY = (
    ("density_per_cm2", "Hair density", "/cm2", "hairs/cm²"),
    ("mean_diameter_um", "Mean hair shaft diameter", "um", "µm"),
    ("terminal_pct", "Terminal hairs", "%", "%"),
    ("vellus_pct", "Vellus hairs", "%", "%"),
    ("single_hair_unit_pct", "Single-hair follicular units", "%", "%"),
    ("anagen_pct", "Anagen hairs", "%", "%"),
    ("telogen_pct", "Telogen hairs", "%", "%"),
)
_CONDITION = ("erythema", "scaling", "itch", "pain", "follicular_inflammation")
# ConcentrationUnit → (numerator UCUM code, numerator unit, denominator code, denominator unit)
_STRENGTH = {
    ConcentrationUnit.MG_PER_ML: ("mg", "mg", "mL", "mL"),
    ConcentrationUnit.MCG_PER_ML: ("ug", "µg", "mL", "mL"),
    ConcentrationUnit.IU_PER_ML: ("[iU]", "IU", "mL", "mL"),
    ConcentrationUnit.PERCENT: ("%", "%", "1", "1"),
    ConcentrationUnit.ML: ("mL", "mL", "1", "1"),
}


def ref(kind: str, record_id: object) -> str:
    """A stable `urn:uuid:` for one record (the same in every export)."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{record_id}')}"


def _id(full_url: str) -> str:
    return full_url.removeprefix("urn:uuid:")


def _coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    coded = {"system": system, "code": code}
    if display:
        coded["display"] = display
    return coded


def _concept(system: str, code: str, display: str, text: str | None = None) -> dict[str, Any]:
    return {"coding": [_coding(system, code, display)], "text": text or display}


def _local(name: str, code: str, display: str) -> dict[str, Any]:
    return _concept(f"{LOCAL}{name}", code, display)


def _quantity(value: float, code: str, unit: str | None = None) -> dict[str, Any]:
    return {"value": value, "unit": unit or code, "system": UCUM, "code": code}


def _instant(value: str | None) -> str | None:
    """A stored UTC timestamp as FHIR dateTime (seconds, with offset)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.replace(microsecond=0).isoformat()


def _live(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if not r.get("deleted_at")]


def _notes(*texts: str) -> list[dict[str, str]]:
    return [{"text": t.strip()} for t in texts if t and t.strip()]


class _Builder:
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
        resource = {"resourceType": resource.pop("resourceType"), "id": _id(full_url), **resource}
        self.entries.append({"fullUrl": full_url, "resource": _prune(resource)})
        return full_url

    def practitioner(self, user_id: int | None) -> dict[str, str] | None:
        user = self.users.get(user_id) if user_id is not None else None
        return {"display": user["display_name"]} if user else None

    # -- patient ----------------------------------------------------------------------------
    def patient_resource(self) -> None:
        p = self.patient
        telecom = []
        if p.get("phone"):
            telecom.append({"system": "phone", "value": p["phone"]})
        if p.get("email"):
            telecom.append({"system": "email", "value": p["email"]})
        self.add(
            "patient",
            p["id"],
            {
                "resourceType": "Patient",
                "identifier": [{"system": RECORD_NUMBER_SYSTEM, "value": p["record_number"]}],
                "active": True,
                "name": [
                    {
                        "use": "official",
                        "family": p["family_name"],
                        "given": p["given_names"].split(),
                        "text": f"{p['given_names']} {p['family_name']}".strip(),
                    }
                ],
                "telecom": telecom,
                "gender": _GENDER.get(Sex(p["sex"]), "unknown"),
                "birthDate": p["birth_date"],
                "address": [{"text": p["address"]}] if p.get("address") else [],
            },
        )
        allergies = [(f"text/{p['id']}", p["allergies"])] if p.get("allergies") else []
        allergies += [(f"ingredient/{name}", name) for name in p.get("allergy_ingredients", [])]
        for key, text in allergies:
            self.add(
                "allergy",
                f"{p['id']}/{key}",
                {
                    "resourceType": "AllergyIntolerance",
                    "clinicalStatus": _concept(
                        HL7 + "allergyintolerance-clinical", "active", "Active"
                    ),
                    "code": {"text": text},
                    "patient": self.subject,
                },
            )

    # -- assessments ------------------------------------------------------------------------
    def assessment(self, a: dict[str, Any]) -> None:
        diagnosis = Diagnosis(a["diagnosis"])
        label = (
            a["diagnosis_other"]
            if diagnosis is Diagnosis.OTHER and a["diagnosis_other"]
            else diagnosis.label
        )
        codings = [_coding(f"{LOCAL}diagnosis", diagnosis.value, diagnosis.label)]
        if diagnosis in _ICD10:
            codings.append(_coding(ICD10, *_ICD10[diagnosis]))
        contributors = [Contributor(c).label for c in a.get("contributors") or []]
        if a.get("contributors_other"):
            contributors.append(a["contributors_other"])
        asserter = self.practitioner(a.get("practitioner_id"))
        condition = self.add(
            "condition",
            a["id"],
            {
                "resourceType": "Condition",
                "clinicalStatus": _concept(HL7 + "condition-clinical", "active", "Active"),
                "verificationStatus": _concept(
                    HL7 + "condition-ver-status", "confirmed", "Confirmed"
                ),
                "category": [
                    _concept(
                        HL7 + "condition-category", "encounter-diagnosis", "Encounter Diagnosis"
                    )
                ],
                "code": {"coding": codings, "text": label},
                "bodySite": [{"coding": [SCALP], "text": "Scalp"}],
                "subject": self.subject,
                "recordedDate": a["assessed_on"],
                "asserter": asserter,
                "note": _notes(
                    "Suspected contributors: " + ", ".join(contributors) if contributors else "",
                    a.get("notes", ""),
                ),
            },
        )
        common = {
            "status": "final",
            "category": [
                _concept(HL7 + "observation-category", "exam", "Exam"),
            ],
            "subject": self.subject,
            "effectiveDateTime": a["assessed_on"],
            "performer": [asserter] if asserter else [],
            "derivedFrom": [],
            "focus": [{"reference": condition}],
        }
        for stage in a.get("stages", []):
            scale = StagingScale(stage["scale"])
            self.add(
                "observation/stage",
                stage["id"],
                {
                    "resourceType": "Observation",
                    **common,
                    "code": _local("observation", f"stage-{scale.value}", f"{scale.label} stage"),
                    "valueCodeableConcept": _concept(
                        f"{LOCAL}stage/{scale.value}",
                        stage["stage"],
                        f"{scale.label} {stage['stage']}",
                    ),
                },
            )
        if a.get("salt_score") is not None:
            self.add(
                "observation/salt",
                a["id"],
                {
                    "resourceType": "Observation",
                    **common,
                    "code": _local("observation", "salt-score", "SALT score (scalp hair loss)"),
                    "valueQuantity": _quantity(a["salt_score"], "%"),
                    "component": [
                        {
                            "code": _local("observation", f"salt-{region}", f"SALT {region}"),
                            "valueQuantity": _quantity(a[f"salt_{region}"], "%"),
                        }
                        for region in ("vertex", "posterior", "right", "left")
                        if a.get(f"salt_{region}") is not None
                    ],
                },
            )
        for site_row in a.get("trichoscopy", []):
            self.trichoscopy(site_row, common)
        self.pull_test(a, common)
        self.scalp_condition(a, common)

    def trichoscopy(self, t: dict[str, Any], common: dict[str, Any]) -> None:
        site = TrichoscopySite(t["site"])
        site_text = (
            t["site_other"] if site is TrichoscopySite.OTHER and t["site_other"] else site.label
        )
        components = [
            {
                "code": _local("observation", field, label),
                "valueQuantity": _quantity(t[field], code, unit),
            }
            for field, label, code, unit in _TRICHOSCOPY
            if t.get(field) is not None
        ]
        if not components:
            return
        self.add(
            "observation/trichoscopy",
            t["id"],
            {
                "resourceType": "Observation",
                **common,
                "code": _local("observation", "trichoscopy", "Trichoscopy"),
                "bodySite": {
                    "coding": [_coding(f"{LOCAL}trichoscopy-site", site.value, site.label)],
                    "text": f"Scalp, {site_text}",
                },
                "method": {"text": "Trichoscopy"},
                "component": components,
            },
        )

    def pull_test(self, a: dict[str, Any], common: dict[str, Any]) -> None:
        pulled, extracted = a.get("pull_test_pulled"), a.get("pull_test_extracted")
        if pulled is None or extracted is None:
            return
        positive = pulled > 0 and extracted / pulled > 0.10
        code, display = ("POS", "Positive") if positive else ("NEG", "Negative")
        self.add(
            "observation/pull-test",
            a["id"],
            {
                "resourceType": "Observation",
                **common,
                "code": _local("observation", "pull-test", "Hair pull test"),
                "interpretation": [_concept(HL7 + "v3-ObservationInterpretation", code, display)],
                "component": [
                    {
                        "code": _local("observation", "pull-test-pulled", "Hairs pulled"),
                        "valueQuantity": _quantity(pulled, "{hairs}", "hairs"),
                    },
                    {
                        "code": _local("observation", "pull-test-extracted", "Hairs extracted"),
                        "valueQuantity": _quantity(extracted, "{hairs}", "hairs"),
                    },
                ],
            },
        )

    def scalp_condition(self, a: dict[str, Any], common: dict[str, Any]) -> None:
        components = []
        for sign in _CONDITION:
            severity = Severity(a.get(sign) or Severity.NONE)
            components.append(
                {
                    "code": _local("observation", sign, sign.replace("_", " ").capitalize()),
                    "valueCodeableConcept": _local("severity", severity.value, severity.label),
                }
            )
        self.add(
            "observation/scalp-condition",
            a["id"],
            {
                "resourceType": "Observation",
                **common,
                "code": _local("observation", "scalp-condition", "Scalp condition"),
                "component": components,
            },
        )

    # -- mixtures and lots ------------------------------------------------------------------
    def medications(self) -> None:
        names = {i["id"]: i["name"] for i in self.records.get("ingredients", [])}
        for lot in self.records.get("lots", []):
            self.add(
                "medication/lot",
                lot["id"],
                {
                    "resourceType": "Medication",
                    "code": {"text": lot["product_name"]},
                    "ingredient": [{"itemCodeableConcept": {"text": names[lot["ingredient_id"]]}}]
                    if lot.get("ingredient_id") in names
                    else [],
                    "batch": {"lotNumber": lot["lot_number"], "expirationDate": lot["expiry_date"]},
                },
            )
        for recipe in self.records.get("recipes", []):
            ingredients = []
            for item in recipe.get("items", []):
                num_code, num_unit, den_code, den_unit = _STRENGTH[ConcentrationUnit(item["unit"])]
                ingredients.append(
                    {
                        "itemCodeableConcept": {"text": names.get(item["ingredient_id"], "?")},
                        "strength": {
                            "numerator": _quantity(item["concentration"], num_code, num_unit),
                            "denominator": _quantity(1, den_code, den_unit),
                        },
                    }
                )
            self.add(
                "medication/recipe",
                recipe["id"],
                {
                    "resourceType": "Medication",
                    "code": {"text": recipe["name"]},
                    "form": {"text": "Solution for intradermal injection (mesotherapy mixture)"},
                    "amount": {
                        "numerator": _quantity(recipe["total_volume_ml"], "mL"),
                        "denominator": _quantity(1, "1"),
                    },
                    "ingredient": ingredients,
                },
            )

    # -- sessions ---------------------------------------------------------------------------
    def session(self, s: dict[str, Any]) -> None:
        technique = Technique(s["technique"])
        technique_text = (
            s["technique_other"]
            if technique is Technique.OTHER and s["technique_other"]
            else technique.label
        )
        zones = [
            {
                "coding": [
                    SCALP,
                    _coding(f"{LOCAL}scalp-zone", z["zone"], ScalpZone(z["zone"]).label),
                ],
                "text": _zone_text(z),
            }
            for z in s.get("zones", [])
        ]
        events = [{"text": _event_text(e)} for e in _live(s.get("adverse_events", []))]
        performer = self.practitioner(s.get("practitioner_id"))
        details = (
            f"Technique: {technique_text}. Needle {s['needle_gauge']} G, "
            f"{s['needle_length_mm']:g} mm. Volume injected {s['volume_ml']:g} mL."
            + (f" Pain {s['pain_score']}/10." if s.get("pain_score") is not None else "")
        )
        amendment = (
            f"Amended version (replaces an earlier signed version): {s['amendment_reason']}"
            if s.get("amends_id") is not None
            else ""
        )
        signed = s["status"] == "signed"
        procedure = self.add(
            "procedure",
            s["id"],
            {
                "resourceType": "Procedure",
                "status": "completed" if signed else "in-progress",
                "category": {"text": "Scalp mesotherapy"},
                "code": _local("procedure", "scalp-mesotherapy", "Scalp mesotherapy"),
                "subject": self.subject,
                "performedDateTime": _instant(s["performed_at"]),
                "performer": [{"actor": performer}] if performer else [],
                "bodySite": zones or [{"coding": [SCALP], "text": "Scalp"}],
                "complication": events,
                "usedReference": [
                    {"reference": ref("medication/lot", lot["lot_id"])} for lot in s.get("lots", [])
                ]
                + (
                    [{"reference": ref("medication/recipe", s["recipe_id"])}]
                    if s.get("recipe_id") is not None
                    else []
                ),
                "note": _notes(
                    details,
                    "Immediate reactions: " + s["immediate_reactions"]
                    if s.get("immediate_reactions")
                    else "",
                    "No adverse events." if s.get("no_adverse_events") and not events else "",
                    s.get("notes", ""),
                    amendment,
                ),
            },
        )
        medication = (
            {"medicationReference": {"reference": ref("medication/recipe", s["recipe_id"])}}
            if s.get("recipe_id") is not None
            else {"medicationCodeableConcept": {"text": "Mesotherapy mixture"}}
        )
        self.add(
            "administration",
            s["id"],
            {
                "resourceType": "MedicationAdministration",
                "status": "completed" if signed else "in-progress",
                **medication,
                "subject": self.subject,
                "partOf": [{"reference": procedure}],
                "effectiveDateTime": _instant(s["performed_at"]),
                "performer": [{"actor": performer}] if performer else [],
                "dosage": {
                    "text": f"{s['volume_ml']:g} mL intradermally ({technique_text})",
                    "site": {"coding": [SCALP], "text": "Scalp"},
                    "route": {"text": "Intradermal"},
                    "dose": _quantity(s["volume_ml"], "mL"),
                },
            },
        )

    # -- outcomes and photos ----------------------------------------------------------------
    def outcome(self, o: dict[str, Any]) -> None:
        checkpoint = Checkpoint(o["checkpoint"])
        components = []
        for field, label in (
            ("density_change_pct", "Hair density change from baseline"),
            ("diameter_change_pct", "Hair shaft diameter change from baseline"),
        ):
            if o.get(field) is not None:
                components.append(
                    {
                        "code": _local("observation", field, label),
                        "valueQuantity": _quantity(o[field], "%"),
                    }
                )
        for field, label in (
            ("global_assessment", "Global photographic assessment (-3 to +3)"),
            ("satisfaction", "Patient satisfaction"),
        ):
            if o.get(field) is not None:
                components.append(
                    {"code": _local("observation", field, label), "valueInteger": o[field]}
                )
        recorder = self.practitioner(o.get("recorded_by_id"))
        self.add(
            "observation/outcome",
            o["id"],
            {
                "resourceType": "Observation",
                "status": "final",
                "category": [_concept(HL7 + "observation-category", "exam", "Exam")],
                "code": _local(
                    "observation", f"outcome-{checkpoint.value}", f"Outcome, {checkpoint.label}"
                ),
                "subject": self.subject,
                "effectiveDateTime": o["measured_on"],
                "performer": [recorder] if recorder else [],
                "component": components,
                "note": _notes(o.get("notes", "")),
            },
        )

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
                "type": _concept(HL7 + "media-type", "image", "Image"),
                "view": _local("photo-view", view.value, view.label),
                "subject": self.subject,
                "partOf": [{"reference": ref("procedure", p["session_id"])}]
                if p.get("session_id") in self.current_sessions
                else [],
                "createdDateTime": _instant(p.get("taken_at")),
                "bodySite": {"coding": [SCALP], "text": f"Scalp, {view.label}{site}"},
                "height": p["height"],
                "width": p["width"],
                "content": {
                    "contentType": p["mime_type"],
                    "url": photo_file_name(p),
                    "size": p["byte_size"],
                    "title": p.get("original_name") or None,
                },
                "note": _notes(
                    f"Magnification {p['magnification']}×" if p.get("magnification") else ""
                ),
            },
        )

    current_sessions: set[int] = set()

    def build(self) -> dict[str, Any]:
        self.patient_resource()
        for a in _live(self.records.get("assessments", [])):
            self.assessment(a)
        self.medications()
        sessions = [s for s in _live(self.records.get("sessions", [])) if not s.get("superseded")]
        self.current_sessions = {s["id"] for s in sessions}
        for s in sessions:
            self.session(s)
        for o in _live(self.records.get("outcomes", [])):
            self.outcome(o)
        for p in _live(self.records.get("photos", [])):
            self.photo(p)
        return {
            "resourceType": "Bundle",
            "id": _id(ref("bundle", f"{self.patient['id']}/{self.records['exported_at']}")),
            "meta": {"lastUpdated": _instant(self.records["exported_at"])},
            "identifier": {"system": RECORD_NUMBER_SYSTEM, "value": self.patient["record_number"]},
            "type": "collection",
            "timestamp": _instant(self.records["exported_at"]),
            "entry": self.entries,
        }


def photo_file_name(photo: dict[str, Any]) -> str:
    """Where an original sits in the archive: photos/<date>_<view>_<id>.<ext>."""
    taken = (photo.get("taken_at") or "")[:10] or "undated"
    extension = EXTENSIONS.get(photo["mime_type"], "")
    return f"photos/{taken}_{photo['view']}_{photo['id']}{extension}"


def _zone_text(zone: dict[str, Any]) -> str:
    parts = [f"{zone['depth_mm']:g} mm deep"]
    if zone.get("volume_ml") is not None:
        parts.append(f"{zone['volume_ml']:g} mL")
    if zone.get("points") is not None:
        parts.append(f"{zone['points']} points")
    if zone.get("spacing_cm") is not None:
        parts.append(f"spacing {zone['spacing_cm']:g} cm")
    return f"Scalp, {ScalpZone(zone['zone']).label}: " + ", ".join(parts)


def _event_text(event: dict[str, Any]) -> str:
    kind = AdverseEventType(event["event_type"]).label
    text = f"{kind} ({Grade(event['grade']).label.lower()}), onset {event['onset_on']}"
    if event.get("description"):
        text += f": {event['description']}"
    if event.get("action_taken"):
        text += f"; action: {event['action_taken']}"
    if event.get("resolved_on"):
        text += f"; resolved {event['resolved_on']}"
    return text


def _prune(value: Any) -> Any:
    """Drop None, empty strings, lists and objects: FHIR forbids empty elements."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        items = [_prune(v) for v in value]
        return [v for v in items if v not in (None, "", [], {})]
    return value


def patient_bundle(records: dict[str, Any]) -> dict[str, Any]:
    """The FHIR R4 Bundle of one patient's records (see the module's description)."""
    return _Builder(records).build()


def resources(bundle: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for entry in bundle.get("entry", []):
        yield entry["resource"]

"""FHIR Patient, AllergyIntolerance and Condition (each assessment, with its stage and SALT)."""

from __future__ import annotations

from typing import Any

from mesodesk.domain.enums import Contributor, Diagnosis, Sex, StagingScale
from mesodesk.interop.fhir_blocks import (
    HL7,
    ICD10,
    LOCAL,
    RECORD_NUMBER_SYSTEM,
    SCALP,
    coding,
    concept,
    local,
    notes,
    quantity,
)
from mesodesk.interop.fhir_observations import ObservationResources

_GENDER = {Sex.FEMALE: "female", Sex.MALE: "male", Sex.OTHER: "other", Sex.UNKNOWN: "unknown"}
_ICD10 = {
    Diagnosis.AGA_MALE: ("L64.9", "Androgenic alopecia, unspecified"),
    Diagnosis.AGA_FEMALE: ("L64.9", "Androgenic alopecia, unspecified"),
    Diagnosis.TELOGEN_EFFLUVIUM: ("L65.0", "Telogen effluvium"),
    Diagnosis.ALOPECIA_AREATA: ("L63.9", "Alopecia areata, unspecified"),
    Diagnosis.SCARRING: ("L66.9", "Cicatricial alopecia, unspecified"),
}


class PatientResources(ObservationResources):
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
                    "clinicalStatus": concept(
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
        codings = [coding(f"{LOCAL}diagnosis", diagnosis.value, diagnosis.label)]
        if diagnosis in _ICD10:
            codings.append(coding(ICD10, *_ICD10[diagnosis]))
        contributors = [Contributor(c).label for c in a.get("contributors") or []]
        if a.get("contributors_other"):
            contributors.append(a["contributors_other"])
        asserter = self.practitioner(a.get("practitioner_id"))
        condition = self.add(
            "condition",
            a["id"],
            {
                "resourceType": "Condition",
                "clinicalStatus": concept(HL7 + "condition-clinical", "active", "Active"),
                "verificationStatus": concept(
                    HL7 + "condition-ver-status", "confirmed", "Confirmed"
                ),
                "category": [
                    concept(
                        HL7 + "condition-category", "encounter-diagnosis", "Encounter Diagnosis"
                    )
                ],
                "code": {"coding": codings, "text": label},
                "bodySite": [{"coding": [SCALP], "text": "Scalp"}],
                "subject": self.subject,
                "recordedDate": a["assessed_on"],
                "asserter": asserter,
                "note": notes(
                    "Suspected contributors: " + ", ".join(contributors) if contributors else "",
                    a.get("notes", ""),
                ),
            },
        )
        common = {
            "status": "final",
            "category": [
                concept(HL7 + "observation-category", "exam", "Exam"),
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
                    "code": local("observation", f"stage-{scale.value}", f"{scale.label} stage"),
                    "valueCodeableConcept": concept(
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
                    "code": local("observation", "salt-score", "SALT score (scalp hair loss)"),
                    "valueQuantity": quantity(a["salt_score"], "%"),
                    "component": [
                        {
                            "code": local("observation", f"salt-{region}", f"SALT {region}"),
                            "valueQuantity": quantity(a[f"salt_{region}"], "%"),
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

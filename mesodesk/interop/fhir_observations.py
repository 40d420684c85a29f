"""FHIR Observations: trichoscopy, pull test, scalp condition and outcomes."""

from __future__ import annotations

from typing import Any

from mesodesk.domain.enums import Checkpoint, Severity, TrichoscopySite
from mesodesk.interop.fhir_blocks import (
    HL7,
    LOCAL,
    BuilderBase,
    coding,
    concept,
    local,
    notes,
    quantity,
)

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


class ObservationResources(BuilderBase):
    def trichoscopy(self, t: dict[str, Any], common: dict[str, Any]) -> None:
        site = TrichoscopySite(t["site"])
        site_text = (
            t["site_other"] if site is TrichoscopySite.OTHER and t["site_other"] else site.label
        )
        components = [
            {
                "code": local("observation", field, label),
                "valueQuantity": quantity(t[field], code, unit),
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
                "code": local("observation", "trichoscopy", "Trichoscopy"),
                "bodySite": {
                    "coding": [coding(f"{LOCAL}trichoscopy-site", site.value, site.label)],
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
                "code": local("observation", "pull-test", "Hair pull test"),
                "interpretation": [concept(HL7 + "v3-ObservationInterpretation", code, display)],
                "component": [
                    {
                        "code": local("observation", "pull-test-pulled", "Hairs pulled"),
                        "valueQuantity": quantity(pulled, "{hairs}", "hairs"),
                    },
                    {
                        "code": local("observation", "pull-test-extracted", "Hairs extracted"),
                        "valueQuantity": quantity(extracted, "{hairs}", "hairs"),
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
                    "code": local("observation", sign, sign.replace("_", " ").capitalize()),
                    "valueCodeableConcept": local("severity", severity.value, severity.label),
                }
            )
        self.add(
            "observation/scalp-condition",
            a["id"],
            {
                "resourceType": "Observation",
                **common,
                "code": local("observation", "scalp-condition", "Scalp condition"),
                "component": components,
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
                        "code": local("observation", field, label),
                        "valueQuantity": quantity(o[field], "%"),
                    }
                )
        for field, label in (
            ("global_assessment", "Global photographic assessment (-3 to +3)"),
            ("satisfaction", "Patient satisfaction"),
        ):
            if o.get(field) is not None:
                components.append(
                    {"code": local("observation", field, label), "valueInteger": o[field]}
                )
        recorder = self.practitioner(o.get("recorded_by_id"))
        self.add(
            "observation/outcome",
            o["id"],
            {
                "resourceType": "Observation",
                "status": "final",
                "category": [concept(HL7 + "observation-category", "exam", "Exam")],
                "code": local(
                    "observation", f"outcome-{checkpoint.value}", f"Outcome, {checkpoint.label}"
                ),
                "subject": self.subject,
                "effectiveDateTime": o["measured_on"],
                "performer": [recorder] if recorder else [],
                "component": components,
                "note": notes(o.get("notes", "")),
            },
        )

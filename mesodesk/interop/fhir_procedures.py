"""FHIR Procedures and medications: lots, mixtures, each session and its administration."""

from __future__ import annotations

from typing import Any

from mesodesk.domain.enums import AdverseEventType, ConcentrationUnit, Grade, ScalpZone, Technique
from mesodesk.interop.fhir_blocks import (
    LOCAL,
    SCALP,
    BuilderBase,
    coding,
    instant,
    live,
    local,
    notes,
    quantity,
    ref,
)

# ConcentrationUnit → (numerator UCUM code, numerator unit, denominator code, denominator unit)
_STRENGTH = {
    ConcentrationUnit.MG_PER_ML: ("mg", "mg", "mL", "mL"),
    ConcentrationUnit.MCG_PER_ML: ("ug", "µg", "mL", "mL"),
    ConcentrationUnit.IU_PER_ML: ("[iU]", "IU", "mL", "mL"),
    ConcentrationUnit.PERCENT: ("%", "%", "1", "1"),
    ConcentrationUnit.ML: ("mL", "mL", "1", "1"),
}


class ProcedureResources(BuilderBase):
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
                            "numerator": quantity(item["concentration"], num_code, num_unit),
                            "denominator": quantity(1, den_code, den_unit),
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
                        "numerator": quantity(recipe["total_volume_ml"], "mL"),
                        "denominator": quantity(1, "1"),
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
                    coding(f"{LOCAL}scalp-zone", z["zone"], ScalpZone(z["zone"]).label),
                ],
                "text": _zone_text(z),
            }
            for z in s.get("zones", [])
        ]
        events = [{"text": _event_text(e)} for e in live(s.get("adverse_events", []))]
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
                "code": local("procedure", "scalp-mesotherapy", "Scalp mesotherapy"),
                "subject": self.subject,
                "performedDateTime": instant(s["performed_at"]),
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
                "note": notes(
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
                "effectiveDateTime": instant(s["performed_at"]),
                "performer": [{"actor": performer}] if performer else [],
                "dosage": {
                    "text": f"{s['volume_ml']:g} mL intradermally ({technique_text})",
                    "site": {"coding": [SCALP], "text": "Scalp"},
                    "route": {"text": "Intradermal"},
                    "dose": quantity(s["volume_ml"], "mL"),
                },
            },
        )


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

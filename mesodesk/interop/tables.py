"""Patients, sessions and lots as CSV tables, read through Core selects (fast on big clinics).

The patients table uses the field names the importer knows, so a file exported here imports
into another MesoDesk unchanged. Each export writes one audit row (who took which list, how
many rows), in the same transaction as the rename that puts the file in place.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from mesodesk.db.models import (
    AdverseEvent,
    Ingredient,
    Lot,
    Patient,
    Recipe,
    SessionLot,
    SessionZone,
    TreatmentSession,
    User,
    patient_allergy,
)
from mesodesk.domain.enums import AuditAction, ScalpZone, Technique
from mesodesk.interop.csv_files import csv_text, yes_no
from mesodesk.interop.files import publish
from mesodesk.services import audit
from mesodesk.services.store import Service

HISTORY = (
    "anticoagulants",
    "diabetes",
    "immune_disease",
    "cancer",
    "pregnant",
    "breastfeeding",
    "planning_conception",
    "active_scalp_infection",
    "herpes",
    "keloid_tendency",
)
# CSV column → Patient column, for the yes/no treatment fields.
TREATMENTS = {
    "minoxidil": "on_minoxidil",
    "finasteride": "on_finasteride",
    "dutasteride": "on_dutasteride",
    "prp": "had_prp",
    "transplant": "had_transplant",
}
PATIENT_COLUMNS = (
    "record_number",
    "family_name",
    "given_names",
    "birth_date",
    "sex",
    "phone",
    "email",
    "address",
    "allergies",
    "allergy_ingredients",
    *HISTORY,
    "history_notes",
    *TREATMENTS,
    "other_treatments",
    "consent_treatment",
    "consent_photos",
    "notes",
)
SESSION_COLUMNS = (
    "session_id",
    "record_number",
    "family_name",
    "given_names",
    "performed_at",
    "practitioner",
    "status",
    "amended",
    "mixture",
    "volume_ml",
    "needle_gauge",
    "needle_length_mm",
    "technique",
    "zones",
    "lots",
    "pain_score",
    "immediate_reactions",
    "adverse_events",
)
LOT_COLUMNS = (
    "lot_id",
    "product_name",
    "lot_number",
    "ingredient",
    "expiry_date",
    "quantity_received",
    "quantity_left",
    "unit",
    "supplier",
    "received_on",
    "sessions",
    "notes",
)


@dataclass(frozen=True)
class TableExport:
    name: str  # "patients", "sessions", "lots"
    header: tuple[str, ...]
    rows: list[tuple[object, ...]]

    def text(self) -> str:
        return csv_text(self.header, self.rows)


TABLES = ("patients", "sessions", "lots")


class TableExportService(Service):
    def table(self, name: str) -> TableExport:
        """One table's rows (no file, no audit): what a preview shows."""
        if name not in TABLES:
            raise ValueError(f"No table called {name!r}: choose one of {', '.join(TABLES)}.")
        if name == "sessions":
            self.actor.require_clinical("export the treatment sessions")
        reader = {"patients": self._patients, "sessions": self._sessions, "lots": self._lots}
        header = {"patients": PATIENT_COLUMNS, "sessions": SESSION_COLUMNS, "lots": LOT_COLUMNS}
        return TableExport(name, header[name], list(reader[name]()))

    def export(self, name: str, path: str | os.PathLike[str]) -> tuple[Path, int]:
        """Write the table as CSV, audited; returns the file and its number of rows."""
        table = self.table(name)
        content = table.text().encode("utf-8")
        target = Path(path)
        with publish(target, content) as commit, self.store.writing() as session:
            audit.record(
                session,
                self.actor,
                AuditAction.EXPORT,
                name,
                None,
                summary=f"Exported {len(table.rows)} {name} as CSV ({target.name})",
                after={"format": "csv", "file": target.name, "rows": len(table.rows)},
            )
            commit()
        return target, len(table.rows)

    # -- the tables -------------------------------------------------------------------------
    def _patients(self) -> Iterator[tuple[object, ...]]:
        with self.store.reading() as session:
            links: dict[int, list[str]] = {}
            for patient_id, name in session.execute(
                select(patient_allergy.c.patient_id, Ingredient.name)
                .join(Ingredient, Ingredient.id == patient_allergy.c.ingredient_id)
                .order_by(Ingredient.name)
            ):
                links.setdefault(patient_id, []).append(name)
            rows = session.scalars(
                select(Patient)
                .where(Patient.deleted_at.is_(None))
                .order_by(Patient.record_number)
                .execution_options(yield_per=1000)
            )
            for p in rows:
                yield (
                    p.record_number,
                    p.family_name,
                    p.given_names,
                    p.birth_date.isoformat(),
                    p.sex.value,
                    p.phone,
                    p.email,
                    p.address,
                    p.allergies,
                    "; ".join(links.get(p.id, [])),
                    *(yes_no(getattr(p, key)) for key in HISTORY),
                    p.history_notes,
                    *(yes_no(getattr(p, column)) for column in TREATMENTS.values()),
                    p.other_treatments,
                    yes_no(p.consent_treatment),
                    yes_no(p.consent_photos),
                    p.notes,
                )

    def _sessions(self) -> Iterator[tuple[object, ...]]:
        t = TreatmentSession
        amender = aliased(TreatmentSession)
        current = (
            t.deleted_at.is_(None),
            ~exists().where(amender.amends_id == t.id),
            Patient.deleted_at.is_(None),
        )
        with self.store.reading() as session:
            zones: dict[int, list[str]] = {}
            for session_id, zone, depth in session.execute(
                select(SessionZone.session_id, SessionZone.zone, SessionZone.depth_mm).order_by(
                    SessionZone.id
                )
            ):
                zones.setdefault(session_id, []).append(f"{ScalpZone(zone).label} {depth:g} mm")
            lots: dict[int, list[str]] = {}
            for session_id, product, number in session.execute(
                select(SessionLot.session_id, Lot.product_name, Lot.lot_number)
                .join(Lot, Lot.id == SessionLot.lot_id)
                .order_by(SessionLot.id)
            ):
                lots.setdefault(session_id, []).append(f"{product} {number}")
            events: dict[int, int] = {}
            for (session_id,) in session.execute(
                select(AdverseEvent.session_id).where(AdverseEvent.deleted_at.is_(None))
            ):
                events[session_id] = events.get(session_id, 0) + 1
            query = (
                select(
                    t.id,
                    Patient.record_number,
                    Patient.family_name,
                    Patient.given_names,
                    t.performed_at,
                    User.display_name,
                    t.status,
                    t.amends_id,
                    Recipe.name,
                    t.volume_ml,
                    t.needle_gauge,
                    t.needle_length_mm,
                    t.technique,
                    t.technique_other,
                    t.pain_score,
                    t.immediate_reactions,
                )
                .join(Patient, Patient.id == t.patient_id)
                .join(User, User.id == t.practitioner_id)
                .outerjoin(Recipe, Recipe.id == t.recipe_id)
                .where(*current)
                .order_by(t.performed_at, t.id)
            )
            for r in session.execute(query):
                technique = Technique(r.technique)
                yield (
                    r.id,
                    r.record_number,
                    r.family_name,
                    r.given_names,
                    r.performed_at.astimezone().isoformat(timespec="minutes"),
                    r.display_name,
                    r.status.value,
                    yes_no(r.amends_id is not None),
                    r.name or "",
                    f"{r.volume_ml:g}",
                    r.needle_gauge,
                    f"{r.needle_length_mm:g}",
                    r.technique_other
                    if technique is Technique.OTHER and r.technique_other
                    else technique.label,
                    "; ".join(zones.get(r.id, [])),
                    "; ".join(lots.get(r.id, [])),
                    "" if r.pain_score is None else r.pain_score,
                    r.immediate_reactions,
                    events.get(r.id, 0),
                )

    def _lots(self) -> Iterator[tuple[object, ...]]:
        with self.store.reading() as session:
            used: dict[int, int] = {}
            for (lot_id,) in session.execute(select(SessionLot.lot_id)):
                used[lot_id] = used.get(lot_id, 0) + 1
            query = (
                select(Lot, Ingredient.name)
                .outerjoin(Ingredient, Ingredient.id == Lot.ingredient_id)
                .order_by(Lot.expiry_date, Lot.product_name, Lot.lot_number)
            )
            for lot, ingredient in session.execute(query):
                yield (
                    lot.id,
                    lot.product_name,
                    lot.lot_number,
                    ingredient or "",
                    lot.expiry_date.isoformat(),
                    f"{lot.quantity_received:g}",
                    f"{lot.quantity_left:g}",
                    lot.unit,
                    lot.supplier,
                    lot.received_on.isoformat() if lot.received_on else "",
                    used.get(lot.id, 0),
                    lot.notes,
                )


def header_of(name: str) -> Sequence[str]:
    return {"patients": PATIENT_COLUMNS, "sessions": SESSION_COLUMNS, "lots": LOT_COLUMNS}[name]

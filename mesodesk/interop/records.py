"""Every stored record of one patient, as plain JSON-ready data (the archive's record.json).

Rows are taken column by column from the tables, so a column added later is exported without
a change here. Deleted and superseded records are included with their deletion or amendment
columns: the patient's copy holds what the clinic holds. The folded search keys are derived
data and are left out; so is anything about the clinic's users beyond who they are.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import inspect, or_, select
from sqlalchemy.orm import Session, selectinload

from mesodesk import __version__
from mesodesk.db.models import (
    AdverseEvent,
    Assessment,
    AuditEntry,
    Clinic,
    CoursePlan,
    Ingredient,
    Lot,
    Outcome,
    Patient,
    Photo,
    Recipe,
    TreatmentSession,
    User,
)
from mesodesk.services.audit import plain
from mesodesk.services.errors import NotFound
from mesodesk.services.store import Actor, Store

FORMAT = "mesodesk-patient-record"
FORMAT_VERSION = 1
_DERIVED = {"search_name", "search_given", "phone_digits", "password_hash", "logo_png"}


def row(obj: object, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The column values of an ORM object, JSON-safe."""
    return {
        attr.key: plain(getattr(obj, attr.key))
        for attr in inspect(obj).mapper.column_attrs
        if attr.key not in _DERIVED and attr.key not in skip
    }


def collect_records(store: Store, patient_id: int, actor: Actor) -> dict[str, Any]:
    """One read transaction; a missing or deleted patient raises NotFound, and a front-desk
    account PermissionDenied (the record holds clinical notes)."""
    actor.require_clinical("export a patient's full record")
    with store.reading() as session:
        patient = session.scalar(
            select(Patient)
            .where(Patient.id == patient_id, Patient.deleted_at.is_(None))
            .options(selectinload(Patient.allergy_ingredients))
        )
        if patient is None:
            raise NotFound(f"No patient with id {patient_id}.")
        sessions = _sessions(session, patient_id)
        recipe_ids = {s["recipe_id"] for s in sessions if s["recipe_id"] is not None}
        lot_ids = {lot["lot_id"] for s in sessions for lot in s["lots"]}
        recipes = _recipes(session, patient_id, recipe_ids)
        ingredient_ids = {i["ingredient_id"] for r in recipes for i in r["items"]}
        lots = [row(lot) for lot in session.scalars(select(Lot).where(Lot.id.in_(lot_ids)))]
        ingredient_ids |= {lot["ingredient_id"] for lot in lots if lot["ingredient_id"]}
        ingredient_ids |= {i.id for i in patient.allergy_ingredients}
        records = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "software": f"MesoDesk {__version__}",
            "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "exported_by": actor.username,
            "clinic": _clinic(session),
            "patient": {
                **row(patient),
                "allergy_ingredients": [i.name for i in patient.allergy_ingredients],
            },
            "assessments": _assessments(session, patient_id),
            "course_plans": _courses(session, patient_id),
            "sessions": sessions,
            "outcomes": _all(session, Outcome, Outcome.patient_id == patient_id, Outcome.id),
            "photos": _all(session, Photo, Photo.patient_id == patient_id, Photo.id),
            "recipes": recipes,
            "lots": lots,
            "ingredients": _all(
                session, Ingredient, Ingredient.id.in_(ingredient_ids), Ingredient.id
            ),
            "users": [],
            "audit_trail": _all(
                session,
                AuditEntry,
                AuditEntry.patient_id == patient_id,
                AuditEntry.id,
                skip=frozenset({"prev_hash"}),
            ),
        }
        records["users"] = _users(session, records)
        return records


def _all(
    session: Session, model: type, where: Any, order: Any, *, skip: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    return [
        row(obj, skip=skip) for obj in session.scalars(select(model).where(where).order_by(order))
    ]


def _clinic(session: Session) -> dict[str, Any]:
    clinic = session.scalar(select(Clinic).limit(1))
    if clinic is None:
        return {}
    keys = ("name", "address", "phone", "email", "website")
    return {key: getattr(clinic, key) for key in keys}


def _assessments(session: Session, patient_id: int) -> list[dict[str, Any]]:
    found = session.scalars(
        select(Assessment)
        .where(Assessment.patient_id == patient_id)
        .order_by(Assessment.assessed_on, Assessment.id)
        .options(selectinload(Assessment.stages), selectinload(Assessment.trichoscopy))
    )
    return [
        {
            **row(a),
            "stages": [row(s, skip=frozenset({"assessment_id"})) for s in a.stages],
            "trichoscopy": [row(t, skip=frozenset({"assessment_id"})) for t in a.trichoscopy],
        }
        for a in found
    ]


def _courses(session: Session, patient_id: int) -> list[dict[str, Any]]:
    found = session.scalars(
        select(CoursePlan)
        .where(CoursePlan.patient_id == patient_id)
        .order_by(CoursePlan.start_date, CoursePlan.id)
        .options(selectinload(CoursePlan.visits))
    )
    return [
        {**row(c), "visits": [row(v, skip=frozenset({"course_id"})) for v in c.visits]}
        for c in found
    ]


def _sessions(session: Session, patient_id: int) -> list[dict[str, Any]]:
    found = list(
        session.scalars(
            select(TreatmentSession)
            .where(TreatmentSession.patient_id == patient_id)
            .order_by(TreatmentSession.performed_at, TreatmentSession.id)
            .options(selectinload(TreatmentSession.zones), selectinload(TreatmentSession.lots))
        )
    )
    events: dict[int, list[dict[str, Any]]] = {}
    for event in session.scalars(
        select(AdverseEvent).where(AdverseEvent.patient_id == patient_id).order_by(AdverseEvent.id)
    ):
        events.setdefault(event.session_id, []).append(row(event, skip=frozenset({"patient_id"})))
    amended = {s.amends_id for s in found if s.amends_id is not None}
    no_session = frozenset({"session_id"})
    return [
        {
            **row(s),
            "superseded": s.id in amended,
            "zones": [row(z, skip=no_session) for z in s.zones],
            "lots": [row(lot, skip=no_session | {"id"}) for lot in s.lots],
            "adverse_events": events.get(s.id, []),
        }
        for s in found
    ]


def _recipes(session: Session, patient_id: int, used: set[int]) -> list[dict[str, Any]]:
    """The mixtures the patient received, and the patient's own variants (with their base)."""
    found = list(
        session.scalars(
            select(Recipe)
            .where(or_(Recipe.id.in_(used), Recipe.patient_id == patient_id))
            .options(selectinload(Recipe.items))
            .order_by(Recipe.id)
        )
    )
    return [
        {**row(r), "items": [row(i, skip=frozenset({"recipe_id"})) for i in r.items]} for r in found
    ]


def _users(session: Session, records: dict[str, Any]) -> list[dict[str, Any]]:
    """Who recorded, signed or changed anything in the record: name, role, credentials."""
    ids: set[int] = set()

    def scan(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key.endswith("_by_id") or key in ("practitioner_id", "user_id"):
                    if isinstance(item, int):
                        ids.add(item)
                else:
                    scan(item)
        elif isinstance(value, list):
            for item in value:
                scan(item)

    scan({k: v for k, v in records.items() if k != "users"})
    users = session.scalars(select(User).where(User.id.in_(ids)).order_by(User.id))
    return [
        {
            "id": u.id,
            "display_name": u.display_name,
            "role": plain(u.role),
            "credentials": u.credentials,
        }
        for u in users
    ]

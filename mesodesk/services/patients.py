"""Registering, editing, finding and (soft-)deleting patients."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import (
    Integer,
    Row,
    Select,
    Subquery,
    bindparam,
    func,
    inspect,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session, selectinload

from mesodesk.db.base import utcnow
from mesodesk.db.models import Clinic, Ingredient, Patient, patient_allergy
from mesodesk.domain.drafts import HairLossTreatments, MedicalHistory, PatientDraft
from mesodesk.domain.enums import AuditAction
from mesodesk.domain.patient_row import PatientRow, age_on
from mesodesk.domain.text import digits, fold, prefix_upper_bound
from mesodesk.domain.validation import (
    Band,
    Checker,
    ValidationError,
    clean,
    enforce,
    shown,
)
from mesodesk.services import audit
from mesodesk.services.concurrency import require_version
from mesodesk.services.deletion import deletion_reason, mark_deleted
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.statements import run
from mesodesk.services.store import Service

_HISTORY_FLAGS = {
    "anticoagulants": "Anticoagulants",
    "diabetes": "Diabetes",
    "immune_disease": "Immune disease",
    "cancer": "Cancer",
    "pregnant": "Pregnant",
    "breastfeeding": "Breastfeeding",
    "planning_conception": "Planning conception",
    "active_scalp_infection": "Active scalp infection",
    "herpes": "Herpes",
    "keloid_tendency": "Keloid tendency",
}
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
_LIVE = Patient.deleted_at.is_(None)


@dataclass(frozen=True)
class PatientDetail:
    """Everything the chart header and the patient form show."""

    id: int
    record_number: str
    version: int
    draft: PatientDraft
    allergy_ingredients: tuple[str, ...]
    consent_treatment_at: datetime | None
    consent_photos_at: datetime | None

    @property
    def display_name(self) -> str:
        return f"{self.draft.family_name}, {self.draft.given_names}"

    def age(self, today: date) -> int | None:
        born = self.draft.birth_date
        if born is None:
            return None
        return age_on(born, today)

    @property
    def allergy_summary(self) -> str:
        """The free text, then linked ingredients the text does not already name."""
        text = self.draft.allergies.strip()
        linked = [n for n in self.allergy_ingredients if n.casefold() not in text.casefold()]
        return "; ".join(a for a in (text, *linked) if a)

    @property
    def flags(self) -> tuple[str, ...]:
        """Contraindication and history flags the chart keeps in view."""
        history = self.draft.history
        return tuple(label for key, label in _HISTORY_FLAGS.items() if getattr(history, key))


def _fill(patient: Patient, draft: PatientDraft) -> None:
    patient.family_name = clean(draft.family_name)
    patient.given_names = clean(draft.given_names)
    patient.birth_date = draft.birth_date  # type: ignore[assignment]  (validated non-None)
    patient.sex = draft.sex
    patient.phone = clean(draft.phone)
    patient.email = clean(draft.email)
    patient.address = clean(draft.address)
    patient.notes = clean(draft.notes)
    patient.allergies = clean(draft.allergies)
    patient.search_name = fold(f"{patient.family_name} {patient.given_names}")
    patient.search_given = fold(f"{patient.given_names} {patient.family_name}")
    patient.phone_digits = digits(patient.phone)
    history, treatments = draft.history, draft.treatments
    for key in _HISTORY_FLAGS:
        setattr(patient, key, getattr(history, key))
    patient.history_notes = clean(history.notes)
    patient.on_minoxidil = treatments.minoxidil
    patient.on_finasteride = treatments.finasteride
    patient.on_dutasteride = treatments.dutasteride
    patient.had_prp = treatments.prp
    patient.had_transplant = treatments.transplant
    patient.other_treatments = clean(treatments.other)
    now = utcnow()
    if draft.consent_treatment and not patient.consent_treatment:
        patient.consent_treatment_at = now
    if draft.consent_photos and not patient.consent_photos:
        patient.consent_photos_at = now
    patient.consent_treatment = draft.consent_treatment
    patient.consent_photos = draft.consent_photos


fill_patient = _fill  # the patient importer fills its rows the same way


def detail_of(patient: Patient | Row, allergens: Sequence[Row] | None = None) -> PatientDetail:
    """A patient's detail from their row; `allergens`: (id, name) of the linked allergy
    ingredients, read from the mapped patient when not given."""
    linked = (
        [(i.id, i.name) for i in patient.allergy_ingredients] if allergens is None else allergens
    )
    draft = PatientDraft(
        family_name=patient.family_name,
        given_names=patient.given_names,
        birth_date=patient.birth_date,
        sex=patient.sex,
        record_number=patient.record_number,
        phone=patient.phone,
        email=patient.email,
        address=patient.address,
        history=MedicalHistory(
            **{key: getattr(patient, key) for key in _HISTORY_FLAGS},
            notes=patient.history_notes,
        ),
        treatments=HairLossTreatments(
            minoxidil=patient.on_minoxidil,
            finasteride=patient.on_finasteride,
            dutasteride=patient.on_dutasteride,
            prp=patient.had_prp,
            transplant=patient.had_transplant,
            other=patient.other_treatments,
        ),
        allergies=patient.allergies,
        allergy_ingredient_ids=tuple(i for i, _ in linked),
        consent_treatment=patient.consent_treatment,
        consent_photos=patient.consent_photos,
        notes=patient.notes,
    )
    return PatientDetail(
        id=patient.id,
        record_number=patient.record_number,
        version=patient.version,
        draft=draft,
        allergy_ingredients=tuple(name for _, name in linked),
        consent_treatment_at=patient.consent_treatment_at,
        consent_photos_at=patient.consent_photos_at,
    )


def _row_columns() -> tuple:
    return (
        Patient.id,
        Patient.record_number,
        Patient.family_name,
        Patient.given_names,
        Patient.birth_date,
        Patient.sex,
        Patient.phone,
    )


def _validate(draft: PatientDraft, today: date | None, acknowledge_warnings: bool) -> None:
    """The patient rules (`ValidationError` when they refuse the draft); loaded at the first
    save rather than with the patient list, which the window needs first at start-up."""
    from mesodesk.domain.rules import validate_patient

    enforce(
        validate_patient(draft, today=today or date.today()),
        acknowledge_warnings=acknowledge_warnings,
    )


class PatientService(Service):
    # -- writing ---------------------------------------------------------------------------
    def register(
        self, draft: PatientDraft, *, acknowledge_warnings: bool = False, today: date | None = None
    ) -> PatientDetail:
        """Register a new patient; assigns the next record number when none is given."""
        _validate(draft, today, acknowledge_warnings)
        with self.store.writing() as session:
            number = (draft.record_number or "").strip() or self._next_record_number(session)
            self._ensure_number_free(session, number, None)
            patient = Patient(record_number=number)
            _fill(patient, draft)
            patient.allergy_ingredients = self._ingredients(session, draft.allergy_ingredient_ids)
            session.add(patient)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                "patient",
                patient.id,
                patient_id=patient.id,
                summary=f"Registered {number}",
                after=audit.snapshot(patient),
            )
            return detail_of(patient)

    def update(
        self,
        patient_id: int,
        draft: PatientDraft,
        *,
        expected_version: int | None = None,
        acknowledge_warnings: bool = False,
        today: date | None = None,
    ) -> PatientDetail:
        """Save edits; refused if someone else saved the patient since `expected_version`."""
        _validate(draft, today, acknowledge_warnings)
        with self.store.writing() as session:
            patient = self._load(session, patient_id)
            label = f"{patient.family_name}, {patient.given_names}"
            require_version(session, patient, expected_version, "patient", label)
            before = audit.snapshot(patient)
            if draft.record_number and draft.record_number.strip() != patient.record_number:
                self._ensure_number_free(session, draft.record_number.strip(), patient.id)
                patient.record_number = draft.record_number.strip()
            _fill(patient, draft)
            patient.allergy_ingredients = self._ingredients(session, draft.allergy_ingredient_ids)
            session.flush()
            old, new = audit.changes(before, audit.snapshot(patient))
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "patient",
                patient.id,
                patient_id=patient.id,
                summary="Edited patient",
                before=old,
                after=new,
            )
            return detail_of(patient)

    def delete(self, patient_id: int, reason: str) -> None:
        """Soft delete: the record stays, hidden from lists, with who, when and why."""
        reason = deletion_reason(reason, "a patient record")
        with self.store.writing() as session:
            patient = self._load(session, patient_id)
            mark_deleted(patient, self.actor, reason)
            audit.record(
                session,
                self.actor,
                AuditAction.DELETE,
                "patient",
                patient.id,
                patient_id=patient.id,
                summary=f"Deleted: {reason}",
            )

    # -- reading ---------------------------------------------------------------------------
    def get(self, patient_id: int) -> PatientDetail:
        with self.store.reading() as session:
            return self.read_detail(session, patient_id)

    @classmethod
    def read_detail(cls, session: Session, patient_id: int) -> PatientDetail:
        """`get` inside a transaction the caller holds: two selects, built once."""
        head, allergens = _detail_statements()
        bound = {"patient_id": patient_id}
        row = run(session, head, bound).one_or_none()
        if row is None:
            raise NotFound(f"No patient with id {patient_id}.")
        return detail_of(row, run(session, allergens, bound).all())

    def resolve(self, reference: str) -> int:
        """A patient id from a clinic record number or a database id (`--patient`)."""
        if not isinstance(reference, str) or len(reference) > 100:
            raise NotFound(f"No patient with record number or id {shown(reference)}.")
        ref = reference.strip()
        with self.store.reading() as session:
            found = session.scalar(
                select(Patient.id).where(Patient.record_number == ref, Patient.deleted_at.is_(None))
            )
            if found is None and ref.isdigit():
                found = session.scalar(
                    select(Patient.id).where(Patient.id == int(ref), Patient.deleted_at.is_(None))
                )
        if found is None:
            raise NotFound(f"No patient with record number or id {ref!r}.")
        return found

    def find(self, query: str = "", *, limit: int = 100, offset: int = 0) -> list[PatientRow]:
        """Patients matching a name prefix, record number, phone or birth date.

        Family-name matches come first (by name), then given-name, record-number and phone
        matches. Each kind is one index range scan that stops after `offset + limit` rows,
        so a common prefix among 100,000 patients costs no more than a rare one.
        """
        _check_search(query, limit, offset)
        kinds, params = search_terms(query if isinstance(query, str) else "")
        params.update(depth=offset + limit, limit=limit, offset=offset)
        with self.store.reading() as session:
            rows = run(session, search_statement(kinds), params).all()
            return [PatientRow(*row) for row in rows]

    def count(self, query: str = "") -> int:
        """How many patients match (for the list's caption; slower than `find` on big sets)."""
        _check_search(query, 1, 0)
        kinds, params = search_terms(query if isinstance(query, str) else "")
        with self.store.reading() as session:
            return run(session, _count_statement(kinds), params).scalar() or 0

    def _next_record_number(self, session: Session) -> str:
        prefix = session.scalar(select(Clinic.record_number_prefix).limit(1)) or "P"
        # Numbers are zero-padded, so the greatest string in the prefix range is the highest.
        highest = session.scalar(
            select(func.max(Patient.record_number)).where(
                Patient.record_number >= prefix + "0",
                Patient.record_number < prefix + ":",
            )
        )
        tail = (highest or "")[len(prefix) :]
        return f"{prefix}{(int(tail) if tail.isdigit() else 0) + 1:06d}"

    @staticmethod
    def _ensure_number_free(session: Session, number: str, own_id: int | None) -> None:
        other = session.scalar(select(Patient.id).where(Patient.record_number == number))
        if other is not None and other != own_id:
            raise Conflict(f"Record number {number} already belongs to another patient.")

    @staticmethod
    def _ingredients(session: Session, ids: tuple[int, ...]) -> list[Ingredient]:
        if not ids:
            return []
        found = list(session.scalars(select(Ingredient).where(Ingredient.id.in_(ids))))
        missing = set(ids) - {i.id for i in found}
        if missing:
            raise NotFound(f"Unknown ingredient id(s) in allergies: {sorted(missing)}")
        return found

    @staticmethod
    def _load(session: Session, patient_id: int) -> Patient:
        patient = session.scalar(_load_statement(), {"patient_id": patient_id})
        if patient is None:
            raise NotFound(f"No patient with id {patient_id}.")
        return patient


@cache
def _load_statement() -> Select:
    """A live patient with their allergy ingredients, to change them."""
    return (
        select(Patient)
        .where(Patient.id == bindparam("patient_id"), Patient.deleted_at.is_(None))
        .options(selectinload(Patient.allergy_ingredients))
    )


@cache
def _detail_statements() -> tuple[Select, Select]:
    """A live patient's columns under their attribute names, and their allergens."""
    patient_id = bindparam("patient_id")
    head = select(*(getattr(Patient, a.key) for a in inspect(Patient).column_attrs)).where(
        Patient.id == patient_id, Patient.deleted_at.is_(None)
    )
    link = patient_allergy.c
    allergens = (
        select(Ingredient.id, Ingredient.name)
        .join(patient_allergy, link.ingredient_id == Ingredient.id)
        .where(link.patient_id == patient_id)
        .order_by(link.ingredient_id)
    )
    return head, allergens


def search_terms(query: str) -> tuple[tuple[str, ...], dict[str, object]]:
    """The kinds of match a search text asks for (columns of `patients`) and the values
    they bind: a date matches birth dates; other text matches name prefixes, record numbers
    and, when it is mostly digits, phone numbers. No kinds: everyone."""
    text = query.strip()
    if not text:
        return (), {}
    born = _parse_date(text)
    if born is not None:
        return ("birth_date",), {"born": born}
    kinds: list[str] = []
    params: dict[str, object] = {}
    key = fold(text)
    if key:
        kinds += ["search_name", "search_given"]
        params.update(key=key, key_upper=prefix_upper_bound(key))
    number = text.upper()
    kinds.append("record_number")
    params.update(number=number, number_upper=prefix_upper_bound(number))
    phone = digits(text)
    if len(phone) >= 3 and len(phone) >= len(re.sub(r"\s", "", text)) - 3:
        kinds.append("phone_digits")
        params.update(phone=phone, phone_upper=prefix_upper_bound(phone))
    return tuple(kinds), params


# kind (a column of `patients`) → the bound values of its prefix range
_RANGES = {
    "search_name": ("key", "key_upper"),
    "search_given": ("key", "key_upper"),
    "record_number": ("number", "number_upper"),
    "phone_digits": ("phone", "phone_upper"),
}


def _matches(kinds: tuple[str, ...], *, cut: bool) -> Subquery:
    """(id, rank, key) of the matches of each kind; `cut`: each stops at `:depth` rows."""
    parts = []
    for rank, kind in enumerate(kinds):
        if kind == "birth_date":
            condition, key_column = Patient.birth_date == bindparam("born"), Patient.search_name
        else:
            low, high = _RANGES[kind]
            key_column = getattr(Patient, kind)
            condition = (key_column >= bindparam(low)) & (key_column < bindparam(high))
        part = select(Patient.id, literal(rank).label("rank"), key_column.label("key")).where(
            condition, _LIVE
        )
        if cut:
            part = part.order_by(key_column).limit(bindparam("depth", type_=Integer))
        parts.append(select(part.subquery()))
    return union_all(*parts).subquery()


@cache
def search_statement(kinds: tuple[str, ...]) -> Select:
    """One page of a search (`:limit` rows from `:offset`), built once per kind of search."""
    page = (bindparam("limit", type_=Integer), bindparam("offset", type_=Integer))
    if not kinds:
        everyone = select(*_row_columns()).where(_LIVE)
        return everyone.order_by(Patient.search_name, Patient.id).limit(page[0]).offset(page[1])
    ids = _matches(kinds, cut=True)
    ranked = (
        select(ids.c.id, func.min(ids.c.rank).label("rank"), func.min(ids.c.key).label("key"))
        .group_by(ids.c.id)
        .subquery()
    )
    return (
        select(*_row_columns())
        .join(ranked, ranked.c.id == Patient.id)
        .order_by(ranked.c.rank, ranked.c.key, Patient.id)
        .limit(page[0])
        .offset(page[1])
    )


@cache
def _count_statement(kinds: tuple[str, ...]) -> Select:
    if not kinds:
        return select(func.count()).select_from(Patient).where(_LIVE)
    ids = _matches(kinds, cut=False)
    return select(func.count(func.distinct(ids.c.id)))


def _parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


SEARCH_MAX = 200  # characters of a search: a name, a number, a phone or a date
PAGE_MAX = 10_000  # rows in one page of results


def _check_search(query: object, limit: object, offset: object) -> None:
    """The search text and the page it asks for, refused with a message when unusable."""
    check = Checker()
    check.text("query", query, "The search", max_length=SEARCH_MAX)
    check.ranged("limit", limit, "The page size", "", Band(1, PAGE_MAX), integer=True)
    check.ranged("offset", offset, "The page start", "", Band(0, 10**9), integer=True)
    if check.problems:
        raise ValidationError(check.problems)

"""Product lots: receiving, stock corrections, the stock list and the recall of a lot.

A recall lists everything that physically happened: superseded versions of amended sessions
and deleted sessions are included and marked, because the lot went into a patient either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Row, Select, exists, func, select
from sqlalchemy.orm import Session, aliased

from mesodesk.db.models import (
    AuditEntry,
    Ingredient,
    Lot,
    Patient,
    SessionLot,
    TreatmentSession,
    User,
)
from mesodesk.domain.drafts import LotDraft
from mesodesk.domain.enums import AuditAction, LabelledEnum, SessionStatus
from mesodesk.domain.rules import NEAR_EXPIRY_DAYS, validate_lot
from mesodesk.domain.validation import (
    Checker,
    Level,
    Problem,
    ValidationError,
    enforce,
    reason_text,
)
from mesodesk.services import audit
from mesodesk.services.concurrency import about, require_version
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.store import Actor, Store


class LotStatus(LabelledEnum):
    OK = "ok"
    NEAR_EXPIRY = "near_expiry"
    EXPIRED = "expired"


def lot_status(expiry_date: date, today: date) -> LotStatus:
    """Usable through its expiry date; warns within 30 days of it."""
    if expiry_date < today:
        return LotStatus.EXPIRED
    if (expiry_date - today).days <= NEAR_EXPIRY_DAYS:
        return LotStatus.NEAR_EXPIRY
    return LotStatus.OK


@dataclass(frozen=True)
class LotView:
    id: int
    product_name: str
    lot_number: str
    ingredient_id: int | None
    ingredient_name: str
    expiry_date: date
    quantity_received: float
    quantity_left: float
    unit: str
    supplier: str
    received_on: date | None
    notes: str
    status: LotStatus
    days_to_expiry: int
    version: int = 1  # what the correction form hands back on save (see services.concurrency)

    @property
    def label(self) -> str:
        """What a lot picker shows, e.g. "Biotin — lot B123, exp. 31.12.2026 (4 vials left)"."""
        return (
            f"{self.product_name} — lot {self.lot_number}, exp. {self.expiry_date:%d.%m.%Y} "
            f"({self.quantity_left:g} {self.unit} left)"
        )


@dataclass(frozen=True)
class RecallRow:
    """One session that received the lot, with who to call."""

    lot_id: int
    patient_id: int
    record_number: str
    family_name: str
    given_names: str
    phone: str
    patient_deleted: bool
    session_id: int
    performed_at: datetime
    practitioner_name: str
    quantity: float
    session_status: SessionStatus
    amends_id: int | None
    superseded: bool  # a later amendment replaced this version of the record
    deleted: bool

    @property
    def patient_name(self) -> str:
        return f"{self.family_name}, {self.given_names}"

    @property
    def record_state(self) -> str:
        if self.deleted:
            return "deleted"
        return "superseded by an amendment" if self.superseded else "current"


_LOT_COLUMNS = (
    Lot.id,
    Lot.product_name,
    Lot.lot_number,
    Lot.ingredient_id,
    func.coalesce(Ingredient.name, "").label("ingredient_name"),
    Lot.expiry_date,
    Lot.quantity_received,
    Lot.quantity_left,
    Lot.unit,
    Lot.supplier,
    Lot.received_on,
    Lot.notes,
    Lot.version,
)


def _lot_view(row: Row, today: date) -> LotView:
    *columns, version = row
    return LotView(
        *columns,
        version=version,
        status=lot_status(row.expiry_date, today),
        days_to_expiry=(row.expiry_date - today).days,
    )


def _lot_query() -> Select:
    return select(*_LOT_COLUMNS).outerjoin(Ingredient, Ingredient.id == Lot.ingredient_id)


def lot_view(session: Session, lot_id: int, today: date) -> LotView:
    row = session.execute(_lot_query().where(Lot.id == lot_id)).one_or_none()
    if row is None:
        raise NotFound(f"No lot with id {lot_id}.")
    return _lot_view(row, today)


def _stock_changes(lot_id: int) -> ColumnElement[bool]:
    """Audit rows that can move a lot's stock: its own, and those of sessions drawing from it."""
    users = select(SessionLot.session_id).where(SessionLot.lot_id == lot_id)
    return about("lot", lot_id) | (
        (AuditEntry.entity == "treatment_session") & AuditEntry.entity_id.in_(users)
    )


class LotsMixin:
    """The lot half of `MixtureService`."""

    store: Store
    actor: Actor

    def receive_lot(
        self, draft: LotDraft, *, acknowledge_warnings: bool = False, today: date | None = None
    ) -> LotView:
        """Book a delivery into stock; the same product and lot number cannot come in twice."""
        day = today or date.today()
        enforce(validate_lot(draft, today=day), acknowledge_warnings=acknowledge_warnings)
        product, number = draft.product_name.strip(), draft.lot_number.strip()
        with self.store.writing() as session:
            clash = session.scalar(
                select(Lot.id).where(Lot.product_name == product, Lot.lot_number == number)
            )
            if clash is not None:
                raise Conflict(
                    f"Lot {number} of {product} is already in stock (lot #{clash}). "
                    "Correct its quantity instead of receiving it again."
                )
            if draft.ingredient_id is not None and not session.get(Ingredient, draft.ingredient_id):
                raise NotFound(f"No ingredient with id {draft.ingredient_id}.")
            lot = Lot(
                product_name=product,
                lot_number=number,
                ingredient_id=draft.ingredient_id,
                expiry_date=draft.expiry_date,
                quantity_received=draft.quantity_received,
                quantity_left=draft.quantity_received,
                unit=draft.unit.strip() or "vials",
                supplier=draft.supplier.strip(),
                received_on=draft.received_on or day,
                notes=draft.notes.strip(),
            )
            session.add(lot)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                "lot",
                lot.id,
                summary=f"Received lot {number} of {product}: {lot.quantity_received:g} {lot.unit}",
                after=audit.snapshot(lot),
            )
            return lot_view(session, lot.id, day)

    def adjust_lot_quantity(
        self,
        lot_id: int,
        new_quantity: float,
        reason: str,
        *,
        today: date | None = None,
        expected_version: int | None = None,
    ) -> LotView:
        """Correct the stock after a count, breakage or disposal; the reason is audited.
        Refused if the lot changed since `expected_version` (e.g. a session drew from it)."""
        reason = reason_text(reason)
        if not reason.strip():
            raise Conflict("A reason is required to correct the quantity of a lot.")
        check = Checker()
        check.number("quantity_left", new_quantity, "The quantity left")
        if check.problems:
            raise ValidationError(check.problems)
        with self.store.writing() as session:
            lot = session.get(Lot, lot_id)
            if lot is None:
                raise NotFound(f"No lot with id {lot_id}.")
            label = f"Lot {lot.lot_number} of {lot.product_name}"
            require_version(session, lot, expected_version, "lot", label, _stock_changes(lot.id))
            if not 0 <= new_quantity <= lot.quantity_received:
                raise ValidationError(
                    (
                        Problem(
                            "quantity_left",
                            f"The quantity left must be between 0 and the "
                            f"{lot.quantity_received:g} {lot.unit} received.",
                            Level.ERROR,
                            "quantity_range",
                        ),
                    )
                )
            before = {"quantity_left": lot.quantity_left}
            lot.quantity_left = new_quantity
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "lot",
                lot.id,
                summary=f"Stock of lot {lot.lot_number} set to {new_quantity:g}: {reason.strip()}",
                before=before,
                after={"quantity_left": new_quantity, "reason": reason.strip()},
            )
            return lot_view(session, lot.id, today or date.today())

    def lots(self, *, include_expired: bool = False, today: date | None = None) -> list[LotView]:
        """The stock list, soonest expiry first (the order lots should be used in)."""
        day = today or date.today()
        query = _lot_query().order_by(Lot.expiry_date, Lot.product_name, Lot.lot_number)
        if not include_expired:
            query = query.where(Lot.expiry_date >= day)
        with self.store.reading() as session:
            return [_lot_view(row, day) for row in session.execute(query)]

    def get_lot(self, lot_id: int, *, today: date | None = None) -> LotView:
        with self.store.reading() as session:
            return lot_view(session, lot_id, today or date.today())

    def recall(self, lot_id: int) -> list[RecallRow]:
        """Every patient and session that received the lot: one indexed query, plain rows."""
        t = TreatmentSession
        amender = aliased(TreatmentSession)
        query = (
            select(
                SessionLot.lot_id,
                Patient.id,
                Patient.record_number,
                Patient.family_name,
                Patient.given_names,
                Patient.phone,
                Patient.deleted_at.is_not(None),
                t.id,
                t.performed_at,
                User.display_name,
                SessionLot.quantity,
                t.status,
                t.amends_id,
                exists().where(amender.amends_id == t.id),
                t.deleted_at.is_not(None),
            )
            .join(t, t.id == SessionLot.session_id)
            .join(Patient, Patient.id == t.patient_id)
            .join(User, User.id == t.practitioner_id)
            .where(SessionLot.lot_id == lot_id)
            .order_by(t.performed_at, t.id)
        )
        with self.store.reading() as session:
            if session.get(Lot, lot_id) is None:
                raise NotFound(f"No lot with id {lot_id}.")
            return [RecallRow(*row) for row in session.execute(query)]

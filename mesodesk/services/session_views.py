"""Reading treatment sessions: plain views built from Core selects, never live ORM objects.

Lists and the chart read many sessions at once, so every read is a handful of set-based
selects (sessions, then zones, lots and adverse events for all of them) instead of an ORM
load per session. The current version of an amendment chain is the row no other row amends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from functools import cache, lru_cache
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Select,
    bindparam,
    exists,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

from mesodesk.db.models import (
    AdverseEvent,
    Lot,
    Recipe,
    SessionLot,
    SessionZone,
    TreatmentSession,
    User,
)
from mesodesk.domain.drafts import AdverseEventDraft, LotUse, SessionDraft, ZoneEntry
from mesodesk.domain.enums import (
    AdverseEventType,
    Anaesthesia,
    Grade,
    ScalpZone,
    SessionStatus,
    Technique,
)
from mesodesk.services.statements import run

V = TypeVar("V")
_Amender = aliased(TreatmentSession, name="amender")
_Practitioner = aliased(User, name="practitioner")
_Signer = aliased(User, name="signer")


def format_depth(depth_mm: float) -> str:
    """1 → "1.0 mm", 1.25 → "1.25 mm": one decimal at least, as clinicians write depths."""
    text = f"{depth_mm:.1f}" if round(depth_mm, 1) == depth_mm else f"{depth_mm:g}"
    return f"{text} mm"


@lru_cache(maxsize=1024)  # a clinic uses a few zones at a few depths: lists repeat them
def zone_summary(zone: ScalpZone, depth_mm: float) -> str:
    """ "Vertex (crown) 1.5 mm": a zone as the session list and printouts name it."""
    return f"{zone.label} {format_depth(depth_mm)}"


@dataclass(frozen=True)
class ZoneView:
    zone: ScalpZone
    depth_mm: float
    volume_ml: float | None = None
    points: int | None = None
    spacing_cm: float | None = None

    @property
    def label(self) -> str:
        return self.zone.label

    @property
    def summary(self) -> str:
        return zone_summary(self.zone, self.depth_mm)


@dataclass(frozen=True)
class LotUseView:
    """A lot used in a session, with what a recall or a printout names."""

    lot_id: int
    product_name: str
    lot_number: str
    expiry_date: date
    quantity: float
    unit: str

    @property
    def label(self) -> str:
        return f"{self.product_name} lot {self.lot_number} (exp. {self.expiry_date:%d.%m.%Y})"


@dataclass(frozen=True)
class AdverseEventView:
    id: int
    session_id: int
    patient_id: int
    event_type: AdverseEventType
    grade: Grade
    onset_on: date
    description: str
    action_taken: str
    resolved_on: date | None
    recorded_by_id: int | None

    @property
    def label(self) -> str:
        return self.event_type.label

    @property
    def is_resolved(self) -> bool:
        return self.resolved_on is not None

    def as_draft(self) -> AdverseEventDraft:
        return AdverseEventDraft(
            self.event_type,
            self.grade,
            self.onset_on,
            self.description,
            self.action_taken,
            self.resolved_on,
        )


@dataclass(frozen=True)
class SessionView:
    """One version of a session with everything the session card and printouts show."""

    id: int
    patient_id: int
    course_id: int | None
    planned_visit_id: int | None
    performed_at: datetime
    practitioner_id: int
    practitioner_name: str
    recipe_id: int | None
    recipe_name: str
    volume_ml: float
    needle_gauge: int
    needle_length_mm: float
    technique: Technique
    technique_other: str
    anaesthesia: Anaesthesia
    pain_score: int | None
    immediate_reactions: str
    no_adverse_events: bool
    notes: str
    status: SessionStatus
    signed_at: datetime | None
    signed_by_id: int | None
    signed_by_name: str
    amends_id: int | None
    amended_by_id: int | None  # the newer version correcting this one, if any
    amendment_reason: str
    override_reason: str
    created_at: datetime
    zones: tuple[ZoneView, ...]
    lots: tuple[LotUseView, ...]
    adverse_events: tuple[AdverseEventView, ...]
    version: int = 1  # what a form hands back on save (see services.concurrency)

    @property
    def is_current(self) -> bool:
        """True for the version no amendment replaces: the one lists and printouts show."""
        return self.amended_by_id is None

    @property
    def is_signed(self) -> bool:
        return self.status is SessionStatus.SIGNED

    @property
    def is_amendment(self) -> bool:
        return self.amends_id is not None

    @property
    def technique_label(self) -> str:
        if self.technique is Technique.OTHER and self.technique_other:
            return self.technique_other
        return self.technique.label

    @property
    def needle(self) -> str:
        return f"{self.needle_gauge} G × {self.needle_length_mm:g} mm"

    @property
    def zones_summary(self) -> str:
        return ", ".join(zone.summary for zone in self.zones)

    @property
    def draft(self) -> SessionDraft:
        """This version as form input: what editing a draft or starting an amendment loads."""
        return SessionDraft(
            patient_id=self.patient_id,
            performed_at=self.performed_at,
            practitioner_id=self.practitioner_id,
            recipe_id=self.recipe_id,
            volume_ml=self.volume_ml,
            needle_gauge=self.needle_gauge,
            needle_length_mm=self.needle_length_mm,
            technique=self.technique,
            zones=tuple(
                ZoneEntry(z.zone, z.depth_mm, z.volume_ml, z.points, z.spacing_cm)
                for z in self.zones
            ),
            lots=tuple(LotUse(lot.lot_id, lot.quantity) for lot in self.lots),
            technique_other=self.technique_other,
            anaesthesia=self.anaesthesia,
            pain_score=self.pain_score,
            immediate_reactions=self.immediate_reactions,
            no_adverse_events=self.no_adverse_events,
            adverse_events=tuple(event.as_draft() for event in self.adverse_events),
            notes=self.notes,
            course_id=self.course_id,
            planned_session_id=self.planned_visit_id,
        )


@dataclass(frozen=True)
class SessionRow:
    """One line of a patient's session list (current versions only)."""

    id: int
    performed_at: datetime
    practitioner: str
    recipe_name: str
    volume_ml: float
    needle_gauge: int
    needle_length_mm: float
    technique: Technique
    technique_other: str
    status: SessionStatus
    amended: bool  # this row corrects an earlier signed version
    adverse_events: int
    notes: str  # blank for a front-desk reader
    zones: str = ""  # "Vertex (crown) 1.5 mm, Frontal 1.0 mm"

    @property
    def needle(self) -> str:
        return f"{self.needle_gauge} G × {self.needle_length_mm:g} mm"

    @property
    def technique_label(self) -> str:
        if self.technique is Technique.OTHER and self.technique_other:
            return self.technique_other
        return self.technique.label


# -- selects --------------------------------------------------------------------------------
def current_version_clause() -> ColumnElement[bool]:
    """NOT EXISTS a row amending this one (served by the index on amends_id)."""
    return ~exists().where(_Amender.amends_id == TreatmentSession.id)


def _live_events() -> Select:
    return (
        select(func.count(AdverseEvent.id))
        .where(AdverseEvent.session_id == TreatmentSession.id, AdverseEvent.deleted_at.is_(None))
        .correlate(TreatmentSession)
        .scalar_subquery()
    )


@cache
def _rows_statement() -> Select:
    """Built once: building a select costs more than running it (a new one is hashed too)."""
    t = TreatmentSession
    return (
        select(
            t.id,
            t.performed_at,
            func.coalesce(_Practitioner.display_name, "").label("practitioner"),
            func.coalesce(Recipe.name, "").label("recipe_name"),
            t.volume_ml,
            t.needle_gauge,
            t.needle_length_mm,
            t.technique,
            t.technique_other,
            t.status,
            type_coerce(t.amends_id.is_not(None), Boolean).label("amended"),
            _live_events().label("adverse_events"),
            t.notes,
        )
        .join(_Practitioner, _Practitioner.id == t.practitioner_id)
        .outerjoin(Recipe, Recipe.id == t.recipe_id)
        .where(
            t.patient_id == bindparam("patient_id"),
            t.deleted_at.is_(None),
            current_version_clause(),
        )
        .order_by(t.performed_at.desc(), t.id.desc())
    )


def session_rows(
    session: Session, patient_id: int, *, notes_visible: bool = True
) -> list[SessionRow]:
    """Current, not deleted versions for one patient, newest first: two selects in all.

    `notes_visible` False (a front-desk reader) blanks the clinical notes.
    """
    rows = run(session, _rows_statement(), {"patient_id": patient_id}).all()
    zones: dict[int, list[str]] = defaultdict(list)
    if rows:
        ids = {"ids": [row.id for row in rows]}
        for sid, zone, depth, *_ in run(session, _zones_statement(), ids).all():
            zones[sid].append(zone_summary(zone, depth))
    # The select's columns are the row's fields in order, the zones last.
    shown = [SessionRow(*row, zones=", ".join(zones[row.id])) for row in rows]
    return shown if notes_visible else [replace(row, notes="") for row in shown]


def session_views(
    session: Session, ids: Iterable[int], *, notes_visible: bool = True
) -> dict[int, SessionView]:
    """Full views for the given session ids (deleted ones included: callers filter).

    `notes_visible` False (a front-desk reader) blanks the clinical notes.
    """
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    bound = {"ids": wanted}
    rows = run(session, _views_statement(), bound).all()
    zones = _by_session(session, _zones_statement(), bound, ZoneView)
    lots = _by_session(session, _lots_statement(), bound, LotUseView)
    events = _by_session(session, _events_statement(), bound, AdverseEventView)
    views: dict[int, SessionView] = {}
    for row in rows:
        values = row._asdict()
        if not notes_visible:
            values["notes"] = ""
        views[row.id] = SessionView(
            **values,
            zones=zones.get(row.id, ()),
            lots=lots.get(row.id, ()),
            adverse_events=events.get(row.id, ()),
        )
    return views


@cache
def _views_statement() -> Select:
    """The sessions in an expanding `ids`: a view's columns, under the view's names."""
    t = TreatmentSession
    columns = [f.name for f in fields(SessionView) if f.name in t.__table__.columns]
    amended_by = (
        select(func.min(_Amender.id))
        .where(_Amender.amends_id == t.id)
        .correlate(t)
        .scalar_subquery()
    )
    return (
        select(
            *(getattr(t, name) for name in columns),
            func.coalesce(_Practitioner.display_name, "").label("practitioner_name"),
            func.coalesce(_Signer.display_name, "").label("signed_by_name"),
            func.coalesce(Recipe.name, "").label("recipe_name"),
            amended_by.label("amended_by_id"),
        )
        .join(_Practitioner, _Practitioner.id == t.practitioner_id)
        .outerjoin(_Signer, _Signer.id == t.signed_by_id)
        .outerjoin(Recipe, Recipe.id == t.recipe_id)
        .where(t.id.in_(bindparam("ids", expanding=True)))
    )


def _by_session(
    session: Session, statement: Select, bound: dict[str, list[int]], view: Callable[..., V]
) -> dict[int, tuple[V, ...]]:
    """Rows whose first column is their session's id, as views grouped by session."""
    found: dict[int, list[V]] = defaultdict(list)
    for session_id, *values in run(session, statement, bound).all():
        found[session_id].append(view(*values))
    return {session_id: tuple(views) for session_id, views in found.items()}


@cache
def _zones_statement() -> Select:
    z = SessionZone
    return (
        select(z.session_id, z.zone, z.depth_mm, z.volume_ml, z.points, z.spacing_cm)
        .where(z.session_id.in_(bindparam("ids", expanding=True)))
        .order_by(z.session_id, z.id)
    )


@cache
def _lots_statement() -> Select:
    return (
        select(
            SessionLot.session_id,
            Lot.id,
            Lot.product_name,
            Lot.lot_number,
            Lot.expiry_date,
            SessionLot.quantity,
            Lot.unit,
        )
        .join(Lot, Lot.id == SessionLot.lot_id)
        .where(SessionLot.session_id.in_(bindparam("ids", expanding=True)))
        .order_by(SessionLot.session_id, SessionLot.id)
    )


def _event_select() -> Select:
    e = AdverseEvent
    return select(
        e.id,
        e.session_id,
        e.patient_id,
        e.event_type,
        e.grade,
        e.onset_on,
        e.description,
        e.action_taken,
        e.resolved_on,
        e.recorded_by_id,
    )


@cache
def _events_statement() -> Select:
    e = AdverseEvent
    return (
        select(e.session_id, *_event_select().selected_columns)
        .where(e.session_id.in_(bindparam("ids", expanding=True)), e.deleted_at.is_(None))
        .order_by(e.session_id, e.onset_on, e.id)
    )


def event_view(session: Session, event_id: int) -> AdverseEventView:
    """One adverse event (known to exist: the caller has just loaded or written it)."""
    return AdverseEventView(
        *session.execute(_event_select().where(AdverseEvent.id == event_id)).one()
    )


def chain_ids(session: Session, session_id: int) -> list[int]:
    """Every version of the chain `session_id` belongs to, oldest first.

    Chains are linear (only the current version can be amended), so this walks back along
    amends_id and forward along the indexed reverse link; a chain has a handful of rows.
    """
    t = TreatmentSession
    ids = [session_id]
    older = session.scalar(select(t.amends_id).where(t.id == session_id))
    while older is not None:
        ids.insert(0, older)
        older = session.scalar(select(t.amends_id).where(t.id == older))
    newer = session.scalar(select(func.min(t.id)).where(t.amends_id == session_id))
    while newer is not None:
        ids.append(newer)
        newer = session.scalar(select(func.min(t.id)).where(t.amends_id == newer))
    return ids

"""Treatment sessions with their zones, lots and adverse events.

A signed session is never changed: an amendment is a new row that `amends_id` links to the
version it corrects; the current version is the one no other row amends.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mesodesk.db.base import Base, SoftDeleteMixin, TimestampMixin, enum_column
from mesodesk.domain.enums import (
    AdverseEventType,
    Anaesthesia,
    Grade,
    ScalpZone,
    SessionStatus,
    Technique,
)


class TreatmentSession(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "treatment_sessions"
    __table_args__ = (
        Index("ix_treatment_sessions_patient_performed", "patient_id", "performed_at"),
        Index("ix_treatment_sessions_amends_id", "amends_id"),
        Index("ix_treatment_sessions_planned_visit_id", "planned_visit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("course_plans.id"), default=None)
    planned_visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("planned_visits.id"), default=None
    )
    performed_at: Mapped[datetime]
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recipe_id: Mapped[int | None] = mapped_column(ForeignKey("recipes.id"), default=None)
    volume_ml: Mapped[float] = mapped_column(Float)
    needle_gauge: Mapped[int] = mapped_column(Integer)
    needle_length_mm: Mapped[float] = mapped_column(Float)
    technique: Mapped[Technique] = mapped_column(enum_column(Technique))
    technique_other: Mapped[str] = mapped_column(String(120), default="")
    anaesthesia: Mapped[Anaesthesia] = mapped_column(
        enum_column(Anaesthesia), default=Anaesthesia.NONE
    )
    pain_score: Mapped[int | None] = mapped_column(Integer, default=None)
    immediate_reactions: Mapped[str] = mapped_column(default="")
    no_adverse_events: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(default="")

    status: Mapped[SessionStatus] = mapped_column(
        enum_column(SessionStatus), default=SessionStatus.DRAFT
    )
    signed_at: Mapped[datetime | None] = mapped_column(default=None)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("treatment_sessions.id"), default=None)
    amendment_reason: Mapped[str] = mapped_column(default="")
    override_reason: Mapped[str] = mapped_column(default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)

    zones: Mapped[list[SessionZone]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="SessionZone.id"
    )
    lots: Mapped[list[SessionLot]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="SessionLot.id"
    )


class SessionZone(Base):
    """Depth, volume and points for one scalp zone of a session."""

    __tablename__ = "session_zones"
    __table_args__ = (UniqueConstraint("session_id", "zone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_sessions.id", ondelete="CASCADE"), index=True
    )
    zone: Mapped[ScalpZone] = mapped_column(enum_column(ScalpZone))
    depth_mm: Mapped[float] = mapped_column(Float)
    volume_ml: Mapped[float | None] = mapped_column(Float, default=None)
    points: Mapped[int | None] = mapped_column(Integer, default=None)
    spacing_cm: Mapped[float | None] = mapped_column(Float, default=None)


class SessionLot(Base):
    """Which lot went into a session: the link a recall follows."""

    __tablename__ = "session_lots"
    __table_args__ = (UniqueConstraint("session_id", "lot_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_sessions.id", ondelete="CASCADE"), index=True
    )
    lot_id: Mapped[int] = mapped_column(ForeignKey("lots.id"), index=True)
    quantity: Mapped[float] = mapped_column(Float, default=1.0)


class AdverseEvent(TimestampMixin, SoftDeleteMixin, Base):
    """Recorded against a session, also long after it was signed (e.g. late patchy alopecia)."""

    __tablename__ = "adverse_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_sessions.id", ondelete="CASCADE"), index=True
    )
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    event_type: Mapped[AdverseEventType] = mapped_column(enum_column(AdverseEventType))
    grade: Mapped[Grade] = mapped_column(enum_column(Grade))
    onset_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(default="")
    action_taken: Mapped[str] = mapped_column(default="")
    resolved_on: Mapped[date | None] = mapped_column(Date, default=None)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)

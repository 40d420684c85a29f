"""Course plans and the visits they schedule."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mesodesk.db.base import Base, SoftDeleteMixin, TimestampMixin, enum_column
from mesodesk.domain.enums import Checkpoint, CoursePhase, CourseStatus


class CoursePlan(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "course_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    protocol_key: Mapped[str] = mapped_column(String(40))
    protocol_name: Mapped[str] = mapped_column(String(120))
    start_date: Mapped[date] = mapped_column(Date)
    status: Mapped[CourseStatus] = mapped_column(
        enum_column(CourseStatus), default=CourseStatus.ACTIVE
    )
    notes: Mapped[str] = mapped_column(default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)

    visits: Mapped[list[PlannedVisit]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="PlannedVisit.sequence"
    )


class PlannedVisit(Base):
    """One due date of a course; done once a treatment session fulfils it."""

    __tablename__ = "planned_visits"
    __table_args__ = (Index("ix_planned_visits_due_date", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("course_plans.id", ondelete="CASCADE"), index=True
    )
    sequence: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    phase: Mapped[CoursePhase] = mapped_column(enum_column(CoursePhase))
    checkpoint: Mapped[Checkpoint | None] = mapped_column(enum_column(Checkpoint), default=None)

"""Photo records and outcome measurements."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mesodesk.db.base import Base, SoftDeleteMixin, TimestampMixin, enum_column
from mesodesk.domain.enums import Checkpoint, PhotoView


class Photo(TimestampMixin, SoftDeleteMixin, Base):
    """A clinical photo's record; the bytes live in the vault under their SHA-256."""

    __tablename__ = "photos"
    __table_args__ = (
        Index("ix_photos_patient_view", "patient_id", "view"),
        Index("ix_photos_session_id", "session_id"),
        Index("ix_photos_sha256", "sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("treatment_sessions.id"), default=None
    )
    view: Mapped[PhotoView] = mapped_column(enum_column(PhotoView))
    trichoscopy_site: Mapped[str] = mapped_column(String(60), default="")
    magnification: Mapped[int | None] = mapped_column(Integer, default=None)
    taken_at: Mapped[datetime | None] = mapped_column(default=None)
    sha256: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    byte_size: Mapped[int] = mapped_column(Integer, default=0)
    mime_type: Mapped[str] = mapped_column(String(40), default="image/jpeg")
    original_name: Mapped[str] = mapped_column(String(255), default="")
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)


class Outcome(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "outcomes"
    __table_args__ = (Index("ix_outcomes_patient_measured", "patient_id", "measured_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("course_plans.id"), default=None)
    measured_on: Mapped[date] = mapped_column(Date)
    checkpoint: Mapped[Checkpoint] = mapped_column(enum_column(Checkpoint))
    density_change_pct: Mapped[float | None] = mapped_column(Float, default=None)
    diameter_change_pct: Mapped[float | None] = mapped_column(Float, default=None)
    global_assessment: Mapped[int | None] = mapped_column(Integer, default=None)
    satisfaction: Mapped[int | None] = mapped_column(Integer, default=None)
    notes: Mapped[str] = mapped_column(default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)

"""Scalp assessments: diagnosis, staging, trichoscopy, pull test and scalp condition."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mesodesk.db.base import Base, SoftDeleteMixin, TimestampMixin, enum_column
from mesodesk.domain.enums import Diagnosis, Severity, StagingScale, TrichoscopySite


class Assessment(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_patient_date", "patient_id", "assessed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    assessed_on: Mapped[date] = mapped_column(Date)
    diagnosis: Mapped[Diagnosis] = mapped_column(enum_column(Diagnosis))
    diagnosis_other: Mapped[str] = mapped_column(String(200), default="")
    contributors: Mapped[list] = mapped_column(default=list)  # list of Contributor values
    contributors_other: Mapped[str] = mapped_column(String(200), default="")
    salt_vertex: Mapped[float | None] = mapped_column(Float, default=None)
    salt_posterior: Mapped[float | None] = mapped_column(Float, default=None)
    salt_right: Mapped[float | None] = mapped_column(Float, default=None)
    salt_left: Mapped[float | None] = mapped_column(Float, default=None)
    salt_score: Mapped[float | None] = mapped_column(Float, default=None)
    pull_test_pulled: Mapped[int | None] = mapped_column(Integer, default=None)
    pull_test_extracted: Mapped[int | None] = mapped_column(Integer, default=None)
    erythema: Mapped[Severity] = mapped_column(enum_column(Severity), default=Severity.NONE)
    scaling: Mapped[Severity] = mapped_column(enum_column(Severity), default=Severity.NONE)
    itch: Mapped[Severity] = mapped_column(enum_column(Severity), default=Severity.NONE)
    pain: Mapped[Severity] = mapped_column(enum_column(Severity), default=Severity.NONE)
    follicular_inflammation: Mapped[Severity] = mapped_column(
        enum_column(Severity), default=Severity.NONE
    )
    notes: Mapped[str] = mapped_column(default="")

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)

    stages: Mapped[list[AssessmentStage]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="AssessmentStage.id"
    )
    trichoscopy: Mapped[list[TrichoscopyMeasurement]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="TrichoscopyMeasurement.id"
    )


class AssessmentStage(Base):
    """A stage always travels with its scale: never a bare number."""

    __tablename__ = "assessment_stages"
    __table_args__ = (UniqueConstraint("assessment_id", "scale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    scale: Mapped[StagingScale] = mapped_column(enum_column(StagingScale))
    stage: Mapped[str] = mapped_column(String(20))


class TrichoscopyMeasurement(Base):
    __tablename__ = "trichoscopy_measurements"
    __table_args__ = (UniqueConstraint("assessment_id", "site"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    site: Mapped[TrichoscopySite] = mapped_column(enum_column(TrichoscopySite))
    site_other: Mapped[str] = mapped_column(String(100), default="")
    density_per_cm2: Mapped[float | None] = mapped_column(Float, default=None)
    mean_diameter_um: Mapped[float | None] = mapped_column(Float, default=None)
    terminal_pct: Mapped[float | None] = mapped_column(Float, default=None)
    vellus_pct: Mapped[float | None] = mapped_column(Float, default=None)
    single_hair_unit_pct: Mapped[float | None] = mapped_column(Float, default=None)
    anagen_pct: Mapped[float | None] = mapped_column(Float, default=None)
    telogen_pct: Mapped[float | None] = mapped_column(Float, default=None)

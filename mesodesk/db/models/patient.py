"""Patients: identity, contact, medical history, treatments and consents."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mesodesk.db.base import (
    Base,
    SoftDeleteMixin,
    TimestampMixin,
    byte_order_string,
    enum_column,
)
from mesodesk.domain.enums import Sex

if TYPE_CHECKING:
    from mesodesk.db.models.mixture import Ingredient

patient_allergy = Table(
    "patient_allergies",
    Base.metadata,
    Column("patient_id", ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True),
    Column("ingredient_id", ForeignKey("ingredients.id"), primary_key=True),
)


class Patient(TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "patients"
    __table_args__ = (
        Index("ix_patients_search_name", "search_name"),
        Index("ix_patients_search_given", "search_given"),
        Index("ix_patients_phone_digits", "phone_digits"),
        Index("ix_patients_birth_date", "birth_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    record_number: Mapped[str] = mapped_column(byte_order_string(32), unique=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_names: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[Sex] = mapped_column(enum_column(Sex), default=Sex.UNKNOWN)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(default="")
    # Folded forms for prefix search ("mueller hans", "hans", "0612345678"): kept by the service.
    search_name: Mapped[str] = mapped_column(byte_order_string(220), default="")
    search_given: Mapped[str] = mapped_column(byte_order_string(110), default="")
    phone_digits: Mapped[str] = mapped_column(byte_order_string(40), default="")

    # Medical history relevant to mesotherapy.
    anticoagulants: Mapped[bool] = mapped_column(Boolean, default=False)
    diabetes: Mapped[bool] = mapped_column(Boolean, default=False)
    immune_disease: Mapped[bool] = mapped_column(Boolean, default=False)
    cancer: Mapped[bool] = mapped_column(Boolean, default=False)
    pregnant: Mapped[bool] = mapped_column(Boolean, default=False)
    breastfeeding: Mapped[bool] = mapped_column(Boolean, default=False)
    planning_conception: Mapped[bool] = mapped_column(Boolean, default=False)
    active_scalp_infection: Mapped[bool] = mapped_column(Boolean, default=False)
    herpes: Mapped[bool] = mapped_column(Boolean, default=False)
    keloid_tendency: Mapped[bool] = mapped_column(Boolean, default=False)
    history_notes: Mapped[str] = mapped_column(default="")
    allergies: Mapped[str] = mapped_column(default="")

    # Current or past hair-loss treatments.
    on_minoxidil: Mapped[bool] = mapped_column(Boolean, default=False)
    on_finasteride: Mapped[bool] = mapped_column(Boolean, default=False)
    on_dutasteride: Mapped[bool] = mapped_column(Boolean, default=False)
    had_prp: Mapped[bool] = mapped_column(Boolean, default=False)
    had_transplant: Mapped[bool] = mapped_column(Boolean, default=False)
    other_treatments: Mapped[str] = mapped_column(default="")

    consent_treatment: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_treatment_at: Mapped[datetime | None] = mapped_column(default=None)
    consent_photos: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_photos_at: Mapped[datetime | None] = mapped_column(default=None)

    version: Mapped[int] = mapped_column(Integer, default=1)

    allergy_ingredients: Mapped[list[Ingredient]] = relationship(
        secondary=patient_allergy, lazy="raise"
    )

    __mapper_args__ = {"version_id_col": version}

"""Ingredient library, recipes (templates and per-patient variants) and product lots."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mesodesk.db.base import Base, SoftDeleteMixin, TimestampMixin, enum_column
from mesodesk.domain.enums import ConcentrationUnit, IngredientClass


class Ingredient(TimestampMixin, Base):
    __tablename__ = "ingredients"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    ingredient_class: Mapped[IngredientClass] = mapped_column(enum_column(IngredientClass))
    default_concentration: Mapped[float | None] = mapped_column(Float, default=None)
    unit: Mapped[ConcentrationUnit] = mapped_column(
        enum_column(ConcentrationUnit), default=ConcentrationUnit.MG_PER_ML
    )
    pregnancy_contraindicated: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)


class Recipe(TimestampMixin, SoftDeleteMixin, Base):
    """A named template ("AGA standard") or a patient's variant copied from one."""

    __tablename__ = "recipes"
    __table_args__ = (Index("ix_recipes_patient_id", "patient_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    is_template: Mapped[bool] = mapped_column(Boolean, default=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), default=None)
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("recipes.id"), default=None)
    total_volume_ml: Mapped[float] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(default="")

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)

    items: Mapped[list[RecipeItem]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="RecipeItem.position"
    )


class RecipeItem(Base):
    __tablename__ = "recipe_items"
    __table_args__ = (UniqueConstraint("recipe_id", "ingredient_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recipe_id: Mapped[int] = mapped_column(ForeignKey("recipes.id", ondelete="CASCADE"), index=True)
    ingredient_id: Mapped[int] = mapped_column(ForeignKey("ingredients.id"))
    concentration: Mapped[float] = mapped_column(Float)
    unit: Mapped[ConcentrationUnit] = mapped_column(enum_column(ConcentrationUnit))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Lot(TimestampMixin, Base):
    """A delivered batch of a product: what a recall traces."""

    __tablename__ = "lots"
    __table_args__ = (
        UniqueConstraint("product_name", "lot_number"),
        Index("ix_lots_expiry_date", "expiry_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_name: Mapped[str] = mapped_column(String(120))
    lot_number: Mapped[str] = mapped_column(String(60))
    ingredient_id: Mapped[int | None] = mapped_column(ForeignKey("ingredients.id"), default=None)
    expiry_date: Mapped[date] = mapped_column(Date)
    quantity_received: Mapped[float] = mapped_column(Float)
    quantity_left: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20), default="vials")
    supplier: Mapped[str] = mapped_column(String(120), default="")
    received_on: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(default="")

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)

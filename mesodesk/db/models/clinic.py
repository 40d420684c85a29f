"""The clinic (letterhead and settings) and the people who use MesoDesk."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, LargeBinary, String
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from mesodesk.db.base import Base, TimestampMixin, enum_column, utcnow
from mesodesk.domain.enums import PaperSize, Role


class Clinic(TimestampMixin, Base):
    """One row: what printouts show and the workstation-wide settings."""

    __tablename__ = "clinic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    paper_size: Mapped[PaperSize] = mapped_column(enum_column(PaperSize), default=PaperSize.A4)
    require_login: Mapped[bool] = mapped_column(Boolean, default=False)
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=10)
    record_number_prefix: Mapped[str] = mapped_column(String(16), default="P")
    # When the clinic chose between login and no login; NULL: not yet (the first start asks).
    login_chosen_at: Mapped[datetime | None] = mapped_column(default=None)

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # a stale save is refused (optimistic lock)


class User(Base):
    """A practitioner, front-desk member or administrator."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    credentials: Mapped[str] = mapped_column(String(200), default="")  # e.g. "MD, dermatologist"
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Sign-in: failed attempts since the last success, and the lock-out they caused.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(default=None)
    password_changed_at: Mapped[datetime | None] = mapped_column(default=None)
    # Set when an administrator resets the password: the user chooses a new one at sign-in.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=sa_false()
    )

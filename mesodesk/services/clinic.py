"""Clinic settings (letterhead, paper, login policy) and the people who use MesoDesk."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from mesodesk.db.models import Clinic, User
from mesodesk.domain.enums import AuditAction, PaperSize, Role
from mesodesk.domain.validation import Level, Problem, ValidationError
from mesodesk.services import audit
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.store import Actor, Service


@dataclass(frozen=True)
class ClinicSettings:
    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    paper_size: PaperSize = PaperSize.A4
    require_login: bool = False
    idle_lock_minutes: int = 10
    record_number_prefix: str = "P"
    logo_png: bytes | None = None


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: Role
    credentials: str
    active: bool

    def as_actor(self) -> Actor:
        return Actor(user_id=self.id, username=self.username, role=self.role)


def _user_view(user: User) -> UserView:
    return UserView(
        user.id, user.username, user.display_name, user.role, user.credentials, user.active
    )


def _clinic_row(session: Session) -> Clinic:
    clinic = session.scalar(select(Clinic).order_by(Clinic.id).limit(1))
    if clinic is None:
        clinic = Clinic(name="")
        session.add(clinic)
        session.flush()
    return clinic


class ClinicService(Service):
    def settings(self) -> ClinicSettings:
        with self.store.reading() as session:
            clinic = session.scalar(select(Clinic).order_by(Clinic.id).limit(1))
            if clinic is None:
                return ClinicSettings()
            return ClinicSettings(
                **{f.name: getattr(clinic, f.name) for f in fields(ClinicSettings)}
            )

    def save_settings(self, settings: ClinicSettings) -> ClinicSettings:
        problems = []
        if not 1 <= settings.idle_lock_minutes <= 240:
            problems.append(
                Problem(
                    "idle_lock_minutes",
                    "The idle lock must be between 1 and 240 minutes.",
                    Level.ERROR,
                    "idle_lock_range",
                )
            )
        prefix = settings.record_number_prefix
        if not prefix or len(prefix) > 8 or not prefix.isalpha():
            problems.append(
                Problem(
                    "record_number_prefix",
                    "The record number prefix must be 1 to 8 letters.",
                    Level.ERROR,
                    "prefix_format",
                )
            )
        if problems:
            raise ValidationError(tuple(problems))
        with self.store.writing() as session:
            clinic = _clinic_row(session)
            before = audit.snapshot(clinic)
            for f in fields(ClinicSettings):
                value = getattr(settings, f.name)
                setattr(clinic, f.name, value.strip() if isinstance(value, str) else value)
            session.flush()
            old, new = audit.changes(before, audit.snapshot(clinic))
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "clinic",
                clinic.id,
                summary="Clinic settings",
                before=old,
                after=new,
            )
        return self.settings()

    def add_user(
        self, username: str, display_name: str, role: Role, credentials: str = ""
    ) -> UserView:
        username = username.strip().lower()
        if not username or not username.replace(".", "").replace("_", "").isalnum():
            raise ValidationError(
                (
                    Problem(
                        "username",
                        "A user name is letters and digits (dots and underscores allowed).",
                        Level.ERROR,
                        "username_format",
                    ),
                )
            )
        if not display_name.strip():
            raise ValidationError(
                (Problem("display_name", "The full name is required.", Level.ERROR, "required"),)
            )
        with self.store.writing() as session:
            if session.scalar(select(User.id).where(User.username == username)) is not None:
                raise Conflict(f"The user name {username!r} is taken.")
            user = User(
                username=username,
                display_name=display_name.strip(),
                role=role,
                credentials=credentials.strip(),
            )
            session.add(user)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                "user",
                user.id,
                summary=f"Added user {username} ({role.label})",
                after=audit.snapshot(user),
            )
            return _user_view(user)

    def users(self, *, role: Role | None = None, active_only: bool = True) -> list[UserView]:
        with self.store.reading() as session:
            query = select(User).order_by(User.display_name)
            if role is not None:
                query = query.where(User.role == role)
            if active_only:
                query = query.where(User.active.is_(True))
            return [_user_view(u) for u in session.scalars(query)]

    def practitioners(self) -> list[UserView]:
        return self.users(role=Role.PRACTITIONER)

    def user(self, user_id: int) -> UserView:
        with self.store.reading() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound(f"No user with id {user_id}.")
            return _user_view(user)

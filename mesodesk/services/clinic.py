"""Clinic settings (letterhead, paper, login policy) and the people who use MesoDesk."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mesodesk.db.base import utcnow
from mesodesk.db.models import Clinic, User
from mesodesk.domain.accounts import IDLE_LOCK_RANGE
from mesodesk.domain.enums import AuditAction, PaperSize, Role
from mesodesk.domain.validation import Band, Checker, Problem, ValidationError, clean
from mesodesk.services import audit
from mesodesk.services.concurrency import require_version
from mesodesk.services.errors import Conflict, NotFound, PermissionDenied
from mesodesk.services.store import Actor, Service

LOGO_MAX_BYTES = 2 * 1024 * 1024


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
    # The version of the clinic row these settings were read at: a save of settings read
    # earlier than another workstation's save is refused (None: built from scratch, no check).
    version: int | None = field(default=None, compare=False)


def _columns() -> list[str]:
    """The settings that are clinic columns a save writes (not the version it was read at)."""
    return [f.name for f in fields(ClinicSettings) if f.name != "version"]


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: Role
    credentials: str
    active: bool
    has_password: bool = False
    must_change_password: bool = False
    locked_until: datetime | None = None
    last_login_at: datetime | None = None

    def as_actor(self) -> Actor:
        return Actor(user_id=self.id, username=self.username, role=self.role)


def user_view(user: User) -> UserView:
    return UserView(
        user.id,
        user.username,
        user.display_name,
        user.role,
        user.credentials,
        user.active,
        user.password_hash is not None,
        user.must_change_password,
        user.locked_until,
        user.last_login_at,
    )


def administrators_with_password(session: Session) -> int:
    """Active administrators who can sign in: sign-in may be required only while one exists."""
    query = select(func.count()).where(
        User.role == Role.ADMINISTRATOR, User.active.is_(True), User.password_hash.is_not(None)
    )
    return session.scalar(query) or 0


def clinic_row(session: Session) -> Clinic:
    clinic = session.scalar(select(Clinic).order_by(Clinic.id).limit(1))
    if clinic is None:
        clinic = Clinic(name="")
        session.add(clinic)
        session.flush()
    return clinic


def require_administrator(actor: Actor, what: str) -> None:
    if actor.role is not Role.ADMINISTRATOR:
        raise PermissionDenied(f"Only an administrator can {what}.")


def settings_problems(settings: ClinicSettings) -> list[Problem]:
    """Every field of the settings, whatever its type: problems, never an exception."""
    check = Checker()
    if not isinstance(settings, ClinicSettings):
        check.error("settings", "The clinic settings cannot be read.", "wrong_type")
        return check.problems
    check.text("name", settings.name, "The clinic name", max_length=200)
    check.text("address", settings.address, "The address", max_length=1000, multiline=True)
    check.text("phone", settings.phone, "The phone number", max_length=60)
    check.text("email", settings.email, "The e-mail address", max_length=200)
    check.text("website", settings.website, "The website", max_length=200)
    check.choice("paper_size", settings.paper_size, PaperSize, "The paper size")
    if not isinstance(settings.require_login, bool):
        check.error("require_login", "Sign-in must be on or off.", "wrong_type")
    low, high = IDLE_LOCK_RANGE
    check.ranged(
        "idle_lock_minutes",
        settings.idle_lock_minutes,
        "The idle lock",
        "min",
        Band(low, high),
        integer=True,
    )
    prefix = settings.record_number_prefix
    if not isinstance(prefix, str) or not 1 <= len(prefix) <= 8 or not prefix.isalpha():
        check.error(
            "record_number_prefix",
            "The record number prefix must be 1 to 8 letters.",
            "prefix_format",
        )
    logo = settings.logo_png
    if logo is not None and (not isinstance(logo, bytes) or len(logo) > LOGO_MAX_BYTES):
        check.error("logo_png", "The logo must be a PNG image of at most 2 MB.", "logo")
    return check.problems


class ClinicService(Service):
    def settings(self) -> ClinicSettings:
        with self.store.reading() as session:
            clinic = session.scalar(select(Clinic).order_by(Clinic.id).limit(1))
            if clinic is None:
                return ClinicSettings(version=0)
            return ClinicSettings(
                **{name: getattr(clinic, name) for name in _columns()}, version=clinic.version
            )

    def save_settings(self, settings: ClinicSettings) -> ClinicSettings:
        """Letterhead, paper and the login policy: administrators only, checked field by field.

        Requiring sign-in needs an active administrator with a password (or nobody could
        sign in); switching it either way is the clinic's explicit choice. Refused when another
        workstation saved the settings after `settings.version` was read.
        """
        require_administrator(self.actor, "change the clinic settings")
        problems = settings_problems(settings)
        if problems:
            raise ValidationError(tuple(problems))
        with self.store.writing() as session:
            fresh = session.scalar(select(Clinic.id).limit(1)) is None
            clinic = clinic_row(session)
            # version 0: read before any clinic row existed; still so if this save creates it
            expected = clinic.version if fresh and settings.version == 0 else settings.version
            require_version(session, clinic, expected, "clinic", "The clinic settings")
            before = audit.snapshot(clinic)
            if settings.require_login and administrators_with_password(session) == 0:
                raise Conflict(
                    "Sign-in can be required only once an active administrator has a password."
                )
            if settings.require_login != clinic.require_login or clinic.login_chosen_at is None:
                clinic.login_chosen_at = utcnow()
            for name in _columns():
                value = getattr(settings, name)
                text_field = isinstance(getattr(ClinicSettings, name, None), str)
                setattr(clinic, name, clean(value) if text_field else value)
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
        self,
        username: str,
        display_name: str,
        role: Role,
        credentials: str = "",
        *,
        password: str | None = None,
    ) -> UserView:
        """A new account (administrators only); without a password it cannot sign in."""
        from mesodesk.services.accounts import AccountService

        return AccountService(self.store, self.actor).add(
            username, display_name, role, credentials, password=password
        )

    def users(self, *, role: Role | None = None, active_only: bool = True) -> list[UserView]:
        with self.store.reading() as session:
            query = select(User).order_by(User.display_name)
            if role is not None:
                query = query.where(User.role == role)
            if active_only:
                query = query.where(User.active.is_(True))
            return [user_view(u) for u in session.scalars(query)]

    def practitioners(self) -> list[UserView]:
        return self.users(role=Role.PRACTITIONER)

    def user(self, user_id: int) -> UserView:
        with self.store.reading() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFound(f"No user with id {user_id}.")
            return user_view(user)

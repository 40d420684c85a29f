"""Signing in: Argon2id password hashes, lock-out after failed attempts, and the idle lock.

A clinic either requires sign-in (the first start creates its administrator) or has chosen,
explicitly, to work without it. After `LOCKOUT_AFTER` failed attempts in a row an account
waits `LOCKOUT_MINUTES`; every attempt is audited. A signed-in `UserSession` installs a gate
on the store: once the user has been idle longer than the clinic's idle time (or the window
locked itself), every service call is refused with `SessionLocked` until the same user gives
the password again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from mesodesk.db.base import utcnow
from mesodesk.db.models import Clinic, User
from mesodesk.domain.accounts import (
    LOCKOUT_AFTER,
    LOCKOUT_MINUTES,
    normal_username,
    password_problems,
    username_problems,
)
from mesodesk.domain.enums import AuditAction, Role
from mesodesk.domain.validation import Checker, ValidationError
from mesodesk.services import audit
from mesodesk.services.clinic import UserView, clinic_row, user_view
from mesodesk.services.errors import Conflict, PermissionDenied
from mesodesk.services.store import Actor, Store

log = logging.getLogger(__name__)

# RFC 9106's second recommendation (t=3, 64 MiB, p=4): about 0.1 s on a clinic workstation.
hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against for unknown names, so they cost the same work as known ones.

    Made on first use, not at import: one hash is 0.1 s and 64 MiB, which start-up skips.
    """
    return hasher.hash("an account that does not exist")


class SignInRefused(PermissionDenied):
    """Wrong user name or password, an inactive account, or a lock-out."""

    def __init__(self, message: str, *, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


class SessionLocked(PermissionDenied):
    """The signed-in user was idle too long, or the workstation was locked: sign in again."""


@dataclass(frozen=True)
class LoginPolicy:
    needs_setup: bool  # no choice made yet: the first-run dialog asks
    require_login: bool
    idle_lock_minutes: int


def hash_password(password: str) -> str:
    return hasher.hash(password)


def password_matches(stored: str | None, password: str) -> bool:
    """Constant-time check; a damaged or missing hash never matches (and is logged)."""
    try:
        return hasher.verify(stored or _dummy_hash(), password) and stored is not None
    except VerifyMismatchError:
        return False
    except (InvalidHashError, VerificationError) as exc:
        log.warning("A stored password hash could not be checked: %s", exc)
        return False


class UserSession:
    """One signed-in user at the workstation, with the idle limit the clinic set."""

    def __init__(
        self,
        user: UserView,
        idle_minutes: int,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.user = user
        self.idle_seconds = idle_minutes * 60
        self._clock = clock
        self._last = clock()
        self._locked = False
        self._lock = threading.Lock()  # the UI thread touches, the database thread checks

    @property
    def actor(self) -> Actor:
        return self.user.as_actor()

    @property
    def locked(self) -> bool:
        with self._lock:
            return self._locked or self._clock() - self._last > self.idle_seconds

    def touch(self) -> None:
        """The user did something: the idle time starts again (not while locked)."""
        with self._lock:
            if not self._locked and self._clock() - self._last <= self.idle_seconds:
                self._last = self._clock()

    def lock(self) -> None:
        with self._lock:
            self._locked = True

    def ensure_open(self) -> None:
        """The store's gate: raise `SessionLocked` once the session is locked or idle too long."""
        if self.locked:
            self.lock()
            raise SessionLocked(
                f"The workstation is locked: {self.user.display_name} must enter the "
                "password again."
            )

    def _reopen(self) -> None:
        with self._lock:
            self._locked = False
            self._last = self._clock()


class AuthService:
    """Sign-in for one store. Works past the store's gate: it is how the gate is lifted."""

    def __init__(self, store: Store, *, now: Callable[[], datetime] = utcnow) -> None:
        self.store = store
        self._now = now

    # -- the clinic's choice ---------------------------------------------------------------
    def policy(self) -> LoginPolicy:
        with self.store.reading(gated=False) as session:
            clinic = session.scalar(select(Clinic).order_by(Clinic.id).limit(1))
            if clinic is None or clinic.login_chosen_at is None:
                return LoginPolicy(True, False, clinic.idle_lock_minutes if clinic else 10)
            return LoginPolicy(False, clinic.require_login, clinic.idle_lock_minutes)

    def create_first_administrator(
        self, username: str, display_name: str, password: str
    ) -> UserView:
        """The first start: the clinic's administrator, and sign-in required from now on."""
        check = Checker()
        check.problems += username_problems(username)
        check.text("display_name", display_name, "The full name", required=True)
        check.problems += password_problems(password)
        if check.problems:
            raise ValidationError(check.problems)
        name = normal_username(username)
        with self.store.writing(gated=False) as session:
            clinic = clinic_row(session)
            if clinic.login_chosen_at is not None:
                raise Conflict("This clinic has already been set up: an administrator signs in.")
            if session.scalar(select(User.id).where(User.username == name)) is not None:
                raise Conflict(f"The user name {name!r} is taken.")
            now = self._now()
            user = User(
                username=name,
                display_name=display_name.strip(),
                role=Role.ADMINISTRATOR,
                password_hash=hash_password(password),
                password_changed_at=now,
            )
            session.add(user)
            clinic.require_login, clinic.login_chosen_at = True, now
            session.flush()
            actor = Actor(user.id, user.username, user.role)
            audit.record(
                session,
                actor,
                AuditAction.CREATE,
                "user",
                user.id,
                summary=f"First start: created the administrator {name}; sign-in required",
                after=audit.snapshot(user),
            )
            return user_view(user)

    def choose_no_login(self, actor: Actor) -> None:
        """The first start of a single-user clinic: no sign-in, chosen explicitly (audited)."""
        with self.store.writing(gated=False) as session:
            clinic = clinic_row(session)
            if clinic.login_chosen_at is not None:
                raise Conflict("This clinic has already chosen; an administrator can change it.")
            clinic.require_login, clinic.login_chosen_at = False, self._now()
            audit.record(
                session,
                actor,
                AuditAction.UPDATE,
                "clinic",
                clinic.id,
                summary="First start: this workstation works without sign-in",
                after={"require_login": False},
            )

    # -- signing in ------------------------------------------------------------------------
    def sign_in(self, username: object, password: object) -> UserView:
        """The user whose password this is, or `SignInRefused` (every attempt is audited)."""
        name = normal_username(username)
        given = password if isinstance(password, str) else ""
        with self.store.writing(gated=False) as session:
            user = session.scalar(select(User).where(User.username == name)) if name else None
            refusal = self._attempt(session, user, name, given)
            if refusal is None:
                assert user is not None
                return user_view(user)
        raise refusal  # after the commit: the failed attempt and any lock-out are kept

    def start_session(self, user: UserView) -> UserSession:
        """Sign `user` in at this workstation: the store refuses work once the session locks."""
        session = UserSession(user, self.policy().idle_lock_minutes)
        self.store.gate = session.ensure_open
        return session

    def unlock(self, user_session: UserSession, password: object) -> None:
        """The idle lock lifted by the same user's password (failures count toward lock-out)."""
        user = self.sign_in(user_session.user.username, password)
        if user.id != user_session.user.id:  # pragma: no cover (same name, same row)
            raise SignInRefused("Only the user who was signed in can unlock.")
        with self.store.writing(gated=False) as session:
            audit.record(
                session, user.as_actor(), AuditAction.UNLOCK, "user", user.id, summary="Unlocked"
            )
        user_session._reopen()

    def sign_out(self, user_session: UserSession) -> None:
        user_session.lock()
        with self.store.writing(gated=False) as session:
            audit.record(
                session,
                user_session.actor,
                AuditAction.LOGOUT,
                "user",
                user_session.user.id,
                summary="Signed out",
            )

    def change_password(self, user_id: int, old_password: object, new_password: object) -> None:
        """The user's own change (also after an administrator's reset): needs the old one."""
        problems = password_problems(new_password, "new_password")
        if problems:
            raise ValidationError(problems)
        with self.store.writing(gated=False) as session:
            user = session.get(User, user_id)
            if user is None or not isinstance(old_password, str):
                raise SignInRefused("The current password is wrong.")
            if not password_matches(user.password_hash, old_password):
                raise SignInRefused("The current password is wrong.")
            user.password_hash = hash_password(str(new_password))
            user.password_changed_at, user.must_change_password = self._now(), False
            audit.record(
                session,
                Actor(user.id, user.username, user.role),
                AuditAction.UPDATE,
                "user",
                user.id,
                summary="Changed own password",
            )

    def _attempt(
        self, session: Session, user: User | None, name: str, password: str
    ) -> SignInRefused | None:
        now = self._now()
        who = Actor(user.id, user.username, user.role) if user else Actor(None, name[:64] or "?")
        if user is not None and user.locked_until is not None and user.locked_until > now:
            self._audit_failure(session, who, user, "account locked")
            return _locked(user.locked_until)
        ok = password_matches(user.password_hash if user else None, password)
        if user is None or not ok:
            if user is None:
                self._audit_failure(session, who, None, "unknown user name")
                return SignInRefused("The user name or the password is wrong.")
            user.failed_logins += 1
            self._audit_failure(session, who, user, f"wrong password ({user.failed_logins})")
            if user.failed_logins >= LOCKOUT_AFTER:
                user.failed_logins = 0
                user.locked_until = now + timedelta(minutes=LOCKOUT_MINUTES)
                audit.record(
                    session,
                    who,
                    AuditAction.LOCKED_OUT,
                    "user",
                    user.id,
                    summary=f"{LOCKOUT_AFTER} failed sign-ins: locked for {LOCKOUT_MINUTES} min",
                )
                return _locked(user.locked_until)
            return SignInRefused("The user name or the password is wrong.")
        if not user.active:
            self._audit_failure(session, who, user, "account deactivated")
            return SignInRefused("This account has been deactivated: ask an administrator.")
        user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
        if hasher.check_needs_rehash(user.password_hash or ""):
            user.password_hash = hash_password(password)
        audit.record(session, who, AuditAction.LOGIN, "user", user.id, summary="Signed in")
        return None

    @staticmethod
    def _audit_failure(session: Session, who: Actor, user: User | None, why: str) -> None:
        audit.record(
            session,
            who,
            AuditAction.LOGIN_FAILED,
            "user",
            user.id if user else None,
            summary=f"Sign-in refused: {why}",
        )


def _locked(until: datetime) -> SignInRefused:
    local = until.astimezone()
    return SignInRefused(
        f"Too many failed attempts: this account is locked until {local:%H:%M}. "
        "Try again then, or ask an administrator.",
        locked_until=until,
    )

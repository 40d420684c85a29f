"""Managing the people who use MesoDesk: administrators add, change, deactivate and reset.

A clinic that requires sign-in always keeps at least one active administrator who can sign
in: the last one cannot be demoted or deactivated. Nobody deactivates their own account.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mesodesk.db.base import utcnow
from mesodesk.db.models import Clinic, User
from mesodesk.domain.accounts import normal_username, password_problems, username_problems
from mesodesk.domain.enums import AuditAction, Role
from mesodesk.domain.validation import Checker, ValidationError
from mesodesk.services import audit
from mesodesk.services.auth import hash_password
from mesodesk.services.clinic import (
    UserView,
    administrators_with_password,
    require_administrator,
    user_view,
)
from mesodesk.services.errors import Conflict, NotFound
from mesodesk.services.store import Service


class AccountService(Service):
    def add(
        self,
        username: object,
        display_name: object,
        role: object,
        credentials: object = "",
        *,
        password: object = None,
    ) -> UserView:
        require_administrator(self.actor, "add users")
        check = Checker()
        check.problems += username_problems(username)
        full_name = check.text("display_name", display_name, "The full name", required=True)
        chosen = check.choice("role", role, Role, "The role")
        qualification = check.text("credentials", credentials, "The credentials", max_length=200)
        if password is not None:
            check.problems += password_problems(password)
        if check.problems or chosen is None:
            raise ValidationError(check.problems)
        name = normal_username(username)
        with self.store.writing() as session:
            if session.scalar(select(User.id).where(User.username == name)) is not None:
                raise Conflict(f"The user name {name!r} is taken.")
            user = User(
                username=name,
                display_name=full_name,
                role=chosen,
                credentials=qualification,
                password_hash=hash_password(password) if isinstance(password, str) else None,
                password_changed_at=utcnow() if password is not None else None,
                must_change_password=password is not None,  # the user picks their own
            )
            session.add(user)
            session.flush()
            audit.record(
                session,
                self.actor,
                AuditAction.CREATE,
                "user",
                user.id,
                summary=f"Added user {name} ({chosen.label})",
                after=audit.snapshot(user),
            )
            return user_view(user)

    def set_role(self, user_id: int, role: object) -> UserView:
        require_administrator(self.actor, "change roles")
        check = Checker()
        chosen = check.choice("role", role, Role, "The role")
        if chosen is None:
            raise ValidationError(check.problems)
        with self.store.writing() as session:
            user = _user(session, user_id)
            if user.role is chosen:
                return user_view(user)
            before = user.role
            user.role = chosen
            session.flush()
            _keep_an_administrator(session, "change the role of")
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "user",
                user.id,
                summary=f"Role of {user.username}: {before.label} → {chosen.label}",
                before={"role": before.value},
                after={"role": chosen.value},
            )
            return user_view(user)

    def set_active(self, user_id: int, active: bool) -> UserView:
        require_administrator(self.actor, "deactivate or reactivate users")
        if not isinstance(active, bool):
            raise ValidationError(_problem("active", "Active must be yes or no.", "wrong_type"))
        with self.store.writing() as session:
            user = _user(session, user_id)
            if not active and user.id == self.actor.user_id:
                raise Conflict("You cannot deactivate your own account.")
            if user.active == active:
                return user_view(user)
            user.active = active
            session.flush()
            _keep_an_administrator(session, "deactivate")
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "user",
                user.id,
                summary=f"{'Reactivated' if active else 'Deactivated'} {user.username}",
                before={"active": not active},
                after={"active": active},
            )
            return user_view(user)

    def reset_password(self, user_id: int, temporary_password: object) -> UserView:
        """A temporary password the user must change at the next sign-in; lifts a lock-out."""
        require_administrator(self.actor, "reset passwords")
        problems = password_problems(temporary_password)
        if problems:
            raise ValidationError(problems)
        with self.store.writing() as session:
            user = _user(session, user_id)
            user.password_hash = hash_password(str(temporary_password))
            user.password_changed_at = utcnow()
            user.must_change_password = user.id != self.actor.user_id
            user.failed_logins, user.locked_until = 0, None
            audit.record(
                session,
                self.actor,
                AuditAction.UPDATE,
                "user",
                user.id,
                summary=f"Reset the password of {user.username}",
            )
            return user_view(user)

    def users(self, *, include_inactive: bool = True) -> list[UserView]:
        require_administrator(self.actor, "manage users")
        with self.store.reading() as session:
            query = select(User).order_by(User.active.desc(), User.display_name)
            if not include_inactive:
                query = query.where(User.active.is_(True))
            return [user_view(u) for u in session.scalars(query)]


def _problem(field: str, message: str, code: str) -> list:
    check = Checker()
    check.error(field, message, code)
    return check.problems


def _user(session: Session, user_id: object) -> User:
    user = (
        session.get(User, user_id)
        if isinstance(user_id, int) and not isinstance(user_id, bool)
        else None
    )
    if user is None:
        raise NotFound(f"No user with id {user_id!r}.")
    return user


def _keep_an_administrator(session: Session, what: str) -> None:
    """Refuse (the transaction rolls back) a change leaving a sign-in clinic without one."""
    required = session.scalar(select(Clinic.require_login).order_by(Clinic.id).limit(1))
    if required and administrators_with_password(session) == 0:
        raise Conflict(
            f"You cannot {what} the last administrator who can sign in: add another first."
        )

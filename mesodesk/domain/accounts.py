"""Rules for local accounts: user names, passwords, and what each role may see.

Plain Python: the services enforce these, the forms show the same messages as you type.
"""

from __future__ import annotations

import re

from mesodesk.domain.enums import Role
from mesodesk.domain.validation import Checker, Problem, shown

PASSWORD_MIN = 8
PASSWORD_MAX = 256  # Argon2 takes anything; a pasted document is a mistake, not a password
USERNAME_MAX = 64
LOCKOUT_AFTER = 5  # failed sign-ins in a row …
LOCKOUT_MINUTES = 5  # … lock the account for this long
IDLE_LOCK_RANGE = (1, 240)  # minutes

CLINICAL_ROLES = frozenset({Role.PRACTITIONER, Role.ADMINISTRATOR})
"""Roles that read and write clinical notes (assessments, sessions, outcomes)."""

_USERNAME = re.compile(r"[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?")


def normal_username(value: object) -> str:
    """The stored form of a user name: stripped, lower case ('' for a non-string)."""
    return value.strip().lower() if isinstance(value, str) else ""


def username_problems(value: object, field: str = "username") -> list[Problem]:
    check = Checker()
    if not isinstance(value, str):
        check.error(field, f"The user name must be text, not {shown(value)}.", "wrong_type")
        return check.problems
    name = normal_username(value)
    if not name:
        check.error(field, "The user name is required.", "required")
    elif len(name) > USERNAME_MAX:
        check.error(field, f"The user name is at most {USERNAME_MAX} characters long.", "too_long")
    elif not _USERNAME.fullmatch(name):
        check.error(
            field,
            f"The user name {shown(name)} may hold only letters a–z, digits, dots, hyphens and "
            "underscores, and must start and end with a letter or digit.",
            "username_format",
        )
    return check.problems


def password_problems(value: object, field: str = "password") -> list[Problem]:
    """A new password: text of 8 to 256 characters, not only spaces; never stripped."""
    check = Checker()
    if not isinstance(value, str):
        check.error(field, "The password must be text.", "wrong_type")
    elif len(value) < PASSWORD_MIN:
        check.error(
            field, f"The password must be at least {PASSWORD_MIN} characters long.", "too_short"
        )
    elif len(value) > PASSWORD_MAX:
        check.error(
            field, f"The password must be at most {PASSWORD_MAX} characters long.", "too_long"
        )
    elif not value.strip():
        check.error(field, "The password cannot be only spaces.", "blank")
    elif "\x00" in value:
        check.error(field, "The password cannot contain a NUL character.", "control_characters")
    return check.problems


def sees_clinical_notes(role: Role) -> bool:
    return role in CLINICAL_ROLES

"""Problems found in a draft, and the rule for what each kind of problem allows.

ERROR refuses the save; OVERRIDE is a hard stop unless a written reason is given (e.g.
dutasteride in pregnancy); WARNING is accepted once the user acknowledges it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    OVERRIDE = "override"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    level: Level
    code: str


class ValidationError(Exception):
    """Carries every problem found, so a form can show them all at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(p.message for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level is Level.ERROR)

    @property
    def overrides(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level is Level.OVERRIDE)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level is Level.WARNING)


class AcknowledgementRequired(ValidationError):
    """Nothing is refused outright, but warnings or hard stops still need the user's word."""


def enforce(
    problems: Iterable[Problem], *, acknowledge_warnings: bool = False, override_reason: str = ""
) -> tuple[Problem, ...]:
    """Raise unless the problems allow saving; return the accepted ones (for the audit row)."""
    found = tuple(problems)
    if any(p.level is Level.ERROR for p in found):
        raise ValidationError(found)
    pending = [p for p in found if p.level is Level.OVERRIDE and not override_reason.strip()]
    pending += [p for p in found if p.level is Level.WARNING and not acknowledge_warnings]
    if pending:
        raise AcknowledgementRequired(found)
    return found


# -- helpers the rules share ---------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Checker:
    """Collects problems for one draft; each method checks one field."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, field: str, message: str, code: str) -> None:
        self.problems.append(Problem(field, message, Level.ERROR, code))

    def warn(self, field: str, message: str, code: str) -> None:
        self.problems.append(Problem(field, message, Level.WARNING, code))

    def override(self, field: str, message: str, code: str) -> None:
        self.problems.append(Problem(field, message, Level.OVERRIDE, code))

    def text(
        self,
        field: str,
        value: object,
        label: str,
        *,
        required: bool = False,
        max_length: int = 200,
        multiline: bool = False,
    ) -> str:
        """Check a text field; returns the stripped text ('' when unusable)."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.error(field, f"{label} must be text.", "wrong_type")
            return ""
        stripped = value.strip()
        if required and not stripped:
            self.error(field, f"{label} is required.", "required")
        if len(stripped) > max_length:
            self.error(
                field,
                f"{label} is {len(stripped):,} characters long; at most "
                f"{max_length:,} are allowed.",
                "too_long",
            )
        pattern = _CONTROL_MULTILINE if multiline else _CONTROL
        if pattern.search(stripped):
            self.error(
                field,
                f"{label} contains control characters (such as a line break "
                "or tab) that cannot be stored.",
                "control_characters",
            )
        return stripped

    def number(
        self,
        field: str,
        value: object,
        label: str,
        unit: str = "",
        *,
        integer: bool = False,
        required: bool = True,
    ) -> float | None:
        """The value as a finite number, or None (with a problem when it was required or bad)."""
        suffix = f" {unit}" if unit else ""
        if value is None:
            if required:
                self.error(field, f"{label} is required.", "required")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(field, f"{label} must be a number, not {value!r}.", "wrong_type")
            return None
        if not math.isfinite(value):
            self.error(field, f"{label} must be a real number{suffix}.", "not_finite")
            return None
        if integer and value != int(value):
            self.error(
                field, f"{label} must be a whole number, not {value:g}{suffix}.", "not_integer"
            )
            return None
        return float(value)

    def within(
        self,
        field: str,
        value: float | None,
        label: str,
        unit: str,
        *,
        low: float | None = None,
        high: float | None = None,
        low_open: bool = False,
        warn_low: float | None = None,
        warn_high: float | None = None,
        why: str = "",
    ) -> None:
        """Refuse outside [low, high] (or (low, high] with low_open); warn outside the band."""
        if value is None:
            return
        suffix = f" {unit}" if unit else ""
        shown = f"{value:g}{suffix}"
        if low is not None and (value <= low if low_open else value < low):
            bound = "more than" if low_open else "at least"
            self.error(
                field,
                f"{label} {shown} is refused: it must be {bound} {low:g}{suffix}{why}.",
                "out_of_range",
            )
            return
        if high is not None and value > high:
            self.error(
                field,
                f"{label} {shown} is refused: it must be at most {high:g}{suffix}{why}.",
                "out_of_range",
            )
            return
        if (warn_low is not None and value < warn_low) or (
            warn_high is not None and value > warn_high
        ):
            band = (
                f"{warn_low:g}–{warn_high:g}{suffix}"
                if warn_low is not None and warn_high is not None
                else (
                    f"above {warn_low:g}{suffix}"
                    if warn_low is not None
                    else f"up to {warn_high:g}{suffix}"
                )
            )
            self.warn(
                field,
                f"{label} {shown} is outside the usual {band}: please check.",
                "unusual_value",
            )

    def choice(self, field: str, value: object, enum_cls: type, label: str) -> bool:
        if isinstance(value, enum_cls):
            return True
        self.error(field, f"{label}: {value!r} is not one of the choices.", "wrong_type")
        return False

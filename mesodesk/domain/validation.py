"""Problems found in a draft, what each kind of problem allows, and the checks rules share.

ERROR refuses the save; OVERRIDE is a hard stop unless a written reason is given (e.g.
dutasteride in pregnancy); WARNING is accepted once the user acknowledges it. A rule never
raises: a value of the wrong type (a str where a number belongs, None, NaN) becomes a
Problem, so a half-filled form or a hand-written script gets an answer, not a traceback.
"""

from __future__ import annotations

import math
import numbers
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import TypeVar

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

MESSAGE_MAX = 300  # characters of one problem's message
NOTES_MAX = 10_000
"""Notes, allergies, history: a page of text, not a pasted document."""


class Level(StrEnum):
    ERROR = "error"  # refused: impossible, or clearly a typo
    OVERRIDE = "override"  # hard stop unless overridden with a written reason
    WARNING = "warning"  # accepted after an explicit acknowledgement


@dataclass(frozen=True)
class Problem:
    """One finding about one field, in words a clinician understands (value, range, why)."""

    field: str  # draft attribute path: "birth_date", "zones[2].depth_mm", "lots[0]"
    message: str
    level: Level
    code: str  # short stable identifier: "depth_exceeds_needle", "lot_expired", …

    def __post_init__(self) -> None:
        # A message quoting a pasted page (“Phone “xxxx…” contains …”) must not flood the form.
        if len(self.message) > MESSAGE_MAX:
            object.__setattr__(self, "message", self.message[: MESSAGE_MAX - 1] + "…")


class ValidationError(Exception):
    """Carries every problem found, so a form can show them all at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.problems)  # args stay the problems: the error pickles back

    def __str__(self) -> str:
        return "\n".join(p.message for p in self.problems)

    def _at(self, level: Level) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.level is level)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return self._at(Level.ERROR)

    @property
    def overrides(self) -> tuple[Problem, ...]:
        return self._at(Level.OVERRIDE)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return self._at(Level.WARNING)


class AcknowledgementRequired(ValidationError):
    """Nothing is refused outright, but warnings or hard stops still need the user's word."""


def enforce(
    problems: Iterable[Problem], *, acknowledge_warnings: bool = False, override_reason: str = ""
) -> tuple[Problem, ...]:
    """Raise unless the problems allow saving; return the accepted ones (for the audit row)."""
    found = tuple(problems)
    if any(p.level is Level.ERROR for p in found):
        raise ValidationError(found)
    reason_given = isinstance(override_reason, str) and bool(override_reason.strip())
    pending = [p for p in found if p.level is Level.OVERRIDE and not reason_given]
    pending += [p for p in found if p.level is Level.WARNING and not acknowledge_warnings]
    if pending:
        raise AcknowledgementRequired(found)
    return tuple(p for p in found if p.level in (Level.OVERRIDE, Level.WARNING))


# -- formatting ----------------------------------------------------------------------------
def fmt(value: float) -> str:
    """12.0 → '12', 0.25 → '0.25', 1234567 → '1234567': short, and never '1.2e+06' for counts."""
    if isinstance(value, int):
        return str(value)
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def fmt_date(value: date) -> str:
    return f"{value:%d.%m.%Y}"


def shown(value: object, limit: int = 40) -> str:
    """A user's value quoted in a message, cut short so a pasted page cannot flood the panel."""
    text = value if isinstance(value, str) else repr(value)
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def _unit(value: float, unit: str) -> str:
    return f"{fmt(value)} {unit}" if unit else fmt(value)


@dataclass(frozen=True)
class Band:
    """A numeric range: refused outside [low, high] ((low, high] when `low_open`), warned
    outside [warn_low, warn_high]. Any limit may be None (no limit on that side)."""

    low: float | None = None
    high: float | None = None
    low_open: bool = False
    warn_low: float | None = None
    warn_high: float | None = None

    def refuses(self, value: float) -> bool:
        low, high = self.low, self.high
        too_low = low is not None and (value <= low if self.low_open else value < low)
        return too_low or (high is not None and value > high)

    def unusual(self, value: float) -> bool:
        return (self.warn_low is not None and value < self.warn_low) or (
            self.warn_high is not None and value > self.warn_high
        )

    def allowed(self, unit: str = "") -> str:
        """'more than 0 mL and at most 100 mL', 'between 10 and 40 G', 'at least 0'."""
        low, high = self.low, self.high
        if low is not None and high is not None:
            if self.low_open:
                return f"more than {_unit(low, unit)} and at most {_unit(high, unit)}"
            return f"between {fmt(low)} and {_unit(high, unit)}"
        if low is not None:
            return (
                f"more than {_unit(low, unit)}" if self.low_open else f"at least {_unit(low, unit)}"
            )
        return f"at most {_unit(high, unit)}" if high is not None else "any number"

    def usual(self, unit: str = "") -> str:
        low, high = self.warn_low, self.warn_high
        if low is not None and high is not None:
            return f"outside the usual {fmt(low)}–{_unit(high, unit)}"
        if low is not None:
            return f"below the usual minimum of {_unit(low, unit)}"
        return f"above the usual {_unit(high, unit)}" if high is not None else "unusual"


_CHARACTER_NAMES = {
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a line break",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
}
ID_MAX = 2**63 - 1  # the largest id a database column holds


def _bad_character(text: str, multiline: bool) -> str | None:
    """The first control character (or line separator, in a single-line field) in `text`."""
    for ch in text:
        category = unicodedata.category(ch)
        if multiline and ch in "\n\r\t":
            continue
        if category in ("Cc", "Cs") or (not multiline and category in ("Zl", "Zp")):
            return ch
    return None


class Checker:
    """Collects the problems of one draft; each method checks one field and never raises."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, field: str, message: str, code: str) -> None:
        self.problems.append(Problem(field, message, Level.ERROR, code))

    def warn(self, field: str, message: str, code: str) -> None:
        self.problems.append(Problem(field, message, Level.WARNING, code))

    def override(self, field: str, message: str, code: str) -> None:
        self.problems.append(Problem(field, message, Level.OVERRIDE, code))

    # -- text -------------------------------------------------------------------------------
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
        """Required, length and control characters, on the stripped text the service stores.

        A single-line field refuses every control character (a pasted tab or line break
        breaks lists, exports and letters); notes may hold line breaks and tabs.
        Returns the stripped text, '' when unusable.
        """
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.error(field, f"{label} must be text, not {shown(value)}.", "wrong_type")
            return ""
        stripped = value.strip()
        if required and not stripped:
            self.error(field, f"{label} is required.", "required")
        if len(stripped) > max_length:
            self.error(
                field,
                f"{label} is {len(stripped):,} characters long; at most {max_length:,} "
                "are allowed.",
                "too_long",
            )
        bad = _bad_character(stripped, multiline)
        if bad is not None:
            kind = _CHARACTER_NAMES.get(bad, "an invisible control character")
            if unicodedata.category(bad) == "Cs":
                kind = "a broken character (an unpaired surrogate)"
            where = "here" if multiline else "in a one-line field"
            self.error(
                field,
                f"{label} contains {kind} (U+{ord(bad):04X}), which cannot be stored {where}: "
                "remove it.",
                "control_characters",
            )
        return stripped

    def other_text(
        self,
        field: str,
        value: object,
        what: str,
        *,
        max_length: int = 100,
        multiline: bool = False,
    ) -> None:
        """'Other' picked from a list needs its free text, or the record says nothing."""
        if value is None or (isinstance(value, str) and not value.strip()):
            message = f"“Other” is chosen as the {what}: say which {what}."
            self.error(field, message, "other_text_required")
            return
        self.text(field, value, f"The other {what}", max_length=max_length, multiline=multiline)

    # -- numbers ----------------------------------------------------------------------------
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
        if value is None:
            if required:
                self.error(field, f"{label} is required.", "required")
            return None
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            self.error(field, f"{label} must be a number, not {shown(value)}.", "wrong_type")
            return None
        try:
            number = float(value)
        except OverflowError:  # an int too large for a float
            number = math.inf
        if not math.isfinite(number):
            what = "not a number (NaN)" if math.isnan(number) else "infinite"
            self.error(field, f"{label} is {what}: enter a real value.", "not_finite")
            return None
        if integer and number != int(number):
            message = f"{label} must be a whole number, not {_unit(number, unit)}."
            self.error(field, message, "not_integer")
            return None
        return number

    def within(
        self, field: str, value: float | None, label: str, unit: str, band: Band
    ) -> float | None:
        """Refuse outside the band's limits, warn outside its usual range.

        Returns the value when it may be used further (possibly warned), None if refused.
        """
        if value is None:
            return None
        if band.refuses(value):
            self.error(
                field,
                f"{label} {_unit(value, unit)} is refused: it must be {band.allowed(unit)}.",
                "out_of_range",
            )
            return None
        if band.unusual(value):
            self.warn(
                field,
                f"{label} {_unit(value, unit)} is {band.usual(unit)}: please check.",
                "unusual_value",
            )
        return value

    def ranged(
        self,
        field: str,
        value: object,
        label: str,
        unit: str,
        band: Band,
        *,
        integer: bool = False,
        required: bool = True,
    ) -> float | None:
        """`number` then `within`: the usual way a numeric field is checked."""
        number = self.number(field, value, label, unit, integer=integer, required=required)
        return self.within(field, number, label, unit, band)

    # -- dates, choices, lists ----------------------------------------------------------------
    def day(self, field: str, value: object, label: str, *, required: bool = True) -> date | None:
        """A calendar date (a datetime counts as its day), or None with a problem."""
        if value is None:
            if required:
                self.error(field, f"{label} is required.", "required")
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        self.error(field, f"{label} {shown(value)} is not a date.", "wrong_type")
        return None

    def moment(self, field: str, value: object, label: str) -> datetime | None:
        if isinstance(value, datetime):
            return value
        if value is None:
            self.error(field, f"{label} is required.", "required")
        else:
            self.error(field, f"{label} {shown(value)} is not a date and time.", "wrong_type")
        return None

    def choice(self, field: str, value: object, enum_cls: type[E], label: str) -> E | None:
        """The pick-list member (its stored value is accepted too), or None with a problem."""
        if isinstance(value, enum_cls):
            return value
        try:
            return enum_cls(value)
        except (ValueError, TypeError):
            names = ", ".join(str(getattr(m, "label", m.value)) for m in enum_cls)
            self.error(field, f"{label} {shown(value)} is not one of: {names}.", "wrong_type")
            return None

    def items(
        self, field: str, value: object, item_type: type[T], label: str
    ) -> list[tuple[int, T]]:
        """The entries of a list field that have the right type, each with its index."""
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            self.error(field, f"{label} must be a list, not {shown(value)}.", "wrong_type")
            return []
        good = []
        for index, item in enumerate(value):
            if isinstance(item, item_type):
                good.append((index, item))
            else:
                self.error(
                    f"{field}[{index}]",
                    f"{label} entry {index + 1} cannot be read ({shown(item)}).",
                    "wrong_type",
                )
        return good

    def flag(self, field: str, value: object, label: str) -> bool:
        """A yes/no field: only True or False (not 'yes', 1 or None)."""
        if isinstance(value, bool):
            return value
        self.error(field, f"{label} must be yes or no, not {shown(value)}.", "wrong_type")
        return False

    def ident(self, field: str, value: object, label: str) -> int | None:
        """A database id: a positive whole number."""
        if not is_ident(value):
            self.error(field, f"{label} {shown(value)} is not a valid reference.", "wrong_type")
            return None
        return value


def reason_text(value: object, label: str = "The reason") -> str:
    """A written reason (a deletion, amendment or correction), stripped; refused unless text.

    A blank reason is left to the caller, which says what the reason is needed for.
    """
    check = Checker()
    text = check.text("reason", value, label, max_length=500, multiline=True)
    if check.problems:
        raise ValidationError(check.problems)
    return text


def clean(value: object) -> str:
    """The stripped text a service stores; '' for None (an optional text left empty)."""
    return value.strip() if isinstance(value, str) else ""


def is_ident(value: object) -> bool:
    """A database id: a positive whole number a database column can hold (never a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= ID_MAX


def later_than(moment: datetime, reference: datetime) -> float:
    """Seconds by which `moment` follows `reference`; a naive time is read as local time."""
    try:
        if (moment.tzinfo is None) != (reference.tzinfo is None):
            moment, reference = moment.astimezone(), reference.astimezone()
        return (moment - reference).total_seconds()
    except (OverflowError, ValueError, OSError):  # at the ends of the calendar
        return (moment.replace(tzinfo=None) - reference.replace(tzinfo=None)).total_seconds()

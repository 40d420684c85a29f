"""One line of the patient list, and a patient's age: plain data, no database code.

Kept apart from the rules and the services so that the window's start-up can show the first
page of patients before those (and the database library under them) are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mesodesk.domain.enums import Sex


def age_on(born: date, on: date) -> int:
    """Completed years of life on a given day."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True)
class PatientRow:
    """One line of the patient list."""

    id: int
    record_number: str
    family_name: str
    given_names: str
    birth_date: date
    sex: Sex
    phone: str

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_names}"

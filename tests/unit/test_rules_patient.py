"""Patient rules: identity required, birth date plausible, contact fields readable."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesodesk.domain.drafts import HairLossTreatments, MedicalHistory, PatientDraft
from mesodesk.domain.enums import Sex
from mesodesk.domain.rules import validate_patient
from mesodesk.domain.validation import Level, Problem

TODAY = date(2026, 11, 25)
JUNK = st.one_of(
    st.none(),
    st.text(max_size=3),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.lists(st.integers(), max_size=2),
)


def patient(**changes: object) -> PatientDraft:
    base = PatientDraft(
        family_name="Ørsted-Müller",
        given_names="Anne Sophie",
        birth_date=date(1984, 3, 12),
        sex=Sex.FEMALE,
        record_number="P000123",
        phone="+44 (0)20 7946-0958",
        email="anne.orsted@example.org",
        address="12 Rue des Lilas\n75011 Paris",
        history=MedicalHistory(anticoagulants=True, notes="Warfarin\nsince 2019"),
        treatments=HairLossTreatments(minoxidil=True, other="Ketoconazole shampoo"),
        allergies="Nickel; lidocaine",
        allergy_ingredient_ids=(3, 7),
        consent_treatment=True,
        notes="Prefers morning appointments.",
    )
    return replace(base, **changes)


def found(draft: PatientDraft, today: date = TODAY) -> list[tuple[str, str, Level]]:
    return [(p.field, p.code, p.level) for p in validate_patient(draft, today=today)]


def test_a_complete_patient_has_no_problems() -> None:
    assert validate_patient(patient(), today=TODAY) == []


def test_a_minimal_patient_is_enough() -> None:
    minimal = PatientDraft("Doe", "Jane", date(1990, 1, 1))
    assert validate_patient(minimal, today=TODAY) == []


@pytest.mark.parametrize("name_field", ["family_name", "given_names"])
def test_names_are_required(name_field: str) -> None:
    assert found(patient(**{name_field: "  "})) == [(name_field, "required", Level.ERROR)]


@pytest.mark.parametrize("name_field", ["family_name", "given_names"])
def test_names_are_at_most_100_characters_on_one_line(name_field: str) -> None:
    assert validate_patient(patient(**{name_field: "x" * 100}), today=TODAY) == []
    assert found(patient(**{name_field: "x" * 101})) == [(name_field, "too_long", Level.ERROR)]
    assert found(patient(**{name_field: "Anne\tMarie"})) == [
        (name_field, "control_characters", Level.ERROR)
    ]


def test_birth_date_is_required() -> None:
    assert found(patient(birth_date=None)) == [("birth_date", "required", Level.ERROR)]


def test_birth_date_in_the_future_is_refused() -> None:
    tomorrow = TODAY + timedelta(days=1)
    (problem,) = validate_patient(patient(birth_date=tomorrow), today=TODAY)
    assert (problem.code, problem.level) == ("future_date", Level.ERROR)
    assert "26.11.2026" in problem.message and "future" in problem.message
    assert validate_patient(patient(birth_date=TODAY), today=TODAY)[0].code == "minor"


def test_birth_more_than_120_years_ago_is_refused() -> None:
    assert validate_patient(patient(birth_date=date(1906, 11, 25)), today=TODAY) == []
    assert found(patient(birth_date=date(1906, 11, 24))) == [
        ("birth_date", "implausible_age", Level.ERROR)
    ]


def test_120_years_back_from_29_february_falls_on_28_february() -> None:
    leap_day = date(2020, 2, 29)  # 1900 was not a leap year
    assert validate_patient(patient(birth_date=date(1900, 2, 28)), today=leap_day) == []
    assert found(patient(birth_date=date(1900, 2, 27)), today=leap_day)[0][1] == "implausible_age"


@given(st.integers(min_value=0, max_value=15))
def test_under_16_is_warned(age: int) -> None:
    born = date(TODAY.year - age - 1, 12, 31)  # not yet had this year's birthday
    problems = validate_patient(patient(birth_date=born), today=TODAY)
    assert [(p.code, p.level) for p in problems] == [("minor", Level.WARNING)]
    assert f"{age} years old" in problems[0].message


def test_sixteenth_birthday_ends_the_warning() -> None:
    assert validate_patient(patient(birth_date=date(2010, 11, 25)), today=TODAY) == []
    assert found(patient(birth_date=date(2010, 11, 26)))[0][1] == "minor"


def test_a_datetime_as_birth_date_is_read_as_its_day() -> None:
    assert validate_patient(patient(birth_date=datetime(1984, 3, 12, 8, 0)), today=TODAY) == []


@pytest.mark.parametrize("phone", ["", "0612345678", "+33 6 12 34 56 78", "(020) 7946.0958"])
def test_phone_numbers_in_common_shapes_pass(phone: str) -> None:
    assert validate_patient(patient(phone=phone), today=TODAY) == []


@pytest.mark.parametrize("phone", ["06 12 AB", "+33#612", "call after 5"])
def test_phone_with_other_characters_is_refused(phone: str) -> None:
    (problem,) = validate_patient(patient(phone=phone), today=TODAY)
    assert (problem.field, problem.code, problem.level) == ("phone", "phone_format", Level.ERROR)
    assert phone in problem.message


@pytest.mark.parametrize("email", ["anne@", "anne.example.org", "anne@example", "a b@c.de"])
def test_odd_email_is_warned_not_refused(email: str) -> None:
    assert found(patient(email=email)) == [("email", "email_format", Level.WARNING)]


def test_record_number_at_most_32_characters_without_control_characters() -> None:
    assert validate_patient(patient(record_number=None), today=TODAY) == []
    assert validate_patient(patient(record_number=""), today=TODAY) == []
    assert found(patient(record_number="P" * 33)) == [("record_number", "too_long", Level.ERROR)]
    assert found(patient(record_number="P1\n2")) == [
        ("record_number", "control_characters", Level.ERROR)
    ]


@pytest.mark.parametrize("field", ["notes", "allergies"])
def test_notes_and_allergies_hold_up_to_10000_characters(field: str) -> None:
    assert validate_patient(patient(**{field: "a\n" * 5000}), today=TODAY) == []
    assert found(patient(**{field: "a" * 10_001})) == [(field, "too_long", Level.ERROR)]


def test_history_notes_are_checked_too() -> None:
    history = MedicalHistory(notes="x" * 10_001)
    assert found(patient(history=history)) == [("history.notes", "too_long", Level.ERROR)]


def test_allergy_links_must_be_ids_given_once() -> None:
    assert found(patient(allergy_ingredient_ids=(3, 3))) == [
        ("allergy_ingredient_ids[1]", "duplicate_allergy", Level.ERROR)
    ]
    assert found(patient(allergy_ingredient_ids=(0,))) == [
        ("allergy_ingredient_ids[0]", "wrong_type", Level.ERROR)
    ]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([f.name for f in fields(PatientDraft)]), JUNK))
def test_junk_in_any_field_gives_problems_never_an_exception(changes: dict) -> None:
    problems = validate_patient(patient(**changes), today=TODAY)
    assert all(isinstance(p, Problem) for p in problems)


def test_not_a_patient_draft_at_all() -> None:
    assert [p.code for p in validate_patient("Jane Doe", today=TODAY)] == ["wrong_type"]  # type: ignore[arg-type]

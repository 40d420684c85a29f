"""The validation core: what enforce() lets through, and the checks every rule is built from."""

from __future__ import annotations

import math
import pickle
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mesodesk.domain.drafts import ZoneEntry
from mesodesk.domain.enums import ScalpZone, Sex
from mesodesk.domain.validation import (
    AcknowledgementRequired,
    Band,
    Checker,
    Level,
    Problem,
    ValidationError,
    enforce,
    fmt,
    later_than,
)

ERROR = Problem("volume_ml", "Volume 0 mL is refused.", Level.ERROR, "out_of_range")
WARNING = Problem("volume_ml", "Volume 25 mL is unusual.", Level.WARNING, "unusual_value")
OVERRIDE = Problem("recipe_id", "Dutasteride in pregnancy.", Level.OVERRIDE, "pregnancy")


# -- enforce ----------------------------------------------------------------------------------
def test_no_problems_pass_and_nothing_is_returned() -> None:
    assert enforce([]) == ()


def test_an_error_is_refused_even_when_everything_is_acknowledged() -> None:
    with pytest.raises(ValidationError) as refused:
        enforce([WARNING, ERROR], acknowledge_warnings=True, override_reason="I insist")
    assert not isinstance(refused.value, AcknowledgementRequired)
    assert refused.value.errors == (ERROR,)
    assert refused.value.warnings == (WARNING,)
    assert refused.value.problems == (WARNING, ERROR)


def test_a_warning_needs_an_acknowledgement_and_is_then_returned() -> None:
    with pytest.raises(AcknowledgementRequired) as pending:
        enforce([WARNING])
    assert pending.value.warnings == (WARNING,) and not pending.value.errors
    assert enforce([WARNING], acknowledge_warnings=True) == (WARNING,)


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_a_hard_stop_needs_a_written_reason(reason: str) -> None:
    with pytest.raises(AcknowledgementRequired) as pending:
        enforce([OVERRIDE], acknowledge_warnings=True, override_reason=reason)
    assert pending.value.overrides == (OVERRIDE,)


def test_a_hard_stop_is_not_lifted_by_acknowledging_warnings_alone() -> None:
    with pytest.raises(AcknowledgementRequired):
        enforce([OVERRIDE, WARNING], acknowledge_warnings=True)
    with pytest.raises(AcknowledgementRequired):
        enforce([OVERRIDE, WARNING], override_reason="Negative pregnancy test today")
    accepted = enforce(
        [OVERRIDE, WARNING], acknowledge_warnings=True, override_reason="Negative test today"
    )
    assert accepted == (OVERRIDE, WARNING)


def test_validation_error_reads_one_message_per_line_and_pickles() -> None:
    error = ValidationError([ERROR, WARNING])
    assert str(error) == "Volume 0 mL is refused.\nVolume 25 mL is unusual."
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert isinstance(
        pickle.loads(pickle.dumps(AcknowledgementRequired([WARNING]))), ValidationError
    )


# -- text ---------------------------------------------------------------------------------------
def test_required_text_must_not_be_blank() -> None:
    c = Checker()
    assert c.text("family_name", "  ", "Family name", required=True) == ""
    assert [(p.code, p.level) for p in c.problems] == [("required", Level.ERROR)]


def test_text_length_is_measured_after_stripping() -> None:
    c = Checker()
    c.text("family_name", "  " + "x" * 100 + "  ", "Family name", max_length=100)
    assert c.problems == []
    c.text("family_name", "x" * 101, "Family name", max_length=100)
    assert [p.code for p in c.problems] == ["too_long"]
    assert "101" in c.problems[0].message and "100" in c.problems[0].message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\t", "\n", "\r", "\x1b", "\x7f", "\u2028"])
def test_single_line_text_refuses_control_characters(char: str) -> None:
    c = Checker()
    c.text("family_name", f"Mül{char}ler", "Family name")
    assert [p.code for p in c.problems] == ["control_characters"]
    assert f"U+{ord(char):04X}" in c.problems[0].message


def test_notes_keep_line_breaks_and_tabs_but_not_other_control_characters() -> None:
    c = Checker()
    c.text("notes", "Line one\r\n\tLine two", "Notes", multiline=True)
    assert c.problems == []
    c.text("notes", "bell\x07", "Notes", multiline=True)
    assert [p.code for p in c.problems] == ["control_characters"]


@pytest.mark.parametrize("value", [12, 3.5, b"bytes", ["a"]])
def test_text_of_the_wrong_type_is_refused(value: object) -> None:
    c = Checker()
    assert c.text("family_name", value, "Family name") == ""
    assert [p.code for p in c.problems] == ["wrong_type"]


def test_other_text_is_required_when_other_is_picked() -> None:
    c = Checker()
    c.other_text("technique_other", " ", "technique")
    assert [p.code for p in c.problems] == ["other_text_required"]
    c = Checker()
    c.other_text("technique_other", "Cross-hatching", "technique")
    assert c.problems == []


# -- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["4", "four", True, [4], object()])
def test_a_non_number_is_refused_not_crashing(value: object) -> None:
    c = Checker()
    assert c.number("volume_ml", value, "Volume", "mL") is None
    assert [(p.code, p.level) for p in c.problems] == [("wrong_type", Level.ERROR)]


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 10**400])
def test_nan_and_infinity_are_refused(value: float) -> None:
    c = Checker()
    assert c.number("volume_ml", value, "Volume", "mL") is None
    assert [p.code for p in c.problems] == ["not_finite"]


def test_whole_numbers_only_where_counts_are_expected() -> None:
    c = Checker()
    assert c.number("needle_gauge", 30.0, "Needle gauge", integer=True) == 30
    assert c.number("needle_gauge", 30.5, "Needle gauge", integer=True) is None
    assert [p.code for p in c.problems] == ["not_integer"]


def test_missing_numbers_are_required_unless_optional() -> None:
    c = Checker()
    assert c.number("points", None, "Points", required=False) is None
    assert c.problems == []
    c.number("volume_ml", None, "Volume")
    assert [p.code for p in c.problems] == ["required"]


BAND = Band(low=0, low_open=True, high=100, warn_low=0.5, warn_high=20)


def test_a_refusal_names_the_value_and_the_allowed_range() -> None:
    c = Checker()
    assert c.ranged("volume_ml", 0, "Volume injected", "mL", BAND) is None
    (problem,) = c.problems
    assert problem == Problem(
        "volume_ml",
        "Volume injected 0 mL is refused: it must be more than 0 mL and at most 100 mL.",
        Level.ERROR,
        "out_of_range",
    )


def test_a_warning_names_the_value_and_the_usual_band() -> None:
    c = Checker()
    assert c.ranged("volume_ml", 25, "Volume injected", "mL", BAND) == 25
    (problem,) = c.problems
    assert problem.level is Level.WARNING and problem.code == "unusual_value"
    assert "25 mL" in problem.message and "0.5–20 mL" in problem.message


@given(st.floats(min_value=0.5, max_value=20))
def test_any_value_in_the_usual_band_passes(value: float) -> None:
    c = Checker()
    assert c.ranged("volume_ml", value, "Volume", "mL", BAND) == value
    assert c.problems == []


@given(st.one_of(st.floats(max_value=0), st.floats(min_value=100, exclude_min=True)))
def test_any_value_outside_the_limits_is_refused(value: float) -> None:
    c = Checker()
    assert c.ranged("volume_ml", value, "Volume", "mL", BAND) is None
    assert [p.level for p in c.problems] == [Level.ERROR]


def test_band_edges() -> None:
    closed = Band(low=10, high=40)
    assert not closed.refuses(10) and not closed.refuses(40)
    assert closed.refuses(9.999) and closed.refuses(40.001)
    assert BAND.refuses(0) and not BAND.refuses(1e-9) and not BAND.refuses(100)
    assert closed.allowed("G") == "between 10 and 40 G"
    assert Band(low=0).allowed() == "at least 0"
    assert Band(high=3).allowed() == "at most 3"
    assert Band(warn_high=4).usual("mm") == "above the usual 4 mm"


def test_numbers_read_naturally() -> None:
    assert [fmt(12.0), fmt(0.25), fmt(1_234_567.0), fmt(7)] == ["12", "0.25", "1234567", "7"]


# -- dates, choices, lists, ids -----------------------------------------------------------------
def test_dates() -> None:
    c = Checker()
    assert c.day("birth_date", datetime(2000, 1, 2, 13, 0), "Date of birth") == date(2000, 1, 2)
    assert c.day("birth_date", None, "Date of birth", required=False) is None
    assert c.problems == []
    assert c.day("birth_date", "2000-01-02", "Date of birth") is None
    assert c.moment("performed_at", date(2026, 1, 1), "Session date") is None
    assert [p.code for p in c.problems] == ["wrong_type", "wrong_type"]


def test_choices_accept_members_and_stored_values_only() -> None:
    c = Checker()
    assert c.choice("sex", Sex.FEMALE, Sex, "Sex") is Sex.FEMALE
    assert c.choice("sex", "male", Sex, "Sex") is Sex.MALE
    assert c.problems == []
    assert c.choice("sex", "martian", Sex, "Sex") is None
    assert c.choice("sex", ["unhashable"], Sex, "Sex") is None
    assert [p.code for p in c.problems] == ["wrong_type", "wrong_type"]
    assert "Female" in c.problems[0].message


def test_list_entries_of_the_wrong_type_are_reported_by_index() -> None:
    c = Checker()
    entry = ZoneEntry(ScalpZone.VERTEX, 1.0)
    assert c.items("zones", (entry, "vertex"), ZoneEntry, "Zones") == [(0, entry)]
    assert [p.field for p in c.problems] == ["zones[1]"]
    assert c.items("zones", "vertex", ZoneEntry, "Zones") == []
    assert c.problems[-1].field == "zones"


@pytest.mark.parametrize("value", [0, -1, True, 1.0, "3", None])
def test_ids_are_positive_whole_numbers(value: object) -> None:
    c = Checker()
    assert c.ident("lots[0]", value, "Lot") is None
    assert [p.code for p in c.problems] == ["wrong_type"]


def test_later_than_compares_naive_and_aware_times_without_crashing() -> None:
    aware = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert later_than(aware + timedelta(hours=2), aware) == 7200
    naive_local = aware.astimezone().replace(tzinfo=None)
    assert abs(later_than(naive_local, aware)) < 1


def test_labels_belong_to_their_own_enum() -> None:
    """Members of different enums with the same value are equal strings: labels must not mix."""
    from mesodesk.domain.enums import PhotoView, ScalpZone

    assert ScalpZone.VERTEX == PhotoView.VERTEX  # the trap: same string value
    assert ScalpZone.VERTEX.label == "Vertex (crown)"
    assert PhotoView.VERTEX.label == "Vertex"

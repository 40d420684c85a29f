"""Hostile input at every service: refused with a clear message, or stored and read back exactly.

Each property replaces one field of a valid draft (or one argument of a call) with a value
drawn from the families below; the call must either raise one of the refusals a form can
show (`ValidationError`, `ServiceError`: not found, conflict, permission) with a readable
message, or succeed and read back what was stored (text as stripped, numbers as given). After
every example the database is still sound: `integrity_check`, `foreign_key_check` and the
audit chain.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mesodesk.db.migrate import upgrade
from mesodesk.domain.drafts import (
    AssessmentDraft,
    CoursePlanDraft,
    IngredientDraft,
    LotDraft,
    OutcomeDraft,
    PatientDraft,
    RecipeDraft,
    RecipeItemDraft,
)
from mesodesk.domain.enums import (
    Checkpoint,
    ConcentrationUnit,
    Diagnosis,
    IngredientClass,
    Role,
    Sex,
)
from mesodesk.domain.validation import ValidationError
from mesodesk.services import Services
from mesodesk.services.audit import verify_chain
from mesodesk.services.auth import AuthService
from mesodesk.services.clinic import ClinicSettings
from mesodesk.services.errors import ServiceError
from mesodesk.services.store import SYSTEM, Store

# -- the families -----------------------------------------------------------------------------
SQL = [
    "'; DROP TABLE patients; --",
    "' OR '1'='1",
    "Robert'); DELETE FROM audit_log; --",
    "1; UPDATE users SET role = 'administrator'",
    "%' AND 1=1 --",
    "\\",
    "_%",
]
MARKUP = [
    "<script>alert(1)</script>",
    '<img src="/etc/passwd"/>',
    "<b>unclosed",
    "a < b & c > d",
    "&lt;&amp;&#0;",
    "]]><!--",
    "{{7*7}}${jndi:ldap://x}",
]
FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"]
CONTROL = [
    "\x00",
    "nul\x00inside",
    "\x1b[31mred",
    "\u202eevil",
    "\ufeffbom",
    "line\nbreak",
    "tab\there",
    "\x7f",
    "\u2028",
    "lone \ud800 surrogate",
    "   ",
]
HUGE = ["x" * 100_000, "é" * 20_001, "\n" * 50_000, "9" * 5000]
NUMBERS: list[Any] = [
    math.nan,
    math.inf,
    -math.inf,
    -0.0,
    1e308,
    -1e308,
    5e-324,
    10**30,
    -(10**30),
    2**63,
    -1,
    0,
    True,
    1.5,
]
WRONG_TYPES: list[Any] = [
    None,
    b"bytes",
    [],
    {},
    (),
    ("tuple",),
    object(),
    date.max,
    date.min,
    datetime.max,
    datetime(1, 1, 1, tzinfo=UTC),
    Sex.MALE,
]
FAMILIES = {
    "sql": SQL,
    "markup": MARKUP,
    "formula": FORMULAS,
    "control": CONTROL,
    "huge": HUGE,
    "numbers": NUMBERS,
    "wrong_types": WRONG_TYPES,
}
hostile = st.one_of(
    st.sampled_from([v for values in FAMILIES.values() for v in values]),
    st.text(max_size=300),
    st.integers(),
    st.floats(),
    st.dates(),
)

REFUSALS = (ValidationError, ServiceError)
FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TODAY = date(2026, 3, 2)
MISSING = object()


# -- the clinic the values are thrown at ------------------------------------------------------
@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder: Path = tmp_path_factory.mktemp("hostile")
    url = f"sqlite:///{folder / 'clinic.db'}"
    upgrade(url, backup_dir=folder / "backups")
    store = Store(url)
    services = Services(store, SYSTEM)
    patient = services.patients.register(
        PatientDraft("Adler", "Eva", date(1980, 5, 17), Sex.FEMALE), acknowledge_warnings=True
    )
    ingredient = services.mixtures.add_ingredient(
        IngredientDraft("Biotin", IngredientClass.VITAMIN, 0.5), acknowledge_warnings=True
    )
    yield {"store": store, "services": services, "patient": patient.id, "ing": ingredient.id}
    store.dispose()


def sound(store: Store) -> None:
    """The database after an example: intact, no dangling rows, audit chain unbroken."""
    with store.engine.connect() as conn:
        assert [r[0] for r in conn.execute(text("PRAGMA integrity_check"))] == ["ok"]
        assert list(conn.execute(text("PRAGMA foreign_key_check"))) == []
    with store.reading() as session:
        assert verify_chain(session) == []


def refused_or_kept(
    store: Store, call: Callable[[], Any], read_back: Callable[[Any], Any] | None, value: Any
) -> str:
    """Run `call`; a refusal must be readable, a success must read back `value` exactly."""
    try:
        result = call()
    except REFUSALS as exc:
        message = str(exc)
        assert message.strip(), f"{type(exc).__name__} without a message"
        assert len(message) < 2000, "the message floods the form"
        if isinstance(exc, ValidationError):
            assert exc.problems and all(p.message for p in exc.problems)
        outcome = "refused"
    else:
        outcome = "stored"
        if read_back is not None:
            stored = read_back(result)
            if stored is not MISSING:
                assert stored == expected(value), f"stored {stored!r} for {value!r}"
    sound(store)
    return outcome


def expected(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def comparable(value: Any) -> bool:
    """Text and real numbers read back exactly; other accepted types are only checked sound."""
    if isinstance(value, str):
        return True
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def one_field(draft_type: type, skip: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    return st.sampled_from([f.name for f in dataclasses.fields(draft_type) if f.name not in skip])


def field_reader(getter: Callable[[Any], Any], field: str, value: Any) -> Callable[[Any], Any]:
    def read(result: Any) -> Any:
        if not comparable(value):
            return MISSING
        return getattr(getter(result), field, MISSING)

    return read


# -- patients ---------------------------------------------------------------------------------
@FAST
@given(field=one_field(PatientDraft, skip=("history", "treatments")), value=hostile)
def test_register_patient(world: dict[str, Any], field: str, value: Any) -> None:
    services: Services = world["services"]
    base = PatientDraft("Brandt", "Anna", date(1975, 3, 4), Sex.FEMALE, phone="+49 30 1234")
    draft = dataclasses.replace(base, **{field: value})
    reader = field_reader(lambda d: services.patients.get(d.id).draft, field, value)
    if field == "record_number" and isinstance(value, str) and not value.strip():
        reader = None  # blank: the service assigns the next number
    call = lambda: services.patients.register(draft, acknowledge_warnings=True)  # noqa: E731
    refused_or_kept(world["store"], call, reader, value)


@FAST
@given(
    field=one_field(PatientDraft, skip=("history", "treatments", "record_number")), value=hostile
)
def test_update_patient(world: dict[str, Any], field: str, value: Any) -> None:
    services: Services = world["services"]
    current = services.patients.get(world["patient"])
    draft = dataclasses.replace(current.draft, **{field: value})
    call = lambda: services.patients.update(  # noqa: E731
        current.id, draft, expected_version=current.version, acknowledge_warnings=True
    )
    refused_or_kept(world["store"], call, field_reader(lambda d: d.draft, field, value), value)


@FAST
@given(query=hostile, limit=hostile, offset=hostile)
def test_find_and_count_patients(
    world: dict[str, Any], query: Any, limit: Any, offset: Any
) -> None:
    patients = world["services"].patients
    for call in (
        lambda: patients.find(query),
        lambda: patients.find("a", limit=limit, offset=offset),
        lambda: patients.count(query),
        lambda: patients.resolve(query),
    ):
        refused_or_kept(world["store"], call, None, query)


@FAST
@given(patient_id=hostile, reason=hostile)
def test_delete_patient_with_hostile_id_or_reason(
    world: dict[str, Any], patient_id: Any, reason: Any
) -> None:
    services: Services = world["services"]
    spare = services.patients.register(
        PatientDraft("Spare", "Sam", date(1990, 1, 1), Sex.MALE), acknowledge_warnings=True
    ).id
    refused_or_kept(world["store"], lambda: services.patients.delete(patient_id, "dup"), None, 0)
    refused_or_kept(world["store"], lambda: services.patients.delete(spare, reason), None, reason)


# -- clinical records -------------------------------------------------------------------------
@FAST
@given(field=one_field(AssessmentDraft), value=hostile)
def test_record_assessment(world: dict[str, Any], field: str, value: Any) -> None:
    services: Services = world["services"]
    base = AssessmentDraft(world["patient"], TODAY, Diagnosis.AGA_FEMALE, notes="baseline")
    draft = dataclasses.replace(base, **{field: value})
    call = lambda: services.assessments.record(  # noqa: E731
        draft, acknowledge_warnings=True, today=TODAY
    )
    refused_or_kept(world["store"], call, field_reader(lambda v: v, field, value), value)


@FAST
@given(field=one_field(OutcomeDraft), value=hostile)
@example(field="patient_id", value="1")  # an id as text: stored as 1, it broke the audit chain
def test_record_outcome(world: dict[str, Any], field: str, value: Any) -> None:
    services: Services = world["services"]
    base = OutcomeDraft(world["patient"], TODAY, Checkpoint.WEEK_12, density_change_pct=12.5)
    draft = dataclasses.replace(base, **{field: value})
    call = lambda: services.outcomes.record(  # noqa: E731
        draft, acknowledge_warnings=True, today=TODAY
    )
    refused_or_kept(world["store"], call, field_reader(lambda v: v, field, value), value)


@FAST
@given(field=one_field(CoursePlanDraft), value=hostile, reason=hostile)
def test_plan_and_stop_a_course(world: dict[str, Any], field: str, value: Any, reason: Any) -> None:
    services: Services = world["services"]
    base = CoursePlanDraft(world["patient"], "aga-standard", TODAY)
    draft = dataclasses.replace(base, **{field: value})
    call = lambda: services.courses.plan(draft, replace_active=True, today=TODAY)  # noqa: E731
    refused_or_kept(world["store"], call, field_reader(lambda v: v, field, value), value)
    active = services.courses.active_course(world["patient"], today=TODAY)
    if active is not None:
        stop = lambda: services.courses.stop(active.id, reason, today=TODAY)  # noqa: E731
        refused_or_kept(world["store"], stop, None, reason)


# -- the mixture library ----------------------------------------------------------------------
@FAST
@given(field=one_field(IngredientDraft), value=hostile, salt=st.integers(0, 10**9))
def test_add_ingredient(world: dict[str, Any], field: str, value: Any, salt: int) -> None:
    services: Services = world["services"]
    base = IngredientDraft(f"Zinc {salt}", IngredientClass.MINERAL, 1.0)
    draft = dataclasses.replace(base, **{field: value})
    call = lambda: services.mixtures.add_ingredient(draft, acknowledge_warnings=True)  # noqa: E731
    refused_or_kept(world["store"], call, field_reader(lambda v: v, field, value), value)


@FAST
@given(field=one_field(RecipeDraft), item_field=one_field(RecipeItemDraft), value=hostile)
def test_create_recipe(world: dict[str, Any], field: str, item_field: str, value: Any) -> None:
    services: Services = world["services"]
    item = RecipeItemDraft(world["ing"], 0.5, ConcentrationUnit.MG_PER_ML)
    base = RecipeDraft("AGA standard", 4.0, (item,))
    draft = dataclasses.replace(base, **{field: value})
    call = lambda: services.mixtures.create_recipe(draft, acknowledge_warnings=True)  # noqa: E731
    refused_or_kept(world["store"], call, field_reader(lambda v: v, field, value), value)
    bad_item = dataclasses.replace(item, **{item_field: value})
    draft = dataclasses.replace(base, items=(bad_item,))
    call = lambda: services.mixtures.create_recipe(draft, acknowledge_warnings=True)  # noqa: E731
    refused_or_kept(world["store"], call, None, value)


@FAST
@given(field=one_field(LotDraft), value=hostile, quantity=hostile, reason=hostile)
@example(field="unit", value=" ", quantity=1, reason="counted")  # blank: "vials" is kept
def test_receive_and_adjust_a_lot(
    world: dict[str, Any], field: str, value: Any, quantity: Any, reason: Any
) -> None:
    services: Services = world["services"]
    base = LotDraft("Biotin vial", "L-1", TODAY + timedelta(days=300), 10, ingredient_id=None)
    draft = dataclasses.replace(base, **{field: value})
    call = lambda: services.mixtures.receive_lot(  # noqa: E731
        draft, acknowledge_warnings=True, today=TODAY
    )
    reader = field_reader(lambda v: v, field, value)
    if field == "unit" and isinstance(value, str) and not value.strip():
        reader = None  # blank: the lot is counted in vials, the default unit
    refused_or_kept(world["store"], call, reader, value)
    lots = services.mixtures.lots(today=TODAY)
    if lots:
        adjust = lambda: services.mixtures.adjust_lot_quantity(  # noqa: E731
            lots[0].id, quantity, reason, today=TODAY
        )
        refused_or_kept(world["store"], adjust, None, quantity)


# -- settings, accounts, sign-in, notes -------------------------------------------------------
@FAST
@given(
    field=st.sampled_from(
        [f.name for f in dataclasses.fields(ClinicSettings) if f.name != "require_login"]
    ),
    value=hostile,
)
def test_clinic_settings(world: dict[str, Any], field: str, value: Any) -> None:
    services: Services = world["services"]
    settings_ = dataclasses.replace(ClinicSettings(name="Haarpraxis"), **{field: value})
    call = lambda: services.clinic.save_settings(settings_)  # noqa: E731
    refused_or_kept(world["store"], call, field_reader(lambda v: v, field, value), value)


@FAST
@given(
    username=hostile | st.text(alphabet="abcxyz._-0123", min_size=1, max_size=12),
    name=hostile,
    role=hostile | st.sampled_from(list(Role)),
    credentials=hostile,
)
def test_add_user(
    world: dict[str, Any], username: Any, name: Any, role: Any, credentials: Any
) -> None:
    services: Services = world["services"]
    call = lambda: services.accounts.add(username, name, role, credentials)  # noqa: E731
    refused_or_kept(world["store"], call, lambda v: v.display_name, name)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(username=hostile, password=hostile)
def test_sign_in(world: dict[str, Any], username: Any, password: Any) -> None:
    auth = AuthService(world["store"])
    refused_or_kept(world["store"], lambda: auth.sign_in(username, password), None, username)


@FAST
@given(patient_id=hostile)
def test_clinical_notes_for_a_hostile_patient_id(world: dict[str, Any], patient_id: Any) -> None:
    services: Services = world["services"]
    refused_or_kept(world["store"], lambda: services.notes.for_patient(patient_id), None, 0)


def test_families_are_what_the_report_lists() -> None:
    assert sorted(FAMILIES) == [
        "control",
        "formula",
        "huge",
        "markup",
        "numbers",
        "sql",
        "wrong_types",
    ]

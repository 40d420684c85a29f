"""Every form that loads a record and saves it in place hands back the version it loaded: a
save from a copy someone else changed meanwhile is refused, naming them, and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from session_data import World, build_world, quantity_left, row_counts, session_draft
from sqlalchemy import func, select

from mesodesk.db.models import AuditEntry
from mesodesk.domain.drafts import AssessmentDraft
from mesodesk.domain.enums import Diagnosis, Role
from mesodesk.services.assessments import AssessmentService
from mesodesk.services.clinic import ClinicService, UserView
from mesodesk.services.concurrency import StaleRecord
from mesodesk.services.courses import CourseService
from mesodesk.services.mixtures import MixtureService
from mesodesk.services.sessions import SessionService
from mesodesk.services.store import SYSTEM, Actor, Store

TODAY = date.today()


@pytest.fixture
def world(store: Store, practitioner: UserView) -> World:
    return build_world(store, practitioner)


@pytest.fixture
def other(store: Store) -> Actor:
    """A second clinician, at the other workstation."""
    return (
        ClinicService(store, SYSTEM).add_user("dr.max", "Dr Max Roth", Role.PRACTITIONER).as_actor()
    )


def _audit_rows(store: Store) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count(AuditEntry.id))) or 0


def refused(store: Store, save: Callable[[], Any], label: str, who: str = "dr.max") -> None:
    """`save` is refused naming `who`, and neither the record nor the audit trail moves."""
    rows = row_counts(store)
    with pytest.raises(StaleRecord) as caught:
        save()
    assert f"{label} was changed by {who} on " in str(caught.value)
    assert "reload" in str(caught.value)
    assert caught.value.changed_by == who
    assert row_counts(store) == rows
    assert _audit_rows(store) == rows["audit_log"]


def test_an_assessment_correction_from_a_stale_copy(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    mine, theirs = AssessmentService(store, actor), AssessmentService(store, other)
    draft = AssessmentDraft(world.patient_id, TODAY, Diagnosis.TELOGEN_EFFLUVIUM)
    opened = mine.record(draft, today=TODAY)
    theirs.update(
        opened.id,
        replace(draft, notes="theirs"),
        expected_version=opened.version,
        today=TODAY,
    )

    label = f"The assessment of {TODAY:%d.%m.%Y}"
    refused(
        store,
        lambda: mine.update(
            opened.id, replace(draft, notes="mine"), expected_version=opened.version, today=TODAY
        ),
        label,
    )
    reloaded = mine.get(opened.id)
    assert reloaded.notes == "theirs"
    mine.update(opened.id, replace(draft, notes="mine"), expected_version=reloaded.version)
    assert mine.get(opened.id).notes == "mine"


def test_a_session_draft_edited_elsewhere(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    mine, theirs = SessionService(store, actor), SessionService(store, other)
    opened = mine.record(session_draft(world))
    theirs.update_draft(
        opened.id,
        session_draft(world, notes="theirs"),
        expected_version=opened.version,
    )
    stock = quantity_left(store, world.lot_id)

    change = session_draft(world, notes="mine", lots=())
    refused(
        store,
        lambda: mine.update_draft(opened.id, change, expected_version=opened.version),
        f"Session #{opened.id}",
    )
    assert mine.get(opened.id).notes == "theirs"
    assert quantity_left(store, world.lot_id) == stock


def test_a_session_draft_signed_elsewhere(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    mine = SessionService(store, actor)
    opened = mine.record(session_draft(world))
    SessionService(store, other).sign(opened.id)

    change = session_draft(world, notes="mine")
    refused(
        store,
        lambda: mine.update_draft(opened.id, change, expected_version=opened.version),
        f"Session #{opened.id}",
    )


def test_an_amendment_of_a_signed_session_amended_elsewhere(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    mine, theirs = SessionService(store, actor), SessionService(store, other)
    signed = mine.sign(mine.record(session_draft(world)).id)
    theirs.amend(
        signed.id, session_draft(world, notes="theirs"), "dose", expected_version=signed.version
    )

    change = session_draft(world, notes="mine")
    refused(
        store,
        lambda: mine.amend(signed.id, change, "typo", expected_version=signed.version),
        f"Session #{signed.id}",
    )


def test_a_course_stopped_from_a_stale_copy(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    mine = CourseService(store, actor)
    opened = mine.course(world.course_id)
    CourseService(store, other).complete(world.course_id, expected_version=opened.version)

    refused(
        store,
        lambda: mine.stop(world.course_id, "moved away", expected_version=opened.version),
        f"The course Weekly induction of {opened.start_date:%d.%m.%Y}",
    )
    assert mine.course(world.course_id).status.value == "completed"


def test_an_ingredient_edited_elsewhere(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    mine, theirs = MixtureService(store, actor), MixtureService(store, other)
    opened = mine.get_ingredient(world.zinc_id)
    theirs.update_ingredient(
        world.zinc_id,
        replace(opened.as_draft(), notes="theirs"),
        expected_version=opened.version,
    )

    change = replace(opened.as_draft(), notes="mine")
    refused(
        store,
        lambda: mine.update_ingredient(world.zinc_id, change, expected_version=opened.version),
        "The ingredient Zinc",
    )
    assert mine.get_ingredient(world.zinc_id).notes == "theirs"


def test_a_recipe_edited_elsewhere(store: Store, world: World, actor: Actor, other: Actor) -> None:
    mine, theirs = MixtureService(store, actor), MixtureService(store, other)
    opened = mine.get_recipe(world.template_id)
    theirs.update_recipe(
        world.template_id,
        replace(opened.as_draft(), notes="theirs"),
        expected_version=opened.version,
    )

    change = replace(opened.as_draft(), notes="mine")
    refused(
        store,
        lambda: mine.update_recipe(world.template_id, change, expected_version=opened.version),
        "The recipe AGA standard",
    )
    assert mine.get_recipe(world.template_id).notes == "theirs"


def test_a_recipe_whose_ingredients_only_were_edited_elsewhere(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    """Only the items change (same name, volume and notes): the recipe's version still moves."""
    mine, theirs = MixtureService(store, actor), MixtureService(store, other)
    opened = mine.get_recipe(world.template_id)
    draft = opened.as_draft()
    stronger = tuple(replace(item, concentration=2.0) for item in draft.items)
    saved = theirs.update_recipe(
        world.template_id, replace(draft, items=stronger), expected_version=opened.version
    )
    assert saved.version > opened.version

    weaker = tuple(replace(item, concentration=0.5) for item in draft.items)
    refused(
        store,
        lambda: mine.update_recipe(
            world.template_id, replace(draft, items=weaker), expected_version=opened.version
        ),
        "The recipe AGA standard",
    )
    assert [i.concentration for i in mine.get_recipe(world.template_id).items] == [2.0, 2.0]


def test_a_lot_correction_after_another_correction(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    mine, theirs = MixtureService(store, actor), MixtureService(store, other)
    opened = mine.get_lot(world.lot_id)
    theirs.adjust_lot_quantity(world.lot_id, 8, "count", expected_version=opened.version)

    refused(
        store,
        lambda: mine.adjust_lot_quantity(world.lot_id, 9, "count", expected_version=opened.version),
        "Lot B-100 of Biotin 5 mg/mL",
    )
    assert quantity_left(store, world.lot_id) == 8


def test_a_lot_correction_after_a_session_drew_from_it(
    store: Store, world: World, actor: Actor, other: Actor
) -> None:
    """A session elsewhere moves the stock: the count the form shows is out of date, and the
    refusal names whoever recorded that session."""
    mine = MixtureService(store, actor)
    opened = mine.get_lot(world.lot_id)
    SessionService(store, other).record(session_draft(world))  # draws 2 vials

    refused(
        store,
        lambda: mine.adjust_lot_quantity(world.lot_id, 9, "count", expected_version=opened.version),
        "Lot B-100 of Biotin 5 mg/mL",
    )
    assert quantity_left(store, world.lot_id) == 8


def test_clinic_settings_saved_elsewhere(store: Store) -> None:
    clinic = ClinicService(store, SYSTEM)
    admin = clinic.add_user("anna.admin", "Anna Admin", Role.ADMINISTRATOR).as_actor()
    chief = clinic.add_user("dr.max", "Dr Max Roth", Role.ADMINISTRATOR).as_actor()
    mine, theirs = ClinicService(store, admin), ClinicService(store, chief)
    opened = mine.settings()
    theirs.save_settings(replace(theirs.settings(), name="Haarpraxis Nord"))
    assert mine.settings().version != opened.version

    refused(
        store,
        lambda: mine.save_settings(replace(opened, idle_lock_minutes=5)),
        "The clinic settings",
    )
    assert (mine.settings().name, mine.settings().idle_lock_minutes) == ("Haarpraxis Nord", 10)
    again = mine.settings()
    mine.save_settings(replace(again, idle_lock_minutes=5))  # after reloading, it goes in
    assert mine.settings().idle_lock_minutes == 5

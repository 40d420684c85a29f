"""The checks a session passes before it is stored, against facts read in the same transaction.

The domain rules see plain facts (birth date, lot expiry and stock, the recipe's ingredients,
the patient's allergies and pregnancy status); this module reads them and adds what only the
database knows: the practitioner is an active clinician, the recipe is the patient's or a
template, the planned visit is in the patient's course and not already recorded.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from mesodesk.db.models import (
    CoursePlan,
    Ingredient,
    Lot,
    Patient,
    PlannedVisit,
    Recipe,
    RecipeItem,
    TreatmentSession,
    User,
    patient_allergy,
)
from mesodesk.domain.drafts import AdverseEventDraft, SessionDraft
from mesodesk.domain.enums import Role
from mesodesk.domain.rules import LotFacts, validate_for_signing, validate_session
from mesodesk.domain.safety import IngredientFacts, PatientFacts, check_mixture_safety
from mesodesk.domain.validation import Level, Problem, enforce
from mesodesk.services.errors import NotFound, PermissionDenied
from mesodesk.services.session_views import SessionView, chain_ids
from mesodesk.services.statements import run
from mesodesk.services.store import Actor

SIGNING_ROLES = frozenset({Role.PRACTITIONER, Role.ADMINISTRATOR})


@dataclass(frozen=True)
class Checked:
    """What the checks settle: the row's course, the override reason to keep, and the
    warnings and hard stops the user accepted (the audit row names them)."""

    course_id: int | None
    override_reason: str
    accepted: tuple[str, ...] = ()


def lot_uses(draft: SessionDraft) -> dict[int, float]:
    """Quantity per lot (a lot named twice counts once, with both quantities)."""
    uses: dict[int, float] = {}
    for use in draft.lots:
        uses[use.lot_id] = uses.get(use.lot_id, 0.0) + use.quantity
    return uses


def check_session(
    session: Session,
    draft: SessionDraft,
    *,
    now: datetime,
    acknowledge_warnings: bool,
    override_reason: str,
    previous: SessionView | None,
    signing: bool = False,
) -> Checked:
    """Every rule against the database's facts; raises before anything is written.

    `previous` is the version being edited or amended: its lot uses count as given back (so
    re-saving a draft does not trip over its own stock) and its planned visit stays its own.
    """
    birth_date, facts = _patient_facts(session, draft.patient_id)
    chain = chain_ids(session, previous.id) if previous else []
    returned = lot_uses(previous.draft) if previous else {}
    problems = _practitioner_problems(session, draft.practitioner_id)
    problems += _recipe_problems(session, draft, previous)
    course_id, course_problems = _course(session, draft, chain)
    problems += course_problems
    lots = _lot_facts(session, draft, returned)
    problems += validate_session(draft, now=now, birth_date=birth_date, lots=lots)
    problems += check_mixture_safety(facts, _ingredients(session, draft.recipe_id))
    if signing:
        problems += validate_for_signing(draft)
    accepted = enforce(
        problems, acknowledge_warnings=acknowledge_warnings, override_reason=override_reason
    )
    overridden = any(p.level is Level.OVERRIDE for p in accepted)
    return Checked(
        course_id,
        override_reason.strip() if overridden else "",
        tuple(f"{p.level.value}: {p.message}" for p in accepted),
    )


_NOT_A_SIGNER = "Only a practitioner or an administrator can sign sessions."
_NO_ACCOUNT = "Signing needs the account of an active practitioner or administrator."


def signing_refusal(actor: Actor) -> str:
    """Why `actor` cannot sign, as far as the actor alone tells (empty: they may try).

    Without sign-in the actor is the computer's user, with no account to sign under.
    """
    if actor.role not in SIGNING_ROLES:
        return _NOT_A_SIGNER
    if actor.user_id is None:
        return _NO_ACCOUNT
    return ""


def signer(session: Session, actor: Actor) -> User:
    """The acting user, who must be an active practitioner or administrator to sign."""
    refusal = signing_refusal(actor)
    if refusal:
        raise PermissionDenied(refusal)
    user = session.get(User, actor.user_id)
    if user is None or not user.active or user.role not in SIGNING_ROLES:
        raise PermissionDenied(_NO_ACCOUNT)
    return user


def event_problems(draft: AdverseEventDraft, performed_on: date) -> list[Problem]:
    """An event cannot start before the session that caused it, nor resolve before it starts."""
    problems = []
    if draft.onset_on < performed_on:
        problems.append(
            Problem(
                "onset_on",
                f"The onset ({draft.onset_on:%d.%m.%Y}) is before the session "
                f"({performed_on:%d.%m.%Y}).",
                Level.ERROR,
                "onset_before_session",
            )
        )
    if draft.resolved_on is not None and draft.resolved_on < draft.onset_on:
        problems.append(resolved_before_onset(draft.onset_on))
    return problems


def resolved_before_onset(onset_on: date) -> Problem:
    return Problem(
        "resolved_on",
        f"An adverse event cannot resolve before its onset ({onset_on:%d.%m.%Y}).",
        Level.ERROR,
        "resolved_before_onset",
    )


def _practitioner_problems(session: Session, user_id: int) -> list[Problem]:
    bound = {"user_id": user_id}
    user = run(session, _user_statement(), bound).one_or_none() if user_id else None
    if user is None:
        message = "Choose the practitioner who performed the session."
    elif not user.active:
        message = f"{user.display_name} is no longer an active user."
    elif user.role not in SIGNING_ROLES:
        message = f"{user.display_name} is not a practitioner."
    else:
        return []
    return [Problem("practitioner_id", message, Level.ERROR, "practitioner_invalid")]


def _recipe_problems(
    session: Session, draft: SessionDraft, previous: SessionView | None
) -> list[Problem]:
    """The patient's own variant or a template; a since-retired recipe may stay where it was."""
    if draft.recipe_id is None:
        return []
    recipe = run(session, _recipe_statement(), {"recipe_id": draft.recipe_id}).one_or_none()
    kept = previous is not None and previous.recipe_id == draft.recipe_id
    if recipe is None or (recipe.deleted_at is not None and not kept):
        message = "The chosen mixture does not exist (any more)."
    elif not recipe.is_template and recipe.patient_id != draft.patient_id:
        message = f"“{recipe.name}” is another patient's mixture."
    else:
        return []
    return [Problem("recipe_id", message, Level.ERROR, "recipe_invalid")]


@cache
def _user_statement() -> Select:
    return select(User.active, User.role, User.display_name).where(User.id == bindparam("user_id"))


@cache
def _recipe_statement() -> Select:
    r = Recipe
    return select(r.deleted_at, r.is_template, r.patient_id, r.name).where(
        r.id == bindparam("recipe_id")
    )


def _course(
    session: Session, draft: SessionDraft, chain: Collection[int]
) -> tuple[int | None, list[Problem]]:
    """The course the session belongs to (the planned visit's), checked against the patient."""
    if draft.planned_session_id is None:
        return draft.course_id, _course_owner_problems(session, draft)
    found = session.execute(
        select(PlannedVisit.course_id, PlannedVisit.sequence, CoursePlan.patient_id)
        .join(CoursePlan, CoursePlan.id == PlannedVisit.course_id)
        .where(PlannedVisit.id == draft.planned_session_id, CoursePlan.deleted_at.is_(None))
    ).first()
    if found is None or found.patient_id != draft.patient_id:
        return draft.course_id, [
            _visit_problem("This planned visit is not in the patient's course.")
        ]
    if draft.course_id is not None and draft.course_id != found.course_id:
        return draft.course_id, [_visit_problem("The planned visit belongs to another course.")]
    taken = session.scalar(
        select(TreatmentSession.id).where(
            TreatmentSession.planned_visit_id == draft.planned_session_id,
            TreatmentSession.deleted_at.is_(None),
            TreatmentSession.id.not_in(list(chain)),
        )
    )
    if taken is not None:
        message = f"Visit {found.sequence} of the course is already recorded (session #{taken})."
        return found.course_id, [_visit_problem(message)]
    return found.course_id, []


def _course_owner_problems(session: Session, draft: SessionDraft) -> list[Problem]:
    if draft.course_id is None:
        return []
    owner = session.scalar(
        select(CoursePlan.patient_id).where(
            CoursePlan.id == draft.course_id, CoursePlan.deleted_at.is_(None)
        )
    )
    if owner == draft.patient_id:
        return []
    return [
        Problem("course_id", "This course is not the patient's.", Level.ERROR, "course_invalid")
    ]


def _visit_problem(message: str) -> Problem:
    return Problem("planned_session_id", message, Level.ERROR, "visit_invalid")


def _patient_facts(session: Session, patient_id: int) -> tuple[date | None, PatientFacts]:
    """The patient's birth date and what the mixture safety rules need to know of them."""
    head, allergies = _patient_statements()
    bound = {"patient_id": patient_id}
    found = run(session, head, bound).one_or_none()
    if found is None:
        raise NotFound(f"No patient with id {patient_id}.")
    birth_date, pregnant, breastfeeding, planning, allergies_text = found
    return birth_date, PatientFacts(
        pregnant=pregnant,
        breastfeeding=breastfeeding,
        planning_conception=planning,
        allergy_ingredient_ids=frozenset(run(session, allergies, bound).scalars()),
        allergies_text=allergies_text,
    )


@cache
def _patient_statements() -> tuple[Select, Select]:
    p, patient_id = Patient, bindparam("patient_id")
    head = select(
        p.birth_date, p.pregnant, p.breastfeeding, p.planning_conception, p.allergies
    ).where(p.id == patient_id, p.deleted_at.is_(None))
    allergies = select(patient_allergy.c.ingredient_id).where(
        patient_allergy.c.patient_id == patient_id
    )
    return head, allergies


def _lot_facts(
    session: Session, draft: SessionDraft, returned: Mapping[int, float]
) -> dict[int, LotFacts]:
    """Facts of the lots named (unknown ones the rules refuse); the earlier version's uses
    count as given back, so re-saving a draft that emptied a lot does not warn about it."""
    ids = list({use.lot_id for use in draft.lots})
    if not ids:
        return {}
    return {
        lot_id: LotFacts(number, product, expiry, left + returned.get(lot_id, 0.0))
        for lot_id, number, product, expiry, left in run(session, _lots_statement(), {"ids": ids})
    }


@cache
def _lots_statement() -> Select:
    return select(
        Lot.id, Lot.lot_number, Lot.product_name, Lot.expiry_date, Lot.quantity_left
    ).where(Lot.id.in_(bindparam("ids", expanding=True)))


def _ingredients(session: Session, recipe_id: int | None) -> tuple[IngredientFacts, ...]:
    if recipe_id is None:
        return ()
    bound = {"recipe_id": recipe_id}
    return tuple(IngredientFacts(*row) for row in run(session, _ingredients_statement(), bound))


@cache
def _ingredients_statement() -> Select:
    return (
        select(Ingredient.id, Ingredient.name, Ingredient.pregnancy_contraindicated)
        .join(RecipeItem, RecipeItem.ingredient_id == Ingredient.id)
        .where(RecipeItem.recipe_id == bindparam("recipe_id"))
        .order_by(RecipeItem.position)
    )

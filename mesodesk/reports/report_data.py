"""Everything a printed document needs, read once from the services into frozen plain data.

The builders take only these records, never a service or an ORM object: they run on a worker
thread after the read has finished, and tests can lay out any document from hand-made data
without a database. Texts here are raw user input; the builders escape them for layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from mesodesk.domain.enums import CourseStatus, PaperSize, PhotoView, SessionStatus
from mesodesk.services import Services
from mesodesk.services.assessment_views import AssessmentView
from mesodesk.services.courses import CourseView
from mesodesk.services.session_views import SessionView, chain_ids, session_views


@dataclass(frozen=True)
class ClinicInfo:
    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    logo_png: bytes | None = None
    paper_size: PaperSize = PaperSize.A4

    @property
    def contact(self) -> str:
        return "  ·  ".join(p for p in (self.phone, self.email, self.website) if p)


@dataclass(frozen=True)
class PatientInfo:
    id: int
    record_number: str
    family_name: str
    given_names: str
    birth_date: date | None
    sex: str
    allergies: str = ""
    flags: tuple[str, ...] = ()

    @property
    def display_name(self) -> str:
        """ "Family, Given": how records are filed."""
        return f"{self.family_name}, {self.given_names}"

    @property
    def full_name(self) -> str:
        """ "Given Family": how a letter addresses the patient."""
        return f"{self.given_names} {self.family_name}".strip()


@dataclass(frozen=True)
class AssessmentInfo:
    assessed_on: date
    diagnosis: str
    stages: str  # "Norwood-Hamilton III, SALT S1 (12 %)"
    trichoscopy: str
    condition: str = ""
    contributors: str = ""
    pull_test: str = ""
    practitioner: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MixtureInfo:
    name: str
    total_volume_ml: float
    ingredients: tuple[str, ...]  # "Biotin 0.5 mg/mL"
    lots: tuple[str, ...]  # every lot used with this mixture, as printed on a recall


@dataclass(frozen=True)
class SessionInfo:
    performed_at: datetime
    practitioner: str
    mixture: str
    volume_ml: float
    needle: str
    technique: str
    zones: tuple[str, ...]  # "Vertex (crown) 1.5 mm"
    lots: tuple[str, ...]  # "Biotin 5 mL vial BT-2291": product and lot number
    lot_numbers: tuple[str, ...] = ()  # the mixtures section names the products
    reactions: str = ""
    adverse_events: tuple[str, ...] = ()
    signed: bool = True
    amendment: str = ""  # non-empty when this version corrects an earlier one


@dataclass(frozen=True)
class CourseInfo:
    protocol: str
    start_date: date
    status: str
    done: int
    planned: int
    next_due: date | None


@dataclass(frozen=True)
class OutcomePoint:
    label: str  # checkpoint and date
    measured_on: date
    density_change_pct: float | None
    diameter_change_pct: float | None
    global_assessment: int | None
    satisfaction: int | None


@dataclass(frozen=True)
class PhotoPair:
    """One standard view before and after, as print copies (never the originals)."""

    view_label: str
    before_path: Path
    after_path: Path
    before_date: date | None
    after_date: date | None


@dataclass(frozen=True)
class ReportData:
    clinic: ClinicInfo
    patient: PatientInfo
    printed_on: date
    assessments: tuple[AssessmentInfo, ...] = ()
    course: CourseInfo | None = None
    mixtures: tuple[MixtureInfo, ...] = ()
    sessions: tuple[SessionInfo, ...] = ()  # oldest first
    outcomes: tuple[OutcomePoint, ...] = ()
    photo_pairs: tuple[PhotoPair, ...] = ()

    @property
    def latest_session(self) -> SessionInfo | None:
        return self.sessions[-1] if self.sessions else None

    @property
    def next_appointment(self) -> date | None:
        return self.course.next_due if self.course else None


def collect(services: Services, patient_id: int, *, today: date | None = None) -> ReportData:
    """Read one patient's documents' data in a few short reads (a missing patient: NotFound)."""
    day = today or date.today()
    detail = services.patients.get(patient_id)
    settings = services.clinic.settings()
    draft = detail.draft
    allergies = detail.allergy_summary
    patient = PatientInfo(
        detail.id,
        detail.record_number,
        draft.family_name,
        draft.given_names,
        draft.birth_date,
        draft.sex.label,
        allergies,
        detail.flags,
    )
    clinic = ClinicInfo(
        settings.name,
        settings.address,
        settings.phone,
        settings.email,
        settings.website,
        settings.logo_png,
        settings.paper_size,
    )
    views, earlier = _session_views(services, patient_id)
    return ReportData(
        clinic=clinic,
        patient=patient,
        printed_on=day,
        assessments=tuple(_assessment(a) for a in services.assessments.history(patient_id)),
        course=_course(services, patient_id, day),
        mixtures=_mixtures(services, views),
        sessions=tuple(_session(v, earlier) for v in views),
        outcomes=tuple(
            OutcomePoint(
                f"{o.checkpoint.label}\n{o.measured_on:%d.%m.%Y}",
                o.measured_on,
                o.density_change_pct,
                o.diameter_change_pct,
                o.global_assessment,
                o.satisfaction,
            )
            for o in services.outcomes.for_patient(patient_id)
        ),
        photo_pairs=photo_pairs(services, patient_id),
    )


def _session_views(
    services: Services, patient_id: int
) -> tuple[list[SessionView], dict[int, SessionView]]:
    """Current versions oldest first, and the versions amended ones replace (by id)."""
    rows = services.sessions.for_patient(patient_id)
    with services.store.reading() as session:
        visible = services.actor.sees_clinical_notes
        found = session_views(session, [r.id for r in rows], notes_visible=visible)
        current = [found[r.id] for r in reversed(rows) if r.id in found]
        older_ids = [
            i for v in current if v.amends_id is not None for i in chain_ids(session, v.id)
        ]
        earlier = session_views(session, older_ids, notes_visible=visible)
    return current, earlier


def _session(view: SessionView, earlier: dict[int, SessionView]) -> SessionInfo:
    amendment = ""
    if view.amends_id is not None:
        old = earlier.get(view.amends_id)
        when = f" signed {old.signed_at:%d.%m.%Y}" if old and old.signed_at else ""
        reason = view.amendment_reason.strip() or "no reason given"
        amendment = f"Amended: replaces the version{when} ({reason})"
    events = tuple(
        f"{e.label} ({e.grade.label.lower()}, {e.onset_on:%d.%m.%Y})"
        + (f": {e.description}" if e.description.strip() else "")
        + (f" — resolved {e.resolved_on:%d.%m.%Y}" if e.resolved_on else "")
        for e in view.adverse_events
    )
    return SessionInfo(
        performed_at=view.performed_at,
        practitioner=view.practitioner_name,
        mixture=view.recipe_name,
        volume_ml=view.volume_ml,
        needle=view.needle,
        technique=view.technique_label,
        zones=tuple(z.summary for z in view.zones),
        lots=tuple(f"{lot.product_name} {lot.lot_number}" for lot in view.lots),
        lot_numbers=tuple(lot.lot_number for lot in view.lots),
        reactions=view.immediate_reactions,
        adverse_events=events,
        signed=view.status is SessionStatus.SIGNED,
        amendment=amendment,
    )


def _mixtures(services: Services, views: list[SessionView]) -> tuple[MixtureInfo, ...]:
    lots_by_recipe: dict[int, dict[str, None]] = {}
    for view in views:
        if view.recipe_id is not None:
            used = lots_by_recipe.setdefault(view.recipe_id, {})
            used.update(dict.fromkeys(lot.label for lot in view.lots))
    mixtures = []
    for recipe_id, lots in lots_by_recipe.items():
        recipe = services.mixtures.get_recipe(recipe_id)
        mixtures.append(
            MixtureInfo(
                recipe.name,
                recipe.total_volume_ml,
                tuple(item.text for item in recipe.items),
                tuple(lots),
            )
        )
    return tuple(mixtures)


def _course(services: Services, patient_id: int, day: date) -> CourseInfo | None:
    course: CourseView | None = services.courses.active_course(patient_id, today=day)
    if course is None:
        courses = services.courses.for_patient(patient_id, today=day)
        course = max(courses, key=lambda c: c.start_date) if courses else None
    if course is None:
        return None
    next_visit = course.next_visit
    active = course.status is CourseStatus.ACTIVE
    return CourseInfo(
        course.protocol_name,
        course.start_date,
        course.status.label,
        sum(v.session_id is not None for v in course.visits),
        len(course.visits),
        next_visit.due_date if next_visit and active else None,
    )


def _assessment(view: AssessmentView) -> AssessmentInfo:
    return AssessmentInfo(
        assessed_on=view.assessed_on,
        diagnosis=view.diagnosis_label,
        stages=view.stages_text,
        trichoscopy=view.trichoscopy_text,
        condition=view.condition_text,
        contributors=view.contributors_text,
        pull_test=view.pull_test_text,
        practitioner=view.practitioner_name,
        notes=view.notes,
    )


def photo_pairs(services: Services, patient_id: int) -> tuple[PhotoPair, ...]:
    """Per standard view, the first photo against the latest, as print copies.

    Trichoscopy close-ups are left out: they pair by site and magnification, not by view.
    A patient without photo consent gets no photographs printed.
    """
    if not services.patients.get(patient_id).draft.consent_photos:
        return ()
    by_view: dict[PhotoView, list] = {}
    for photo in services.photos.photos_for(patient_id):
        if photo.view is not PhotoView.TRICHOSCOPY:
            by_view.setdefault(photo.view, []).append(photo)
    pairs = []
    for view in PhotoView:
        shots = sorted(by_view.get(view, []), key=lambda p: (p.taken_at is None, p.taken_at, p.id))
        if len(shots) < 2:
            continue
        first, last = shots[0], shots[-1]
        pairs.append(
            PhotoPair(
                view.label,
                services.photos.print_copy_path(first.id),
                services.photos.print_copy_path(last.id),
                first.taken_at.date() if first.taken_at else None,
                last.taken_at.date() if last.taken_at else None,
            )
        )
    return tuple(pairs)

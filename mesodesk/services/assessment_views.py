"""What the chart, the summary report and the edit form read about assessments: plain data.

Any number of assessments is read with three Core selects (assessments, stages, trichoscopy).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import Row, Select, bindparam, select
from sqlalchemy.orm import Session

from mesodesk.db.models import Assessment, AssessmentStage, TrichoscopyMeasurement, User
from mesodesk.domain.drafts import AssessmentDraft, SaltRegions, StageEntry, TrichoscopyEntry
from mesodesk.domain.enums import Contributor, Diagnosis, Severity, StagingScale
from mesodesk.domain.salt import salt_grade
from mesodesk.services.statements import run

CONDITION = ("erythema", "scaling", "itch", "pain", "follicular_inflammation")
TRICHO_FIELDS = (
    "density_per_cm2",
    "mean_diameter_um",
    "terminal_pct",
    "vellus_pct",
    "single_hair_unit_pct",
    "anagen_pct",
    "telogen_pct",
)
_ASSESSMENT_COLUMNS = (
    "id",
    "version",
    "patient_id",
    "practitioner_id",
    "assessed_on",
    "diagnosis",
    "diagnosis_other",
    "contributors",
    "contributors_other",
    "salt_vertex",
    "salt_posterior",
    "salt_right",
    "salt_left",
    "salt_score",
    "pull_test_pulled",
    "pull_test_extracted",
    *CONDITION,
    "notes",
)
PULL_TEST_POSITIVE_ABOVE = 0.10  # share of pulled hairs that come out


@dataclass(frozen=True)
class AssessmentView:
    """One assessment as the chart, the summary report and the edit form need it."""

    id: int
    patient_id: int
    assessed_on: date
    diagnosis: Diagnosis
    diagnosis_other: str
    contributors: tuple[Contributor, ...]
    contributors_other: str
    stages: tuple[StageEntry, ...]
    salt: SaltRegions | None
    salt_score: float | None
    trichoscopy: tuple[TrichoscopyEntry, ...]
    pull_test_pulled: int | None
    pull_test_extracted: int | None
    erythema: Severity
    scaling: Severity
    itch: Severity
    pain: Severity
    follicular_inflammation: Severity
    notes: str
    practitioner_id: int | None
    practitioner_name: str
    version: int = 1  # what the edit form hands back on save (see services.concurrency)

    @property
    def diagnosis_label(self) -> str:
        other = self.diagnosis_other.strip()
        if self.diagnosis is Diagnosis.OTHER and other:
            return other
        return f"{self.diagnosis.label} ({other})" if other else self.diagnosis.label

    @property
    def contributors_text(self) -> str:
        names = [c.label for c in self.contributors if c is not Contributor.OTHER]
        if self.contributors_other.strip():
            names.append(self.contributors_other.strip())
        elif Contributor.OTHER in self.contributors:
            names.append(Contributor.OTHER.label)
        return ", ".join(names)

    @property
    def salt_grade(self) -> str | None:
        return None if self.salt_score is None else salt_grade(self.salt_score)

    def stage(self, scale: StagingScale) -> str | None:
        return next((s.stage for s in self.stages if s.scale is scale), None)

    @property
    def stages_text(self) -> str:
        parts = []
        for entry in self.stages:
            text = f"{entry.scale.label} {entry.stage}"
            if entry.scale is StagingScale.SALT and self.salt_score is not None:
                text += f" ({self.salt_score:g} %)"
            parts.append(text)
        return ", ".join(parts)

    @property
    def pull_test_share(self) -> float | None:
        if not self.pull_test_pulled or self.pull_test_extracted is None:
            return None
        return self.pull_test_extracted / self.pull_test_pulled

    @property
    def pull_test_positive(self) -> bool | None:
        """Positive above 10 % of the pulled hairs; None when no pull test was done."""
        share = self.pull_test_share
        return None if share is None else share > PULL_TEST_POSITIVE_ABOVE

    @property
    def pull_test_text(self) -> str:
        if self.pull_test_positive is None:
            return ""
        verdict = "positive" if self.pull_test_positive else "negative"
        return f"{self.pull_test_extracted}/{self.pull_test_pulled} ({verdict})"

    @property
    def trichoscopy_text(self) -> str:
        parts = []
        for entry in self.trichoscopy:
            figures = []
            if entry.density_per_cm2 is not None:
                figures.append(f"{entry.density_per_cm2:g}/cm²")
            if entry.mean_diameter_um is not None:
                figures.append(f"{entry.mean_diameter_um:g} µm")
            site = entry.site_other.strip() or entry.site.label
            parts.append(f"{site} {' '.join(figures)}".strip())
        return "; ".join(parts)

    @property
    def condition_text(self) -> str:
        """Scalp signs present, e.g. "Erythema mild, Itch moderate"."""
        signs = []
        for key in CONDITION:
            severity: Severity = getattr(self, key)
            if severity is not Severity.NONE:
                signs.append(f"{key.replace('_', ' ').capitalize()} {severity.label.lower()}")
        return ", ".join(signs)

    def as_draft(self) -> AssessmentDraft:
        """The form's input record, to edit this assessment."""
        return AssessmentDraft(
            patient_id=self.patient_id,
            assessed_on=self.assessed_on,
            diagnosis=self.diagnosis,
            diagnosis_other=self.diagnosis_other,
            contributors=self.contributors,
            contributors_other=self.contributors_other,
            stages=self.stages,
            salt=self.salt,
            trichoscopy=self.trichoscopy,
            pull_test_pulled=self.pull_test_pulled,
            pull_test_extracted=self.pull_test_extracted,
            **{key: getattr(self, key) for key in CONDITION},
            notes=self.notes,
            practitioner_id=self.practitioner_id,
        )


def assessment_views(
    session: Session, ids: list[int], *, notes_visible: bool
) -> list[AssessmentView]:
    """Three Core selects for any number of assessments, in the order of `ids`."""
    if not ids:
        return []
    rows = run(session, _view_statements()[0], {"ids": ids}).all()
    views = {view.id: view for view in _views(session, rows, notes_visible)}
    return [views[i] for i in ids if i in views]


def patient_assessment_views(
    session: Session, patient_id: int, *, notes_visible: bool
) -> list[AssessmentView]:
    """A patient's live assessments, newest first: three Core selects."""
    by_patient = _view_statements()[1]
    rows = run(session, by_patient, {"patient_id": patient_id}).all()
    return _views(session, rows, notes_visible)


def _views(session: Session, rows: list[Row], notes_visible: bool) -> list[AssessmentView]:
    """The views of assessment rows, in their order, with their stages and trichoscopy."""
    if not rows:
        return []
    _heads, _by_patient, stage_rows, tricho_rows = _view_statements()
    bound = {"ids": [row.id for row in rows]}
    stages: dict[int, list[StageEntry]] = defaultdict(list)
    for assessment_id, scale, stage in run(session, stage_rows, bound).all():
        stages[assessment_id].append(StageEntry(scale, stage))
    tricho: dict[int, list[TrichoscopyEntry]] = defaultdict(list)
    for row in run(session, tricho_rows, bound).all():
        values = {name: getattr(row, name) for name in TRICHO_FIELDS}
        tricho[row.assessment_id].append(
            TrichoscopyEntry(site=row.site, site_other=row.site_other, **values)
        )
    return [_view(row, stages[row.id], tricho[row.id], notes_visible) for row in rows]


@cache
def _view_statements() -> tuple[Select, Select, Select, Select]:
    """Assessments by an expanding `ids` or by `patient_id` (newest first), then the
    stages and trichoscopy rows of an expanding `ids`."""
    a, t = Assessment, TrichoscopyMeasurement
    ids = bindparam("ids", expanding=True)
    columns = select(*(getattr(a, name) for name in _ASSESSMENT_COLUMNS), User.display_name)
    live = columns.outerjoin(User, User.id == a.practitioner_id).where(a.deleted_at.is_(None))
    heads = live.where(a.id.in_(ids))
    by_patient = live.where(a.patient_id == bindparam("patient_id")).order_by(
        a.assessed_on.desc(), a.id.desc()
    )
    stages = (
        select(AssessmentStage.assessment_id, AssessmentStage.scale, AssessmentStage.stage)
        .where(AssessmentStage.assessment_id.in_(ids))
        .order_by(AssessmentStage.id)
    )
    tricho = (
        select(t.assessment_id, t.site, t.site_other, *(getattr(t, n) for n in TRICHO_FIELDS))
        .where(t.assessment_id.in_(ids))
        .order_by(t.id)
    )
    return heads, by_patient, stages, tricho


def _view(
    row: Row,
    stages: list[StageEntry],
    trichoscopy: list[TrichoscopyEntry],
    notes_visible: bool,
) -> AssessmentView:
    salt = None
    if row.salt_score is not None:
        salt = SaltRegions(
            row.salt_vertex or 0.0,
            row.salt_posterior or 0.0,
            row.salt_right or 0.0,
            row.salt_left or 0.0,
        )
    return AssessmentView(
        id=row.id,
        patient_id=row.patient_id,
        assessed_on=row.assessed_on,
        diagnosis=row.diagnosis,
        diagnosis_other=row.diagnosis_other,
        contributors=tuple(Contributor(c) for c in row.contributors or ()),
        contributors_other=row.contributors_other,
        stages=tuple(stages),
        salt=salt,
        salt_score=row.salt_score,
        trichoscopy=tuple(trichoscopy),
        pull_test_pulled=row.pull_test_pulled,
        pull_test_extracted=row.pull_test_extracted,
        **{key: getattr(row, key) for key in CONDITION},
        notes=row.notes if notes_visible else "",
        practitioner_id=row.practitioner_id,
        practitioner_name=row.display_name or "",
        version=row.version,
    )

"""What a form or the command line hands to a service: plain, immutable input records.

A draft is not yet valid: `mesodesk.domain.rules` checks it and the service stores it.
Free-text fields are stripped by the services; optional numbers are None when not measured.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mesodesk.domain.enums import (
    AdverseEventType,
    Anaesthesia,
    Checkpoint,
    ConcentrationUnit,
    Contributor,
    Diagnosis,
    Grade,
    IngredientClass,
    PhotoView,
    ScalpZone,
    Severity,
    Sex,
    StagingScale,
    Technique,
    TrichoscopySite,
)


@dataclass(frozen=True)
class MedicalHistory:
    """Conditions that matter for mesotherapy; True means present/reported."""

    anticoagulants: bool = False
    diabetes: bool = False
    immune_disease: bool = False
    cancer: bool = False
    pregnant: bool = False
    breastfeeding: bool = False
    planning_conception: bool = False
    active_scalp_infection: bool = False
    herpes: bool = False
    keloid_tendency: bool = False
    notes: str = ""


@dataclass(frozen=True)
class HairLossTreatments:
    """Treatments the patient is on, or has had (transplant)."""

    minoxidil: bool = False
    finasteride: bool = False
    dutasteride: bool = False
    prp: bool = False
    transplant: bool = False
    other: str = ""


@dataclass(frozen=True)
class PatientDraft:
    family_name: str
    given_names: str
    birth_date: date | None
    sex: Sex = Sex.UNKNOWN
    record_number: str | None = None  # None: the service assigns the next number
    phone: str = ""
    email: str = ""
    address: str = ""
    history: MedicalHistory = field(default_factory=MedicalHistory)
    treatments: HairLossTreatments = field(default_factory=HairLossTreatments)
    allergies: str = ""  # free text
    allergy_ingredient_ids: tuple[int, ...] = ()  # links into the ingredient library
    consent_treatment: bool = False
    consent_photos: bool = False
    notes: str = ""


@dataclass(frozen=True)
class StageEntry:
    scale: StagingScale
    stage: str


@dataclass(frozen=True)
class SaltRegions:
    """Percent of hair lost in each SALT region (each 0–100)."""

    vertex: float
    posterior: float
    right: float
    left: float


@dataclass(frozen=True)
class TrichoscopyEntry:
    site: TrichoscopySite
    density_per_cm2: float | None = None
    mean_diameter_um: float | None = None
    terminal_pct: float | None = None
    vellus_pct: float | None = None
    single_hair_unit_pct: float | None = None
    anagen_pct: float | None = None
    telogen_pct: float | None = None
    site_other: str = ""


@dataclass(frozen=True)
class AssessmentDraft:
    patient_id: int
    assessed_on: date
    diagnosis: Diagnosis
    diagnosis_other: str = ""
    contributors: tuple[Contributor, ...] = ()
    contributors_other: str = ""
    stages: tuple[StageEntry, ...] = ()
    salt: SaltRegions | None = None
    trichoscopy: tuple[TrichoscopyEntry, ...] = ()
    pull_test_pulled: int | None = None
    pull_test_extracted: int | None = None
    erythema: Severity = Severity.NONE
    scaling: Severity = Severity.NONE
    itch: Severity = Severity.NONE
    pain: Severity = Severity.NONE
    follicular_inflammation: Severity = Severity.NONE
    notes: str = ""
    practitioner_id: int | None = None


@dataclass(frozen=True)
class IngredientDraft:
    name: str
    ingredient_class: IngredientClass
    default_concentration: float | None = None
    unit: ConcentrationUnit = ConcentrationUnit.MG_PER_ML
    pregnancy_contraindicated: bool = False  # e.g. dutasteride: hard stop in pregnancy
    notes: str = ""


@dataclass(frozen=True)
class RecipeItemDraft:
    ingredient_id: int
    concentration: float
    unit: ConcentrationUnit


@dataclass(frozen=True)
class RecipeDraft:
    name: str
    total_volume_ml: float
    items: tuple[RecipeItemDraft, ...]
    is_template: bool = True
    patient_id: int | None = None  # set for a per-patient variant
    based_on_id: int | None = None  # the template a variant was copied from
    notes: str = ""


@dataclass(frozen=True)
class LotDraft:
    product_name: str
    lot_number: str
    expiry_date: date
    quantity_received: float
    unit: str = "vials"
    ingredient_id: int | None = None
    supplier: str = ""
    received_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class CoursePlanDraft:
    patient_id: int
    protocol_key: str  # a key of mesodesk.domain.protocols.PROTOCOLS
    start_date: date
    notes: str = ""


@dataclass(frozen=True)
class ZoneEntry:
    zone: ScalpZone
    depth_mm: float
    volume_ml: float | None = None
    points: int | None = None
    spacing_cm: float | None = None


@dataclass(frozen=True)
class LotUse:
    lot_id: int
    quantity: float = 1.0


@dataclass(frozen=True)
class AdverseEventDraft:
    event_type: AdverseEventType
    grade: Grade
    onset_on: date
    description: str = ""
    action_taken: str = ""
    resolved_on: date | None = None


@dataclass(frozen=True)
class SessionDraft:
    patient_id: int
    performed_at: datetime
    practitioner_id: int
    recipe_id: int | None
    volume_ml: float
    needle_gauge: int
    needle_length_mm: float
    technique: Technique
    zones: tuple[ZoneEntry, ...]
    lots: tuple[LotUse, ...] = ()
    technique_other: str = ""
    anaesthesia: Anaesthesia = Anaesthesia.NONE
    pain_score: int | None = None
    immediate_reactions: str = ""
    no_adverse_events: bool = False  # "none" recorded explicitly
    adverse_events: tuple[AdverseEventDraft, ...] = ()
    notes: str = ""
    course_id: int | None = None
    planned_session_id: int | None = None


@dataclass(frozen=True)
class OutcomeDraft:
    patient_id: int
    measured_on: date
    checkpoint: Checkpoint
    density_change_pct: float | None = None
    diameter_change_pct: float | None = None
    global_assessment: int | None = None  # −3 … +3
    satisfaction: int | None = None  # 0 … 10
    notes: str = ""
    course_id: int | None = None


@dataclass(frozen=True)
class PhotoDraft:
    """A photo record's metadata; the bytes are handled by the photo vault."""

    patient_id: int
    view: PhotoView
    sha256: str
    width: int
    height: int
    taken_at: datetime | None = None
    session_id: int | None = None
    original_name: str = ""
    trichoscopy_site: str = ""
    magnification: int | None = None

"""The clinical vocabulary of MesoDesk: every pick-list, as string enums.

Values are stable identifiers stored in the database; `label` is what a clinician reads.
Lists that differ between clinics have an OTHER member paired with a free-text field.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label (defaults to a tidied value)."""

    @property
    def label(self) -> str:
        # Keyed by class too: members of different enums with the same value are equal strings.
        return _LABELS.get((type(self), self.value), self.value.replace("_", " ").capitalize())

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.value, member.label) for member in cls]


class Sex(LabelledEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Role(LabelledEnum):
    PRACTITIONER = "practitioner"
    FRONT_DESK = "front_desk"
    ADMINISTRATOR = "administrator"


class Diagnosis(LabelledEnum):
    AGA_MALE = "aga_male"
    AGA_FEMALE = "aga_female"
    TELOGEN_EFFLUVIUM = "telogen_effluvium"
    ALOPECIA_AREATA = "alopecia_areata"
    TRACTION = "traction"
    SCARRING = "scarring"
    MIXED = "mixed"
    OTHER = "other"


class Contributor(LabelledEnum):
    STRESS = "stress"
    ALLERGY = "allergy"
    SCALP_INFLAMMATION = "scalp_inflammation"
    HORMONAL = "hormonal"
    NUTRITIONAL = "nutritional"
    POST_ILLNESS = "post_illness"
    MEDICATION = "medication"
    OTHER = "other"


class StagingScale(LabelledEnum):
    NORWOOD_HAMILTON = "norwood_hamilton"
    LUDWIG = "ludwig"
    SINCLAIR = "sinclair"
    SAVIN = "savin"
    OLSEN = "olsen"
    BASP = "basp"
    SALT = "salt"

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages a clinician may pick for this scale, in order."""
        return SCALE_STAGES[self]


SCALE_STAGES: dict[StagingScale, tuple[str, ...]] = {
    StagingScale.NORWOOD_HAMILTON: (
        "I",
        "II",
        "IIa",
        "III",
        "IIIa",
        "III-vertex",
        "IV",
        "IVa",
        "V",
        "Va",
        "VI",
        "VII",
    ),
    StagingScale.LUDWIG: ("I", "II", "III"),
    StagingScale.SINCLAIR: ("1", "2", "3", "4", "5"),
    StagingScale.SAVIN: (
        "I-1",
        "I-2",
        "I-3",
        "I-4",
        "II-1",
        "II-2",
        "III",
        "advanced",
        "frontal",
    ),
    StagingScale.OLSEN: ("1", "2", "3"),
    StagingScale.BASP: (
        "L",
        "M0",
        "M1",
        "M2",
        "M3",
        "C0",
        "C1",
        "C2",
        "C3",
        "U1",
        "U2",
        "U3",
        "F1",
        "F2",
        "F3",
        "V1",
        "V2",
        "V3",
    ),
    StagingScale.SALT: ("S0", "S1", "S2", "S3", "S4", "S5"),
}


class TrichoscopySite(LabelledEnum):
    FRONTAL = "frontal"
    VERTEX = "vertex"
    MID_SCALP = "mid_scalp"
    OCCIPITAL = "occipital"
    LEFT_TEMPORAL = "left_temporal"
    RIGHT_TEMPORAL = "right_temporal"
    OTHER = "other"


class Severity(LabelledEnum):
    """Intensity of a scalp sign at assessment."""

    NONE = "none"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


class IngredientClass(LabelledEnum):
    AMINO_ACID = "amino_acid"
    MINERAL = "mineral"
    VITAMIN = "vitamin"
    COENZYME = "coenzyme"
    NUCLEIC_ACID = "nucleic_acid"
    PEPTIDE = "peptide"
    PLANT_EXTRACT = "plant_extract"
    DRUG = "drug"
    VEHICLE = "vehicle"
    OTHER = "other"


class ConcentrationUnit(LabelledEnum):
    MG_PER_ML = "mg/mL"
    PERCENT = "%"
    IU_PER_ML = "IU/mL"
    MCG_PER_ML = "µg/mL"
    ML = "mL"


class Technique(LabelledEnum):
    NAPPAGE = "nappage"
    PAPULE = "papule"
    POINT_BY_POINT = "point_by_point"
    MESOGUN = "mesogun"
    MICRONEEDLING = "microneedling"
    OTHER = "other"


class Anaesthesia(LabelledEnum):
    NONE = "none"
    TOPICAL_CREAM = "topical_cream"
    COOLING = "cooling"
    LIDOCAINE_IN_MIXTURE = "lidocaine_in_mixture"
    OTHER = "other"


class ScalpZone(LabelledEnum):
    FRONTAL_HAIRLINE = "frontal_hairline"
    FRONTAL = "frontal"
    MID_SCALP = "mid_scalp"
    VERTEX = "vertex"
    LEFT_TEMPORAL = "left_temporal"
    RIGHT_TEMPORAL = "right_temporal"
    LEFT_PARIETAL = "left_parietal"
    RIGHT_PARIETAL = "right_parietal"
    OCCIPITAL = "occipital"


class AdverseEventType(LabelledEnum):
    PAIN = "pain"
    HEADACHE = "headache"
    BRUISING = "bruising"
    OEDEMA = "oedema"
    ITCHING = "itching"
    INFECTION = "infection"
    ALLERGIC_REACTION = "allergic_reaction"
    ABSCESS = "abscess"
    NECROSIS = "necrosis"
    PATCHY_ALOPECIA = "patchy_alopecia"
    OTHER = "other"


class Grade(LabelledEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


class SessionStatus(LabelledEnum):
    DRAFT = "draft"
    SIGNED = "signed"


class CourseStatus(LabelledEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    STOPPED = "stopped"


class CoursePhase(LabelledEnum):
    INDUCTION = "induction"
    CONSOLIDATION = "consolidation"
    MAINTENANCE = "maintenance"


class Checkpoint(LabelledEnum):
    BASELINE = "baseline"
    WEEK_12 = "week_12"
    WEEK_24 = "week_24"
    OTHER = "other"


class PlannedStatus(LabelledEnum):
    """Where a planned session stands on a given day (derived, never stored)."""

    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"
    MISSED = "missed"
    UPCOMING = "upcoming"


class PhotoView(LabelledEnum):
    FRONTAL = "frontal"
    VERTEX = "vertex"
    MIDLINE_PART = "midline_part"
    LEFT_TEMPORAL = "left_temporal"
    RIGHT_TEMPORAL = "right_temporal"
    OCCIPITAL = "occipital"
    TRICHOSCOPY = "trichoscopy"


class PaperSize(LabelledEnum):
    A4 = "a4"
    LETTER = "letter"


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    SIGN = "sign"
    AMEND = "amend"
    VIEW = "view"
    EXPORT = "export"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOCKED_OUT = "locked_out"  # too many failed sign-ins: the account waits
    LOGOUT = "logout"
    UNLOCK = "unlock"  # the idle lock lifted by the same user's password


_LABEL_LIST: tuple[tuple[StrEnum, str], ...] = (
    (Role.FRONT_DESK, "Front desk"),
    (AuditAction.LOGIN, "Signed in"),
    (AuditAction.LOGIN_FAILED, "Sign-in refused"),
    (AuditAction.LOCKED_OUT, "Locked out"),
    (AuditAction.LOGOUT, "Signed out"),
    (AuditAction.UNLOCK, "Unlocked"),
    (Diagnosis.AGA_MALE, "Androgenetic alopecia (male pattern)"),
    (Diagnosis.AGA_FEMALE, "Androgenetic alopecia (female pattern)"),
    (Diagnosis.TELOGEN_EFFLUVIUM, "Telogen effluvium (diffuse)"),
    (Diagnosis.ALOPECIA_AREATA, "Alopecia areata"),
    (Diagnosis.SCARRING, "Scarring (cicatricial) alopecia"),
    (Diagnosis.MIXED, "Mixed"),
    (Diagnosis.OTHER, "Other"),
    (Contributor.SCALP_INFLAMMATION, "Chronic scalp inflammation"),
    (StagingScale.NORWOOD_HAMILTON, "Norwood–Hamilton"),
    (StagingScale.LUDWIG, "Ludwig"),
    (StagingScale.SINCLAIR, "Sinclair"),
    (StagingScale.SAVIN, "Savin"),
    (StagingScale.OLSEN, "Olsen"),
    (StagingScale.BASP, "BASP"),
    (StagingScale.SALT, "SALT"),
    (TrichoscopySite.MID_SCALP, "Mid-scalp"),
    (IngredientClass.COENZYME, "Co-enzyme"),
    (IngredientClass.PLANT_EXTRACT, "Plant extract / isoflavone"),
    (Technique.PAPULE, "Papule / micropapule"),
    (Technique.POINT_BY_POINT, "Point-by-point"),
    (Technique.MESOGUN, "Mesogun / injector"),
    (Technique.MICRONEEDLING, "Microneedling adjunct"),
    (Anaesthesia.NONE, "None"),
    (Anaesthesia.TOPICAL_CREAM, "Topical anaesthetic cream"),
    (Anaesthesia.LIDOCAINE_IN_MIXTURE, "Lidocaine in the mixture"),
    (ScalpZone.MID_SCALP, "Mid-scalp"),
    (ScalpZone.VERTEX, "Vertex (crown)"),
    (AdverseEventType.BRUISING, "Bruising / haematoma"),
    (AdverseEventType.PATCHY_ALOPECIA, "Patchy alopecia at injection sites"),
    (Checkpoint.WEEK_12, "Week 12"),
    (Checkpoint.WEEK_24, "Week 24"),
    (PhotoView.MIDLINE_PART, "Midline part"),
    (ConcentrationUnit.MG_PER_ML, "mg/mL"),
    (ConcentrationUnit.PERCENT, "%"),
    (ConcentrationUnit.IU_PER_ML, "IU/mL"),
    (ConcentrationUnit.MCG_PER_ML, "µg/mL"),
    (ConcentrationUnit.ML, "mL"),
    (PaperSize.A4, "A4"),
    (PaperSize.LETTER, "US Letter"),
)
_LABELS = {(type(member), member.value): label for member, label in _LABEL_LIST}

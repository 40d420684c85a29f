"""Every table of MesoDesk; importing this package registers them all on `Base.metadata`."""

from mesodesk.db.models.assessment import Assessment, AssessmentStage, TrichoscopyMeasurement
from mesodesk.db.models.audit import AuditEntry
from mesodesk.db.models.clinic import Clinic, User
from mesodesk.db.models.course import CoursePlan, PlannedVisit
from mesodesk.db.models.mixture import Ingredient, Lot, Recipe, RecipeItem
from mesodesk.db.models.patient import Patient, patient_allergy
from mesodesk.db.models.record import Outcome, Photo
from mesodesk.db.models.treatment import AdverseEvent, SessionLot, SessionZone, TreatmentSession

__all__ = [
    "AdverseEvent",
    "Assessment",
    "AssessmentStage",
    "AuditEntry",
    "Clinic",
    "CoursePlan",
    "Ingredient",
    "Lot",
    "Outcome",
    "Patient",
    "Photo",
    "PlannedVisit",
    "Recipe",
    "RecipeItem",
    "SessionLot",
    "SessionZone",
    "TreatmentSession",
    "TrichoscopyMeasurement",
    "User",
    "patient_allergy",
]

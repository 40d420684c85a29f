"""Open data in the window: a patient's archive and FHIR bundle, CSV tables, the patient
import from another system, and the saved recall report of a lot."""

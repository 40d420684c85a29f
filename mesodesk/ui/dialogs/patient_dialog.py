"""Register or edit a patient, with the domain rules checked as the user types."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from mesodesk.domain.drafts import HairLossTreatments, MedicalHistory, PatientDraft
from mesodesk.domain.enums import Sex
from mesodesk.domain.rules import validate_patient
from mesodesk.domain.validation import Level, Problem
from mesodesk.services import Services
from mesodesk.services.patients import PatientDetail
from mesodesk.ui.dialogs.form_dialog import FormDialog
from mesodesk.ui.forms.ui_patient_dialog import Ui_PatientDialog
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum, select_enum

_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
_HISTORY = {
    "anticoagulants": "anticoagulantsCheck",
    "diabetes": "diabetesCheck",
    "immune_disease": "immuneDiseaseCheck",
    "cancer": "cancerCheck",
    "pregnant": "pregnantCheck",
    "breastfeeding": "breastfeedingCheck",
    "planning_conception": "planningConceptionCheck",
    "active_scalp_infection": "activeScalpInfectionCheck",
    "herpes": "herpesCheck",
    "keloid_tendency": "keloidTendencyCheck",
}
_TREATMENTS = {
    "minoxidil": "minoxidilCheck",
    "finasteride": "finasterideCheck",
    "dutasteride": "dutasterideCheck",
    "prp": "prpCheck",
    "transplant": "transplantCheck",
}


def parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


class PatientDialog(FormDialog):
    """`saved` carries the stored PatientDetail once the database has committed it."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        patient: PatientDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.ui = Ui_PatientDialog()
        self.ui.setupUi(self)
        self.services, self.patient = services, patient
        self.setWindowTitle("Edit patient" if patient else "New patient")
        fill_enum(self.ui.sexCombo, Sex)
        if patient is not None:
            self._load(patient)
        ui = self.ui
        self.setup_form(
            {
                "record_number": ui.recordNumberEdit,
                "family_name": ui.familyNameEdit,
                "given_names": ui.givenNamesEdit,
                "birth_date": ui.birthDateEdit,
                "phone": ui.phoneEdit,
                "email": ui.emailEdit,
                "notes": ui.notesEdit,
                "allergies": ui.allergiesEdit,
            },
            "patient",
        )
        ui.familyNameEdit.setFocus()

    # -- form <-> draft --------------------------------------------------------------------
    def _load(self, patient: PatientDetail) -> None:
        draft, ui = patient.draft, self.ui
        ui.recordNumberEdit.setText(patient.record_number)
        ui.familyNameEdit.setText(draft.family_name)
        ui.givenNamesEdit.setText(draft.given_names)
        ui.birthDateEdit.setText(draft.birth_date.isoformat() if draft.birth_date else "")
        select_enum(ui.sexCombo, draft.sex)
        ui.phoneEdit.setText(draft.phone)
        ui.emailEdit.setText(draft.email)
        ui.addressEdit.setPlainText(draft.address)
        for key, name in _HISTORY.items():
            self._check(name).setChecked(getattr(draft.history, key))
        ui.historyNotesEdit.setText(draft.history.notes)
        for key, name in _TREATMENTS.items():
            self._check(name).setChecked(getattr(draft.treatments, key))
        ui.otherTreatmentsEdit.setText(draft.treatments.other)
        ui.allergiesEdit.setText(draft.allergies)
        ui.consentTreatmentCheck.setChecked(draft.consent_treatment)
        ui.consentPhotosCheck.setChecked(draft.consent_photos)
        ui.notesEdit.setPlainText(draft.notes)

    def _check(self, name: str) -> QCheckBox:
        return getattr(self.ui, name)

    def draft(self) -> PatientDraft:
        ui = self.ui
        history = MedicalHistory(
            **{key: self._check(name).isChecked() for key, name in _HISTORY.items()},
            notes=ui.historyNotesEdit.text(),
        )
        treatments = HairLossTreatments(
            **{key: self._check(name).isChecked() for key, name in _TREATMENTS.items()},
            other=ui.otherTreatmentsEdit.text(),
        )
        return PatientDraft(
            family_name=ui.familyNameEdit.text(),
            given_names=ui.givenNamesEdit.text(),
            birth_date=parse_date(ui.birthDateEdit.text()),
            sex=current_enum(ui.sexCombo, Sex),
            record_number=ui.recordNumberEdit.text().strip() or None,
            phone=ui.phoneEdit.text(),
            email=ui.emailEdit.text(),
            address=ui.addressEdit.toPlainText(),
            history=history,
            treatments=treatments,
            allergies=ui.allergiesEdit.text(),
            allergy_ingredient_ids=self.patient.draft.allergy_ingredient_ids
            if self.patient
            else (),
            consent_treatment=ui.consentTreatmentCheck.isChecked(),
            consent_photos=ui.consentPhotosCheck.isChecked(),
            notes=ui.notesEdit.toPlainText(),
        )

    # -- validation and saving ------------------------------------------------------------
    def problems(self) -> list[Problem]:
        problems = list(validate_patient(self.draft(), today=date.today()))
        text = self.ui.birthDateEdit.text().strip()
        if text and parse_date(text) is None:
            problems = [p for p in problems if p.field != "birth_date"]
            problems.append(
                Problem(
                    "birth_date",
                    f"“{text}” is not a date: write it as 1984-03-27 or 27.03.1984.",
                    Level.ERROR,
                    "date_format",
                )
            )
        return problems

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        draft, patients, existing = self.draft(), self.services.patients, self.patient
        if existing is None:
            return lambda: patients.register(draft, acknowledge_warnings=acknowledged)
        return lambda: patients.update(
            existing.id, draft, expected_version=existing.version, acknowledge_warnings=acknowledged
        )

    def can_reload(self) -> bool:
        return self.patient is not None

    def reload_work(self) -> Callable[[], Any]:
        patients, patient_id = self.services.patients, self.patient.id  # type: ignore[union-attr]
        return lambda: patients.get(patient_id)

    def show_reloaded(self, record: Any) -> None:
        self.patient = record
        self._load(record)

"""Record a scalp assessment: diagnosis, scale and stage, SALT calculator, trichoscopy."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidgetItem, QWidget

from mesodesk.domain.drafts import AssessmentDraft, SaltRegions, StageEntry, TrichoscopyEntry
from mesodesk.domain.enums import Contributor, Diagnosis, Severity, StagingScale, TrichoscopySite
from mesodesk.domain.rules import validate_assessment
from mesodesk.domain.salt import salt_grade, salt_score
from mesodesk.domain.validation import Level, Problem
from mesodesk.services import Services
from mesodesk.services.patients import PatientDetail
from mesodesk.ui.dialogs.form_dialog import FormDialog
from mesodesk.ui.dialogs.patient_dialog import parse_date
from mesodesk.ui.forms.ui_assessment_dialog import Ui_AssessmentDialog
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum, select_enum

_CONTRIBUTORS = {
    Contributor.STRESS: "stressCheck",
    Contributor.ALLERGY: "allergyCheck",
    Contributor.SCALP_INFLAMMATION: "scalpInflammationCheck",
    Contributor.HORMONAL: "hormonalCheck",
    Contributor.NUTRITIONAL: "nutritionalCheck",
    Contributor.POST_ILLNESS: "postIllnessCheck",
    Contributor.MEDICATION: "medicationCheck",
    Contributor.OTHER: "otherContributorCheck",
}
_CONDITION = ("erythema", "scaling", "itch", "pain", "inflammation")
_TRICHO_COLUMNS = (
    ("density_per_cm2", "Density (hairs/cm²)"),
    ("mean_diameter_um", "Mean diameter (µm)"),
    ("terminal_pct", "Terminal %"),
    ("vellus_pct", "Vellus %"),
    ("single_hair_unit_pct", "Single-hair FU %"),
    ("anagen_pct", "Anagen %"),
    ("telogen_pct", "Telogen %"),
)
_TRICHO_SITES = (TrichoscopySite.FRONTAL, TrichoscopySite.OCCIPITAL, TrichoscopySite.VERTEX)
_DEFAULT_SCALE = {
    Diagnosis.AGA_MALE: StagingScale.NORWOOD_HAMILTON,
    Diagnosis.AGA_FEMALE: StagingScale.LUDWIG,
    Diagnosis.ALOPECIA_AREATA: StagingScale.SALT,
}


class AssessmentDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        patient: PatientDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.ui = ui = Ui_AssessmentDialog()
        ui.setupUi(self)
        self.services, self.patient = services, patient
        self.panel = None
        self.setWindowTitle(f"New assessment — {patient.display_name}")
        ui.patientLabel.setText(f"{patient.display_name}  ·  {patient.record_number}")
        ui.assessedOnEdit.setText(date.today().isoformat())
        fill_enum(ui.diagnosisCombo, Diagnosis)
        for combo in (ui.scaleCombo, ui.scale2Combo):
            fill_enum(combo, StagingScale, none_label="— none —")
        for name in _CONDITION:
            fill_enum(getattr(ui, f"{name}Combo"), Severity)
        self._setup_trichoscopy()
        ui.scaleCombo.currentIndexChanged.connect(
            lambda: self._fill_stages(ui.scaleCombo, ui.stageCombo)
        )
        ui.scale2Combo.currentIndexChanged.connect(
            lambda: self._fill_stages(ui.scale2Combo, ui.stage2Combo)
        )
        ui.diagnosisCombo.currentIndexChanged.connect(self._suggest_scale)
        self._suggest_scale()
        self.setup_form(
            {
                "assessed_on": ui.assessedOnEdit,
                "diagnosis_other": ui.diagnosisOtherEdit,
                "stages": ui.stageCombo,
                "salt": ui.saltGroup,
                "trichoscopy": ui.trichoscopyTable,
                "pull_test_pulled": ui.pulledSpin,
                "pull_test_extracted": ui.extractedSpin,
                "notes": ui.notesEdit,
            },
            "assessment",
        )
        ui.trichoscopyTable.itemChanged.connect(self._on_changed)

    def _setup_trichoscopy(self) -> None:
        table = self.ui.trichoscopyTable
        table.setColumnCount(len(_TRICHO_COLUMNS))
        table.setHorizontalHeaderLabels([label for _, label in _TRICHO_COLUMNS])
        table.setRowCount(len(_TRICHO_SITES))
        table.setVerticalHeaderLabels([site.label for site in _TRICHO_SITES])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row in range(len(_TRICHO_SITES)):
            for column in range(len(_TRICHO_COLUMNS)):
                table.setItem(row, column, QTableWidgetItem(""))
        table.setMaximumHeight(130)

    def _fill_stages(self, scale_combo: QComboBox, stage_combo: QComboBox) -> None:
        scale = current_enum(scale_combo, StagingScale)
        stage_combo.clear()
        if scale is not None:
            stage_combo.addItems(list(scale.stages))
        stage_combo.setEnabled(scale is not None)
        self.ui.saltGroup.setVisible(StagingScale.SALT in self._scales())
        if self.panel is not None:
            self._on_changed()

    def _scales(self) -> list[StagingScale]:
        scales = (current_enum(c, StagingScale) for c in (self.ui.scaleCombo, self.ui.scale2Combo))
        return [scale for scale in scales if scale is not None]

    def _suggest_scale(self) -> None:
        scale = _DEFAULT_SCALE.get(current_enum(self.ui.diagnosisCombo, Diagnosis))
        if scale is not None and self.ui.scaleCombo.currentData() is None:
            select_enum(self.ui.scaleCombo, scale)
        self._fill_stages(self.ui.scaleCombo, self.ui.stageCombo)

    # -- draft -----------------------------------------------------------------------------
    def draft(self) -> tuple[AssessmentDraft, list[Problem]]:
        ui, problems = self.ui, []
        assessed = parse_date(ui.assessedOnEdit.text())
        if assessed is None:
            problems.append(
                Problem(
                    "assessed_on",
                    f"“{ui.assessedOnEdit.text()}” is not a date.",
                    Level.ERROR,
                    "date_format",
                )
            )
        stages = []
        for scale_combo, stage_combo in (
            (ui.scaleCombo, ui.stageCombo),
            (ui.scale2Combo, ui.stage2Combo),
        ):
            scale = current_enum(scale_combo, StagingScale)
            if scale is not None and stage_combo.currentText():
                stages.append(StageEntry(scale, stage_combo.currentText()))
        salt = None
        if StagingScale.SALT in self._scales():
            salt = SaltRegions(
                ui.saltVertexSpin.value(),
                ui.saltPosteriorSpin.value(),
                ui.saltRightSpin.value(),
                ui.saltLeftSpin.value(),
            )
        tricho, tricho_problems = self._trichoscopy()
        pulled = ui.pulledSpin.value()
        draft = AssessmentDraft(
            patient_id=self.patient.id,
            assessed_on=assessed or date.today(),
            diagnosis=current_enum(ui.diagnosisCombo, Diagnosis),
            diagnosis_other=ui.diagnosisOtherEdit.text(),
            contributors=tuple(
                c for c, name in _CONTRIBUTORS.items() if getattr(ui, name).isChecked()
            ),
            contributors_other=ui.contributorsOtherEdit.text(),
            stages=tuple(stages),
            salt=salt,
            trichoscopy=tricho,
            pull_test_pulled=pulled or None,
            pull_test_extracted=ui.extractedSpin.value() if pulled else None,
            erythema=current_enum(ui.erythemaCombo, Severity),
            scaling=current_enum(ui.scalingCombo, Severity),
            itch=current_enum(ui.itchCombo, Severity),
            pain=current_enum(ui.painCombo, Severity),
            follicular_inflammation=current_enum(ui.inflammationCombo, Severity),
            notes=ui.notesEdit.toPlainText(),
        )
        return draft, problems + tricho_problems

    def _trichoscopy(self) -> tuple[tuple[TrichoscopyEntry, ...], list[Problem]]:
        table, entries, problems = self.ui.trichoscopyTable, [], []
        for row, site in enumerate(_TRICHO_SITES):
            values = {}
            for column, (field, label) in enumerate(_TRICHO_COLUMNS):
                text = table.item(row, column).text().strip().replace(",", ".")
                if not text:
                    continue
                try:
                    values[field] = float(text)
                except ValueError:
                    problems.append(
                        Problem(
                            f"trichoscopy[{len(entries)}].{field}",
                            f"{site.label}, {label}: “{text}” is not a number.",
                            Level.ERROR,
                            "number_format",
                        )
                    )
            if values:
                entries.append(TrichoscopyEntry(site=site, **values))
        return tuple(entries), problems

    # -- validation and saving -------------------------------------------------------------
    def problems(self) -> list[Problem]:
        draft, problems = self.draft()
        self._show_results(draft)
        return problems + validate_assessment(
            draft, today=date.today(), birth_date=self.patient.draft.birth_date
        )

    def _show_results(self, draft: AssessmentDraft) -> None:
        if draft.salt is not None:
            score = salt_score(draft.salt)
            self.ui.saltResultLabel.setText(f"<b>SALT {score:g}</b> → grade {salt_grade(score)}")
        pulled, extracted = draft.pull_test_pulled, draft.pull_test_extracted
        if pulled:
            share = (extracted or 0) / pulled
            verdict = "positive" if share > 0.10 else "negative"
            self.ui.pullResultLabel.setText(f"{share:.0%} extracted — {verdict}")
        else:
            self.ui.pullResultLabel.setText("")

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        draft, _ = self.draft()
        assessments = self.services.assessments
        return lambda: assessments.record(draft, acknowledge_warnings=acknowledged)

"""The treatment session form: mixture and lots, needle, technique and the scalp zone map.

The form checks the domain rules on every edit. It saves a draft, saves and signs, or (for a
signed session) saves an amendment that keeps the original.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHeaderView, QMessageBox, QWidget

from mesodesk.domain.drafts import SessionDraft
from mesodesk.domain.enums import Anaesthesia, Technique
from mesodesk.domain.rules import validate_for_signing, validate_session
from mesodesk.domain.safety import check_mixture_safety
from mesodesk.domain.validation import Level, Problem, ValidationError
from mesodesk.services import Services
from mesodesk.services.concurrency import StaleRecord
from mesodesk.services.session_context import SessionFormContext
from mesodesk.services.session_views import SessionView
from mesodesk.ui.dialogs.session_tables import AdverseTable, LotTable, ZoneTable
from mesodesk.ui.forms.ui_session_form import Ui_SessionForm
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum, select_enum
from mesodesk.ui.widgets.problem_panel import ProblemPanel
from mesodesk.ui.widgets.stale_record import offer_reload
from mesodesk.ui.widgets.unsaved import confirm_discard, watch_changes

NEEDLE_LENGTHS = ("4", "6", "13")


class Mode(Enum):
    NEW = "new"
    EDIT_DRAFT = "edit"
    AMEND = "amend"


class SessionForm(QDialog):
    """`saved` carries the stored session's id once the database has committed it."""

    saved = Signal(int)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        context: SessionFormContext,
        *,
        initial: SessionDraft | None = None,
        session_id: int | None = None,
        version: int | None = None,
        mode: Mode = Mode.NEW,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionForm()
        self.ui.setupUi(self)
        self.services, self.runner, self.context = services, runner, context
        self.mode, self.session_id = mode, session_id
        self.version = version  # of the stored session this form edits or amends
        self._saving = False
        self.dirty = False
        self._fill_choices()
        ui = self.ui
        self.zones = ZoneTable(ui.zoneTable, ui.scalpMap)
        self.lots = LotTable(ui.lotTable, ui.lotCombo, context.lots)
        self.adverse = AdverseTable(ui.adverseTable)
        patient = context.patient
        title = {
            Mode.NEW: "New session",
            Mode.EDIT_DRAFT: "Draft session",
            Mode.AMEND: "Amend signed session",
        }[mode]
        self.setWindowTitle(f"{title} — {patient.display_name}")
        ui.patientLabel.setText(f"{patient.display_name}  ·  {patient.record_number}")
        self.panel = ProblemPanel(
            ui.problemsLabel,
            ui.acknowledgeCheck,
            {
                "performed_at": ui.performedAtEdit,
                "practitioner_id": ui.practitionerCombo,
                "recipe_id": ui.recipeCombo,
                "volume_ml": ui.volumeSpin,
                "needle_gauge": ui.gaugeSpin,
                "needle_length_mm": ui.needleLengthCombo,
                "technique": ui.techniqueCombo,
                "technique_other": ui.techniqueOtherEdit,
                "pain_score": ui.painSpin,
                "zones": ui.zoneTable,
                "lots": ui.lotTable,
                "adverse_events": ui.adverseTable,
                "no_adverse_events": ui.noAdverseCheck,
                "notes": ui.notesEdit,
                "planned_session_id": ui.visitCombo,
            },
        )
        self._load(initial)
        ui.reasonEdit.setVisible(mode is Mode.AMEND)
        ui.saveDraftButton.setVisible(mode is not Mode.AMEND)
        ui.signButton.setText("Save &amendment" if mode is Mode.AMEND else "Save and &sign")
        # Signing (an amendment is signed too) needs a signed-in practitioner's account.
        self.sign_refusal = services.sessions.signing_refusal()
        ui.signButton.setToolTip(self.sign_refusal)
        for signal in (self.zones.changed, self.lots.changed, self.adverse.changed):
            signal.connect(self._on_changed)
        watch_changes(self, self._on_changed)
        ui.performedAtEdit.dateTimeChanged.connect(self._on_changed)
        ui.recipeCombo.currentIndexChanged.connect(self._show_recipe)
        ui.acknowledgeCheck.toggled.connect(self._update_buttons)
        ui.overrideEdit.textChanged.connect(self._update_buttons)
        ui.reasonEdit.textChanged.connect(self._update_buttons)
        ui.addLotButton.clicked.connect(self.lots.add_current)
        ui.removeLotButton.clicked.connect(self.lots.remove_current)
        ui.addAdverseButton.clicked.connect(self.adverse.add_row)
        ui.removeAdverseButton.clicked.connect(self.adverse.remove_current)
        ui.cancelButton.clicked.connect(self.reject)
        ui.saveDraftButton.clicked.connect(lambda: self._save(sign=False))
        ui.signButton.clicked.connect(lambda: self._save(sign=True))
        self._show_recipe()
        self._validate()
        self.dirty = False

    # -- filling the form ------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui, ctx = self.ui, self.context
        for choice in ctx.practitioners:
            ui.practitionerCombo.addItem(choice.label, choice.id)
        ui.visitCombo.addItem("— not part of a planned visit —", None)
        for visit in ctx.visits:
            ui.visitCombo.addItem(visit.label, visit.id)
        ui.recipeCombo.addItem("— choose a mixture —", None)
        for recipe in ctx.recipes:
            ui.recipeCombo.addItem(recipe.label, recipe.id)
        ui.needleLengthCombo.addItems([f"{n} mm" for n in NEEDLE_LENGTHS])
        fill_enum(ui.techniqueCombo, Technique)
        fill_enum(ui.anaesthesiaCombo, Anaesthesia)
        for combo in (ui.practitionerCombo, ui.visitCombo, ui.recipeCombo, ui.lotCombo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(28)
        ui.zoneTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.zoneTable.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        ui.lotTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.adverseTable.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _load(self, draft: SessionDraft | None) -> None:
        ui = self.ui
        if draft is None:
            ui.performedAtEdit.setDateTime(QDateTime.currentDateTime())
            ui.volumeSpin.setValue(3.0)
            ui.gaugeSpin.setValue(30)
            ui.needleLengthCombo.setCurrentText("4 mm")
            ui.painSpin.setValue(-1)
            if self.context.visits:
                ui.visitCombo.setCurrentIndex(1)
            variants = [r for r in self.context.recipes if not r.is_template]
            if variants:
                ui.recipeCombo.setCurrentIndex(ui.recipeCombo.findData(variants[0].id))
            return
        ui.performedAtEdit.setDateTime(QDateTime(draft.performed_at))
        ui.practitionerCombo.setCurrentIndex(ui.practitionerCombo.findData(draft.practitioner_id))
        ui.visitCombo.setCurrentIndex(max(0, ui.visitCombo.findData(draft.planned_session_id)))
        ui.recipeCombo.setCurrentIndex(max(0, ui.recipeCombo.findData(draft.recipe_id)))
        ui.volumeSpin.setValue(draft.volume_ml)
        ui.gaugeSpin.setValue(draft.needle_gauge)
        ui.needleLengthCombo.setCurrentText(f"{draft.needle_length_mm:g} mm")
        select_enum(ui.techniqueCombo, draft.technique)
        ui.techniqueOtherEdit.setText(draft.technique_other)
        select_enum(ui.anaesthesiaCombo, draft.anaesthesia)
        ui.painSpin.setValue(-1 if draft.pain_score is None else draft.pain_score)
        ui.reactionsEdit.setText(draft.immediate_reactions)
        ui.noAdverseCheck.setChecked(draft.no_adverse_events)
        ui.notesEdit.setPlainText(draft.notes)
        self.zones.load(draft.zones)
        self.lots.load(draft.lots)
        self.adverse.load(draft.adverse_events)

    def _show_recipe(self) -> None:
        recipe = self.context.recipe(self.ui.recipeCombo.currentData())
        self.ui.recipeSummaryLabel.setText(recipe.summary if recipe else "")
        if recipe and self.mode is Mode.NEW and not self.dirty:
            self.ui.volumeSpin.setValue(recipe.total_volume_ml)

    # -- draft and validation --------------------------------------------------------------
    def draft(self) -> tuple[SessionDraft, list[Problem]]:
        """The form as a draft, plus problems the draft cannot express (unreadable numbers)."""
        ui = self.ui
        length_text = ui.needleLengthCombo.currentText().replace("mm", "").strip()
        problems: list[Problem] = []
        try:
            length = float(length_text.replace(",", "."))
        except ValueError:
            length = 0.0
            problems.append(
                Problem(
                    "needle_length_mm",
                    f"Needle length “{length_text}” is not a number of millimetres.",
                    Level.ERROR,
                    "number_format",
                )
            )
        zones, zone_problems = self.zones.entries()
        adverse, adverse_problems = self.adverse.entries()
        pain = ui.painSpin.value()
        draft = SessionDraft(
            patient_id=self.context.patient.id,
            performed_at=ui.performedAtEdit.dateTime().toPython().astimezone(),
            practitioner_id=ui.practitionerCombo.currentData() or 0,
            recipe_id=ui.recipeCombo.currentData(),
            volume_ml=ui.volumeSpin.value(),
            needle_gauge=ui.gaugeSpin.value(),
            needle_length_mm=length,
            technique=current_enum(ui.techniqueCombo, Technique),
            technique_other=ui.techniqueOtherEdit.text(),
            anaesthesia=current_enum(ui.anaesthesiaCombo, Anaesthesia),
            zones=zones,
            lots=self.lots.entries(),
            pain_score=None if pain < 0 else pain,
            immediate_reactions=ui.reactionsEdit.text(),
            no_adverse_events=ui.noAdverseCheck.isChecked(),
            adverse_events=adverse,
            notes=ui.notesEdit.toPlainText(),
            planned_session_id=ui.visitCombo.currentData(),
            course_id=self._course_id(ui.visitCombo.currentData()),
        )
        return draft, problems + zone_problems + adverse_problems

    def _course_id(self, visit_id: int | None) -> int | None:
        return next((v.course_id for v in self.context.visits if v.id == visit_id), None)

    def problems(self, *, signing: bool) -> list[Problem]:
        draft, problems = self.draft()
        ctx = self.context
        problems += validate_session(
            draft,
            now=datetime.now().astimezone(),
            birth_date=ctx.patient.draft.birth_date,
            lots=ctx.lot_facts(),
        )
        recipe = ctx.recipe(draft.recipe_id)
        if recipe is not None:
            problems += check_mixture_safety(ctx.patient_facts, recipe.ingredients)
        if signing:
            problems += validate_for_signing(draft)
        if self.mode is Mode.AMEND and not self.ui.reasonEdit.text().strip():
            problems.append(
                Problem(
                    "amendment_reason",
                    "Say why the signed session is amended.",
                    Level.ERROR,
                    "reason_required",
                )
            )
        unique = {(p.field, p.code, p.message): p for p in problems}
        return list(unique.values())

    def _on_changed(self, *_args: object) -> None:
        self.dirty = True
        self._validate()

    def _validate(self) -> None:
        problems = self.problems(signing=True)
        self.panel.show(problems)
        labels, states = {}, {}
        for zone, depth in self.zones.depths().items():
            labels[zone] = f"{depth:g} mm" if depth is not None else ""
        for problem in problems:
            zone = self.zones.zone_for_field(problem.field)
            if zone is not None:
                states[zone] = "warning" if problem.level is Level.WARNING else "error"
        self.ui.scalpMap.set_labels(labels, states)
        self.ui.overrideEdit.setVisible(any(p.level is Level.OVERRIDE for p in problems))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        problems = self.panel.problems
        needs_override = any(p.level is Level.OVERRIDE for p in problems)
        override_ok = not needs_override or bool(self.ui.overrideEdit.text().strip())
        reason_ok = self.mode is not Mode.AMEND or bool(self.ui.reasonEdit.text().strip())
        ack = self.ui.acknowledgeCheck.isChecked()
        warned = any(p.level is Level.WARNING for p in problems)
        draft_errors = [p for p in self.problems(signing=False) if p.level is Level.ERROR]
        self.ui.saveDraftButton.setEnabled(
            not self._saving and not draft_errors and override_ok and (ack or not warned)
        )
        self.ui.signButton.setEnabled(
            not self._saving
            and not self.sign_refusal
            and self.panel.can_save
            and override_ok
            and reason_ok
        )
        self.ui.statusLabel.setText("Saving…" if self._saving else "")

    # -- saving ----------------------------------------------------------------------------
    def _save(self, *, sign: bool) -> None:
        draft, _ = self.draft()
        ack = self.ui.acknowledgeCheck.isChecked()
        override = self.ui.overrideEdit.text().strip()
        reason = self.ui.reasonEdit.text().strip()
        sessions, mode, session_id = self.services.sessions, self.mode, self.session_id
        kwargs = {"acknowledge_warnings": ack, "override_reason": override}
        expected = self.version

        def work() -> int:  # one transaction each: a refusal leaves nothing written
            if mode is Mode.AMEND:
                return sessions.amend(
                    session_id, draft, reason, expected_version=expected, **kwargs
                ).id
            if sign:
                return sessions.save_and_sign(
                    draft, session_id=session_id, expected_version=expected, **kwargs
                ).id
            if mode is Mode.EDIT_DRAFT:
                return sessions.update_draft(
                    session_id, draft, expected_version=expected, **kwargs
                ).id
            return sessions.record(draft, **kwargs).id

        self._saving = True
        self._update_buttons()
        self.runner.database(work, self._on_saved, self._on_save_failed)

    def _on_saved(self, session_id: int) -> None:
        self._saving = False
        self.dirty = False
        self.session_id = session_id
        self.saved.emit(session_id)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False  # nothing was written: the form still matches `self.version`
        if isinstance(error, ValidationError):
            self.panel.show(error.problems)
        elif isinstance(error, StaleRecord) and self.session_id is not None:
            self._offer_reload(error)
        else:
            QMessageBox.warning(self, "Session not saved", str(error))
        self._update_buttons()

    # -- another workstation saved first ---------------------------------------------------
    def _offer_reload(self, error: StaleRecord) -> None:
        offer_reload(self, "session", error, self._reload)

    def _reload(self) -> None:
        if self.session_id is not None:
            sessions, session_id = self.services.sessions, self.session_id
            self.runner.database(
                lambda: sessions.get(session_id),
                self.show_reloaded,
                lambda e: QMessageBox.warning(self, "Session not reloaded", str(e)),
                owner=self,
            )

    def show_reloaded(self, view: SessionView) -> None:
        """The session as stored now; a draft signed meanwhile can only be amended."""
        if self.mode is Mode.EDIT_DRAFT and view.is_signed:
            QMessageBox.information(
                self,
                "Session signed meanwhile",
                "This draft has been signed on another workstation. Open it from the chart "
                "and use Amend to correct it.",
            )
            self.dirty = False
            self.reject()
            return
        self._load(view.draft)
        self.version = view.version
        self.dirty = False
        self._validate()

    def reject(self) -> None:
        if self.dirty and not confirm_discard(self, "session"):
            return
        super().reject()

"""Recipes: templates on the left, the editor on the right; a variant shows how it differs.

Opened for a patient, the list also holds that patient's variants and a template can be copied
into a new variant. A recipe used in a session keeps its composition (the service refuses the
change); "Save as a new recipe" keeps the edit under a new name instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from html import escape

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from mesodesk.domain.drafts import RecipeDraft
from mesodesk.domain.rules import validate_recipe
from mesodesk.domain.validation import Problem, ValidationError
from mesodesk.services import Services
from mesodesk.services.concurrency import StaleRecord
from mesodesk.services.mixtures import (
    IngredientView,
    RecipeDifference,
    RecipeSummary,
    RecipeView,
)
from mesodesk.ui.forms.ui_recipe_library_dialog import Ui_RecipeLibraryDialog
from mesodesk.ui.library.common import (
    place_table,
    read_number,
    select_record,
    set_chip,
    tab_chain,
)
from mesodesk.ui.library.recipe_items import RecipeItemsTable
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.problem_panel import ProblemPanel
from mesodesk.ui.widgets.record_table import RecordTable
from mesodesk.ui.widgets.stale_record import offer_reload
from mesodesk.ui.widgets.unsaved import confirm_discard

KIND_COLUMN = 1


def _kind(recipe: RecipeSummary) -> str:
    return "Template" if recipe.is_template else "Variant"


class RecipeLibraryDialog(QDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        patient_id: int | None = None,
        patient_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_RecipeLibraryDialog()
        ui.setupUi(self)
        self.services, self.runner = services, runner
        self.patient_id, self.patient_name = patient_id, patient_name
        self.shown: RecipeView | None = None  # the stored recipe in the editor; None: a new one
        self.differences: list[RecipeDifference] = []
        self.dirty = self._filling = self._saving = False
        self._wanted: int | None = None
        self.list = RecordTable(
            [
                ("Name", lambda r: r.name),
                ("Kind", _kind),
                ("Volume", lambda r: f"{r.total_volume_ml:g} mL"),
                ("Items", lambda r: r.item_count),
            ],
            stretch=0,
            parent=self,
        )
        self.list.setColumnHidden(KIND_COLUMN, patient_id is None)
        place_table(self.list, ui.recipeTableLayout)
        tab_chain(self.list, ui.newButton, ui.variantButton, ui.nameEdit)
        self.items = RecipeItemsTable(ui.itemsTable, before=ui.volumeEdit, after=ui.addRowButton)
        self.panel = ProblemPanel(ui.problemsLabel, ui.acknowledgeCheck, {})
        set_chip(ui.differencesLabel, "info")
        ui.splitter.setSizes([420, 660])
        ui.splitter.setStretchFactor(1, 1)
        ui.volumeEdit.setPlaceholderText("e.g. 5")
        if patient_id is not None:
            ui.listTitleLabel.setText(f"Recipes for {patient_name}")
            ui.variantButton.setText(f"Make &variant for {patient_name}")
            self.setWindowTitle(f"Recipes — {patient_name}")
        ui.variantButton.setVisible(patient_id is not None)
        self._connect()
        self._start_new()
        self.list.setFocus()
        self.reload()

    def _connect(self) -> None:
        ui = self.ui
        self.list.itemSelectionChanged.connect(self._on_selection_changed)
        self.list.record_activated.connect(lambda _r: ui.nameEdit.setFocus())
        ui.newButton.clicked.connect(self._on_new_clicked)
        ui.variantButton.clicked.connect(self._on_variant_clicked)
        ui.addRowButton.clicked.connect(self.items.add_row)
        ui.removeRowButton.clicked.connect(self.items.remove_current)
        ui.nameEdit.textEdited.connect(self._on_edited)
        ui.volumeEdit.textEdited.connect(self._on_edited)
        ui.notesEdit.textChanged.connect(self._on_edited)
        self.items.changed.connect(self._on_edited)
        ui.acknowledgeCheck.toggled.connect(self._update_buttons)
        ui.saveButton.clicked.connect(lambda: self.save(as_new=False))
        ui.saveAsNewButton.clicked.connect(lambda: self.save(as_new=True))
        ui.buttonBox.rejected.connect(self.reject)

    # -- loading ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        mixtures, patient_id = self.services.mixtures, self.patient_id

        def work() -> tuple[list[IngredientView], list[RecipeSummary]]:
            listed = (
                mixtures.templates()
                if patient_id is None
                else mixtures.recipes_for_patient(patient_id)
            )
            return mixtures.ingredients(), listed

        self.runner.database(
            work, lambda found: self._on_loaded(*found, select_id), self._failed, owner=self
        )

    def _on_loaded(
        self,
        ingredients: Sequence[IngredientView],
        recipes: Sequence[RecipeSummary],
        select_id: int | None,
    ) -> None:
        self.items.set_ingredients(ingredients)
        if select_id is not None:
            target = select_id
        elif self.shown is not None:
            target = self.shown.id
        elif not self.dirty and recipes:
            target = recipes[0].id  # on opening, show the first recipe
        else:
            target = None
        self.list.blockSignals(True)
        self.list.set_records(recipes)
        found = target is not None and select_record(self.list, target)
        self.list.blockSignals(False)
        if found and (self.shown is None or self.shown.id != target):
            self._load(target)
        elif not found and self.shown is not None:
            self._start_new()  # the recipe shown is no longer listed
        self._update_buttons()

    def _load(self, recipe_id: int) -> None:
        mixtures = self.services.mixtures
        self._wanted = recipe_id
        self.runner.database(
            lambda: mixtures.get_recipe_with_differences(recipe_id),
            lambda found: self._on_recipe(recipe_id, *found),
            self._failed,
            owner=self,
        )

    def _on_recipe(
        self, recipe_id: int, view: RecipeView, differences: list[RecipeDifference]
    ) -> None:
        if recipe_id == self._wanted:
            self.show_recipe(view, differences)

    def show_recipe(self, view: RecipeView | None, differences: Sequence[RecipeDifference]) -> None:
        """Fill the editor with a stored recipe (or empty it for a new template)."""
        ui = self.ui
        self.shown, self.differences = view, list(differences)
        self._filling = True
        ui.nameEdit.setText(view.name if view else "")
        ui.volumeEdit.setText(f"{view.total_volume_ml:g}" if view else "")
        self.items.load(view.items if view else ())
        ui.notesEdit.setPlainText(view.notes if view else "")
        self._filling = False
        self.dirty = False
        ui.acknowledgeCheck.setChecked(False)
        ui.statusLabel.setText("")
        if view is None:
            ui.editorTitleLabel.setText("New template")
            ui.kindLabel.setText("Name it, set its total volume and add its ingredients.")
        elif view.is_template:
            ui.editorTitleLabel.setText(view.name)
            ui.kindLabel.setText("Template: patients' variants are copied from it.")
        else:
            ui.editorTitleLabel.setText(view.name)
            text = f"Variant for {view.patient_name}"
            if view.based_on_name:
                text += f", based on the template “{view.based_on_name}”"
            ui.kindLabel.setText(text + ".")
        self._show_differences()
        self.validate()

    def _start_new(self) -> None:
        self._wanted = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self.show_recipe(None, ())

    def _show_differences(self) -> None:
        label, view = self.ui.differencesLabel, self.shown
        if view is None or view.based_on_id is None:
            label.setVisible(False)
            return
        template = escape(view.based_on_name)
        if self.differences:
            lines = [f"<b>Differences from the template “{template}”</b>"]
            lines += [f"•&nbsp;{escape(d.text)}" for d in self.differences]
        else:
            lines = [f"Same composition as the template “{template}”."]
        if self.dirty:
            lines.append("<i>As last saved: save to compare your changes.</i>")
        label.setText("<br>".join(lines))
        label.setVisible(True)

    # -- editing ---------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        first = not self.dirty
        self.dirty = True
        self.ui.statusLabel.setText("")
        if first:
            self._show_differences()
        self.validate()

    def _draft(self) -> tuple[RecipeDraft, list[Problem]]:
        ui, problems = self.ui, []
        volume = read_number(ui.volumeEdit, "total_volume_ml", "Total volume", problems)
        items, item_problems = self.items.entries()
        view = self.shown
        patient_id = view.patient_id if view else None
        draft = RecipeDraft(
            name=ui.nameEdit.text(),
            total_volume_ml=0.0 if volume is None else volume,
            items=items,
            is_template=patient_id is None,
            patient_id=patient_id,
            based_on_id=view.based_on_id if view else None,
            notes=ui.notesEdit.toPlainText(),
        )
        return draft, problems + item_problems

    def problems(self) -> list[Problem]:
        draft, problems = self._draft()
        typed = {p.field for p in problems}  # a field that is not a number is reported once
        return problems + [self._named(p) for p in validate_recipe(draft) if p.field not in typed]

    def _named(self, problem: Problem) -> Problem:
        """The rules name a repeated ingredient by its id; the user knows it by its name."""
        if problem.code != "duplicate_ingredient":
            return problem
        index = int(problem.field.split("[", 1)[1].split("]", 1)[0])
        message = (
            f"{self.items.name_at(index)} is listed twice: give it once, with its whole amount."
        )
        return replace(problem, message=message)

    def validate(self) -> None:
        ui = self.ui
        self.panel.fields = {
            "name": ui.nameEdit,
            "total_volume_ml": ui.volumeEdit,
            "items": ui.itemsTable,
            "notes": ui.notesEdit,
            **self.items.field_widgets(),
        }
        self.panel.show(self.problems())
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ui, record = self.ui, self.list.current_record()
        ready = self.panel.can_save and not self._saving
        ui.saveButton.setEnabled(ready and self.dirty)
        ui.saveAsNewButton.setEnabled(ready and self.shown is not None)
        ui.removeRowButton.setEnabled(bool(self.items.rows))
        ui.variantButton.setEnabled(record is not None and record.is_template)

    # -- saving ----------------------------------------------------------------------------
    def save(self, *, as_new: bool = False) -> None:
        """Create or update on the database thread; the list follows once it is stored."""
        if self._saving or not self.panel.can_save:
            return
        draft, _ = self._draft()
        acknowledged = self.ui.acknowledgeCheck.isChecked()
        mixtures = self.services.mixtures
        recipe_id = None if as_new or self.shown is None else self.shown.id
        expected = None if self.shown is None else self.shown.version

        def work() -> tuple[RecipeView, list[RecipeDifference]]:
            # one transaction: a failure stores nothing, so saving again cannot store it twice
            return mixtures.save_recipe(
                draft,
                recipe_id=recipe_id,
                acknowledge_warnings=acknowledged,
                expected_version=expected,
            )

        self._saving = True
        self._update_buttons()
        self.runner.database(
            work, lambda result: self._on_saved(*result), self._on_save_failed, owner=self
        )

    def _on_saved(self, view: RecipeView, differences: list[RecipeDifference]) -> None:
        self._saving = False
        self._wanted = view.id
        self.show_recipe(view, differences)
        self.ui.statusLabel.setText(f"Saved “{view.name}”.")
        self.reload(view.id)

    def _on_save_failed(self, error: BaseException) -> None:
        self._saving = False
        if isinstance(error, ValidationError):
            self.panel.show(error.problems)
        elif isinstance(error, StaleRecord) and self.shown is not None:
            self._offer_reload(error, self.shown.id)
        else:
            QMessageBox.warning(self, "Recipe not saved", str(error))
        self._update_buttons()

    def _offer_reload(self, error: StaleRecord, recipe_id: int) -> None:
        """Say who saved first; Reload shows the stored recipe (the edits here are lost)."""

        def reload() -> None:
            self.dirty = False
            self._load(recipe_id)

        offer_reload(self, "recipe", error, reload)

    # -- list actions ----------------------------------------------------------------------
    def _may_leave(self) -> bool:
        return not self.dirty or confirm_discard(self, "recipe")

    def _on_selection_changed(self) -> None:
        record = self.list.current_record()
        self._update_buttons()
        if record is None or (self.shown is not None and record.id == self.shown.id):
            return
        if not self._may_leave():
            self.list.blockSignals(True)
            if self.shown is None:
                self.list.clearSelection()
                self.list.setCurrentItem(None)
            else:
                select_record(self.list, self.shown.id)
            self.list.blockSignals(False)
            return
        self.dirty = False
        self._load(record.id)

    def _on_new_clicked(self) -> None:
        if self._may_leave():
            self._start_new()
            self.ui.nameEdit.setFocus()

    def _on_variant_clicked(self) -> None:
        record, patient_id = self.list.current_record(), self.patient_id
        if record is None or not record.is_template or patient_id is None:
            return
        if not self._may_leave():
            return
        self.dirty = False
        mixtures = self.services.mixtures
        self.runner.database(
            lambda: mixtures.make_variant(record.id, patient_id),
            lambda view: self.reload(view.id),
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, "Recipes", str(error))

    def reject(self) -> None:
        if not self._may_leave():
            return
        self.dirty = False
        super().reject()

"""The ingredient library: what recipes are made of, with default strengths and pregnancy flags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from mesodesk.domain.drafts import IngredientDraft
from mesodesk.domain.enums import ConcentrationUnit, IngredientClass
from mesodesk.domain.rules import validate_ingredient
from mesodesk.domain.validation import Level, Problem
from mesodesk.services import Services
from mesodesk.services.mixtures import IngredientView
from mesodesk.ui.dialogs.form_dialog import FormDialog
from mesodesk.ui.forms.ui_ingredient_dialog import Ui_IngredientDialog
from mesodesk.ui.forms.ui_ingredient_library_dialog import Ui_IngredientLibraryDialog
from mesodesk.ui.library.common import (
    amount,
    fill_units,
    place_table,
    plural,
    read_number,
    select_record,
    tab_chain,
)
from mesodesk.ui.style import ERROR
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum, select_enum
from mesodesk.ui.widgets.record_table import RecordTable

PREGNANCY_COLUMN, NOTES_COLUMN = 3, 4


class IngredientLibraryDialog(QDialog):
    """The list; New and Edit open `IngredientDialog`, and the list reloads after a save."""

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_IngredientLibraryDialog()
        ui.setupUi(self)
        self.services, self.runner = services, runner
        self.table = RecordTable(
            [
                ("Name", lambda i: i.name),
                ("Class", lambda i: i.ingredient_class.label),
                ("Default", lambda i: amount(i.default_concentration, i.unit.value)),
                ("Pregnancy", lambda i: "Not in pregnancy" if i.pregnancy_contraindicated else ""),
                ("Notes", lambda i: i.notes),
            ],
            parent=self,
        )
        place_table(self.table, ui.tableLayout)
        tab_chain(self.table, ui.newButton, ui.editButton, ui.buttonBox)
        self.table.record_activated.connect(self.edit)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ui.newButton.clicked.connect(lambda: self.edit(None))
        ui.editButton.clicked.connect(lambda: self.edit(self.table.current_record()))
        ui.buttonBox.rejected.connect(self.reject)
        self._update_buttons()
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        current = self.table.current_record()
        keep = select_id if select_id is not None else (current.id if current else None)
        self.runner.database(
            self.services.mixtures.ingredients, lambda rows: self._show(rows, keep), self._failed
        )

    def _show(self, rows: Sequence[IngredientView], select_id: int | None) -> None:
        self.table.set_records(rows)
        for row, ingredient in enumerate(rows):
            self.table.item(row, NOTES_COLUMN).setToolTip(ingredient.notes)
            if ingredient.pregnancy_contraindicated:
                self.table.item(row, PREGNANCY_COLUMN).setForeground(QColor(ERROR))
        self.ui.countLabel.setText(plural(len(rows), "ingredient"))
        if not select_record(self.table, select_id):
            self.table.select_first()
        self._update_buttons()

    def edit(self, ingredient: IngredientView | None) -> IngredientDialog:
        taken = {r.name.strip().lower(): r.id for r in self.table.records}
        dialog = IngredientDialog(self.services, self.runner, ingredient, taken, self)
        dialog.saved.connect(lambda saved: self.reload(saved.id))
        dialog.open()
        return dialog

    def _update_buttons(self) -> None:
        self.ui.editButton.setEnabled(self.table.current_record() is not None)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, "Ingredient library", str(error))


class IngredientDialog(FormDialog):
    """Add an ingredient to the library, or edit one; `saved` carries the IngredientView."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        ingredient: IngredientView | None,
        taken_names: dict[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.ui = ui = Ui_IngredientDialog()
        ui.setupUi(self)
        self.services, self.ingredient, self.taken = services, ingredient, taken_names
        self.setWindowTitle(f"Edit {ingredient.name}" if ingredient else "New ingredient")
        fill_enum(ui.classCombo, IngredientClass)
        fill_units(ui.unitCombo)
        if ingredient is not None:
            self._load(ingredient)
        self.setup_form(
            {
                "name": ui.nameEdit,
                "ingredient_class": ui.classCombo,
                "default_concentration": ui.concentrationEdit,
                "unit": ui.unitCombo,
                "notes": ui.notesEdit,
            },
            "ingredient",
        )

    def _load(self, ingredient: IngredientView) -> None:
        ui = self.ui
        ui.nameEdit.setText(ingredient.name)
        select_enum(ui.classCombo, ingredient.ingredient_class)
        default = ingredient.default_concentration
        ui.concentrationEdit.setText("" if default is None else f"{default:g}")
        select_enum(ui.unitCombo, ingredient.unit)
        ui.pregnancyCheck.setChecked(ingredient.pregnancy_contraindicated)
        ui.notesEdit.setPlainText(ingredient.notes)

    def _draft(self) -> tuple[IngredientDraft, list[Problem]]:
        ui, problems = self.ui, []
        concentration = read_number(
            ui.concentrationEdit, "default_concentration", "Default concentration", problems
        )
        draft = IngredientDraft(
            name=ui.nameEdit.text(),
            ingredient_class=current_enum(ui.classCombo, IngredientClass),
            default_concentration=concentration,
            unit=current_enum(ui.unitCombo, ConcentrationUnit),
            pregnancy_contraindicated=ui.pregnancyCheck.isChecked(),
            notes=ui.notesEdit.toPlainText(),
        )
        return draft, problems

    def problems(self) -> list[Problem]:
        draft, problems = self._draft()
        own_id = self.ingredient.id if self.ingredient else None
        other = self.taken.get(draft.name.strip().lower())
        if other is not None and other != own_id:
            problems.append(
                Problem(
                    "name",
                    f"The library already has “{draft.name.strip()}”: edit that one instead.",
                    Level.ERROR,
                    "duplicate_name",
                )
            )
        return problems + validate_ingredient(draft)

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        draft, _ = self._draft()
        mixtures = self.services.mixtures
        if self.ingredient is None:
            return lambda: mixtures.add_ingredient(draft, acknowledge_warnings=acknowledged)
        ingredient_id, version = self.ingredient.id, self.ingredient.version
        return lambda: mixtures.update_ingredient(
            ingredient_id, draft, acknowledge_warnings=acknowledged, expected_version=version
        )

    def can_reload(self) -> bool:
        return self.ingredient is not None

    def reload_work(self) -> Callable[[], Any]:
        mixtures, ingredient_id = self.services.mixtures, self.ingredient.id  # type: ignore[union-attr]
        return lambda: mixtures.get_ingredient(ingredient_id)

    def show_reloaded(self, record: Any) -> None:
        self.ingredient = record
        self._load(record)

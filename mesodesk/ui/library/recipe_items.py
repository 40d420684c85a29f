"""The ingredient rows of the recipe editor: ingredient, concentration and unit per row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from mesodesk.domain.drafts import RecipeItemDraft
from mesodesk.domain.enums import ConcentrationUnit
from mesodesk.domain.validation import Level, Problem
from mesodesk.services.mixtures import IngredientView, RecipeItemView
from mesodesk.ui.library.common import fill_units, parse_number, tab_chain
from mesodesk.ui.widgets.enum_combo import current_enum, select_enum


@dataclass
class _Row:
    ingredient: QComboBox
    concentration: QLineEdit
    unit: QComboBox
    default_text: str = ""  # what was filled in from the library, replaced on a new pick

    @property
    def widgets(self) -> tuple[QWidget, QWidget, QWidget]:
        return self.ingredient, self.concentration, self.unit


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class RecipeItemsTable(QObject):
    """Drives a QTableWidget of editable rows; `changed` fires on every edit by the user."""

    changed = Signal()
    COLUMNS = ("Ingredient", "Concentration", "Unit")

    def __init__(self, table: QTableWidget, *, before: QWidget, after: QWidget) -> None:
        super().__init__(table)
        self.table, self.before, self.after = table, before, after
        self.rows: list[_Row] = []
        self.ingredients: dict[int, IngredientView] = {}
        table.setColumnCount(len(self.COLUMNS))
        table.setHorizontalHeaderLabels(self.COLUMNS)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(32)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the rows' own fields
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 130), (2, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(column, width)

    # -- filling ---------------------------------------------------------------------------
    def set_ingredients(self, ingredients: Sequence[IngredientView]) -> None:
        self.ingredients = {i.id: i for i in ingredients}
        for row in self.rows:
            chosen, name = row.ingredient.currentData(), row.ingredient.currentText()
            self._fill_picker(row.ingredient, chosen, name)

    def _fill_picker(self, combo: QComboBox, chosen: int | None, name: str = "") -> None:
        combo.clear()
        for ingredient in self.ingredients.values():
            combo.addItem(ingredient.name, ingredient.id)
        if chosen is not None and combo.findData(chosen) < 0:
            combo.addItem(name or f"Ingredient #{chosen}", chosen)  # no longer in the library
        if chosen is not None:
            combo.setCurrentIndex(combo.findData(chosen))

    def load(self, items: Sequence[RecipeItemView]) -> None:
        self.table.setRowCount(0)
        self.rows.clear()
        for item in items:
            self._add(item.ingredient_id, item.ingredient_name, item.concentration, item.unit)

    def add_row(self) -> None:
        """A new row with the first ingredient not yet used, at its default strength."""
        used = {row.ingredient.currentData() for row in self.rows}
        free = [i for i in self.ingredients.values() if i.id not in used]
        pick = free[0] if free else next(iter(self.ingredients.values()), None)
        if pick is None:
            return
        row = self._add(pick.id, pick.name, pick.default_concentration, pick.unit)
        row.default_text = row.concentration.text()
        row.ingredient.setFocus()
        self.changed.emit()

    def _add(
        self, ingredient_id: int, name: str, concentration: float | None, unit: ConcentrationUnit
    ) -> _Row:
        picker, strength, unit_combo = QComboBox(), QLineEdit(), QComboBox()
        self._fill_picker(picker, ingredient_id, name)
        strength.setText(_number_text(concentration))
        fill_units(unit_combo)
        select_enum(unit_combo, unit)
        row = _Row(picker, strength, unit_combo)
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column, widget in enumerate(row.widgets):
            self.table.setCellWidget(index, column, widget)
            widget.installEventFilter(self)
        self.rows.append(row)
        self._chain_tabs()
        picker.activated.connect(lambda _i, r=row: self._on_ingredient_picked(r))
        strength.textEdited.connect(lambda _t: self.changed.emit())
        unit_combo.activated.connect(lambda _i: self.changed.emit())
        return row

    def _chain_tabs(self) -> None:
        widgets = [w for row in self.rows for w in row.widgets]
        tab_chain(self.before, *widgets, self.after)

    def _on_ingredient_picked(self, row: _Row) -> None:
        """Fill in the library's default strength unless the user typed their own."""
        ingredient = self.ingredients.get(row.ingredient.currentData())
        if ingredient is not None and row.concentration.text() in ("", row.default_text):
            row.default_text = _number_text(ingredient.default_concentration)
            row.concentration.setText(row.default_text)
            select_enum(row.unit, ingredient.unit)
        self.changed.emit()

    def remove_current(self) -> None:
        """Remove the row being edited (or the selected one, or else the last one)."""
        index = self._focused_row()
        if index is None:
            index = self.table.currentRow() if self.table.currentRow() >= 0 else len(self.rows) - 1
        if 0 <= index < len(self.rows):
            self.table.removeRow(index)
            del self.rows[index]
            self.changed.emit()

    def _focused_row(self) -> int | None:
        focus = QApplication.focusWidget()
        for index, row in enumerate(self.rows):
            if any(w is focus or w.isAncestorOf(focus) for w in row.widgets if focus):
                return index
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the table's current row on the row being edited, so Remove knows which."""
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self.rows):
                if watched in row.widgets:
                    self.table.setCurrentCell(index, row.widgets.index(watched))
        return False

    # -- reading ---------------------------------------------------------------------------
    def entries(self) -> tuple[tuple[RecipeItemDraft, ...], list[Problem]]:
        items, problems = [], []
        for index, row in enumerate(self.rows):
            field, name = f"items[{index}].concentration", row.ingredient.currentText()
            text = row.concentration.text()
            try:
                value = parse_number(text)
            except ValueError:
                value = None
                problems.append(
                    Problem(field, f"{name}: “{text}” is not a number.", Level.ERROR, "number")
                )
            else:
                if value is None:
                    problems.append(
                        Problem(
                            field, f"Enter the concentration of {name}.", Level.ERROR, "required"
                        )
                    )
            items.append(
                RecipeItemDraft(
                    ingredient_id=row.ingredient.currentData(),
                    concentration=0.0 if value is None else value,
                    unit=current_enum(row.unit, ConcentrationUnit),
                )
            )
        return tuple(items), problems

    def name_at(self, index: int) -> str:
        return self.rows[index].ingredient.currentText() if 0 <= index < len(self.rows) else ""

    def field_widgets(self) -> dict[str, QWidget]:
        """Problem fields of each row mapped to the widget to mark."""
        fields: dict[str, QWidget] = {}
        for index, row in enumerate(self.rows):
            fields[f"items[{index}].ingredient_id"] = row.ingredient
            fields[f"items[{index}].concentration"] = row.concentration
            fields[f"items[{index}].unit"] = row.unit
        return fields

"""Small pieces the three library screens share: reading numbers typed by hand, counts."""

from __future__ import annotations

import itertools

from PySide6.QtWidgets import QComboBox, QLabel, QLayout, QLineEdit, QWidget

from mesodesk.domain.enums import ConcentrationUnit
from mesodesk.domain.validation import Level, Problem
from mesodesk.ui.widgets.record_table import RecordTable


def parse_number(text: str) -> float | None:
    """A number as a clinician types it: "2,5" and "2.5" both work; empty means none."""
    text = text.strip().replace(",", ".")
    return float(text) if text else None


def read_number(
    edit: QLineEdit, field: str, label: str, problems: list[Problem], *, required: bool = False
) -> float | None:
    """The edit's number, or None with a problem added when it is not one (or missing)."""
    try:
        value = parse_number(edit.text())
    except ValueError:
        problems.append(
            Problem(field, f"{label}: “{edit.text()}” is not a number.", Level.ERROR, "number")
        )
        return None
    if value is None and required:
        problems.append(Problem(field, f"Enter the {label.lower()}.", Level.ERROR, "required"))
    return value


def amount(value: float | None, unit: str) -> str:
    return "" if value is None else f"{value:g} {unit}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


def place_table(table: RecordTable, layout: QLayout) -> None:
    """Put a record table into the placeholder layout a form left for it."""
    table.setMinimumHeight(160)
    table.verticalHeader().setDefaultSectionSize(26)
    layout.addWidget(table)


def tab_chain(*widgets: QWidget) -> None:
    """Tab through `widgets` in this order (tables made in code join the form's own order)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def select_record(table: RecordTable, record_id: int | None) -> bool:
    """Select the row whose record has `record_id`; False when it is not listed."""
    for row, record in enumerate(table.records):
        if record.id == record_id:
            table.setCurrentCell(row, 0)
            table.scrollToItem(table.item(row, 0))
            return True
    return False


def fill_units(combo: QComboBox) -> None:
    """Concentration units as written ("mg/mL"), which their capitalised labels are not."""
    combo.clear()
    for unit in ConcentrationUnit:
        combo.addItem(unit.value, unit.value)


def set_chip(label: QLabel, kind: str) -> None:
    """Style a label as a chip; re-polished because a form's setup has polished it already."""
    label.setProperty("chip", kind)
    label.style().unpolish(label)
    label.style().polish(label)

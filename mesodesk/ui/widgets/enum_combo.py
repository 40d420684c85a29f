"""Combo boxes over our string enums.

Qt stores a `StrEnum` item's data as a plain string, so reading it back needs the enum class.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=StrEnum)


def fill_enum(combo: QComboBox, enum_cls: type[StrEnum], *, none_label: str | None = None) -> None:
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    for member in enum_cls:
        combo.addItem(getattr(member, "label", member.value), member.value)


def current_enum(combo: QComboBox, enum_cls: type[E]) -> E | None:
    value = combo.currentData()
    return None if value is None else enum_cls(value)


def select_enum(combo: QComboBox, member: StrEnum | None) -> None:
    combo.setCurrentIndex(max(0, combo.findData(None if member is None else member.value)))

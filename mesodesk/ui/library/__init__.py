"""The Clinic menu's screens: ingredient library, recipes and product lots (with recall).

`open_library` opens one without blocking. Asked again, it shows the same window (brought to
the front, its lists reloaded if it was closed) rather than stacking a second copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from mesodesk.services import Services
from mesodesk.ui.library.ingredients import IngredientDialog, IngredientLibraryDialog
from mesodesk.ui.library.lot_forms import AdjustLotDialog, ReceiveLotDialog
from mesodesk.ui.library.lots import LotLibraryDialog
from mesodesk.ui.library.recipes import RecipeLibraryDialog
from mesodesk.ui.tasks import TaskRunner

__all__ = [
    "AdjustLotDialog",
    "IngredientDialog",
    "IngredientLibraryDialog",
    "LotLibraryDialog",
    "ReceiveLotDialog",
    "RecipeLibraryDialog",
    "open_library",
]

SCREENS: dict[str, type[QDialog]] = {
    "ingredients": IngredientLibraryDialog,
    "recipes": RecipeLibraryDialog,
    "lots": LotLibraryDialog,
}


def open_library(
    which: str, services: Services, runner: TaskRunner, parent: QWidget | None = None
) -> QDialog:
    """Open "ingredients", "recipes" or "lots" (window-modal over `parent`, not blocking)."""
    try:
        screen = SCREENS[which]
    except KeyError:
        raise ValueError(f"No library screen called {which!r}.") from None
    if parent is not None:
        for dialog in parent.findChildren(
            screen, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if not dialog.isVisible():
                dialog.reload()  # closed earlier: show it again with fresh data
                dialog.open()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    dialog = screen(services, runner, parent)
    dialog.open()
    return dialog

"""Receiving a lot into stock and correcting the quantity left of one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QWidget

from mesodesk.domain.drafts import LotDraft
from mesodesk.domain.rules import validate_lot
from mesodesk.domain.validation import Level, Problem
from mesodesk.services import Services
from mesodesk.services.mixtures import IngredientView, LotView
from mesodesk.ui.dialogs.form_dialog import FormDialog
from mesodesk.ui.dialogs.patient_dialog import parse_date
from mesodesk.ui.forms.ui_adjust_lot_dialog import Ui_AdjustLotDialog
from mesodesk.ui.forms.ui_receive_lot_dialog import Ui_ReceiveLotDialog
from mesodesk.ui.library.common import read_number
from mesodesk.ui.tasks import TaskRunner


def _read_date(edit: Any, field: str, label: str, problems: list[Problem]) -> date | None:
    text = edit.text().strip()
    if not text:
        return None
    day = parse_date(text)
    if day is None:
        problems.append(Problem(field, f"{label}: “{text}” is not a date.", Level.ERROR, "date"))
    return day


class ReceiveLotDialog(FormDialog):
    """Book a delivery into stock; `saved` carries the new LotView."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        ingredients: Sequence[IngredientView],
        products: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.ui = ui = Ui_ReceiveLotDialog()
        ui.setupUi(self)
        self.services = services
        ui.unitEdit.setText("vials")
        ui.receivedOnEdit.setText(date.today().isoformat())
        ui.ingredientCombo.addItem("— not linked to an ingredient —", None)
        for ingredient in ingredients:
            ui.ingredientCombo.addItem(ingredient.name, ingredient.id)
        completer = QCompleter(sorted(set(products)), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.productEdit.setCompleter(completer)
        self.setup_form(
            {
                "product_name": ui.productEdit,
                "lot_number": ui.lotNumberEdit,
                "expiry_date": ui.expiryEdit,
                "quantity_received": ui.quantityEdit,
                "unit": ui.unitEdit,
                "received_on": ui.receivedOnEdit,
                "supplier": ui.supplierEdit,
                "ingredient_id": ui.ingredientCombo,
                "notes": ui.notesEdit,
            },
            "lot",
        )

    def _draft(self) -> tuple[LotDraft, list[Problem]]:
        ui, problems = self.ui, []
        quantity = read_number(
            ui.quantityEdit, "quantity_received", "Quantity received", problems, required=True
        )
        expiry = _read_date(ui.expiryEdit, "expiry_date", "Expiry date", problems)
        if expiry is None and not ui.expiryEdit.text().strip():
            problems.append(
                Problem("expiry_date", "Enter the expiry date.", Level.ERROR, "required")
            )
        draft = LotDraft(
            product_name=ui.productEdit.text(),
            lot_number=ui.lotNumberEdit.text(),
            expiry_date=expiry or date.today(),
            quantity_received=quantity or 0.0,
            unit=ui.unitEdit.text().strip() or "vials",
            ingredient_id=ui.ingredientCombo.currentData(),
            supplier=ui.supplierEdit.text(),
            received_on=_read_date(ui.receivedOnEdit, "received_on", "Received on", problems),
            notes=ui.notesEdit.text(),
        )
        return draft, problems

    def problems(self) -> list[Problem]:
        draft, problems = self._draft()
        typed = {p.field for p in problems}
        found = validate_lot(draft, today=date.today())
        return problems + [p for p in found if p.field not in typed]

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        draft, _ = self._draft()
        mixtures = self.services.mixtures
        return lambda: mixtures.receive_lot(draft, acknowledge_warnings=acknowledged)


class AdjustLotDialog(FormDialog):
    """Correct the quantity left after a count, a breakage or a disposal; the reason is kept."""

    def __init__(
        self, services: Services, runner: TaskRunner, lot: LotView, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self.ui = ui = Ui_AdjustLotDialog()
        ui.setupUi(self)
        self.services = services
        self._load(lot)
        self.setup_form(
            {"quantity_left": ui.newQuantityEdit, "reason": ui.reasonEdit}, "quantity correction"
        )

    def _load(self, lot: LotView) -> None:
        self.lot, ui = lot, self.ui
        ui.lotLabel.setText(f"{lot.product_name} — lot {lot.lot_number}")
        ui.stockLabel.setText(
            f"Now {lot.quantity_left:g} of the {lot.quantity_received:g} {lot.unit} received "
            f"are left; expires {lot.expiry_date:%d.%m.%Y}."
        )
        ui.newQuantityEdit.setPlaceholderText(f"now {lot.quantity_left:g} {lot.unit}")

    def _quantity(self, problems: list[Problem]) -> float | None:
        return read_number(
            self.ui.newQuantityEdit, "quantity_left", "New quantity", problems, required=True
        )

    def problems(self) -> list[Problem]:
        problems: list[Problem] = []
        quantity, lot = self._quantity(problems), self.lot
        if quantity is not None and not 0 <= quantity <= lot.quantity_received:
            problems.append(
                Problem(
                    "quantity_left",
                    f"The quantity left must be between 0 and the {lot.quantity_received:g} "
                    f"{lot.unit} received.",
                    Level.ERROR,
                    "quantity_range",
                )
            )
        if quantity is not None and quantity == lot.quantity_left:
            problems.append(
                Problem(
                    "quantity_left",
                    f"{quantity:g} {lot.unit} is already the quantity left.",
                    Level.ERROR,
                    "unchanged",
                )
            )
        if not self.ui.reasonEdit.text().strip():
            problems.append(
                Problem(
                    "reason",
                    "Give the reason for the correction (it is kept in the audit log).",
                    Level.ERROR,
                    "required",
                )
            )
        return problems

    def save_work(self, acknowledged: bool) -> Callable[[], Any]:
        quantity = self._quantity([]) or 0.0
        reason, lot_id, mixtures = self.ui.reasonEdit.text(), self.lot.id, self.services.mixtures
        version = self.lot.version
        return lambda: mixtures.adjust_lot_quantity(
            lot_id, quantity, reason, expected_version=version
        )

    def can_reload(self) -> bool:
        return True

    def reload_work(self) -> Callable[[], Any]:
        mixtures, lot_id = self.services.mixtures, self.lot.id
        return lambda: mixtures.get_lot(lot_id)

    def show_reloaded(self, record: Any) -> None:
        self._load(record)  # the count and reason typed stay: they are checked against it

"""Product lots: the stock list by expiry, receiving, corrections, and the one-click recall."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidgetItem, QWidget

from mesodesk.services import Services
from mesodesk.services.mixtures import IngredientView, LotStatus, LotView, RecallRow
from mesodesk.ui.forms.ui_lot_library_dialog import Ui_LotLibraryDialog
from mesodesk.ui.interop.recall import recall_buttons, save_recall_report
from mesodesk.ui.library.common import place_table, plural, select_record, tab_chain
from mesodesk.ui.library.lot_forms import AdjustLotDialog, ReceiveLotDialog
from mesodesk.ui.style import ERROR, WARNING
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.record_table import RecordTable

EXPIRY_COLUMN, STATUS_COLUMN, QUANTITY_COLUMN = 2, 5, 5
_STATUS_COLOURS = {
    LotStatus.NEAR_EXPIRY: (WARNING, "#fdf3dc"),
    LotStatus.EXPIRED: (ERROR, "#fbe9e7"),
}


def status_text(lot: LotView) -> str:
    if lot.status is LotStatus.EXPIRED:
        return "Expired"
    if lot.status is LotStatus.NEAR_EXPIRY:
        days = lot.days_to_expiry
        return "Near expiry: today" if days == 0 else f"Near expiry: {plural(days, 'day')}"
    return "OK"


def recall_state(row: RecallRow) -> str:
    state = row.record_state
    return f"{state} (patient record deleted)" if row.patient_deleted else state


LOT_COLUMNS = [
    ("Product", lambda lot: lot.product_name),
    ("Lot", lambda lot: lot.lot_number),
    ("Expiry", lambda lot: f"{lot.expiry_date:%d.%m.%Y}"),
    ("Left / received", lambda lot: f"{lot.quantity_left:g} / {lot.quantity_received:g}"),
    ("Unit", lambda lot: lot.unit),
    ("Status", status_text),
    ("Supplier", lambda lot: lot.supplier),
]

RECALL_COLUMNS = [
    ("Record no.", lambda r: r.record_number),
    ("Patient", lambda r: r.patient_name),
    ("Phone", lambda r: r.phone),
    ("Session", lambda r: f"{r.performed_at.astimezone():%d.%m.%Y %H:%M}"),
    ("Practitioner", lambda r: r.practitioner_name),
    ("Quantity", lambda r: f"{r.quantity:g}"),
    ("Record", recall_state),
]


class LotLibraryDialog(QDialog):
    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_LotLibraryDialog()
        ui.setupUi(self)
        self.services, self.runner = services, runner
        self.recalled: LotView | None = None
        self.table = RecordTable(LOT_COLUMNS, stretch=0, parent=self)
        place_table(self.table, ui.lotTableLayout)
        self.recall_table = RecordTable(RECALL_COLUMNS, stretch=1, parent=self)
        place_table(self.recall_table, ui.recallTableLayout)
        self.save_csv_button, self.print_button = recall_buttons(ui.recallBox)
        ui.recallActionsLayout.insertWidget(1, self.save_csv_button)
        ui.recallActionsLayout.insertWidget(2, self.print_button)
        tab_chain(
            ui.showExpiredCheck,
            self.table,
            ui.receiveButton,
            ui.adjustButton,
            ui.recallButton,
            self.recall_table,
            ui.copyButton,
            self.save_csv_button,
            self.print_button,
            ui.buttonBox,
        )
        ui.splitter.setSizes([370, 290])
        ui.splitter.setStretchFactor(0, 1)
        self.table.record_activated.connect(self.recall)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ui.showExpiredCheck.toggled.connect(lambda _on: self.reload())
        ui.receiveButton.clicked.connect(self.receive)
        ui.adjustButton.clicked.connect(lambda: self.adjust(self.table.current_record()))
        ui.recallButton.clicked.connect(lambda: self.recall(self.table.current_record()))
        ui.copyButton.clicked.connect(self.copy_recall)
        self.save_csv_button.clicked.connect(lambda: self.save_recall("csv"))
        self.print_button.clicked.connect(lambda: self.save_recall("pdf"))
        ui.buttonBox.rejected.connect(self.reject)
        self._update_buttons()
        self.reload()

    # -- stock list ------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        current = self.table.current_record()
        keep = select_id if select_id is not None else (current.id if current else None)
        mixtures, expired = self.services.mixtures, self.ui.showExpiredCheck.isChecked()
        self.runner.database(
            lambda: mixtures.lots(include_expired=expired),
            lambda lots: self._show_lots(lots, keep),
            self._failed,
        )

    def _show_lots(self, lots: Sequence[LotView], select_id: int | None) -> None:
        self.table.set_records(lots, muted=lambda lot: lot.quantity_left <= 0)
        for row, lot in enumerate(lots):
            if lot.ingredient_name:
                self.table.item(row, 0).setToolTip(f"Ingredient: {lot.ingredient_name}")
            colours = _STATUS_COLOURS.get(lot.status)
            if colours is None:
                continue
            for column in (EXPIRY_COLUMN, STATUS_COLUMN):
                item = self.table.item(row, column)
                item.setForeground(QColor(colours[0]))
                item.setBackground(QColor(colours[1]))
        near = sum(lot.status is LotStatus.NEAR_EXPIRY for lot in lots)
        expired = sum(lot.status is LotStatus.EXPIRED for lot in lots)
        counts = [plural(len(lots), "lot")]
        counts += [f"{near} near expiry"] if near else []
        counts += [f"{expired} expired"] if expired else []
        self.ui.countLabel.setText(" · ".join(counts))
        if not select_record(self.table, select_id):
            self.table.select_first()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.table.current_record() is not None
        self.ui.adjustButton.setEnabled(chosen)
        self.ui.recallButton.setEnabled(chosen)
        self.ui.copyButton.setEnabled(bool(self.recall_table.records))
        self.save_csv_button.setEnabled(self.recalled is not None)
        self.print_button.setEnabled(self.recalled is not None)

    # -- receiving and correcting ----------------------------------------------------------
    def receive(self) -> None:
        """Load the ingredient choices first, then open the form."""
        products = sorted({lot.product_name for lot in self.table.records})
        self.runner.database(
            self.services.mixtures.ingredients,
            lambda ingredients: self._open_receive(ingredients, products),
            self._failed,
        )

    def _open_receive(
        self, ingredients: Sequence[IngredientView], products: Sequence[str]
    ) -> ReceiveLotDialog:
        dialog = ReceiveLotDialog(self.services, self.runner, ingredients, products, self)
        dialog.saved.connect(self._on_lot_saved)
        dialog.open()
        return dialog

    def adjust(self, lot: LotView | None) -> AdjustLotDialog | None:
        if lot is None:
            return None
        dialog = AdjustLotDialog(self.services, self.runner, lot, self)
        dialog.saved.connect(self._on_lot_saved)
        dialog.open()
        return dialog

    def _on_lot_saved(self, lot: LotView) -> None:
        if lot.status is LotStatus.EXPIRED:
            self.ui.showExpiredCheck.setChecked(True)
        self.reload(lot.id)

    # -- recall ----------------------------------------------------------------------------
    def recall(self, lot: LotView | None) -> None:
        """Everyone who received the lot, with the session and who to call."""
        if lot is None:
            return
        mixtures = self.services.mixtures
        self.ui.recallLabel.setText(f"Looking up lot {lot.lot_number}…")
        self.runner.database(
            lambda: mixtures.recall(lot.id),
            lambda rows: self._show_recall(lot, rows),
            self._failed,
        )

    def _show_recall(self, lot: LotView, rows: Sequence[RecallRow]) -> None:
        self.recalled = lot
        self.recall_table.setHorizontalHeaderItem(
            QUANTITY_COLUMN, QTableWidgetItem(f"Quantity ({lot.unit})")
        )
        self.recall_table.set_records(rows, muted=lambda r: r.superseded)
        what = f"<b>Lot {lot.lot_number}</b> of {lot.product_name}"
        self.ui.recallBox.setTitle(f"Recall: lot {lot.lot_number}")
        if not rows:
            self.ui.recallLabel.setText(f"{what}: no session has used this lot.")
        else:
            sessions = [r for r in rows if not r.superseded]
            patients = {r.patient_id for r in rows}
            text = (
                f"{what} went into {plural(len(sessions), 'session')} of "
                f"{plural(len(patients), 'patient')}"
            )
            earlier = len(rows) - len(sessions)
            if earlier:
                text += f" (and {plural(earlier, 'earlier version')} of amended records)"
            self.ui.recallLabel.setText(text + ".")
        self._update_buttons()

    def copy_recall(self) -> None:
        """The recall list as tab-separated text, for a spreadsheet or a letter."""
        table = self.recall_table
        lines = ["\t".join(header for header, _ in table.columns)]
        for record in table.records:
            lines.append("\t".join(str(getter(record)) for _, getter in table.columns))
        QGuiApplication.clipboard().setText("\n".join(lines))

    def save_recall(self, kind: str) -> None:
        """The recall report of the lot on screen, as "csv" or "pdf" (read afresh)."""
        if self.recalled is not None:
            save_recall_report(self, self.services, self.runner, self.recalled, kind)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, "Product lots", str(error))

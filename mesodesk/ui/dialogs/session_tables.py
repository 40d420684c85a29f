"""The three editable tables of the session form: zones, lots and adverse events."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableWidget, QTableWidgetItem

from mesodesk.domain.drafts import AdverseEventDraft, LotUse, ZoneEntry
from mesodesk.domain.enums import AdverseEventType, Grade, ScalpZone
from mesodesk.domain.validation import Level, Problem
from mesodesk.services.session_context import LotChoice
from mesodesk.ui.dialogs.patient_dialog import parse_date
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum, select_enum
from mesodesk.ui.widgets.scalp_map import ScalpMapWidget

_ZONE_FIELD = re.compile(r"^zones\[(\d+)\]")


def _number(text: str) -> float | None:
    text = text.strip().replace(",", ".")
    return float(text) if text else None


class ZoneTable(QObject):
    """One row per zone ticked on the map: depth (mm), volume (mL), points, spacing (cm)."""

    changed = Signal()
    COLUMNS = ("Zone", "Depth mm", "Volume mL", "Points", "Spacing cm")

    def __init__(self, table: QTableWidget, scalp_map: ScalpMapWidget) -> None:
        super().__init__(table)
        self.table, self.map = table, scalp_map
        table.setColumnCount(len(self.COLUMNS))
        table.setHorizontalHeaderLabels(self.COLUMNS)
        table.verticalHeader().setVisible(False)
        scalp_map.zone_toggled.connect(self._on_zone_toggled)
        table.itemChanged.connect(lambda _item: self.changed.emit())

    def load(self, zones: Sequence[ZoneEntry]) -> None:
        self.table.setRowCount(0)
        for entry in zones:
            self._add_row(entry.zone, entry)
        self.map.set_selected({entry.zone for entry in zones})

    def _on_zone_toggled(self, zone: ScalpZone, selected: bool) -> None:
        if selected:
            self._add_row(zone, None)
            row = self.table.rowCount() - 1
            self.table.setCurrentCell(row, 1)
        else:
            for row in range(self.table.rowCount()):
                if self._zone(row) == zone:
                    self.table.removeRow(row)
                    break
        self.changed.emit()

    def _add_row(self, zone: ScalpZone, entry: ZoneEntry | None) -> None:
        table = self.table
        table.blockSignals(True)
        row = table.rowCount()
        table.insertRow(row)
        name = QTableWidgetItem(zone.label)
        name.setData(Qt.ItemDataRole.UserRole, zone)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(row, 0, name)
        values = (
            ("", "", "", "")
            if entry is None
            else (
                f"{entry.depth_mm:g}",
                "" if entry.volume_ml is None else f"{entry.volume_ml:g}",
                "" if entry.points is None else str(entry.points),
                "" if entry.spacing_cm is None else f"{entry.spacing_cm:g}",
            )
        )
        for column, value in enumerate(values, start=1):
            table.setItem(row, column, QTableWidgetItem(value))
        table.blockSignals(False)

    def _zone(self, row: int) -> ScalpZone:
        return ScalpZone(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def entries(self) -> tuple[tuple[ZoneEntry, ...], list[Problem]]:
        entries, problems = [], []
        for row in range(self.table.rowCount()):
            zone = self._zone(row)
            values: list[float | None] = []
            for column, field in enumerate(("depth_mm", "volume_ml", "points", "spacing_cm"), 1):
                text = self._text(row, column)
                try:
                    values.append(_number(text))
                except ValueError:
                    values.append(None)
                    problems.append(
                        Problem(
                            f"zones[{row}].{field}",
                            f"{zone.label}: “{text}” is not a number.",
                            Level.ERROR,
                            "number_format",
                        )
                    )
            depth, volume, points, spacing = values
            if depth is None and not any(p.field == f"zones[{row}].depth_mm" for p in problems):
                problems.append(
                    Problem(
                        f"zones[{row}].depth_mm",
                        f"Enter the injection depth for {zone.label}.",
                        Level.ERROR,
                        "required",
                    )
                )
            entries.append(
                ZoneEntry(
                    zone=zone,
                    depth_mm=depth if depth is not None else 0.0,
                    volume_ml=volume,
                    points=None if points is None else round(points),
                    spacing_cm=spacing,
                )
            )
        return tuple(entries), problems

    def depths(self) -> dict[ScalpZone, float | None]:
        result = {}
        for row in range(self.table.rowCount()):
            try:
                result[self._zone(row)] = _number(self._text(row, 1))
            except ValueError:
                result[self._zone(row)] = None
        return result

    def zone_for_field(self, field: str) -> ScalpZone | None:
        match = _ZONE_FIELD.match(field)
        if match and int(match.group(1)) < self.table.rowCount():
            return self._zone(int(match.group(1)))
        return None


class LotTable(QObject):
    """Lots used in the session and how many units of each."""

    changed = Signal()

    def __init__(self, table: QTableWidget, picker: QComboBox, lots: Sequence[LotChoice]) -> None:
        super().__init__(table)
        self.table, self.picker = table, picker
        self._labels = {lot.id: lot.label for lot in lots}
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels(("Lot", "Quantity"))
        table.verticalHeader().setVisible(False)
        for lot in lots:
            picker.addItem(lot.label, lot.id)
        table.itemChanged.connect(lambda _item: self.changed.emit())

    def load(self, uses: Sequence[LotUse]) -> None:
        self.table.setRowCount(0)
        for use in uses:
            self._add(use.lot_id, use.quantity)

    def add_current(self) -> None:
        lot_id = self.picker.currentData()
        if lot_id is not None and lot_id not in [u.lot_id for u in self.entries()]:
            self._add(lot_id, 1.0)
            self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def _add(self, lot_id: int, quantity: float) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(self._labels.get(lot_id, f"Lot #{lot_id}"))
        name.setData(Qt.ItemDataRole.UserRole, lot_id)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(f"{quantity:g}"))
        self.table.blockSignals(False)

    def entries(self) -> tuple[LotUse, ...]:
        uses = []
        for row in range(self.table.rowCount()):
            lot_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            try:
                quantity = _number(self.table.item(row, 1).text()) or 0.0
            except ValueError:
                quantity = 0.0
            uses.append(LotUse(lot_id=lot_id, quantity=quantity))
        return tuple(uses)


class AdverseTable(QObject):
    """Adverse events noticed during or right after the session."""

    changed = Signal()

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(("Event", "Grade", "Onset", "Description / action"))
        table.verticalHeader().setVisible(False)

    def load(self, events: Sequence[AdverseEventDraft]) -> None:
        self.table.setRowCount(0)
        for event in events:
            self.add_row(event)

    def add_row(self, event: AdverseEventDraft | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind, grade = QComboBox(), QComboBox()
        fill_enum(kind, AdverseEventType)
        fill_enum(grade, Grade)
        onset = QLineEdit((event.onset_on if event else date.today()).isoformat())
        text = QLineEdit(event.description if event else "")
        if event is not None:
            select_enum(kind, event.event_type)
            select_enum(grade, event.grade)
        for column, widget in enumerate((kind, grade, onset, text)):
            self.table.setCellWidget(row, column, widget)
        kind.activated.connect(lambda _i: self.changed.emit())
        grade.activated.connect(lambda _i: self.changed.emit())
        onset.textEdited.connect(lambda _t: self.changed.emit())
        text.textEdited.connect(lambda _t: self.changed.emit())
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 and self.table.rowCount():
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def entries(self) -> tuple[tuple[AdverseEventDraft, ...], list[Problem]]:
        events, problems = [], []
        for row in range(self.table.rowCount()):
            kind, grade, onset, text = (self.table.cellWidget(row, c) for c in range(4))
            onset_on = parse_date(onset.text())
            if onset_on is None:
                problems.append(
                    Problem(
                        f"adverse_events[{row}].onset_on",
                        f"Adverse event {row + 1}: “{onset.text()}” is not a date.",
                        Level.ERROR,
                        "date_format",
                    )
                )
                onset_on = date.today()
            events.append(
                AdverseEventDraft(
                    event_type=current_enum(kind, AdverseEventType),
                    grade=current_enum(grade, Grade),
                    onset_on=onset_on,
                    description=text.text(),
                )
            )
        return tuple(events), problems

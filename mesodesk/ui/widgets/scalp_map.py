"""A top-down map of the scalp: the practitioner clicks the zones treated.

The face is at the top and the view is from above and behind, so the patient's left is on
the left of the drawing. Arrow keys move between zones, Space or Enter toggles one.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mesodesk.domain.enums import ScalpZone

_HEAD = QRectF(-100, -125, 200, 250)
_ZONE_RECTS: dict[ScalpZone, QRectF] = {
    ScalpZone.FRONTAL_HAIRLINE: QRectF(-50, -130, 100, 28),
    ScalpZone.FRONTAL: QRectF(-50, -102, 100, 52),
    ScalpZone.MID_SCALP: QRectF(-50, -50, 100, 60),
    ScalpZone.VERTEX: QRectF(-50, 10, 100, 55),
    ScalpZone.OCCIPITAL: QRectF(-110, 65, 220, 70),
    ScalpZone.LEFT_TEMPORAL: QRectF(-110, -130, 60, 110),
    ScalpZone.RIGHT_TEMPORAL: QRectF(50, -130, 60, 110),
    ScalpZone.LEFT_PARIETAL: QRectF(-110, -20, 60, 85),
    ScalpZone.RIGHT_PARIETAL: QRectF(50, -20, 60, 85),
}
_SHORT = {
    ScalpZone.FRONTAL_HAIRLINE: "Hairline",
    ScalpZone.FRONTAL: "Frontal",
    ScalpZone.MID_SCALP: "Mid-scalp",
    ScalpZone.VERTEX: "Vertex",
    ScalpZone.OCCIPITAL: "Occipital",
    ScalpZone.LEFT_TEMPORAL: "L temporal",
    ScalpZone.RIGHT_TEMPORAL: "R temporal",
    ScalpZone.LEFT_PARIETAL: "L parietal",
    ScalpZone.RIGHT_PARIETAL: "R parietal",
}
_ORDER = list(ScalpZone)
_SELECTED = QColor("#2f6f73")
_WARNING = QColor("#d19a00")
_ERROR = QColor("#b3261e")


def _zone_paths() -> dict[ScalpZone, QPainterPath]:
    head = QPainterPath()
    head.addEllipse(_HEAD)
    paths = {}
    for zone, rect in _ZONE_RECTS.items():
        box = QPainterPath()
        box.addRect(rect)
        paths[zone] = head.intersected(box)
    return paths


class ScalpMapWidget(QWidget):
    """Emits `zone_toggled(zone, selected)`; `set_labels` shows e.g. the depth in each zone."""

    zone_toggled = Signal(object, bool)
    current_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths = _zone_paths()
        self._selected: set[ScalpZone] = set()
        self._labels: dict[ScalpZone, str] = {}
        self._states: dict[ScalpZone, str] = {}
        self._hover: ScalpZone | None = None
        self._current: ScalpZone = ScalpZone.FRONTAL
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 290)
        self.setAccessibleName("Scalp zone map")

    # -- state -----------------------------------------------------------------------------
    def selected(self) -> set[ScalpZone]:
        return set(self._selected)

    def set_selected(self, zones: set[ScalpZone]) -> None:
        self._selected = set(zones)
        self.update()

    def set_zone(self, zone: ScalpZone, selected: bool) -> None:
        if (zone in self._selected) == selected:
            return
        if selected:
            self._selected.add(zone)
        else:
            self._selected.discard(zone)
        self.update()
        self.zone_toggled.emit(zone, selected)

    def toggle(self, zone: ScalpZone) -> None:
        self.set_zone(zone, zone not in self._selected)

    def set_labels(self, labels: dict[ScalpZone, str], states: dict[ScalpZone, str]) -> None:
        """`states` marks zones with a problem: "error" or "warning"."""
        self._labels, self._states = dict(labels), dict(states)
        self.update()

    @property
    def current(self) -> ScalpZone:
        return self._current

    def zone_rect(self, zone: ScalpZone) -> QRectF:
        """Where a zone is drawn, in widget coordinates (for tests and tooltips)."""
        return self._transform_rect(self._paths[zone].boundingRect())

    # -- geometry --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(300, 360)

    def _scale(self) -> float:
        return min(self.width() / 240, self.height() / 290)

    def _transform_rect(self, rect: QRectF) -> QRectF:
        s = self._scale()
        cx, cy = self.width() / 2, self.height() / 2
        return QRectF(cx + rect.x() * s, cy + rect.y() * s, rect.width() * s, rect.height() * s)

    def _to_model(self, point: QPointF) -> QPointF:
        s = self._scale()
        return QPointF((point.x() - self.width() / 2) / s, (point.y() - self.height() / 2) / s)

    def zone_at(self, point: QPointF) -> ScalpZone | None:
        model = self._to_model(point)
        for zone, path in self._paths.items():
            if path.contains(model):
                return zone
        return None

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self._scale()
        painter.translate(self.width() / 2, self.height() / 2)
        painter.scale(s, s)
        self._paint_head(painter)
        for zone, path in self._paths.items():
            self._paint_zone(painter, zone, path)
        painter.end()

    def _paint_head(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#8fa3a3"), 1.5))
        painter.setBrush(QColor("#f7f1ea"))
        nose = QPainterPath()
        nose.moveTo(-10, -124)
        nose.lineTo(0, -140)
        nose.lineTo(10, -124)
        painter.drawPath(nose)
        painter.drawEllipse(QRectF(-110, -30, 14, 40))  # ears
        painter.drawEllipse(QRectF(96, -30, 14, 40))
        painter.drawEllipse(_HEAD)
        painter.setFont(QFont(self.font().family(), 7))
        painter.setPen(QColor("#6b7b7b"))
        painter.drawText(QRectF(-124, -48, 12, 12), Qt.AlignmentFlag.AlignCenter, "L")
        painter.drawText(QRectF(112, -48, 12, 12), Qt.AlignmentFlag.AlignCenter, "R")

    def _paint_zone(self, painter: QPainter, zone: ScalpZone, path: QPainterPath) -> None:
        selected = zone in self._selected
        fill = QColor(_SELECTED if selected else "#ffffff")
        fill.setAlpha(150 if selected else (90 if zone == self._hover else 40))
        state = self._states.get(zone)
        border = _ERROR if state == "error" else _WARNING if state == "warning" else "#8fa3a3"
        width = 2.5 if state else 1.0
        if zone == self._current and self.hasFocus():
            border, width = QColor("#1d2525"), 2.5
        painter.setPen(QPen(QColor(border), width))
        painter.setBrush(fill)
        painter.drawPath(path)
        box = path.boundingRect()
        painter.setPen(QColor("#ffffff" if selected else "#1d2525"))
        painter.setFont(QFont(self.font().family(), 6))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._caption(zone))

    def _caption(self, zone: ScalpZone) -> str:
        label = self._labels.get(zone)
        return f"{_SHORT[zone]}\n{label}" if label else _SHORT[zone]

    # -- interaction -----------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self.zone_at(event.position())
        if hover != self._hover:
            self._hover = hover
            self.setToolTip(hover.label if hover else "")
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        zone = self.zone_at(event.position())
        if zone is not None and event.button() == Qt.MouseButton.LeftButton:
            self._set_current(zone)
            self.toggle(zone)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.toggle(self._current)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._set_current(_ORDER[(_ORDER.index(self._current) + 1) % len(_ORDER)])
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._set_current(_ORDER[(_ORDER.index(self._current) - 1) % len(_ORDER)])
        else:
            super().keyPressEvent(event)

    def _set_current(self, zone: ScalpZone) -> None:
        self._current = zone
        self.update()
        self.current_changed.emit(zone)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

"""Two photos at the same zoom: side by side, or one over the other with an opacity slider.

Both photos are drawn at the same width in scene units (the same view from the same camera
then lines up), and every view shares one zoom factor and one scroll position, so a wheel turn
or a drag in any pane moves all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QTransform, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

SCENE_WIDTH = 1200.0  # the print copies are 1000-1200 px wide: one scene unit ≈ one pixel
GHOST_OPACITY = 0.3
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


class ZoomView(QGraphicsView):
    """A pannable view that asks its owner to zoom instead of zooming alone."""

    zoom_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#2b2f33"))

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_requested.emit(1.15**steps)
        event.accept()

    def add_photo(self) -> QGraphicsPixmapItem:
        item = QGraphicsPixmapItem()
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(item)
        return item


def _show(item: QGraphicsPixmapItem, image: QImage | None) -> None:
    """Put an image on an item at the common scene width (or clear it)."""
    if image is None or image.isNull():
        item.setPixmap(QPixmap())
        return
    item.setPixmap(QPixmap.fromImage(image))
    item.setScale(SCENE_WIDTH / image.width())


class CompareView(QStackedWidget):
    """Page 0 side by side; page 1 the overlay (baseline over latest)."""

    SIDE, OVERLAY = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom = 1.0
        self.before_caption, self.after_caption = QLabel(), QLabel()
        for label in (self.before_caption, self.after_caption):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setObjectName("compareCaption")
        self.left, self.right, self.overlay = ZoomView(), ZoomView(), ZoomView()
        self.left_item, self.right_item = self.left.add_photo(), self.right.add_photo()
        self.under_item = self.overlay.add_photo()  # the later photo
        self.over_item = self.overlay.add_photo()  # the baseline, translucent
        side = QWidget()
        grid = QGridLayout(side)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.before_caption, 0, 0)
        grid.addWidget(self.after_caption, 0, 1)
        grid.addWidget(self.left, 1, 0)
        grid.addWidget(self.right, 1, 1)
        grid.setRowStretch(1, 1)
        self.overlay_caption = QLabel()
        self.overlay_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        over = QWidget()
        column = QVBoxLayout(over)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.overlay_caption)
        column.addWidget(self.overlay, 1)
        self.addWidget(side)
        self.addWidget(over)
        for view in self.views:
            view.zoom_requested.connect(self.zoom_by)
            for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
                bar.valueChanged.connect(lambda _v, source=view: self._sync_scroll(source))

    @property
    def views(self) -> tuple[ZoomView, ZoomView, ZoomView]:
        return self.left, self.right, self.overlay

    def set_photos(self, before: QImage | None, after: QImage | None) -> None:
        _show(self.left_item, before)
        _show(self.over_item, before)
        _show(self.right_item, after)
        _show(self.under_item, after)
        for view in self.views:
            view.scene().setSceneRect(view.scene().itemsBoundingRect())

    def set_captions(self, before: str, after: str) -> None:
        self.before_caption.setText(f"<b>Before</b> · {before}")
        self.after_caption.setText(f"<b>After</b> · {after}")

    def set_overlay(self, baseline_opacity: float, caption: str) -> None:
        self.over_item.setOpacity(baseline_opacity)
        self.overlay_caption.setText(caption)

    # -- zoom and pan -------------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom * factor)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        for view in self.views:
            view.setTransform(QTransform.fromScale(self.zoom, self.zoom))
        self._sync_scroll(self.current_view())

    def fit(self) -> None:
        """The whole photo in the visible pane (both panes share the zoom)."""
        view = self.current_view()
        rect = view.scene().itemsBoundingRect()
        port = view.viewport().size()
        if rect.isEmpty() or port.isEmpty():
            return
        self.set_zoom(min(port.width() / rect.width(), port.height() / rect.height()) * 0.98)

    def current_view(self) -> ZoomView:
        return self.overlay if self.currentIndex() == self.OVERLAY else self.right

    def _sync_scroll(self, source: ZoomView) -> None:
        h, v = source.horizontalScrollBar().value(), source.verticalScrollBar().value()
        for view in self.views:
            if view is source:
                continue
            for bar, value in ((view.horizontalScrollBar(), h), (view.verticalScrollBar(), v)):
                with QSignalBlocker(bar):
                    bar.setValue(value)

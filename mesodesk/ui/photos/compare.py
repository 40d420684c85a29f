"""Before and after: one standard view at two time points, baseline against latest by default.

The print copies (1000-1200 px) are shown (a 12-megapixel original is neither needed on screen nor
quick to decode); they are read into QImages on the image pool and kept per photo while the
dialog is open, so switching between photos or modes is instant after the first look.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from mesodesk.domain.enums import PhotoView
from mesodesk.services import Services
from mesodesk.services.photos import PhotoService
from mesodesk.ui.photos.compare_view import GHOST_OPACITY, CompareView
from mesodesk.ui.photos.grid import photo_date, view_text
from mesodesk.ui.tasks import TaskRunner
from mesodesk.ui.widgets.enum_combo import current_enum, select_enum

MODES = ("Side by side", "Slider (fade)", "Ghost of the baseline")


def load_print_copy(photos: PhotoService, row: Any) -> QImage:
    """Worker thread: the upright print copy as a QImage (never a QPixmap off the GUI)."""
    image = QImage(str(photos.print_copy_path(row)))
    if image.isNull():
        raise OSError(f"photo #{row.id}: the display copy cannot be read")
    return image


def _sort_key(row: Any) -> tuple:
    return (row.taken_at is None, row.taken_at and row.taken_at.timestamp(), row.id)


class CompareDialog(QDialog):
    """Choose a view, then any two of its photos; zoom with the wheel, pan by dragging."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        photos: Sequence[Any],
        view: PhotoView | None = None,
        after_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare photos")
        self.resize(1200, 760)
        self.services, self.runner = services, runner
        self.photos = sorted(photos, key=_sort_key)  # oldest first: the baseline leads
        self.images: dict[int, QImage] = {}
        self._asked: set[int] = set()
        self._fitted = False
        self.view_combo, self.before_combo, self.after_combo = QComboBox(), QComboBox(), QComboBox()
        self.mode_combo = QComboBox()
        self.mode_combo.addItems(MODES)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(50)
        self.slider.setToolTip("Left: the later photo only; right: the baseline only")
        self.fit_button = QPushButton("&Fit")
        self.status = QLabel()
        self.compare_view = CompareView()
        self._build_layout()
        self._fill_views(view)
        self.view_combo.currentIndexChanged.connect(self._on_view_changed)
        self.before_combo.currentIndexChanged.connect(self._refresh)
        self.after_combo.currentIndexChanged.connect(self._refresh)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        self.slider.valueChanged.connect(self._on_mode_changed)
        self.fit_button.clicked.connect(self.compare_view.fit)
        self._on_view_changed()
        if after_id is not None:
            self.after_combo.setCurrentIndex(max(0, self.after_combo.findData(after_id)))
        self._on_mode_changed()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for text, widget in (
            ("&View", self.view_combo), ("&Before", self.before_combo),
            ("&After", self.after_combo), ("&Mode", self.mode_combo),
        ):  # fmt: skip
            bar.addWidget(QLabel(text, buddy=widget))
            bar.addWidget(widget)
        bar.addWidget(self.slider, 1)
        bar.addStretch(0)
        bar.addWidget(self.fit_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.compare_view, 1)
        layout.addLayout(bottom)

    def _fill_views(self, wanted: PhotoView | None) -> None:
        counts = {v: sum(p.view is v for p in self.photos) for v in PhotoView}
        for member, count in counts.items():
            if count:
                self.view_combo.addItem(f"{member.label} ({count})", member.value)
        if wanted is None or not counts.get(wanted):
            wanted = max(counts, key=lambda v: counts[v])  # the view with most time points
        select_enum(self.view_combo, wanted)

    # -- choosing -----------------------------------------------------------------------------
    @property
    def view(self) -> PhotoView | None:
        return current_enum(self.view_combo, PhotoView)

    def _on_view_changed(self, *_args: object) -> None:
        rows = [p for p in self.photos if p.view is self.view]
        for combo in (self.before_combo, self.after_combo):
            combo.blockSignals(True)
            combo.clear()
            for row in rows:
                details = [view_text(row).partition(" · ")[2]]
                details.append("" if row.session_id else "no session")
                combo.addItem(" · ".join([photo_date(row), *filter(None, details)]), row.id)
            combo.blockSignals(False)
        self.before_combo.setCurrentIndex(0)
        self.after_combo.setCurrentIndex(len(rows) - 1)
        self._fitted = False
        self._refresh()

    def _on_mode_changed(self, *_args: object) -> None:
        mode = self.mode_combo.currentIndex()
        self.slider.setVisible(mode == 1)
        self.compare_view.setCurrentIndex(CompareView.SIDE if mode == 0 else CompareView.OVERLAY)
        before, after = self._captions()
        if mode == 1:
            share = self.slider.value()
            self.compare_view.set_overlay(
                share / 100, f"Baseline {before} at {share} % over {after}"
            )
        elif mode == 2:
            self.compare_view.set_overlay(
                GHOST_OPACITY,
                f"Ghost: baseline {before} at {GHOST_OPACITY:.0%} over {after} — "
                "line up the head with the ghost before taking the next photo",
            )  # fmt: skip
        self.compare_view.set_zoom(self.compare_view.zoom)

    def _captions(self) -> tuple[str, str]:
        return self.before_combo.currentText(), self.after_combo.currentText()

    # -- loading ------------------------------------------------------------------------------
    @property
    def chosen(self) -> tuple[int | None, int | None]:
        return self.before_combo.currentData(), self.after_combo.currentData()

    def _refresh(self, *_args: object) -> None:
        before_id, after_id = self.chosen
        for photo_id in (before_id, after_id):
            if photo_id is not None and photo_id not in self.images:
                self._load(photo_id)
        waiting = [i for i in (before_id, after_id) if i is not None and i not in self.images]
        self.status.setText("Loading photos…" if waiting else self._hint())
        self.compare_view.set_captions(*self._captions())
        self.compare_view.set_photos(self.images.get(before_id), self.images.get(after_id))
        self._on_mode_changed()
        if not waiting and not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self.compare_view.fit)  # once the panes have their size

    def _hint(self) -> str:
        if self.before_combo.count() < 2:
            return "Only one photo of this view so far: import a later one to compare."
        return "Wheel to zoom, drag to pan: both photos follow."

    def _load(self, photo_id: int) -> None:
        if photo_id in self._asked:
            return
        self._asked.add(photo_id)
        photos = self.services.photos
        row = next(p for p in self.photos if p.id == photo_id)
        self.runner.compute(
            lambda: load_print_copy(photos, row),
            lambda image: self._loaded(photo_id, image),
            self._failed,
            owner=self,
        )

    def _loaded(self, photo_id: int, image: QImage) -> None:
        self.images[photo_id] = image
        if self.isVisible() and photo_id in self.chosen:
            self._refresh()

    def _failed(self, error: BaseException) -> None:
        if self.isVisible():
            self.status.setText(str(error))

    @property
    def ready(self) -> bool:
        """Both chosen photos are loaded and on screen."""
        return all(i is None or i in self.images for i in self.chosen)

"""The thumbnail grid: appears at once with placeholders and fills in as thumbnails load.

Thumbnails are read (or rebuilt by the vault) on the shared image pool into a QImage; the
QPixmap is made back on the GUI thread, where Qt requires it, and kept in a cache that
outlives reloads of the chart, so a re-filed photo does not flicker back to its placeholder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from mesodesk.services.photos import PhotoService
from mesodesk.ui.tasks import TaskRunner

ICON = 168
PhotoRole = Qt.ItemDataRole.UserRole + 1


def photo_date(row: Any) -> str:
    """A photo's local capture day, or a dash when the camera recorded none."""
    return f"{row.taken_at.astimezone():%d.%m.%Y}" if row.taken_at else "no date"


def view_text(row: Any) -> str:
    """The view, with a close-up's site and magnification when they were recorded."""
    details = [getattr(row, "trichoscopy_site", "")]
    magnification = getattr(row, "magnification", None)
    details.append(f"{magnification}×" if magnification else "")
    return " · ".join([row.view.label, *(d for d in details if d)])


def caption(row: Any) -> str:
    return f"{view_text(row)}\n{photo_date(row)}"


def load_thumbnail(photos: PhotoService, row: Any, size: int = ICON) -> QImage:
    """Worker thread: the upright thumbnail, scaled for the grid (QImage is thread-safe).

    `row` carries the photo's file identity, so no database read competes with the chart's.
    """
    image = QImage(str(photos.thumbnail_path(row)))
    if image.isNull():
        raise OSError(f"photo #{row.id}: the thumbnail cannot be read")
    scaled = image.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    square = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)  # painting on a QImage is allowed off the GUI thread
    painter.drawImage((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    painter.end()
    return square


def _placeholder(text: str, size: int = ICON) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e6e9ed"))
    painter.drawRoundedRect(8, 8, size - 16, size - 16, 8, 8)
    painter.setPen(QColor("#7a828c"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


class ThumbnailCache(QObject):
    """Photo id → grid-sized pixmap; each thumbnail is asked for at most once, when shown."""

    loaded = Signal(int)

    def __init__(self, photos: PhotoService, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.photos, self.runner = photos, runner
        self._pixmaps: dict[int, QPixmap] = {}
        self._asked: set[int] = set()
        self.loading = _placeholder("Loading…")
        self.missing = _placeholder("Not readable")

    def get(self, row: Any) -> QPixmap | None:
        """The pixmap if it is ready; otherwise starts loading it and returns None."""
        photo_id = row.id
        if photo_id in self._pixmaps:
            return self._pixmaps[photo_id]
        if photo_id not in self._asked:
            self._asked.add(photo_id)
            photos = self.photos
            self.runner.compute(
                lambda: load_thumbnail(photos, row),
                lambda image: self._store(photo_id, QPixmap.fromImage(image)),
                lambda _error: self._store(photo_id, self.missing),
                owner=self,  # a closed chart's thumbnails are not stored
            )
        return None

    def ready(self, photo_id: int) -> bool:
        return photo_id in self._pixmaps

    def _store(self, photo_id: int, pixmap: QPixmap) -> None:
        self._pixmaps[photo_id] = pixmap
        self.loaded.emit(photo_id)


class PhotoGridModel(QAbstractListModel):
    """The photos shown, newest first; the decoration comes from the cache."""

    def __init__(self, cache: ThumbnailCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.rows: list[Any] = []
        self._index_of: dict[int, int] = {}
        cache.loaded.connect(self._on_loaded)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = sorted(
            rows, key=lambda r: (r.taken_at is not None, r.taken_at and r.taken_at.timestamp(),
                                 r.id), reverse=True,
        )  # fmt: skip
        self._index_of = {row.id: i for i, row in enumerate(self.rows)}
        self.endResetModel()  # thumbnails are asked for as the view paints them

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return caption(row)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self.cache.get(row)
            return self.cache.loading if pixmap is None else pixmap
        if role == Qt.ItemDataRole.ToolTipRole:
            session = "linked to a session" if row.session_id else "not linked to a session"
            return f"{row.original_name}\n{row.width} × {row.height} px, {session}"
        if role == PhotoRole:
            return row
        return None

    def _on_loaded(self, photo_id: int) -> None:
        position = self._index_of.get(photo_id)
        if position is not None:
            index = self.index(position)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class PhotoGrid(QListView):
    """An icon-mode list; drops are left to the Photos tab around it."""

    delete_pressed = Signal()

    def __init__(self, model: PhotoGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(ICON, ICON))
        self.setGridSize(QSize(ICON + 24, ICON + 52))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.selectionModel().hasSelection():
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)

    def selected_rows(self) -> list[Any]:
        model = self.model()
        return [model.data(i, PhotoRole) for i in self.selectionModel().selectedIndexes()]

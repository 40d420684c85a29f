"""The Photos tab of a chart: the grid, a view filter, import (button or drop) and Compare.

Right-click (or the menu key) on selected photos files them under another view, links them to
a session, or deletes them with a reason; Delete does the last.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
)

from mesodesk.domain.enums import PhotoView
from mesodesk.services.chart import ChartData
from mesodesk.ui.chart.sections import Section
from mesodesk.ui.photos.grid import PhotoGrid, PhotoGridModel, PhotoRole, ThumbnailCache
from mesodesk.ui.widgets.enum_combo import current_enum, fill_enum

if TYPE_CHECKING:
    from mesodesk.ui.chart.patient_chart import PatientChart

NO_CONSENT = (
    "This patient has not consented to clinical photography: photos cannot be imported. "
    "Record the photo consent with Edit patient first."
)
IMAGE_FILTER = "Photos (*.jpg *.jpeg *.jpe *.png *.tif *.tiff);;All files (*)"


class PhotosSection(Section):
    """Thumbnails newest first, filtered by view; files dropped here are imported."""

    title = "Photos"

    def __init__(self, chart: PatientChart) -> None:
        super().__init__(chart)
        self.data: ChartData | None = None
        self.dialogs: list[Any] = []
        self.cache = ThumbnailCache(chart.services.photos, chart.runner, self)
        self.model = PhotoGridModel(self.cache, self)
        self.grid = PhotoGrid(self.model, self)
        self.grid.doubleClicked.connect(self._on_photo_activated)
        self.grid.activated.connect(self._on_photo_activated)  # Enter on a selected photo
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._on_context_menu)
        self.grid.delete_pressed.connect(self.delete_selected)
        self.view_filter = QComboBox()
        fill_enum(self.view_filter, PhotoView, none_label="All views")
        self.view_filter.currentIndexChanged.connect(self._refilter)
        self.import_button = QPushButton("&Import photos…")
        self.import_button.setToolTip("Choose photo files; you can also drop files here")
        self.folder_button = QPushButton("Import &folder…")
        self.folder_button.setToolTip("Every photo in a folder, e.g. a camera card")
        self.compare_button = QPushButton("&Compare…")
        self.compare_button.setToolTip("Baseline and latest photo of a view, side by side")
        self.import_button.clicked.connect(self._on_import_clicked)
        self.folder_button.clicked.connect(self._on_folder_clicked)
        self.compare_button.clicked.connect(lambda: self.compare())
        bar = QHBoxLayout()
        bar.addWidget(QLabel("&View:", buddy=self.view_filter))
        bar.addWidget(self.view_filter)
        bar.addStretch(1)
        for button in (self.import_button, self.folder_button, self.compare_button):
            bar.addWidget(button)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.empty)
        self.layout_.addWidget(self.grid, 1)
        self.setAcceptDrops(True)

    # -- showing ------------------------------------------------------------------------------
    @property
    def consent(self) -> bool:
        return self.data is not None and self.data.patient.draft.consent_photos

    def records(self, data: ChartData) -> list:
        return data.photos

    def show_data(self, data: ChartData) -> None:
        self.data = data
        for button in (self.import_button, self.folder_button):
            button.setEnabled(self.consent)
        self._refilter()

    def _refilter(self, *_args: object) -> None:
        if self.data is None:
            return
        view = current_enum(self.view_filter, PhotoView)
        rows = [p for p in self.data.photos if view is None or p.view is view]
        self.model.set_rows(rows)
        self.compare_button.setEnabled(len(self.data.photos) >= 2)
        if not self.consent:
            text = NO_CONSENT
        elif not self.data.photos:
            text = "No photos yet. Use Import photos… or drop photo files here."
        elif not rows:
            text = f"No {view.label.lower()} photos." if view else ""
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))

    # -- importing ----------------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import photos", "", IMAGE_FILTER)
        if paths:
            self.import_paths(paths)

    def _on_folder_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import every photo in a folder")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> Any:
        """Open the import dialog for these files or folders (nothing without photo consent)."""
        from mesodesk.ui.photos.import_dialog import ImportPhotosDialog

        if self.data is None or not self.consent or not paths:
            return None
        dialog = ImportPhotosDialog(
            self.chart.services, self.chart.runner, self.chart.patient_id, paths,
            self.data.sessions, self,
        )  # fmt: skip
        # Photos change neither the patient list nor the day's due visits: reload the chart
        # only (refreshing those lists means thousands of rows on a clinic's database).
        dialog.imported.connect(lambda _report: self.chart.reload())
        self._keep(dialog)
        dialog.open()
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.consent and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.consent:
            event.acceptProposedAction()
            self.import_paths([str(Path(p)) for p in paths])

    # -- re-filing -----------------------------------------------------------------------------
    def photo_menu(self) -> QMenu | None:
        """The actions on the selected photos (None when nothing is selected)."""
        rows = self.grid.selected_rows()
        if not rows or self.data is None:
            return None
        ids = [row.id for row in rows]
        menu = QMenu(self)
        views = menu.addMenu("File under &view")
        for view in PhotoView:
            action = views.addAction(view.label)
            action.setCheckable(True)
            action.setChecked(all(row.view is view for row in rows))
            action.triggered.connect(lambda _=False, v=view: self.set_view(ids, v))
        sessions = menu.addMenu("Link to &session")
        unlinked = sessions.addAction("No session")
        unlinked.triggered.connect(lambda: self.set_session(ids, None))
        for visit in sorted(self.data.sessions, key=lambda s: s.performed_at, reverse=True):
            action = sessions.addAction(f"Session of {visit.performed_at.astimezone():%d.%m.%Y}")
            action.setCheckable(True)
            action.setChecked(all(row.session_id == visit.id for row in rows))
            action.triggered.connect(lambda _=False, v=visit.id: self.set_session(ids, v))
        menu.addSeparator()
        menu.addAction("&Compare…", lambda: self.compare(rows[0].view, rows[0].id))
        menu.addAction("&Delete…", self.delete_selected)
        return menu

    def _on_context_menu(self, position: QPoint) -> None:
        menu = self.photo_menu()
        if menu is not None:
            menu.exec(self.grid.viewport().mapToGlobal(position))

    def set_view(self, photo_ids: list[int], view: PhotoView) -> None:
        photos = self.chart.services.photos
        self._write(lambda: photos.set_view(photo_ids, view), "Could not change the view")

    def set_session(self, photo_ids: list[int], session_id: int | None) -> None:
        photos = self.chart.services.photos
        self._write(lambda: photos.set_session(photo_ids, session_id), "Could not link the photos")

    def delete_selected(self) -> None:
        """Ask why, then soft-delete the selected photos (they stay in the vault and the audit)."""
        rows = self.grid.selected_rows()
        if not rows:
            return
        what = "this photo" if len(rows) == 1 else f"these {len(rows)} photos"
        reason, ok = QInputDialog.getText(
            self, "Delete photos", f"Why delete {what}? (kept in the record, hidden from the chart)"
        )
        if not ok:
            return
        if not reason.strip():
            self.chart.show_error("Photos not deleted", "A reason is required to delete a photo.")
            return
        ids, photos = [row.id for row in rows], self.chart.services.photos
        self._write(lambda: photos.delete(ids, reason), "Could not delete the photos")

    def _write(self, work: Any, failure: str) -> None:
        self.chart.runner.database(
            work,
            self.chart._changed,
            lambda error: self.chart.show_error(failure, error),
            owner=self,
        )

    # -- comparing ----------------------------------------------------------------------------
    def _on_photo_activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, PhotoRole)
        if row is not None:
            self.compare(row.view, row.id)

    def compare(self, view: PhotoView | None = None, after_id: int | None = None) -> Any:
        """Open the comparison on a view (the filtered one, or the one with most photos)."""
        from mesodesk.ui.photos.compare import CompareDialog

        if self.data is None or not self.data.photos:
            return None
        view = view or current_enum(self.view_filter, PhotoView)
        dialog = CompareDialog(
            self.chart.services, self.chart.runner, self.data.photos, view, after_id, self
        )
        self._keep(dialog)
        dialog.show()
        return dialog

    def _keep(self, dialog: Any) -> None:
        """Hold a reference while it is open; forget it once closed."""
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self.dialogs.remove(dialog))

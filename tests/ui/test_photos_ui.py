"""The Photos tab as a clinician uses it: import through the dialog, the grid, the comparison."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import PhotoView, Sex
from mesodesk.services.auth import SessionLocked
from mesodesk.ui.chart.patient_chart import PatientChart
from mesodesk.ui.photos import import_dialog
from mesodesk.ui.photos.import_dialog import ImportPhotosDialog
from mesodesk.ui.photos.section import NO_CONSENT
from mesodesk.ui.widgets.enum_combo import select_enum


def _jpeg(path: Path, colour: str, taken: datetime | None = None, size=(640, 480)) -> Path:
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    if taken is not None:
        exif[0x0132] = taken.strftime("%Y:%m:%d %H:%M:%S")  # DateTime
    image.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def _patient(window, consent: bool = True) -> int:
    draft = PatientDraft(
        family_name="Keller",
        given_names="Sabine",
        birth_date=date(1979, 6, 3),
        sex=Sex.FEMALE,
        consent_treatment=True,
        consent_photos=consent,
    )
    return window.services.patients.register(draft).id


def _photos_tab(qtbot, window, patient_id: int):
    chart: PatientChart = window.open_chart(patient_id)
    qtbot.waitUntil(lambda: chart.data is not None, timeout=5000)
    chart.tabs.setCurrentWidget(chart.photos)
    return chart, chart.photos


def _thumbnails_shown(section) -> bool:
    model = section.model
    return model.rowCount() > 0 and all(section.cache.ready(r.id) for r in model.rows)


def test_import_through_the_dialog_fills_the_grid_and_reports_refusals(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart, section = _photos_tab(qtbot, window, _patient(window))
    assert section.import_button.isEnabled()
    files = [
        _jpeg(tmp_path / "vertex-1.jpg", "#a06040", datetime(2026, 1, 5, 10, 0)),
        _jpeg(tmp_path / "vertex-2.jpg", "#806050", datetime(2026, 3, 5, 10, 0)),
        tmp_path / "notes.jpg",
    ]
    files[2].write_text("not a photo at all")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(f) for f in files], ""))
    )
    qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    dialog: ImportPhotosDialog = section.dialogs[-1]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.finding, timeout=5000)
    assert dialog.isVisible() and "3 photos" in dialog.ui.filesLabel.text()
    select_enum(dialog.ui.viewCombo, PhotoView.VERTEX)
    assert not dialog.ui.siteEdit.isEnabled()  # trichoscopy details only for close-ups
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    summary = dialog.ui.summaryText.toPlainText()
    assert "2 imported" in summary and "1 refused" in summary
    assert "notes.jpg" in summary
    assert dialog.ui.progressBar.value() == dialog.ui.progressBar.maximum() == 3
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # now "Close"
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: section.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: _thumbnails_shown(section), timeout=10_000)
    first = section.model.index(0)
    caption = section.model.data(first)
    assert caption.startswith("Vertex") and caption.endswith("\n05.03.2026")  # newest first
    icon = section.model.data(first, Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() not in (section.cache.loading.cacheKey(),)
    assert chart.tabs.tabText(chart.tabs.indexOf(section)) == "Photos (2)"
    select_enum(section.view_filter, PhotoView.FRONTAL)
    assert section.model.rowCount() == 0 and "No frontal photos" in section.empty.text()


class _LockedAfterTheFirstPhoto:
    """The photo service's store once the idle lock struck: every write after the first fails."""

    def __init__(self, store) -> None:
        self._store, self.writes = store, 0

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def writing(self, **kwargs):
        self.writes += 1
        if self.writes > 1:
            raise SessionLocked("The workstation is locked: Dr Lena Vogel must sign in again.")
        return self._store.writing(**kwargs)


def test_photos_recorded_before_a_failure_are_reported_and_shown(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _chart, section = _photos_tab(qtbot, window, _patient(window))
    photos = window.services.photos
    monkeypatch.setattr(photos, "store", _LockedAfterTheFirstPhoto(photos.store))
    files = [_jpeg(tmp_path / f"card-{i}.jpg", c) for i, c in enumerate(("red", "green", "blue"))]
    dialog: ImportPhotosDialog = section.import_paths([str(f) for f in files])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as landed:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    assert [r.status for r in landed.args[0].results] == ["imported", "failed", "failed"]
    assert dialog.ui.statusLabel.text() == "2 photos could not be recorded."
    summary = dialog.ui.summaryText.toPlainText()
    assert summary.startswith("1 imported, 0 already present, 0 refused, 2 not recorded.\n")
    assert "• card-1.jpg: not recorded (The workstation is locked: Dr Lena Vogel" in summary
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=5000)  # the chart reloaded
    dialog.accept()


def test_a_folder_is_listed_off_the_ui_thread(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _chart, section = _photos_tab(qtbot, window, _patient(window))
    card = tmp_path / "DCIM"
    (card / "100CLINIC").mkdir(parents=True)
    shots = [_jpeg(card / "100CLINIC" / f"IMG_{i}.JPG", "#604030") for i in range(2)]
    (card / "100CLINIC" / "INDEX.TXT").write_text("not a photo")
    release, listed_on = threading.Event(), []
    listed = import_dialog.photo_files

    def slow_card_reader(paths):
        listed_on.append(threading.current_thread())
        release.wait(5)
        return listed(paths)

    monkeypatch.setattr(import_dialog, "photo_files", slow_card_reader)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(card)))
    qtbot.mouseClick(section.folder_button, Qt.MouseButton.LeftButton)
    dialog: ImportPhotosDialog = section.dialogs[-1]
    qtbot.addWidget(dialog)
    assert dialog.ui.filesLabel.text() == "Looking for photos…" and dialog.finding
    assert not dialog.import_button.isEnabled()  # nothing to import until the card is read

    release.set()
    qtbot.waitUntil(lambda: not dialog.finding, timeout=5000)
    assert listed_on and listed_on[0] is not threading.main_thread()
    assert dialog.files == shots and dialog.ui.filesLabel.text() == "2 photos to import"
    assert dialog.import_button.isEnabled()
    dialog.reject()


def test_compare_loads_both_photos_and_zooms_them_together(qtbot, window, tmp_path: Path) -> None:
    patient_id = _patient(window)
    files = [
        _jpeg(tmp_path / "early.jpg", "#703020", datetime(2026, 1, 10, 9, 0), (800, 600)),
        _jpeg(tmp_path / "late.jpg", "#307020", datetime(2026, 4, 10, 9, 0), (800, 600)),
        _jpeg(tmp_path / "side.jpg", "#202070", datetime(2026, 2, 10, 9, 0)),
    ]
    window.services.photos.import_files(patient_id, files[:2], view=PhotoView.FRONTAL)
    window.services.photos.import_files(patient_id, files[2:], view=PhotoView.OCCIPITAL)
    _chart, section = _photos_tab(qtbot, window, patient_id)
    assert section.compare_button.isEnabled()
    dialog = section.compare(PhotoView.FRONTAL)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready and len(dialog.images) == 2, timeout=10_000)
    assert dialog.before_combo.currentText().startswith("10.01.2026")  # baseline
    assert dialog.after_combo.currentText().startswith("10.04.2026")  # latest
    view = dialog.compare_view
    assert not view.left_item.pixmap().isNull() and not view.right_item.pixmap().isNull()
    assert view.left_item.pixmap().width() == 800  # the ~1200 px display copy of an 800 px photo

    before = view.left.transform().m11()
    wheel = QWheelEvent(
        QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(view.left.viewport(), wheel)
    zooms = {v.transform().m11() for v in view.views}
    assert len(zooms) == 1 and zooms.pop() == pytest.approx(before * 1.15**2)
    view.left.horizontalScrollBar().setValue(view.left.horizontalScrollBar().maximum())
    assert view.right.horizontalScrollBar().value() == view.left.horizontalScrollBar().value()

    dialog.mode_combo.setCurrentIndex(2)  # ghost
    assert view.currentIndex() == view.OVERLAY
    assert view.over_item.opacity() == pytest.approx(0.3)
    dialog.mode_combo.setCurrentIndex(1)
    dialog.slider.setValue(70)
    assert view.over_item.opacity() == pytest.approx(0.7)
    dialog.close()


def test_thumbnails_load_when_the_photos_tab_is_shown_without_reading_records(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart opens on its sessions: its photos cost nothing until the Photos tab shows."""
    patient_id = _patient(window)
    files = [_jpeg(tmp_path / f"p{i}.jpg", f"#6040{i}0") for i in range(3)]
    window.services.photos.import_files(patient_id, files, view=PhotoView.FRONTAL)
    chart: PatientChart = window.open_chart(patient_id)
    qtbot.waitUntil(lambda: chart.data is not None and window.runner.pending == 0, timeout=5000)
    section = chart.photos
    assert section.model.rowCount() == 3
    assert not any(section.cache.ready(r.id) for r in section.model.rows)

    def no_record_reads(_photo_id: int) -> None:
        raise AssertionError("the grid read a photo record from the database")

    monkeypatch.setattr(window.services.photos, "get", no_record_reads)
    chart.tabs.setCurrentWidget(section)
    qtbot.waitUntil(lambda: _thumbnails_shown(section), timeout=10_000)
    assert all(
        not section.model.data(section.model.index(i), Qt.ItemDataRole.DecorationRole).isNull()
        and section.cache.get(row) is not section.cache.missing
        for i, row in enumerate(section.model.rows)
    )


def test_files_dropped_on_the_tab_open_the_import_dialog(qtbot, window, tmp_path: Path) -> None:
    _chart, section = _photos_tab(qtbot, window, _patient(window))
    photo = _jpeg(tmp_path / "drop.jpg", "#555555")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    section.dropEvent(drop)
    dialog = section.dialogs[-1]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.finding, timeout=5000)
    assert dialog.files == [photo]
    dialog.reject()
    assert not dialog.isVisible() and not section.dialogs


def test_without_photo_consent_import_is_disabled(qtbot, window, tmp_path: Path) -> None:
    _chart, section = _photos_tab(qtbot, window, _patient(window, consent=False))
    assert not section.import_button.isEnabled() and not section.folder_button.isEnabled()
    assert section.empty.text() == NO_CONSENT
    assert section.import_paths([str(_jpeg(tmp_path / "x.jpg", "#777777"))]) is None
    assert not section.dialogs


def test_selected_photos_are_refiled_and_deleted_with_a_reason(
    qtbot, window, questions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient_id = _patient(window)
    files = [_jpeg(tmp_path / f"card-{i}.jpg", colour) for i, colour in enumerate(("red", "blue"))]
    window.services.photos.import_files(patient_id, files, view=PhotoView.FRONTAL)
    chart, section = _photos_tab(qtbot, window, patient_id)
    qtbot.waitUntil(lambda: section.model.rowCount() == 2, timeout=5000)

    section.grid.selectAll()
    menu = section.photo_menu()
    assert menu is not None
    view_menu = menu.actions()[0].menu()
    vertex = next(a for a in view_menu.actions() if a.text() == PhotoView.VERTEX.label)
    assert not vertex.isChecked()
    vertex.trigger()
    qtbot.waitUntil(lambda: {p.view for p in chart.data.photos} == {PhotoView.VERTEX}, timeout=5000)

    section.grid.clearSelection()
    section.grid.selectionModel().select(
        section.model.index(0), section.grid.selectionModel().SelectionFlag.Select
    )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("  ", True)))
    section.delete_selected()
    assert "Photos not deleted: A reason is required to delete a photo." in questions
    assert len(window.services.photos.photos_for(patient_id)) == 2  # a blank reason deletes nothing

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("taken of the wrong patient", True))
    )
    qtbot.keyClick(section.grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(chart.data.photos) == 1, timeout=5000)
    assert len(window.services.photos.photos_for(patient_id)) == 1
    assert section.model.rowCount() == 1

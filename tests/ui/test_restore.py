"""Restoring a backup from the window, and a damaged database found at start."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mesodesk.domain.drafts import PatientDraft
from mesodesk.services.auth import AuthService
from mesodesk.services.backups import list_backups, take_backup
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store
from mesodesk.ui.dialogs.restore_dialog import RestoreDialog

Yes = QMessageBox.StandardButton.Yes


@pytest.fixture
def backups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setenv("MESODESK_BACKUP_DIR", str(folder))
    return folder


def _clinic(path: Path, names: list[str]) -> None:
    store = Store.open(str(path))
    patients = PatientService(store, SYSTEM)
    for name in names:
        patients.register(PatientDraft(name, "Anna", date(1980, 1, 1)))
    auth = AuthService(store)
    if auth.policy().needs_setup:  # a single-user clinic: the window opens without sign-in
        auth.choose_no_login(SYSTEM)
    store.dispose()


def _patients(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(row[0] for row in conn.execute("SELECT family_name FROM patients"))


def test_a_backup_is_chosen_previewed_and_restored_and_the_window_reopens(
    qtbot, station, questions, backups: Path, tmp_path: Path
) -> None:
    database = tmp_path / "clinic.db"
    _clinic(database, ["Berg", "Costa"])
    take_backup(database, backups, "manual")
    _clinic(database, ["Dahl"])  # recorded after the backup
    workstation = station(database)
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    window = workstation.windows[0]

    window.ui.actionRestoreBackup.trigger()
    dialog: RestoreDialog = window.restore_dialog
    qtbot.waitUntil(lambda: len(dialog.table.records) >= 2, timeout=10_000)  # + the daily one
    manual = next(i for i, r in enumerate(dialog.table.records) if r.manifest.reason == "manual")
    dialog.table.selectRow(manual)
    assert "2 patients" in dialog.preview.text() and "now: 3" in dialog.preview.text()

    questions.answer(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and _patients(database) == ["Berg", "Costa", "Dahl"]

    questions.answer(Yes)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: bool(workstation.windows) and workstation.windows[0] is not window, timeout=10_000
    )
    assert not window.isVisible() and workstation.windows[0].isVisible()
    assert _patients(database) == ["Berg", "Costa"]
    kept = [b for b in list_backups(backups, database) if b.manifest.reason == "before-restore"]
    assert len(kept) == 1 and _patients(kept[0].path) == ["Berg", "Costa", "Dahl"]
    assert "Restore this backup?" in questions[-1]


def test_a_damaged_database_at_start_offers_the_latest_good_backup(
    qtbot, station, questions, backups: Path, tmp_path: Path
) -> None:
    database = tmp_path / "clinic.db"
    _clinic(database, ["Eriksen", "Fonseca"])
    take_backup(database, backups, "manual")
    damaged = bytearray(database.read_bytes())
    damaged[4096 * 3 : 4096 * 4] = b"\xff" * 4096
    database.write_bytes(bytes(damaged))

    questions.answer(Yes)
    workstation = station(database)
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    assert "the database is damaged" in questions[0] and "Restore that backup now?" in questions[0]
    assert _patients(database) == ["Eriksen", "Fonseca"]
    aside = list(tmp_path.glob("clinic.db.damaged-*[0-9]"))
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(damaged)

"""Automatic and named backups, rotation, restore, and what opening a database refuses."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mesodesk.db.backup import BackupError
from mesodesk.db.guard import DamagedDatabase, DatabaseInUse
from mesodesk.domain.drafts import PatientDraft
from mesodesk.services.backups import (
    backup_folder,
    backup_if_due,
    latest_good_backup,
    list_backups,
    restore_backup,
    rotation_victims,
    take_backup,
)
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store
from tests.instance_locks import held_elsewhere


def add_patients(store: Store, count: int, start: int = 0) -> None:
    service = PatientService(store, SYSTEM)
    for n in range(start, start + count):
        service.register(PatientDraft(f"Family{n}", "Anna", date(1980, 1, 1)))


def patient_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM patients").fetchone()[0]


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    store = Store.open(str(tmp_path / "clinic.db"), backup_dir=tmp_path / "backups")
    add_patients(store, 3)
    store.dispose()
    return tmp_path / "clinic.db"


# -- rotation ------------------------------------------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    today = datetime(2026, 11, 25, 9, 0)
    stamps = {n: today - timedelta(days=n) for n in range(400)}  # one backup a day
    kept = set(stamps) - rotation_victims(stamps)
    days = {n for n in kept if n < 7}
    assert days == set(range(7))
    assert len(kept) == len({stamps[n].date() for n in kept})
    weeks = {stamps[n].isocalendar()[:2] for n in kept}
    assert {today.isocalendar()[:2]} < weeks and len(kept) <= 7 + 4 + 12
    months = {(stamps[n].year, stamps[n].month) for n in kept}
    assert len(months) == 12  # the newest of each of the last 12 months
    assert 399 not in kept and max(kept) < 366


def test_rotation_keeps_the_newest_of_a_day_and_everything_when_few() -> None:
    morning, evening = datetime(2026, 1, 5, 8), datetime(2026, 1, 5, 20)
    assert rotation_victims({"a": morning, "b": evening}) == {"a"}
    few = {n: datetime(2026, 1, 1) + timedelta(days=n) for n in range(5)}
    assert rotation_victims(few) == set()
    assert rotation_victims({}) == set()


def test_rotation_keeps_monthly_backups_of_a_sparse_history() -> None:
    stamps = {m: datetime(2025, m, 1) for m in range(1, 13)} | {13: datetime(2026, 1, 1)}
    assert rotation_victims(stamps) == {1}


# -- automatic backup ----------------------------------------------------------------------


def test_opening_takes_one_automatic_backup_a_day(clinic: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    before = len(list_backups(folder, clinic))
    Store.open(str(clinic), backup_dir=folder).dispose()
    Store.open(str(clinic), backup_dir=folder).dispose()
    automatic = [b for b in list_backups(folder, clinic) if b.manifest.reason == "automatic"]
    assert len(automatic) == 1 and len(list_backups(folder, clinic)) == before + 1
    assert automatic[0].manifest.patients == 3
    tomorrow = datetime.now() + timedelta(days=1)
    assert backup_if_due(clinic, folder, now=tomorrow) is not None
    assert backup_if_due(clinic, folder, now=tomorrow) is None


def test_rotation_runs_with_the_automatic_backup(clinic: Path, tmp_path: Path) -> None:
    folder = tmp_path / "rotating"
    take_backup(clinic, folder, "manual")
    start = datetime(2026, 1, 1, 9)
    for day in range(20):
        backup_if_due(clinic, folder, now=start + timedelta(days=day))
    automatic = [b for b in list_backups(folder, clinic) if b.manifest.reason == "automatic"]
    assert len(automatic) < 20 and automatic[-1].created.date() == date(2026, 1, 20)
    assert [b.manifest.reason for b in list_backups(folder, clinic)].count("manual") == 1
    assert len(list(folder.glob("*.json"))) == len(list(folder.glob("*.db")))


def test_the_deferred_check_survives_the_store_being_let_go_meanwhile(
    clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window lets a store go (sign-in cancelled) while its deferred check may still run."""
    from mesodesk.services.startup import Opened

    store = Store.open(str(clinic), backup_dir=tmp_path / "b", deferred_checks=True)
    real = Opened.check_and_back_up

    def check_then_let_go(opened: Opened) -> None:
        real(opened)
        store.dispose()

    monkeypatch.setattr(Opened, "check_and_back_up", check_then_let_go)
    store.finish_checks()
    assert store.backup_problem is None and len(list_backups(tmp_path / "b")) == 1


def test_the_backup_folder_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clinic: Path
) -> None:
    monkeypatch.setenv("MESODESK_BACKUP_DIR", str(tmp_path / "external"))
    assert backup_folder() == tmp_path / "external"
    assert backup_folder(tmp_path / "given") == tmp_path / "given"
    Store.open(str(clinic)).dispose()
    assert [b.manifest.reason for b in list_backups(tmp_path / "external")] == ["automatic"]


def test_an_unusable_backup_folder_does_not_stop_the_clinic(clinic: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    store = Store.open(str(clinic), backup_dir=blocker / "sub")
    try:
        assert store.backup_problem and "automatic backup could not be made" in store.backup_problem
    finally:
        store.dispose()


def test_in_memory_databases_are_not_backed_up(tmp_path: Path) -> None:
    store = Store.open("sqlite://", backup_dir=tmp_path / "b")
    store.dispose()
    assert not (tmp_path / "b").exists()


# -- start-up checks -----------------------------------------------------------------------


def test_a_damaged_database_is_refused_naming_the_latest_good_backup(
    clinic: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    good = take_backup(clinic, folder, "manual")
    data = bytearray(clinic.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\xff" * 4096
    clinic.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabase, match="damaged") as refused:
        Store.open(str(clinic), backup_dir=folder)
    assert str(good.path) in str(refused.value) and "mesodesk restore" in str(refused.value)
    Store.open(str(tmp_path / "fresh.db"), backup_dir=folder).dispose()  # the lock was released


def test_a_damaged_database_is_set_aside_when_the_latest_good_backup_is_restored(
    clinic: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    take_backup(clinic, folder, "manual")
    damaged = bytearray(clinic.read_bytes())
    damaged[4096 * 3 : 4096 * 4] = b"\xff" * 4096
    clinic.write_bytes(bytes(damaged))
    good = latest_good_backup(clinic, folder)
    assert good is not None
    result = restore_backup(good.path, clinic, folder)
    assert result.safety is None and result.set_aside is not None
    assert result.set_aside.read_bytes() == bytes(damaged)  # kept exactly as it was
    assert patient_count(clinic) == 3
    Store.open(str(clinic), backup_dir=folder).dispose()  # opens again


def test_a_second_process_on_the_same_database_gets_a_clear_message(clinic: Path) -> None:
    store = Store.open(str(clinic))
    try:
        code = (
            "import sys; from mesodesk.services.store import Store\n"
            "try:\n    Store.open(sys.argv[1])\n"
            "except Exception as exc:\n    print(type(exc).__name__, exc)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(clinic)], capture_output=True, text=True, timeout=60
        ).stdout
    finally:
        store.dispose()
    assert out.startswith("DatabaseInUse") and "already open in another MesoDesk" in out
    Store.open(str(clinic)).dispose()  # free again once the first one closes


# -- restore -------------------------------------------------------------------------------


def test_restore_puts_the_backup_back_and_keeps_the_current_state(
    clinic: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    backup = take_backup(clinic, folder, "manual")
    store = Store.open(str(clinic), backup_dir=folder)
    add_patients(store, 2, start=10)
    store.dispose()
    result = restore_backup(backup.path, clinic, folder)
    assert patient_count(clinic) == 3 and not result.needs_upgrade
    assert result.safety is not None and result.safety.manifest.reason == "before-restore"
    assert patient_count(result.safety.path) == 5


def test_restore_refuses_while_another_process_has_the_database_open(
    clinic: Path, tmp_path: Path
) -> None:
    backup = take_backup(clinic, tmp_path / "b", "manual")
    with (
        held_elsewhere(clinic) as holder,
        pytest.raises(DatabaseInUse, match=f"process {holder.pid}"),
    ):
        restore_backup(backup.path, clinic, tmp_path / "b")
    assert len(list_backups(tmp_path / "b")) == 1  # not even the safety backup was taken


def test_an_older_schema_is_restored_and_flagged_for_upgrade(
    clinic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = take_backup(clinic, tmp_path / "b", "manual")
    monkeypatch.setattr("mesodesk.db.migrate.head_revision", lambda: "9999")  # a later release
    assert restore_backup(backup.path, clinic, tmp_path / "b").needs_upgrade
    monkeypatch.undo()


def test_a_backup_from_a_newer_release_or_with_a_bad_checksum_is_refused(
    clinic: Path, tmp_path: Path
) -> None:
    backup = take_backup(clinic, tmp_path / "b", "manual")
    with sqlite3.connect(backup.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'not-a-revision'")
    with pytest.raises(BackupError, match="checksum"):
        restore_backup(backup.path, clinic, tmp_path / "b")
    backup.path.with_suffix(".json").unlink()  # without a manifest the file speaks for itself
    with pytest.raises(BackupError, match="newer MesoDesk"):
        restore_backup(backup.path, clinic, tmp_path / "b")
    assert patient_count(clinic) == 3


def test_encrypted_backup_restores_and_a_tampered_one_writes_nothing(
    clinic: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "b"
    backup = take_backup(clinic, folder, "manual", passphrase="s3cret pass")
    assert backup.manifest.encrypted and backup.manifest.patients == 3
    with pytest.raises(BackupError, match="encrypted"):
        restore_backup(backup.path, tmp_path / "new.db", folder)
    restored = tmp_path / "new.db"
    restore_backup(backup.path, restored, folder, passphrase="s3cret pass")
    assert patient_count(restored) == 3

    data = bytearray(backup.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    backup.path.write_bytes(bytes(data))
    backup.path.with_name(backup.path.name.replace(".db.enc", ".json")).unlink()
    target = tmp_path / "other.db"
    with pytest.raises(BackupError, match="altered"):
        restore_backup(backup.path, target, folder, passphrase="s3cret pass")
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if "decrypted" in p.name]

"""Named backups with manifests, encryption in authenticated chunks, and the checks on open."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from mesodesk.db.backup import BackupError, read_manifest, write_backup
from mesodesk.db.crypto import CHUNK, decrypt_file, encrypt_file, is_encrypted
from mesodesk.db.guard import (
    InstanceLock,
    NetworkShare,
    filesystem_of,
    lock_path,
    network_filesystem,
    quick_check,
    refuse_network_share,
)
from mesodesk.files import file_sha256
from mesodesk.services.store import Store

NOON = datetime(2026, 3, 14, 12, 0, 0)


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    store = Store.open(str(tmp_path / "clinic.db"), backup_dir=tmp_path / "unused")
    store.dispose()
    return tmp_path / "clinic.db"


def test_a_backup_has_a_manifest_that_describes_and_verifies_it(
    clinic: Path, tmp_path: Path
) -> None:
    path, manifest = write_backup(clinic, tmp_path / "b", "manual", now=NOON)
    assert path.name == "clinic-20260314-120000-manual.db"
    assert read_manifest(path) == manifest
    assert manifest.patients == 0 and manifest.sessions == 0 and manifest.revision
    assert manifest.size == path.stat().st_size and manifest.sha256 == file_sha256(path)
    assert manifest.source == str(clinic.resolve()) and manifest.reason == "manual"
    assert manifest.created_at.replace(tzinfo=None) == NOON


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(
    clinic: Path, tmp_path: Path
) -> None:
    made = [write_backup(clinic, tmp_path / "b", "manual", now=NOON)[0] for _ in range(3)]
    assert [p.name for p in made] == [
        "clinic-20260314-120000-manual.db",
        "clinic-20260314-120000-manual-2.db",
        "clinic-20260314-120000-manual-3.db",
    ]
    assert all(read_manifest(p) is not None and p.is_file() for p in made)


def test_a_failed_backup_leaves_neither_file_nor_manifest(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    with pytest.raises(BackupError):
        write_backup(damaged, tmp_path / "b", "manual", now=NOON)
    assert list((tmp_path / "b").iterdir()) == []


def test_encrypted_round_trip_streams_in_chunks(tmp_path: Path) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(CHUNK * 2 + 123))
    sealed = encrypt_file(plain, tmp_path / "sealed.enc", "correct horse")
    assert is_encrypted(sealed) and plain.read_bytes()[:4096] not in sealed.read_bytes()
    out = decrypt_file(sealed, tmp_path / "out.bin", "correct horse")
    assert out.read_bytes() == plain.read_bytes()


def _tamper(data: bytes, how: str) -> bytes:
    header, length = 45, 4 + 12 + CHUNK + 16  # header, then one full chunk
    if how == "flip":
        return data[:-40] + bytes([data[-40] ^ 1]) + data[-39:]
    if how == "flip header":
        return data[:20] + bytes([data[20] ^ 1]) + data[21:]
    if how == "truncate at chunk":
        return data[: header + length]
    if how == "truncate mid chunk":
        return data[: header + length + 100]
    if how == "reorder":
        first, second = data[header : header + length], data[header + length : header + 2 * length]
        return data[:header] + second + first + data[header + 2 * length :]
    raise AssertionError(how)


@pytest.mark.parametrize(
    "how", ["flip", "flip header", "truncate at chunk", "truncate mid chunk", "reorder"]
)
def test_tampering_is_detected_and_nothing_is_written(tmp_path: Path, how: str) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(os.urandom(CHUNK * 3 + 7))
    sealed = encrypt_file(plain, tmp_path / "sealed.enc", "pw")
    sealed.write_bytes(_tamper(sealed.read_bytes(), how))
    with pytest.raises(BackupError):
        decrypt_file(sealed, tmp_path / "out.bin", "pw")
    assert not (tmp_path / "out.bin").exists()


def test_a_wrong_passphrase_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"x" * 10)
    sealed = encrypt_file(plain, tmp_path / "sealed.enc", "right")
    with pytest.raises(BackupError, match="passphrase is wrong"):
        decrypt_file(sealed, tmp_path / "out.bin", "wrong")
    assert not (tmp_path / "out.bin").exists()


def test_an_encrypted_backup_holds_no_plain_copy(clinic: Path, tmp_path: Path) -> None:
    path, manifest = write_backup(clinic, tmp_path / "b", "manual", now=NOON, passphrase="pw")
    assert path.name.endswith(".db.enc") and manifest.encrypted
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == [
        "clinic-20260314-120000-manual.db.enc",
        "clinic-20260314-120000-manual.json",
    ]
    assert not [p for p in clinic.parent.iterdir() if p.name.endswith(".snapshot")]
    out = decrypt_file(path, tmp_path / "out.db", "pw")
    assert quick_check(out) == "ok"


MOUNTS = [
    ("/", "ext4"),
    ("/mnt/server", "cifs"),
    ("/mnt/server/local", "ext4"),
    ("/home", "nfs4"),
    ("/Volumes/Share", "smbfs"),
]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/var/lib/x.db", "ext4"),
        ("/mnt/server/clinic.db", "cifs"),
        ("/mnt/server/local/clinic.db", "ext4"),
        ("/mnt/serverx/clinic.db", "ext4"),
        ("/home/anna/clinic.db", "nfs4"),
    ],
)
def test_the_filesystem_is_the_longest_matching_mount(path: str, kind: str) -> None:
    assert filesystem_of(Path(path), MOUNTS) == kind


def test_unc_paths_and_network_mounts_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NetworkShare, match="server mode"):
        refuse_network_share(Path("\\\\server\\clinic\\mesodesk.db"))
    monkeypatch.setattr("mesodesk.db.guard.read_mounts", lambda: MOUNTS)
    assert network_filesystem(Path("/mnt/server/clinic.db")) == "a network share (cifs)"
    assert network_filesystem(Path("/var/lib/clinic.db")) is None


def test_a_network_database_is_refused_on_open(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("mesodesk.db.guard.read_mounts", lambda: [(str(tmp_path), "nfs")])
    with pytest.raises(NetworkShare, match="nfs"):
        Store.open(str(tmp_path / "clinic.db"))
    assert not (tmp_path / "clinic.db").exists()


def test_the_instance_lock_is_shared_in_process_and_released(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    first, second = InstanceLock.acquire(db), InstanceLock.acquire(db)
    assert first is second
    first.release()
    assert not InstanceLock.is_held_elsewhere(db)
    second.release()
    assert lock_path(db).read_text().strip() == str(os.getpid())


def test_quick_check_reports_damage(clinic: Path) -> None:
    assert quick_check(clinic) == "ok"
    with sqlite3.connect(clinic) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert pages > 3
    data = bytearray(clinic.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xff" * 4096
    clinic.write_bytes(bytes(data))
    assert quick_check(clinic) != "ok"

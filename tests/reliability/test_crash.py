"""A writer killed at random moments never loses an acknowledged record or damages the file,
and a backup taken while another process writes restores to a consistent database."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mesodesk.services.backups import restore_backup, take_backup
from mesodesk.services.store import Store

WRITER = Path(__file__).with_name("writer.py")
TRIALS = 24
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def start_writer(db: Path, backups: Path, tag: str, pause: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(backups), tag, str(pause)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def kill(process: subprocess.Popen[str]) -> list[int]:
    """SIGKILL, then every id the writer acknowledged (complete lines only)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, err
    lines = out.split("\n")[:-1]  # a line cut by the kill has no newline: not acknowledged
    return [int(line) for line in lines]


def check_database(db: Path) -> tuple[str, set[int], list[tuple]]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        ids = {row[0] for row in conn.execute("SELECT id FROM patients")}
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    return integrity, ids, broken


def test_sigkill_at_random_moments_loses_no_acknowledged_record(tmp_path: Path) -> None:
    db, backups = tmp_path / "clinic.db", tmp_path / "backups"
    Store.open(str(db), backup_dir=backups).dispose()
    rng = random.Random(20261125)
    acknowledged: list[int] = []
    killed_mid_stream = 0
    started = time.monotonic()
    for trial in range(TRIALS):
        writer = start_writer(db, backups, str(trial))
        if trial % 4 == 3:  # now and then, during start-up: lock, checks, opening
            time.sleep(rng.uniform(0.0, 0.8))
            acknowledged += kill(writer)
            continue
        assert writer.stdout is not None
        first = writer.stdout.readline()
        assert first.endswith("\n"), writer.stderr.read() if writer.stderr else ""
        time.sleep(rng.uniform(0.0, 0.25))
        acknowledged += [int(first), *kill(writer)]
        killed_mid_stream += 1
    elapsed = time.monotonic() - started

    integrity, stored, broken = check_database(db)
    lost = sorted(set(acknowledged) - stored)
    print(
        f"\n{TRIALS} kills in {elapsed:.1f} s, {len(acknowledged)} acknowledged, {len(lost)} lost"
    )
    assert integrity == "ok" and broken == []
    assert lost == [], f"acknowledged but missing: {lost[:10]}"
    assert len(acknowledged) == len(set(acknowledged)) and killed_mid_stream >= 18
    assert len(acknowledged) > TRIALS
    Store.open(str(db), backup_dir=backups).dispose()  # quick_check passes, no stale lock


def test_a_backup_taken_during_writes_restores_to_a_consistent_database(tmp_path: Path) -> None:
    db, backups = tmp_path / "clinic.db", tmp_path / "backups"
    Store.open(str(db), backup_dir=backups).dispose()
    writer = start_writer(db, backups, "live", pause=0.002)
    try:
        assert writer.stdout is not None
        acknowledged_before = [int(writer.stdout.readline()) for _ in range(30)]
        backup = take_backup(db, tmp_path / "during", "manual")
        time.sleep(0.2)  # the writer carries on after the snapshot
    finally:
        acknowledged_after = kill(writer)
    restored = tmp_path / "restored.db"
    restore_backup(backup.path, restored, tmp_path / "safety")
    integrity, ids, broken = check_database(restored)
    assert integrity == "ok" and broken == []
    assert set(acknowledged_before) <= ids
    assert backup.manifest.patients == len(ids)
    assert acknowledged_after and not set(acknowledged_after[-5:]) <= ids  # a snapshot, not later
    Store.open(str(restored), backup_dir=backups).dispose()

"""The command line as an IT person uses it: real processes, a temporary data folder."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mesodesk import cli
from mesodesk.db.engine import sqlite_url
from mesodesk.demo import generate
from mesodesk.logging_setup import RotatingLogFile, configure_logging
from mesodesk.services.store import Store


def mesodesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MESODESK_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    env.pop("MESODESK_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mesodesk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made by the command, shared by the read-only tests."""
    home = tmp_path_factory.mktemp("home")
    path = home / "clinic-demo.db"
    result = mesodesk(home, "demo", "--db", str(path))
    assert result.returncode == 0, result.stderr
    return path


def _copy(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def test_demo_then_check_pass(tmp_path: Path, demo_db: Path) -> None:
    result = mesodesk(tmp_path, "--db", str(demo_db), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert all(line.startswith("ok ") for line in lines[:-1])
    assert {"integrity_check", "foreign keys", "audit chain"} <= {
        line.split(None, 1)[1].split(":")[0] for line in lines[:-1]
    }
    assert lines[-1].startswith("All checks passed")


def test_demo_prints_a_summary_and_progress(tmp_path: Path) -> None:
    result = mesodesk(tmp_path, "demo", "--patients", "12", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "12 patients" in result.stdout and "treatment_sessions" in result.stdout
    assert "Done in" in result.stdout
    assert "12 / 12 patients" in result.stderr
    # Without --db the demo goes to the demo database, never the clinic's default database.
    assert (tmp_path / "demo.db").is_file() and not (tmp_path / "mesodesk.db").exists()


def test_demo_twice_refuses_and_force_replaces(tmp_path: Path) -> None:
    path = str(tmp_path / "d.db")
    assert mesodesk(tmp_path, "demo", "--db", path, "--patients", "4").returncode == 0
    again = mesodesk(tmp_path, "demo", "--db", path, "--patients", "4")
    assert again.returncode == 1
    assert "already holds demo data" in again.stderr and "Traceback" not in again.stderr
    forced = mesodesk(tmp_path, "demo", "--db", path, "--patients", "6", "--force")
    assert forced.returncode == 0, forced.stderr
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM patients").fetchone()[0] == 6


def test_force_never_touches_real_data(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    store = Store.open(str(path))
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO users (username, display_name, role, credentials, active, created_at) "
            "VALUES ('dr.x', 'Dr X', 'practitioner', '', 1, '2026-01-01 09:00:00.000000')"
        )
    store.dispose()
    result = mesodesk(tmp_path, "demo", "--db", str(path), "--force")
    assert result.returncode == 1
    assert "never mixed" in result.stderr
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM users").fetchone()[0] == 1


def test_check_finds_a_broken_foreign_key(tmp_path: Path, demo_db: Path) -> None:
    path = _copy(demo_db, tmp_path / "broken.db")
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute(
            "INSERT INTO session_lots (session_id, lot_id, quantity) VALUES (1, 999999, 1)"
        )
    result = mesodesk(tmp_path, "check", "--db", str(path))
    assert result.returncode == 1
    assert "FAILED   foreign keys" in result.stdout
    assert "FAILED   session lots point at lots" in result.stdout
    assert "checks FAILED" in result.stderr


def test_check_finds_a_tampered_audit_row(tmp_path: Path, demo_db: Path) -> None:
    path = _copy(demo_db, tmp_path / "tampered.db")
    with sqlite3.connect(path) as connection:
        # The triggers refuse the edit: a tamperer with the file drops them first.
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET summary = 'nothing to see' WHERE id = 3")
    result = mesodesk(tmp_path, "check", "--db", str(path))
    assert result.returncode == 1
    assert "FAILED   audit chain" in result.stdout and "entry 3" in result.stdout
    assert "FAILED   audit trail protection" in result.stdout


def test_check_reports_an_old_schema_and_changes_nothing(tmp_path: Path, demo_db: Path) -> None:
    path = _copy(demo_db, tmp_path / "old.db")
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM alembic_version")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = mesodesk(tmp_path, "check", "--db", str(path))
    assert result.returncode == 1
    assert "FAILED   schema revision: not a MesoDesk database" in result.stdout
    assert "skipped  audit chain" in result.stdout
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert list(tmp_path.glob("backups/*")) == []


def test_check_without_a_database(tmp_path: Path) -> None:
    result = mesodesk(tmp_path, "check", "--db", str(tmp_path / "missing.db"))
    assert result.returncode == 1
    assert "no database at" in result.stdout
    assert not (tmp_path / "missing.db").exists()


def test_patients_lists_and_resolves_record_numbers_and_ids(tmp_path: Path, demo_db: Path) -> None:
    listed = mesodesk(tmp_path, "patients", "--db", str(demo_db), "--tsv", "--limit", "5")
    assert listed.returncode == 0, listed.stderr
    header, *rows = listed.stdout.splitlines()
    assert header.split("\t") == ["id", "record", "name", "born", "sex", "phone"]
    assert len(rows) == 5 and "5 of 48 patients" in listed.stderr
    patient_id, record = rows[0].split("\t")[:2]
    for ref in (record, patient_id):
        one = mesodesk(tmp_path, "patients", "--db", str(demo_db), "--patient", ref, "--tsv")
        assert one.returncode == 0, one.stderr
        assert one.stdout.splitlines()[1].split("\t")[:2] == [patient_id, record]
    missing = mesodesk(tmp_path, "patients", "--db", str(demo_db), "--patient", "P999999")
    assert missing.returncode == 1 and "No patient" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_patients_search_ignores_accents(tmp_path: Path, demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as connection:
        family, search_name = connection.execute(
            "SELECT family_name, search_name FROM patients WHERE family_name != search_name "
            "ORDER BY id LIMIT 1"
        ).fetchone()
    result = mesodesk(tmp_path, "patients", "--db", str(demo_db), "--search", search_name[:4])
    assert result.returncode == 0, result.stderr
    assert family in result.stdout


def test_resolve_patient_helper(demo_db: Path) -> None:
    store = Store(sqlite_url(demo_db))
    try:
        assert cli.resolve_patient(store, "P000002") == 2
        assert cli.resolve_patient(store, " 3 ") == 3
    finally:
        store.dispose()


@pytest.mark.parametrize("command", [c.name for c in cli.commands()])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: mesodesk {command}") and "--db" in out


def test_top_level_help_and_version(tmp_path: Path) -> None:
    helped = mesodesk(tmp_path, "--help")
    assert helped.returncode == 0
    assert all(c.name in helped.stdout for c in cli.commands())
    version = mesodesk(tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.startswith("MesoDesk ")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = mesodesk(tmp_path, "demo", "--patients", "0")
    assert result.returncode == 2 and "less than 1" in result.stderr
    result = mesodesk(tmp_path, "--demo", "check")
    assert result.returncode == 2


def test_no_command_opens_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MESODESK_HOME", str(tmp_path))
    monkeypatch.delenv("MESODESK_DATABASE_URL", raising=False)
    opened: list[tuple[str, bool]] = []
    monkeypatch.setattr(cli, "open_app", lambda url, demo: opened.append((url, demo)) or 0)
    assert cli.main([]) == 0
    assert cli.main(["--db", str(tmp_path / "x.db")]) == 0
    assert cli.main(["--demo"]) == 0  # generates the demo database first
    assert opened == [
        (sqlite_url(tmp_path / "mesodesk.db"), False),
        (sqlite_url(tmp_path / "x.db"), False),
        (sqlite_url(tmp_path / "demo.db"), True),
    ]
    with sqlite3.connect(tmp_path / "demo.db") as connection:
        assert connection.execute("SELECT count(*) FROM patients").fetchone()[0] == 48


def test_missing_window_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "mesodesk.ui.app", None)  # import raises ImportError
    assert cli.open_app("sqlite:///x.db", demo=False) == 1
    assert "cannot start" in capsys.readouterr().err


def test_logging_without_a_console(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MESODESK_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "stderr", None)
    log_file = configure_logging()
    try:
        ours = [h for h in logging.getLogger().handlers if getattr(h, "_mesodesk_handler", False)]
        assert log_file == tmp_path / "logs" / "mesodesk.log"
        assert [type(h) for h in ours] == [RotatingLogFile]  # no console handler
        logging.getLogger("mesodesk.test").warning("written without a console")
        assert "written without a console" in log_file.read_text(encoding="utf-8")
        for _ in range(2):  # 1 MB a file: the log rolls over to mesodesk.log.1
            logging.getLogger("mesodesk.test").warning("x" * 600_000)
        assert log_file.with_name("mesodesk.log.1").is_file()
        assert log_file.stat().st_size <= 1_000_000
    finally:
        for handler in ours:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_generate_accepts_an_open_store(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "s.db"))
    try:
        summary = generate(store, patients=3)
    finally:
        store.dispose()
    assert summary.rows["patients"] == 3

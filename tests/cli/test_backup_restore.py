"""`mesodesk backup` and `mesodesk restore` as an IT person runs them: real processes."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from mesodesk import cli
from mesodesk.domain.drafts import PatientDraft
from mesodesk.services.patients import PatientService
from mesodesk.services.store import SYSTEM, Store


def mesodesk(
    home: Path, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "MESODESK_HOME": str(home), "PYTHONIOENCODING": "utf-8", **env}
    environ.pop("MESODESK_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mesodesk", *args],
        capture_output=True, text=True, encoding="utf-8", env=environ, timeout=120,
        check=False, input=stdin if stdin is not None else "",
    )  # fmt: skip


def patients(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM patients").fetchone()[0]


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.db"
    store = Store.open(str(path), backup_dir=tmp_path / "startup-backups")
    service = PatientService(store, SYSTEM)
    for n in range(4):
        service.register(PatientDraft(f"Family{n}", "Bea", date(1975, 5, 5)))
    store.dispose()
    return path


def add_patient(path: Path) -> None:
    store = Store.open(str(path), backup_dir=path.parent / "startup-backups")
    PatientService(store, SYSTEM).register(PatientDraft("Later", "Added", date(1990, 1, 1)))
    store.dispose()


def test_backup_prints_its_path_and_restore_puts_it_back(clinic: Path, tmp_path: Path) -> None:
    made = mesodesk(tmp_path, "backup", "--db", str(clinic), "--to", str(tmp_path / "usb"))
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    assert backup.parent == tmp_path / "usb" and backup.is_file()
    assert backup.with_suffix(".json").is_file() and "4 patients" in made.stderr
    add_patient(clinic)
    assert patients(clinic) == 5

    restored = mesodesk(
        tmp_path,
        "restore",
        "--db",
        str(clinic),
        str(backup),
        "--yes",
        "--to",
        str(tmp_path / "usb"),
    )
    assert restored.returncode == 0, restored.stderr
    assert "Patients:  4" in restored.stdout and "Revision:" in restored.stdout
    assert "kept as" in restored.stdout and patients(clinic) == 4
    kept = Path(restored.stdout.split("kept as ")[1].splitlines()[0])
    assert patients(kept) == 5 and "before-restore" in kept.name


def test_backup_goes_to_the_folder_from_the_environment(clinic: Path, tmp_path: Path) -> None:
    made = mesodesk(
        tmp_path, "--db", str(clinic), "backup", MESODESK_BACKUP_DIR=str(tmp_path / "e")
    )
    assert made.returncode == 0, made.stderr
    assert Path(made.stdout.strip()).parent == tmp_path / "e"


def test_restore_without_a_terminal_needs_yes(clinic: Path, tmp_path: Path) -> None:
    backup = mesodesk(tmp_path, "backup", "--db", str(clinic)).stdout.strip()
    add_patient(clinic)
    refused = mesodesk(tmp_path, "restore", "--db", str(clinic), backup, stdin="yes\n")
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert "Traceback" not in refused.stderr and patients(clinic) == 5


def test_restore_asks_on_a_terminal(
    clinic: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = mesodesk(tmp_path, "backup", "--db", str(clinic)).stdout.strip()
    add_patient(clinic)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    assert cli.main(["restore", "--db", str(clinic), backup]) == 1
    assert "Nothing was changed" in capsys.readouterr().err and patients(clinic) == 5
    monkeypatch.setattr(sys, "stdin", Terminal("yes\n"))
    assert cli.main(["restore", "--db", str(clinic), backup]) == 0
    assert patients(clinic) == 4


def test_restore_refuses_while_the_database_is_open(clinic: Path, tmp_path: Path) -> None:
    backup = mesodesk(tmp_path, "backup", "--db", str(clinic)).stdout.strip()
    store = Store.open(str(clinic), backup_dir=tmp_path / "startup-backups")
    try:
        refused = mesodesk(tmp_path, "restore", "--db", str(clinic), backup, "--yes")
    finally:
        store.dispose()
    assert refused.returncode == 1 and "is open in MesoDesk" in refused.stderr


def test_encrypted_backup_with_a_passphrase_file(clinic: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("a long clinic passphrase\n")
    made = mesodesk(tmp_path, "backup", "--db", str(clinic), "--passphrase-file", str(secret))
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    assert backup.name.endswith(".db.enc") and b"SQLite format" not in backup.read_bytes()[:100]

    target = tmp_path / "new-computer.db"
    wrong = mesodesk(tmp_path, "restore", "--db", str(target), str(backup), "--yes",
                     MESODESK_BACKUP_PASSPHRASE="wrong")  # fmt: skip
    assert wrong.returncode == 1 and "passphrase is wrong" in wrong.stderr
    assert not target.exists()
    ok = mesodesk(tmp_path, "restore", "--db", str(target), str(backup), "--yes",
                  MESODESK_BACKUP_PASSPHRASE="a long clinic passphrase")  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert patients(target) == 4 and "does not exist yet" in ok.stdout


def test_a_tampered_backup_is_refused_and_nothing_changes(clinic: Path, tmp_path: Path) -> None:
    backup = Path(mesodesk(tmp_path, "backup", "--db", str(clinic)).stdout.strip())
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))
    before = clinic.read_bytes()
    refused = mesodesk(tmp_path, "restore", "--db", str(clinic), str(backup), "--yes")
    assert refused.returncode == 1 and "checksum" in refused.stderr
    assert clinic.read_bytes() == before


def test_a_damaged_database_names_the_latest_good_backup(clinic: Path, tmp_path: Path) -> None:
    backup = mesodesk(tmp_path, "backup", "--db", str(clinic)).stdout.strip()
    data = bytearray(clinic.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\xff" * 4096
    clinic.write_bytes(bytes(data))
    code = "import sys; from mesodesk.services.store import Store\ntry:\n Store.open(sys.argv[1])\n"
    code += "except Exception as e:\n print(e)"
    env = {**os.environ, "MESODESK_HOME": str(tmp_path)}
    store_error = subprocess.run(
        [sys.executable, "-c", code, str(clinic)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    ).stdout
    assert "is damaged" in store_error and backup in store_error


def test_a_server_database_is_not_backed_up_here(tmp_path: Path) -> None:
    result = mesodesk(tmp_path, "backup", "--db", "postgresql://clinic-server/mesodesk")
    assert result.returncode == 1 and "pg_dump" in result.stderr

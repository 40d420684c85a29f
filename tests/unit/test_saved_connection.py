"""The workstation's saved database choice: after --db and the environment, never a password."""

from __future__ import annotations

from pathlib import Path

import pytest

from mesodesk.db.saved_connection import save_database_url, saved_database_url, server_url
from mesodesk.db.urls import resolve_url

SERVER = "postgresql+psycopg://mesodesk@clinic-server:5432/mesodesk"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MESODESK_HOME", str(tmp_path))
    monkeypatch.delenv("MESODESK_DATABASE_URL", raising=False)
    return tmp_path


def test_the_saved_server_is_opened_unless_db_or_the_environment_say_otherwise(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_url() == f"sqlite:///{home.resolve() / 'mesodesk.db'}"
    save_database_url(SERVER)
    assert saved_database_url() == SERVER and resolve_url() == SERVER
    assert resolve_url(str(home / "other.db")).endswith("other.db")
    monkeypatch.setenv("MESODESK_DATABASE_URL", "sqlite:///elsewhere.db")
    assert resolve_url() == "sqlite:///elsewhere.db"
    monkeypatch.delenv("MESODESK_DATABASE_URL")
    save_database_url(None)  # back to the workstation's own file
    assert saved_database_url() is None and resolve_url().endswith("mesodesk.db")


def test_a_password_or_a_file_url_is_never_saved(home: Path) -> None:
    with pytest.raises(ValueError, match="password is never saved"):
        save_database_url("postgresql+psycopg://mesodesk:secret@clinic-server/mesodesk")
    with pytest.raises(ValueError, match="Only a clinic server"):
        save_database_url("sqlite:///x.db")
    assert saved_database_url() is None and not list(home.glob("*.json"))


def test_a_damaged_settings_file_counts_as_no_choice(home: Path) -> None:
    (home / "workstation.json").write_text("{not json", encoding="utf-8")
    assert saved_database_url() is None


def test_the_address_is_built_from_the_fields_and_checked() -> None:
    assert server_url(" clinic-server ", 5433, "meso desk", "dr.ö") == (
        "postgresql+psycopg://dr.%C3%B6@clinic-server:5433/meso%20desk"
    )
    assert server_url("fe80::1", 5432, "m", "u").startswith("postgresql+psycopg://u@[fe80::1]:")
    with pytest.raises(ValueError, match="Fill in the server, user name"):
        server_url("", 5432, "mesodesk", " ")
    with pytest.raises(ValueError, match="not a port number"):
        server_url("h", 70000, "d", "u")

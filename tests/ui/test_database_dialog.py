"""File ▸ Database connection…: choose the clinic server, test it, save it for the next start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from mesodesk.db.saved_connection import saved_database_url
from mesodesk.ui.dialogs.database_dialog import DatabaseDialog


@pytest.fixture
def dialog(qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DatabaseDialog:
    monkeypatch.setenv("MESODESK_HOME", str(tmp_path))
    window.ui.actionDatabaseConnection.trigger()
    shown = window.database_dialog
    qtbot.addWidget(shown)
    assert shown.own.isChecked() and not shown.fields.isEnabled()
    return shown


def test_the_clinic_server_is_saved_without_its_password(qtbot, dialog, questions) -> None:
    dialog.server.setChecked(True)
    assert dialog.fields.isEnabled()
    qtbot.keyClicks(dialog.host, "clinic-server")
    dialog.password.setText("secret")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert saved_database_url() == "postgresql+psycopg://mesodesk@clinic-server:5432/mesodesk"
    assert "opens the clinic server at the next start" in questions[-1]
    assert "secret" not in Path(os.environ["MESODESK_HOME"], "workstation.json").read_text()


def test_a_missing_server_name_is_refused(qtbot, dialog, questions) -> None:
    dialog.server.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "Fill in the server name" in questions[-1] and saved_database_url() is None
    assert dialog.isVisible()


def test_an_unreachable_server_is_reported(qtbot, dialog, runner) -> None:
    dialog.server.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert dialog.message.text().startswith("The server could not be reached")


@pytest.mark.skipif(
    not os.environ.get("MESODESK_TEST_PG_URL"), reason="needs a PostgreSQL test server"
)
def test_the_test_server_answers(qtbot, dialog, runner) -> None:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(os.environ["MESODESK_TEST_PG_URL"])
    dialog.server.setChecked(True)
    dialog.host.setText(parts.hostname or "")
    dialog.port.setValue(parts.port or 5432)
    dialog.user.setText(unquote(parts.username or ""))
    dialog.database.setText(unquote(parts.path.lstrip("/")))
    dialog.password.setText(unquote(parts.password or ""))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert dialog.message.text().startswith("Connected: PostgreSQL"), dialog.message.text()

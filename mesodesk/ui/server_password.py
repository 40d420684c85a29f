"""The clinic server's password, asked at start-up when neither the URL nor libpq's password
file (PGPASSFILE, `~/.pgpass`, `%APPDATA%\\postgresql\\pgpass.conf`) supplies one. It is
kept in this process's memory only: never in settings, never on disk."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_password(parent: QWidget | None, user: str, server: str, wrong: bool) -> str | None:
    """The password typed, or None when the person cancels."""
    intro = "That password was not accepted. " if wrong else ""
    text, ok = QInputDialog.getText(
        parent,
        "MesoDesk — clinic server",
        f"{intro}Password of the database user “{user}” on {server}:",
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None

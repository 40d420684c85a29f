"""File ▸ Database connection…: this workstation's own file, or the clinic server.

The choice is saved for the next start (`mesodesk.db.saved_connection`); the password never
is. Test connection tries the server on the database thread before anything is saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mesodesk import paths
from mesodesk.db.saved_connection import save_database_url, saved_database_url, server_url
from mesodesk.ui.tasks import TaskRunner


class DatabaseDialog(QDialog):
    def __init__(self, runner: TaskRunner, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Database connection")
        self.runner = runner
        self.own = QRadioButton(f"This workstation's own database\n{paths.default_database_path()}")
        self.server = QRadioButton("The clinic server (PostgreSQL), shared by every workstation")
        self.host, self.database, self.user = QLineEdit(), QLineEdit("mesodesk"), QLineEdit()
        self.host.setPlaceholderText("clinic-server or 192.168.1.20")
        self.user.setText("mesodesk")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("only to test; never saved")
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.addRow("&Server:", self.host)
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("Pass&word:", self.password)
        self.test_button = QPushButton("&Test connection")
        self.test_button.clicked.connect(self.test_connection)
        form.addRow("", self.test_button)
        self.message = QLabel(f"Now open: {current}")
        self.message.setWordWrap(True)
        self.message.setObjectName("connectionMessage")
        note = QLabel(
            "The choice takes effect at the next start. The password is never saved: put it "
            "in the PostgreSQL password file (see the README) or type it when MesoDesk asks. "
            "To move this workstation's records onto the server, use mesodesk migrate-store."
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.own, self.server, self.fields, self.message, note, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)
        self.own.toggled.connect(lambda own: self.fields.setEnabled(not own))
        self._show_saved()

    def _show_saved(self) -> None:
        from urllib.parse import unquote, urlsplit

        saved = saved_database_url()
        if saved is None:
            self.own.setChecked(True)
            self.fields.setEnabled(False)
            return
        parts = urlsplit(saved)
        self.server.setChecked(True)
        self.host.setText(parts.hostname or "")
        self.port.setValue(parts.port or 5432)
        self.user.setText(unquote(parts.username or ""))
        self.database.setText(unquote(parts.path.lstrip("/")))

    def chosen_url(self) -> str | None:
        """The server address from the fields (ValueError when one is missing), or None."""
        if self.own.isChecked():
            return None
        return server_url(
            self.host.text(), self.port.value(), self.database.text(), self.user.text()
        )

    def test_connection(self) -> None:
        from mesodesk.services.connection import try_server

        try:
            url = self.chosen_url()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        if url is None:
            return
        password = self.password.text() or None
        self.message.setText(f"Trying {url.split('@', 1)[-1]}…")
        self.test_button.setEnabled(False)
        self.runner.lookup(lambda: try_server(url, password), self._tested, self._tested)

    def _tested(self, result: object) -> None:
        self.test_button.setEnabled(True)
        self.message.setText(str(result))

    def save(self) -> None:
        try:
            url = self.chosen_url()
            save_database_url(url)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, "Not saved", str(exc))
            return
        where = "the clinic server" if url else "this workstation's own database"
        QMessageBox.information(
            self, "Database connection", f"MesoDesk opens {where} at the next start."
        )
        self.accept()

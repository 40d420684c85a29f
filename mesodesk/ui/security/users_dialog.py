"""Clinic ▸ Users… (administrators): add, change role, deactivate, reset a password.

And Clinic ▸ Sign-in settings…: whether everyone signs in, and after how long MesoDesk locks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from mesodesk.domain.enums import Role
from mesodesk.services import Services
from mesodesk.services.clinic import UserView
from mesodesk.ui.tasks import TaskRunner


class _ServiceDialog(QDialog):
    def __init__(self, title: str, services: Services, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.services, self.runner = services, runner
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.setMinimumWidth(460)

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.message.setText("")
        self.runner.database(work, done, self._refused)

    def _refused(self, error: BaseException) -> None:
        self.message.setText(str(error))
        self.adjustSize()  # room for the message, however long


class UsersDialog(_ServiceDialog):
    def __init__(self, services: Services, runner: TaskRunner, parent=None) -> None:
        super().__init__("Users", services, runner, parent)
        self.users: list[UserView] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels(["Name", "User name", "Role", "State", "Last sign-in"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        for text, slot in (
            ("&Add…", self.add_user),
            ("Change &role…", self.change_role),
            ("&Deactivate / reactivate", self.toggle_active),
            ("Reset &password…", self.reset_password),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(760, 380)
        self.reload()

    def reload(self, *_args: object) -> None:
        self.run(self.services.accounts.users, self._show)

    def _show(self, users: list[UserView]) -> None:
        self.users = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            state = "active" if user.active else "deactivated"
            if not user.has_password:
                state += ", no password"
            elif user.must_change_password:
                state += ", temporary password"
            last = f"{user.last_login_at.astimezone():%d.%m.%Y %H:%M}" if user.last_login_at else ""
            for column, text in enumerate(
                (user.display_name, user.username, user.role.label, state, last)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> UserView | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.users):
            return self.users[row]
        self.message.setText("Select a user first.")
        return None

    def add_user(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        accounts, values = self.services.accounts, dialog.values()
        self.run(lambda: accounts.add(**values), self.reload)

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        labels = [role.label for role in Role]
        label, ok = QInputDialog.getItem(
            self, "Change role", f"Role of {user.display_name}:", labels,
            list(Role).index(user.role), False,
        )  # fmt: skip
        if ok:
            role = list(Role)[labels.index(label)]
            accounts = self.services.accounts
            self.run(lambda: accounts.set_role(user.id, role), self.reload)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            accounts = self.services.accounts
            self.run(lambda: accounts.set_active(user.id, not user.active), self.reload)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        password, ok = QInputDialog.getText(
            self,
            "Reset password",
            f"A temporary password for {user.display_name} (they choose their own at the "
            "next sign-in):",
            QLineEdit.EchoMode.Password,
        )
        if ok:
            accounts = self.services.accounts
            self.run(lambda: accounts.reset_password(user.id, password), self.reload)


class AddUserDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a user")
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.credentials = QLineEdit()
        self.credentials.setPlaceholderText("e.g. MD, dermatologist")
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("temporary: changed at the first sign-in")
        form = QFormLayout(self)
        form.addRow("&Full name:", self.full_name)
        form.addRow("&User name:", self.username)
        form.addRow("&Role:", self.role)
        form.addRow("&Credentials:", self.credentials)
        form.addRow("&Password:", self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        return {
            "username": self.username.text(),
            "display_name": self.full_name.text(),
            "role": self.role.currentData(),
            "credentials": self.credentials.text(),
            "password": self.password.text() or None,
        }


class SignInSettingsDialog(_ServiceDialog):
    """Sign-in required or not (explicitly), and the idle lock in minutes."""

    def __init__(self, services: Services, runner: TaskRunner, parent=None) -> None:
        super().__init__("Sign-in settings", services, runner, parent)
        self.require = QCheckBox("Everyone &signs in with a user name and password")
        self.require.setObjectName("requireLogin")
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(" min")
        note = QLabel(
            "Without sign-in (a single-user clinic), anyone at this workstation sees every "
            "record and the audit trail names the computer's user."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.require)
        form.addRow("&Lock after no use for:", self.idle)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.settings = None
        self.setEnabled(False)
        self.run(services.clinic.settings, self._show)

    def _show(self, settings: Any) -> None:
        self.settings = settings
        self.require.setChecked(settings.require_login)
        self.idle.setValue(settings.idle_lock_minutes)
        self.setEnabled(True)

    def save(self) -> None:
        if self.settings is None:
            return
        changed = dataclasses.replace(
            self.settings,
            require_login=self.require.isChecked(),
            idle_lock_minutes=self.idle.value(),
        )
        clinic = self.services.clinic
        self.run(lambda: clinic.save_settings(changed), lambda _saved: self.accept())

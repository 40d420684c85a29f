"""The first-run, sign-in and lock dialogs, and the flow that picks one when a database opens.

Every check of a password runs on the database thread (Argon2id takes a tenth of a second);
the dialogs only collect text and show the service's refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mesodesk.services.auth import AuthService, UserSession
from mesodesk.services.clinic import UserView
from mesodesk.services.store import Actor, Store
from mesodesk.ui.tasks import TaskRunner

Ready = Callable[[Actor, "UserSession | None"], None]
_OPEN: set[QDialog] = set()


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _Form(QDialog):
    """A small form with a message line; `run` sends work to the database thread."""

    def __init__(self, title: str, intro: str, runner: TaskRunner, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.runner = runner
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.message = QLabel("")
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.setEnabled(False)
        self.message.setText("Checking…")

        def finished(result: Any) -> None:
            self.setEnabled(True)
            self.message.setText("")
            done(result)

        def failed(error: BaseException) -> None:
            self.setEnabled(True)
            self.message.setText(str(error))

        self.runner.database(work, finished, failed)


class FirstRunDialog(_Form):
    """First start: create the administrator, or choose (explicitly) to work without sign-in."""

    ready = Signal(object, object)  # (Actor, UserSession | None)

    def __init__(self, auth: AuthService, runner: TaskRunner, fallback: Actor, parent=None):
        super().__init__(
            "MesoDesk: first start",
            "Create the clinic's administrator account. From then on everyone signs in, and "
            "the administrator adds the other users (practitioners, front desk).",
            runner,
            parent,
        )
        self.auth, self.fallback = auth, fallback
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("fullName")
        self.password = _password_field()
        self.password.setObjectName("password")
        self.repeat = _password_field()
        self.repeat.setObjectName("repeat")
        self.form.addRow("&User name:", self.username)
        self.form.addRow("&Full name:", self.full_name)
        self.form.addRow("&Password (8+ characters):", self.password)
        self.form.addRow("&Repeat the password:", self.repeat)
        self.create = self.buttons.addButton(
            "Create administrator", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create.setDefault(True)
        self.no_login = self.buttons.addButton(
            "One user only: no sign-in…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.create.clicked.connect(self._on_create)
        self.no_login.clicked.connect(self._on_no_login)

    def _on_create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText("The two passwords differ.")
            return
        auth, name, full, password = (
            self.auth,
            self.username.text(),
            self.full_name.text(),
            self.password.text(),
        )

        def work() -> tuple[Actor, UserSession]:
            user = auth.create_first_administrator(name, full, password)
            return user.as_actor(), auth.start_session(user)

        self.run(work, self._done)

    def _on_no_login(self) -> None:
        answer = QMessageBox.question(
            self,
            "Work without sign-in?",
            "Anyone at this workstation will see and change every record, and the audit "
            "trail will name the computer's user. Choose this only for a single-user clinic; "
            "an administrator can switch sign-in on later in Clinic ▸ Sign-in settings.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        auth, actor = self.auth, self.fallback
        self.run(lambda: (auth.choose_no_login(actor), (actor, None))[1], self._done)

    def _done(self, result: tuple[Actor, UserSession | None]) -> None:
        self.accept()
        self.ready.emit(*result)


class LoginDialog(_Form):
    """Sign in; in lock mode (`session` given) the same user unlocks with the password."""

    ready = Signal(object, object)

    def __init__(
        self,
        auth: AuthService,
        runner: TaskRunner,
        parent=None,
        *,
        session: UserSession | None = None,
    ):
        locked = session is not None
        super().__init__(
            "MesoDesk is locked" if locked else "MesoDesk: sign in",
            (
                f"MesoDesk was locked after {session.idle_seconds // 60} minutes without use. "
                f"{session.user.display_name}, enter your password to go on where you left off."
                if session is not None
                else "Sign in with your MesoDesk user name and password."
            ),
            runner,
            parent,
        )
        self.auth, self.session = auth, session
        self.username = QLineEdit(session.user.username if session else "")
        self.username.setObjectName("username")
        self.username.setReadOnly(locked)
        self.password = _password_field()
        self.password.setObjectName("password")
        self.form.addRow("&User name:", self.username)
        self.form.addRow("&Password:", self.password)
        self.sign_in = QPushButton("Unlock" if locked else "Sign in")
        self.sign_in.setDefault(True)
        self.buttons.addButton(self.sign_in, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit = self.buttons.addButton("Quit MesoDesk", QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_in.clicked.connect(self._on_sign_in)
        self.quit.clicked.connect(self.reject)
        (self.password if locked else self.username).setFocus()
        if locked:
            self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def _on_sign_in(self) -> None:
        auth, name, password, session = (
            self.auth,
            self.username.text(),
            self.password.text(),
            self.session,
        )
        self.password.clear()

        def work() -> tuple[Actor, UserSession | None, UserView | None]:
            if session is not None:
                auth.unlock(session, password)
                return session.actor, session, None
            user: UserView = auth.sign_in(name, password)
            if user.must_change_password:  # an administrator's reset: a new one first
                return user.as_actor(), None, user
            return user.as_actor(), auth.start_session(user), None

        self.run(work, lambda result: self._done(result, password))

    def _done(
        self, result: tuple[Actor, UserSession | None, UserView | None], password: str
    ) -> None:
        actor, session, must_change = result
        self.accept()
        if must_change is None:
            self.ready.emit(actor, session)
            return
        dialog = ChangePasswordDialog(self.auth, self.runner, must_change, password, self.parent())
        dialog.ready.connect(self.ready)
        dialog.rejected.connect(self.rejected)
        _OPEN.add(dialog)
        dialog.finished.connect(lambda _code: _OPEN.discard(dialog))
        self.change_dialog = dialog
        dialog.open()


class ChangePasswordDialog(_Form):
    """After an administrator's reset: the user chooses a new password before going on."""

    ready = Signal(object, object)  # (Actor, UserSession)

    def __init__(
        self, auth: AuthService, runner: TaskRunner, user: UserView, current: str, parent=None
    ):
        super().__init__(
            "MesoDesk: choose a new password",
            f"{user.display_name}, your password was set by an administrator. Choose your own "
            "now; nobody else should know it.",
            runner,
            parent,
        )
        self.auth, self.user, self._current = auth, user, current
        self.password = _password_field()
        self.password.setObjectName("newPassword")
        self.repeat = _password_field()
        self.repeat.setObjectName("repeatPassword")
        self.form.addRow("&New password (8+ characters):", self.password)
        self.form.addRow("&Repeat it:", self.repeat)
        self.change = QPushButton("Change and sign in")
        self.change.setDefault(True)
        self.buttons.addButton(self.change, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit = self.buttons.addButton("Quit MesoDesk", QDialogButtonBox.ButtonRole.RejectRole)
        self.change.clicked.connect(self._on_change)
        self.quit.clicked.connect(self.reject)
        self.password.setFocus()

    def _on_change(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText("The two passwords differ.")
            return
        if self.password.text() == self._current:
            self.message.setText("Choose a password other than the one the administrator set.")
            return
        auth, user, current, new = self.auth, self.user, self._current, self.password.text()

        def work() -> tuple[Actor, UserSession]:
            auth.change_password(user.id, current, new)
            return user.as_actor(), auth.start_session(user)

        self.run(work, self._done)

    def _done(self, result: tuple[Actor, UserSession]) -> None:
        self._current = ""
        self.accept()
        self.ready.emit(*result)


def sign_in_then(
    store: Store,
    runner: TaskRunner,
    parent: QWidget | None,
    fallback: Actor,
    ready: Ready,
    cancelled: Callable[[], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Ask whatever the clinic's policy needs (first start, sign-in or nothing), then `ready`.

    `cancelled` when the dialog is closed without signing in; `failed` with the error when
    the policy itself cannot be read (nobody can be let in without it).
    """
    auth = AuthService(store)

    def decide(policy: Any) -> None:
        dialog: QDialog
        if policy.needs_setup:
            dialog = FirstRunDialog(auth, runner, fallback, parent)
        elif policy.require_login:
            dialog = LoginDialog(auth, runner, parent)
        else:
            ready(fallback, None)
            return
        dialog.ready.connect(ready)
        dialog.rejected.connect(cancelled)
        _OPEN.add(dialog)  # a dialog without a parent needs a reference until it closes
        dialog.finished.connect(lambda _code: _OPEN.discard(dialog))
        if parent is not None:
            parent.sign_in_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    runner.database(auth.policy, decide, failed)

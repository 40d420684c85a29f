"""The main window's security entries: Clinic ▸ Users…, Sign-in settings…, Audit trail…,
and File ▸ Lock (Ctrl+L) while someone is signed in. The services refuse whoever may not use
them; the menu only greys out what the signed-in role cannot open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from mesodesk.domain.enums import Role

ADMIN_ACTIONS = ("actionUsers", "actionSignInSettings", "actionAuditTrail")


def add_security_actions(window: Any) -> None:
    """`window` is the MainWindow; its `services` may arrive later (`update_security_actions`)."""
    ui = window.ui
    ui.menuClinic.addSeparator()
    for name, text, opener in (
        ("actionUsers", "&Users…", open_users),
        ("actionSignInSettings", "&Sign-in settings…", open_sign_in_settings),
        ("actionAuditTrail", "&Audit trail…", open_audit_trail),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False, f=opener: f(window))
        ui.menuClinic.addAction(action)
        setattr(window, name, action)
    lock = QAction("&Lock", window)
    lock.setObjectName("actionLock")
    lock.setShortcut(QKeySequence("Ctrl+L"))
    lock.triggered.connect(lambda: lock_now(window))
    ui.menuFile.insertAction(ui.actionQuit, lock)
    window.actionLock = lock
    update_security_actions(window)


def update_security_actions(window: Any) -> None:
    services = getattr(window, "services", None)
    admin = services is not None and services.actor.role is Role.ADMINISTRATOR
    for name in ADMIN_ACTIONS:
        getattr(window, name).setEnabled(admin)
    window.actionLock.setEnabled(getattr(window, "idle_lock", None) is not None)


def lock_now(window: Any) -> None:
    idle = getattr(window, "idle_lock", None)
    if idle is not None:
        idle.lock()


def open_users(window: Any) -> None:
    from mesodesk.ui.security.users_dialog import UsersDialog

    window.users_dialog = UsersDialog(window.services, window.runner, window)
    window.users_dialog.open()


def open_sign_in_settings(window: Any) -> None:
    from mesodesk.ui.security.users_dialog import SignInSettingsDialog

    window.sign_in_settings = SignInSettingsDialog(window.services, window.runner, window)
    window.sign_in_settings.open()


def open_audit_trail(window: Any, patient: str = "") -> None:
    from mesodesk.ui.security.audit_dialog import AuditDialog

    window.audit_dialog = AuditDialog(window.services, window.runner, window, patient=patient)
    window.audit_dialog.open()

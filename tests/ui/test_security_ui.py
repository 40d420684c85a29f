"""Sign-in in the window: the first start, the login, the idle lock, users and the audit trail."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Role, Sex
from mesodesk.services import Services
from mesodesk.services.auth import AuthService
from mesodesk.services.store import SYSTEM, Store
from mesodesk.ui.app import Workstation
from mesodesk.ui.security.audit_dialog import PAGE, AuditDialog
from mesodesk.ui.security.sign_in import FirstRunDialog, LoginDialog
from mesodesk.ui.security.users_dialog import SignInSettingsDialog, UsersDialog

PASSWORD = "correct horse battery"
SHOTS = os.environ.get("MESODESK_SCREENSHOTS")  # a folder: the dialogs are saved there too


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def sign_in_dialog(qtbot, workstation: Workstation) -> QDialog:
    def shown() -> list[QDialog]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, FirstRunDialog | LoginDialog) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10_000)
    return shown()[0]


def test_the_first_start_creates_the_administrator(qtbot, station, tmp_path: Path) -> None:
    workstation = station(tmp_path / "new.db")
    dialog = sign_in_dialog(qtbot, workstation)
    assert isinstance(dialog, FirstRunDialog)
    qtbot.keyClicks(dialog.username, "owner")
    qtbot.keyClicks(dialog.full_name, "Clinic Owner")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.repeat, PASSWORD + "x")
    shot(dialog, "first-run")
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "The two passwords differ."
    dialog.repeat.setText(PASSWORD)
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    window = workstation.windows[0]
    assert window.services.actor.username == "owner"
    assert window.services.actor.role is Role.ADMINISTRATOR
    assert window.idle_lock is not None and window.actionUsers.isEnabled()


def test_a_single_user_clinic_chooses_no_sign_in(qtbot, station, questions, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    questions.answer(QMessageBox.StandardButton.Yes)
    workstation = station(tmp_path / "solo.db")
    dialog = sign_in_dialog(qtbot, workstation)
    qtbot.mouseClick(dialog.no_login, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    assert "Work without sign-in?" in questions[-1]
    assert getattr(workstation.windows[0], "idle_lock", None) is None


@pytest.fixture
def clinic_with_login(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.db"
    store = Store.open(str(path))
    admin = AuthService(store).create_first_administrator("owner", "Clinic Owner", PASSWORD)
    services = Services(store, admin.as_actor())
    services.patients.register(
        PatientDraft("Adler", "Eva", date(1980, 5, 17), Sex.FEMALE), acknowledge_warnings=True
    )
    store.dispose()
    return path


def test_a_wrong_password_is_refused_in_the_dialog(qtbot, station, clinic_with_login) -> None:
    workstation = station(clinic_with_login)
    dialog = sign_in_dialog(qtbot, workstation)
    assert isinstance(dialog, LoginDialog)
    qtbot.keyClicks(dialog.username, "owner")
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "wrong" in dialog.message.text(), timeout=10_000)
    shot(dialog, "sign-in-refused")
    assert not workstation.windows

    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    assert workstation.windows[0].services.actor.username == "owner"


def test_a_reset_password_must_be_replaced_before_the_window_opens(
    qtbot, station, clinic_with_login
) -> None:
    from mesodesk.domain.enums import Role
    from mesodesk.ui.security.sign_in import ChangePasswordDialog

    store = Store.open(str(clinic_with_login))
    try:
        owner = AuthService(store).sign_in("owner", PASSWORD)
        accounts = Services(store, owner.as_actor()).accounts
        nurse = accounts.add("n.berg", "Nina Berg", Role.PRACTITIONER, password=PASSWORD)
        accounts.reset_password(nurse.id, "temporary-1234")
    finally:
        store.dispose()

    workstation = station(clinic_with_login)
    dialog = sign_in_dialog(qtbot, workstation)
    qtbot.keyClicks(dialog.username, "n.berg")
    qtbot.keyClicks(dialog.password, "temporary-1234")
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "change_dialog", None) is not None, timeout=10_000)
    change: ChangePasswordDialog = dialog.change_dialog
    assert change.isVisible() and not workstation.windows

    qtbot.keyClicks(change.password, "temporary-1234")
    qtbot.keyClicks(change.repeat, "temporary-1234")
    qtbot.mouseClick(change.change, Qt.MouseButton.LeftButton)
    assert "other than the one the administrator set" in change.message.text()

    for field in (change.password, change.repeat):
        field.clear()
        qtbot.keyClicks(field, "my own secret 42")
    qtbot.mouseClick(change.change, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    assert workstation.windows[0].services.actor.username == "n.berg"
    auth = AuthService(workstation.windows[0].services.store)
    assert not auth.sign_in("n.berg", "my own secret 42").must_change_password


def test_the_idle_lock_keeps_an_unsaved_form(qtbot, station, clinic_with_login) -> None:
    from mesodesk.services.auth import SessionLocked
    from mesodesk.ui.dialogs.patient_dialog import PatientDialog

    workstation = station(clinic_with_login)
    dialog = sign_in_dialog(qtbot, workstation)
    qtbot.keyClicks(dialog.username, "owner")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(workstation.windows), timeout=10_000)
    window = workstation.windows[0]
    form = PatientDialog(window.services, window.runner, parent=window)
    qtbot.addWidget(form)  # destroyed after the test: no stale form for the next one
    form.open()
    qtbot.keyClicks(form.ui.familyNameEdit, "Half-typed")

    window.idle_lock.timer.setInterval(50)  # instead of the clinic's ten minutes
    window.idle_lock.timer.start()
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=5000)
    lock = window.idle_lock.dialog
    qtbot.waitUntil(lock.isVisible, timeout=5000)
    shot(lock, "idle-lock")
    assert not form.isVisible() and not window.centralWidget().isVisible()  # no record shows
    with pytest.raises(SessionLocked):
        window.services.patients.count()

    qtbot.keyClicks(lock.password, "wrong password")
    qtbot.mouseClick(lock.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "wrong" in lock.message.text(), timeout=10_000)
    window.idle_lock.timer.setInterval(60_000)
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.mouseClick(lock.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.idle_lock.locked, timeout=10_000)
    assert form.isVisible() and form.ui.familyNameEdit.text() == "Half-typed"
    assert window.services.patients.count() == 1
    form.done(0)  # closes without the unsaved-edits question


@pytest.fixture
def admin_window(qtbot, qapp, clinic, runner, questions):
    from mesodesk.ui.main_window import MainWindow

    services = Services(clinic.store, SYSTEM)
    window = MainWindow(services, runner, "test clinic")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)
    return window


def test_the_audit_trail_pages_and_filters(qtbot, admin_window, clinic, runner) -> None:
    patients = admin_window.services.patients
    for n in range(PAGE + 30):
        patients.register(
            PatientDraft(f"Name{n:03d}", "Test", date(1980, 1, 1), Sex.MALE),
            acknowledge_warnings=True,
        )
    admin_window.actionAuditTrail.trigger()
    dialog: AuditDialog = admin_window.audit_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "entries" in dialog.status.text() and runner.pending == 0, timeout=5000)
    total = int(dialog.status.text().split()[0].replace(",", ""))
    assert total > PAGE and len(dialog.model.rows) == PAGE  # one page, not everything
    dialog.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(dialog.model.rows) == total, timeout=5000)
    shot(dialog, "audit-trail")

    dialog.patient.setText("P000005")
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "1 entry", timeout=5000)
    assert dialog.model.rows[0].summary == "Registered P000005"
    dialog.patient.setText("nobody")
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No patient" in dialog.status.text(), timeout=5000)


def test_users_and_sign_in_settings(qtbot, admin_window, runner) -> None:
    admin_window.actionUsers.trigger()
    users: UsersDialog = admin_window.users_dialog
    qtbot.addWidget(users)
    qtbot.waitUntil(lambda: users.table.rowCount() == 1, timeout=5000)
    assert users.table.item(0, 0).text() == "Dr Lena Vogel"
    shot(users, "users")
    admin_window.actionSignInSettings.trigger()
    settings: SignInSettingsDialog = admin_window.sign_in_settings
    qtbot.addWidget(settings)
    qtbot.waitUntil(settings.isEnabled, timeout=5000)
    settings.require.setChecked(True)
    settings.save()
    qtbot.waitUntil(lambda: "administrator has a password" in settings.message.text(), timeout=5000)
    shot(settings, "sign-in-settings")


def test_a_practitioner_cannot_open_the_administrator_entries(window) -> None:
    assert not window.actionUsers.isEnabled()
    assert not window.actionAuditTrail.isEnabled()
    assert isinstance(window.findChild(QLabel), QLabel)


def test_front_desk_sees_the_chart_without_clinical_notes(qtbot, clinic, runner, questions):
    from mesodesk.domain.drafts import AssessmentDraft
    from mesodesk.domain.enums import Diagnosis
    from mesodesk.ui.main_window import MainWindow

    patient = clinic.services.patients.register(
        PatientDraft("Adler", "Eva", date(1980, 5, 17), Sex.FEMALE), acknowledge_warnings=True
    ).id
    clinic.services.assessments.record(
        AssessmentDraft(patient, date.today(), Diagnosis.AGA_FEMALE, notes="Anxious about it"),
        acknowledge_warnings=True,
    )
    desk = Services(clinic.store, SYSTEM).accounts.add("desk", "Tom Desk", Role.FRONT_DESK)
    seen = {}
    for who, services in (
        ("doctor", clinic.services),
        ("desk", Services(clinic.store, desk.as_actor())),
    ):
        window = MainWindow(services, runner, "test clinic")
        qtbot.addWidget(window)
        chart = window.open_chart(patient)
        qtbot.waitUntil(lambda c=chart: c.data is not None, timeout=5000)
        seen[who] = (chart.notes_view.toPlainText(), chart._clinical_buttons[0].isEnabled())
        window.close()
    assert "Anxious about it" in seen["doctor"][0] and seen["doctor"][1]
    assert seen["desk"] == ("Clinical notes are not shown to front-desk accounts.", False)


def test_sign_in_settings_that_cannot_be_read_are_reported(
    qtbot, station, questions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    def unreadable(_auth: AuthService) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    exits: list[int] = []
    monkeypatch.setattr(AuthService, "policy", unreadable)
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    workstation = station(tmp_path / "clinic.db")
    window = workstation.opening
    qtbot.waitUntil(lambda: bool(exits), timeout=10_000)

    assert exits == [1]
    assert questions == [
        "MesoDesk: MesoDesk could not read the clinic's sign-in settings from the database, so "
        "it cannot tell who may sign in.\n\ndisk I/O error"
    ]
    assert window is not None and not window.isVisible()
    assert workstation.opening is None and not workstation.windows


def test_a_damaged_file_behind_unreadable_sign_in_settings_is_reported_as_damage(
    qtbot, station, runner, questions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from mesodesk.db.guard import DamagedDatabase

    def unreadable(_auth: AuthService) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    def damaged(_store: Store) -> None:
        raise DamagedDatabase("The database file is damaged.")

    exits: list[int] = []
    monkeypatch.setattr(AuthService, "policy", unreadable)
    monkeypatch.setattr(Store, "finish_checks", damaged)
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    station(tmp_path / "clinic.db")
    qtbot.waitUntil(lambda: bool(exits), timeout=10_000)
    runner.wait_idle()
    qtbot.wait(50)  # the sign-in report, queued behind the check, has had its turn

    assert exits == [1] and questions == ["MesoDesk: The database file is damaged."]

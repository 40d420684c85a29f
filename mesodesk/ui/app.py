"""Start-up of the window: the main window first (on screen at once), then the database.

Only PySide6 and the window's own light modules are imported before the first paint;
SQLAlchemy, the models and the services load on the database thread while the window is
already showing, and the damage check and daily backup run after the patient list is filled
(they read the whole file: seconds at 100,000 patients), ahead of any write.
"""

from __future__ import annotations

import getpass
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from mesodesk.ui.style import apply_style
from mesodesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mesodesk.db.first_page import FirstPage
    from mesodesk.db.guard import DamagedDatabase
    from mesodesk.services.auth import UserSession
    from mesodesk.services.backups import BackupInfo
    from mesodesk.services.store import Actor, Store
    from mesodesk.ui.main_window import MainWindow
    from mesodesk.ui.models.patient_table import Page

log = logging.getLogger(__name__)

SIGN_IN_UNREADABLE = (
    "MesoDesk could not read the clinic's sign-in settings from the database, so it cannot "
    "tell who may sign in."
)


def workstation_actor() -> Actor:
    """Who the audit names until local accounts exist: the operating-system user."""
    from mesodesk.domain.enums import Role
    from mesodesk.services.store import Actor

    try:
        name = getpass.getuser()
    except Exception:
        name = "workstation"
    return Actor(user_id=None, username=name[:64], role=Role.ADMINISTRATOR)


def database_label(url: str) -> str:
    from mesodesk.db.engine import sqlite_path

    path = sqlite_path(url)
    return str(path) if path is not None else url.split("@")[-1]


def open_store(db: str | None) -> Store:
    """Database thread: open `db` with the damage check deferred (see `Workstation`).

    An open that fails on a file that turns out damaged reports `DamagedDatabase`, so the
    window can offer the latest good backup as before.
    """
    from mesodesk.db.engine import resolve_url, sqlite_path
    from mesodesk.services.store import Store

    url = resolve_url(db)
    try:
        store = Store.open(url, deferred_checks=True)
        _preload()
        return store
    except Exception:
        from mesodesk.db.guard import quick_check

        path = sqlite_path(url)
        if path is not None and path.is_file() and quick_check(path) != "ok":
            return Store.open(url)  # raises DamagedDatabase with its advice
        raise


def read_early_page(db: str | None) -> FirstPage | None:
    """Database thread: the patient list's first page, read before the store is open (see
    `mesodesk.db.first_page`); None when it is not read that way."""
    from mesodesk.db.first_page import read_first_page
    from mesodesk.db.urls import resolve_url
    from mesodesk.ui.models.patient_table import PAGE_SIZE

    return read_first_page(resolve_url(db), PAGE_SIZE)


def _preload() -> None:
    """Import here, on the database thread, what the window's `attach` is about to use:
    imports hold the interpreter, and the GUI thread would otherwise wait on them."""
    from importlib import import_module

    for name in ("mesodesk.services.patients", "mesodesk.ui.today_panel"):
        import_module(name)


class _FirstPaint(QObject):
    """Calls `then` once, from the event loop, after `widget` is first painted, or after
    `latest_ms` if it is not painted by then (a window started minimized paints later)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], latest_ms: int) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None], latest_ms: int = 1000) -> None:
    _FirstPaint(widget, then, latest_ms)


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("MesoDesk")
    app.setOrganizationName("MesoDesk")
    apply_style(app)
    return app  # type: ignore[return-value]


class Workstation:
    """The application's life on one database: open it, show the window, restore a backup.

    A splash is on screen whenever no window is, so that the application never quits on its
    own in between; every database and file step runs on the runner's database thread.
    """

    def __init__(self, db_url: str | None, runner: TaskRunner, *, demo: bool = False) -> None:
        self.db_url, self.runner, self.demo = db_url, runner, demo
        self.windows: list[MainWindow] = []  # open on a database that passed its checks
        self.opening: MainWindow | None = None  # on screen, its database still being opened
        self.splash = QLabel("Opening the MesoDesk database…")
        self.splash.setWindowTitle("MesoDesk")
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.setMinimumSize(420, 140)

    @property
    def database(self) -> Path | None:
        from mesodesk.db.engine import resolve_url, sqlite_path

        return sqlite_path(resolve_url(self.db_url))

    def open(self, message: str = "Opening the MesoDesk database…") -> None:
        """Show the main window at once; it fills in when its database is open and checked."""
        from mesodesk.ui.main_window import MainWindow

        window = MainWindow(None, self.runner, "")
        window.ui.statusbar.showMessage(message)
        window.restore_requested.connect(
            lambda backup, passphrase: self.restore_from_window(window, backup, passphrase)
        )
        self.opening = window
        window.closed.connect(lambda: self._closed_while_opening(window))
        window.resize(1366, 768)
        # Opening imports SQLAlchemy and the models (half a second of Python): begun after
        # the first paint, it no longer competes with it for the interpreter; the first page
        # of patients, read without them, is on screen meanwhile.
        after_first_paint(window, lambda: self._open_database(window))
        window.show()
        self.splash.close()

    def _open_database(self, window: MainWindow) -> None:
        """Two steps on the database thread, one right behind the other: the first page
        (shown as soon as it is read), then the store."""
        db = self.db_url
        early: list[FirstPage] = []  # its lock is held until the store has taken its own

        def read() -> Page | None:
            from datetime import date

            from mesodesk.ui.models.patient_table import cells

            found = read_early_page(db)
            if found is None:
                return None
            early.append(found)
            return cells(found.rows, date.today())

        def shown(page: Page | None) -> None:
            if page is not None and self.opening is window:
                window.show_early_page(page)

        def store() -> Store:
            try:
                return open_store(db)
            finally:
                for held in early:
                    held.release()

        self.runner.database(read, shown, lambda _error: None, owner=window)
        self.runner.database(store, self._opened, self._failed)

    def _closed_while_opening(self, window: MainWindow) -> None:
        """Closed before its database was open: the store, once open, is let go unused."""
        if self.opening is window and window.services is None:
            self.opening = None

    def close(self) -> None:
        for window in [*self.windows, *([self.opening] if self.opening else [])]:
            if window.services is not None:
                window.services.store.dispose()
        self.windows.clear()
        self.opening = None

    def _show_splash(self, message: str) -> None:
        self.splash.setText(message)
        self.splash.show()

    def _opened(self, store: Store) -> None:
        from mesodesk.services import Services

        window = self.opening
        if window is None:  # closed while the database was opening
            store.dispose()
            return
        from mesodesk.ui.security.sign_in import sign_in_then

        steps = {"signed in": False, "checked": False}

        def both_done(step: str) -> None:
            steps[step] = True
            if all(steps.values()):
                self._checked(window)

        def signed_in(actor: Actor, session: UserSession | None) -> None:
            if self.opening is not window:
                return
            label = database_label(store.url) + (" (demo data)" if self.demo else "")
            if session is not None:
                window.forget_wish()  # asked for before someone signed in
            window.attach(Services(store, actor), label)
            window.ui.statusbar.clearMessage()
            if session is not None:
                from mesodesk.services.auth import AuthService
                from mesodesk.ui.security.idle_lock import IdleLock
                from mesodesk.ui.security.menus import update_security_actions

                window.idle_lock = IdleLock(session, AuthService(store), self.runner, window)
                update_security_actions(window)
            both_done("signed in")

        def cancelled() -> None:
            if self.opening is window:
                self.opening = None
                window.close()
                self.runner.database(store.dispose)  # after the damage check queued before

        def policy_unreadable(error: BaseException) -> None:
            """No one can be let in: say so, once the damage check (queued right behind the
            policy read) has had its say; damage is answered with its backup instead."""
            if self.opening is not window:
                return
            window.ui.statusbar.showMessage("The sign-in settings could not be read…")

            def report(_outcome: object = None) -> None:
                if self.opening is window:
                    store.dispose()
                    self._failed(error, SIGN_IN_UNREADABLE)

            self.runner.database(lambda: None, report, report)

        # Sign-in (or the first start's choice) before the window shows any record; the
        # damage check and daily backup queue right behind the policy read, ahead of the
        # sign-in's audit row and of any other write.
        sign_in_then(
            store, self.runner, window, workstation_actor(), signed_in, cancelled,
            policy_unreadable,
        )  # fmt: skip

        def damaged(error: BaseException) -> None:
            self._show_splash("The database is damaged…")  # the application must not quit
            if window.services is None and self.opening is window:
                self.opening = None  # the sign-in dialog's cancel now changes nothing
                dialog = getattr(window, "sign_in_dialog", None)
                if dialog is not None:
                    dialog.done(0)
                window.close()
                store.dispose()
            self._damaged(error)

        self.runner.database(store.finish_checks, lambda _: both_done("checked"), damaged)

    def _checked(self, window: MainWindow) -> None:
        if self.opening is window:
            self.opening = None
            self.windows.append(window)
            problem = window.services.store.backup_problem
            if problem:
                window.ui.statusbar.showMessage(problem, 30_000)

    def _damaged(self, error: BaseException) -> None:
        """The deferred check found damage: close the window on it, then as at start."""
        window, self.opening = self.opening, None
        if window is not None:
            self._show_splash("The database is damaged…")  # the application must not quit
            window.close()
            window.services.store.dispose()
        self._failed(error)

    def _failed(
        self, error: BaseException, what: str = "The database could not be opened."
    ) -> None:
        """Opening failed: offer a backup for damage, else say `what` failed and why, and quit."""
        from mesodesk.db.guard import DamagedDatabase

        log.error("Could not open %s: %s", self.db_url, error)
        window, self.opening = self.opening, None
        if isinstance(error, DamagedDatabase):
            self._show_splash("The database is damaged…")  # until the question is answered
            if window is not None:
                window.close()
            self.offer_latest_backup(error)
            return
        if window is not None:
            window.close()
        if self._asked_server_password(error):
            return
        self.splash.close()
        QMessageBox.critical(None, "MesoDesk", f"{what}\n\n{error}")
        QApplication.exit(1)

    def _asked_server_password(self, error: BaseException) -> bool:
        """A clinic server that wants a password: ask for it (memory only) and try again."""
        from mesodesk.db.engine import (
            is_server_url,
            password_missing,
            remember_password,
            resolve_url,
            server_login,
        )
        from mesodesk.ui.server_password import ask_password

        url = resolve_url(self.db_url)
        if not is_server_url(url) or not password_missing(error):
            return False
        wrong = "authentication failed" in str(error)
        self.splash.close()
        password = ask_password(None, *server_login(url), wrong)
        if password is None:
            return False
        remember_password(url, password)
        self.open()
        return True

    # -- restoring ---------------------------------------------------------------------------
    def restore_from_window(self, window: QWidget, backup: Path, passphrase: str | None) -> None:
        self._show_splash("Restoring the backup…")  # first: the application must not quit
        if not window.close():
            self.splash.close()
            return
        self.restore(backup, passphrase)

    def restore(self, backup: Path, passphrase: str | None) -> None:
        """Put `backup` in place of the database (no window open on it) and reopen it."""
        from mesodesk.services.backups import restore_backup

        target = self.database
        self.close()
        self._show_splash("Restoring the backup…")

        def refused(error: BaseException) -> None:
            self.splash.close()
            QMessageBox.warning(None, "MesoDesk", f"The backup was not restored.\n\n{error}")
            self.open()

        self.runner.database(
            lambda: restore_backup(backup, target, passphrase=passphrase),
            lambda _result: self.open("Opening the restored database…"),
            refused,
        )

    def offer_latest_backup(self, error: DamagedDatabase) -> None:
        """A damaged file at start: offer the newest backup that still matches its checksum."""
        from mesodesk.services.backups import latest_good_backup, passphrase_from

        database = self.database
        if database is None:
            return

        def ask(good: BackupInfo | None) -> None:
            if good is None:
                QMessageBox.critical(None, "MesoDesk", str(error))
                QApplication.exit(1)
                return
            answer = QMessageBox.question(
                None,
                "MesoDesk: the database is damaged",
                f"{error}\n\nRestore that backup now? The damaged file is kept beside it, "
                "renamed, for the clinic's IT to examine.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.restore(good.path, passphrase_from())
            else:
                QApplication.exit(1)

        self.runner.database(lambda: latest_good_backup(database), ask, lambda _e: ask(None))


def run(db_url: str | None, demo: bool = False) -> int:
    """Open the main window on `db_url`; returns the process exit code."""
    app = create_application()
    runner = TaskRunner()
    workstation = Workstation(db_url, runner, demo=demo)
    workstation.open()
    code = app.exec()
    runner.wait_idle()
    workstation.close()
    return code

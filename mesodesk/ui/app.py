"""Start-up of the window: Qt first (so something is on screen at once), then the database."""

from __future__ import annotations

import getpass
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from mesodesk.db.engine import resolve_url, sqlite_path
from mesodesk.db.guard import DamagedDatabase
from mesodesk.domain.enums import Role
from mesodesk.services import Services
from mesodesk.services.store import Actor, Store
from mesodesk.ui.style import apply_style
from mesodesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from mesodesk.services.backups import BackupInfo

log = logging.getLogger(__name__)


def workstation_actor() -> Actor:
    """Who the audit names until local accounts exist: the operating-system user."""
    try:
        name = getpass.getuser()
    except Exception:
        name = "workstation"
    return Actor(user_id=None, username=name[:64], role=Role.ADMINISTRATOR)


def database_label(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path is not None else url.split("@")[-1]


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
        self.db_url, self.runner, self.demo = resolve_url(db_url), runner, demo
        self.windows: list = []
        self.splash = QLabel("Opening the MesoDesk database…")
        self.splash.setWindowTitle("MesoDesk")
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.setMinimumSize(420, 140)

    @property
    def database(self) -> Path | None:
        return sqlite_path(self.db_url)

    def open(self, message: str = "Opening the MesoDesk database…") -> None:
        self._show_splash(message)
        self.runner.database(lambda: Store.open(self.db_url), self._opened, self._failed)

    def close(self) -> None:
        for window in self.windows:
            window.services.store.dispose()
        self.windows.clear()

    def _show_splash(self, message: str) -> None:
        self.splash.setText(message)
        self.splash.show()

    def _opened(self, store: Store) -> None:
        from mesodesk.ui.main_window import MainWindow

        label = database_label(self.db_url) + (" (demo data)" if self.demo else "")
        window = MainWindow(Services(store, workstation_actor()), self.runner, label)
        window.restore_requested.connect(
            lambda backup, passphrase: self.restore_from_window(window, backup, passphrase)
        )
        self.windows.append(window)
        window.resize(1366, 768)
        window.show()
        self.splash.close()

    def _failed(self, error: BaseException) -> None:
        log.error("Could not open %s: %s", self.db_url, error)
        self.splash.close()
        if isinstance(error, DamagedDatabase):
            self.offer_latest_backup(error)
            return
        QMessageBox.critical(None, "MesoDesk", f"The database could not be opened.\n\n{error}")
        QApplication.exit(1)

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


def run(db_url: str, demo: bool = False) -> int:
    """Open the main window on `db_url`; returns the process exit code."""
    app = create_application()
    runner = TaskRunner()
    workstation = Workstation(db_url, runner, demo=demo)
    workstation.open()
    code = app.exec()
    runner.wait_idle()
    workstation.close()
    return code

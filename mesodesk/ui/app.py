"""Start-up of the window: Qt first (so something is on screen at once), then the database."""

from __future__ import annotations

import getpass
import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from mesodesk.db.engine import sqlite_path
from mesodesk.domain.enums import Role
from mesodesk.services import Services
from mesodesk.services.store import Actor, Store
from mesodesk.ui.style import apply_style
from mesodesk.ui.tasks import TaskRunner

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


def run(db_url: str, demo: bool = False) -> int:
    """Open the main window on `db_url`; returns the process exit code."""
    app = create_application()
    runner = TaskRunner()
    splash = QLabel("Opening the MesoDesk database…")
    splash.setWindowTitle("MesoDesk")
    splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
    splash.setMinimumSize(420, 140)
    splash.show()
    windows: list = []

    def opened(store: Store) -> None:
        from mesodesk.ui.main_window import MainWindow

        label = database_label(db_url) + (" (demo data)" if demo else "")
        window = MainWindow(Services(store, workstation_actor()), runner, label)
        windows.append(window)
        window.resize(1366, 768)
        window.show()
        splash.close()

    def failed(error: BaseException) -> None:
        log.error("Could not open %s: %s", db_url, error)
        splash.close()
        QMessageBox.critical(None, "MesoDesk", f"The database could not be opened.\n\n{error}")
        app.exit(1)

    runner.database(lambda: Store.open(db_url), opened, failed)
    code = app.exec()
    runner.wait_idle()
    for window in windows:
        window.services.store.dispose()
    return code

"""The window's part of `mesodesk --self-test`: the main window really opens and closes.

A packaged build that lacks a Qt platform plugin, a style or a compiled form fails here, not
in front of a patient. The window runs on the self-test's database with the same services
and task runner the application uses; background work must finish before it closes.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from mesodesk.services import Services
from mesodesk.ui.app import create_application
from mesodesk.ui.main_window import MainWindow
from mesodesk.ui.tasks import TaskRunner

_SETTLE_SECONDS = 0.3  # long enough for the first background loads to be queued and done


def open_and_close_main_window(services: Services, label: str) -> str:
    """Show the main window, let it load, close it; returns the Qt platform it ran on."""
    app = create_application()
    runner = TaskRunner()
    window = MainWindow(services, runner, label)
    window.resize(1366, 768)
    window.show()
    deadline = time.monotonic() + _SETTLE_SECONDS
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if not runner.wait_idle():
        raise RuntimeError("background work did not finish within 10 s")
    app.processEvents()
    title = window.windowTitle()
    if not window.isVisible():
        raise RuntimeError("the main window did not show")
    window.close()
    window.deleteLater()
    app.processEvents()
    return f"{title!r} on {QApplication.platformName()}"

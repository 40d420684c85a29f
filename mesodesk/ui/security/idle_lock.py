"""The idle lock: no input for the clinic's idle time, and MesoDesk asks for the password again.

An event filter on the QApplication restarts a timer on every key, click, wheel or mouse move
and tells the `UserSession` (whose gate refuses database work once it has expired, whatever
the window does). When the timer fires, the window is covered by the lock dialog; nothing is
closed, so half-filled forms are there again after the password.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from mesodesk.services.auth import AuthService, UserSession
from mesodesk.ui.tasks import TaskRunner

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    def __init__(
        self, session: UserSession, auth: AuthService, runner: TaskRunner, window: QWidget
    ) -> None:
        super().__init__(window)
        self.session, self.auth, self.runner, self.window = session, auth, runner, window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, session.idle_seconds) * 1000)
        self.timer.timeout.connect(self.lock)
        self.dialog = None
        self._hidden: list[QWidget] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        window.destroyed.connect(lambda *_: self.stop())
        self.timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.dialog is None and event.type() in _ACTIVITY:
            self.session.touch()
            self.timer.start()
        return False

    def lock(self) -> None:
        """Cover the window with the password dialog (the session refuses work meanwhile)."""
        from mesodesk.ui.security.sign_in import LoginDialog

        if self.dialog is not None:
            return
        self.session.lock()
        self._hidden = self._hide_records()
        self.dialog = LoginDialog(self.auth, self.runner, self.window, session=self.session)
        self.dialog.ready.connect(self._unlocked)
        self.dialog.rejected.connect(self._quit)
        self.dialog.open()

    def _hide_records(self) -> list[QWidget]:
        """Nothing of a record stays on screen: the window's content and open forms hide
        (hidden, not closed: what was typed is there again after the password)."""
        hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.window and w.isWindow()
        ]
        central = self.window.centralWidget() if hasattr(self.window, "centralWidget") else None
        if central is not None and central.isVisible():
            hidden.append(central)
        for widget in hidden:
            widget.hide()
        return hidden

    def _unlocked(self, *_args: object) -> None:
        self.dialog = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.timer.start()

    def _quit(self) -> None:
        self.dialog = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        QTimer.singleShot(0, self.window.close)
        QTimer.singleShot(0, self._relock_if_still_open)

    def _relock_if_still_open(self) -> None:
        """The window refused to close (unsaved forms it asked about): lock it again."""
        if self.window.isVisible():
            self.lock()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

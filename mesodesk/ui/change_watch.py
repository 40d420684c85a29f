"""Show other workstations' work without a restart (clinic server mode).

When the window gains focus, and every few seconds while it is open, one light query asks
for the newest audit row's id (`change_marker`); when it has moved, `changed` fires and the
window refreshes its lists and open charts. On an SQLite file nobody else can be writing
(one MesoDesk per file), so the watcher is only started for a server database.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from mesodesk.services.concurrency import change_marker
from mesodesk.services.store import Store
from mesodesk.ui.tasks import TaskRunner

POLL_MS = 5_000


class ChangeWatcher(QObject):
    changed = Signal()

    def __init__(
        self, store: Store, runner: TaskRunner, window: QObject, interval_ms: int = POLL_MS
    ) -> None:
        super().__init__(window)
        self.store, self.runner = store, runner
        self._marker: int | None = None
        self._asking = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        window.installEventFilter(self)

    def start(self) -> None:
        self.poll()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.timer.isActive():
            self.poll()
        return False

    def poll(self) -> None:
        if self._asking:
            return
        self._asking = True
        store = self.store
        self.runner.lookup(lambda: change_marker(store), self._on_marker, self._on_failed)

    def _on_marker(self, marker: int) -> None:
        self._asking = False
        if self._marker is not None and marker != self._marker:
            self.changed.emit()
        self._marker = marker

    def _on_failed(self, _error: BaseException) -> None:
        self._asking = False  # the server is unreachable for now: the next poll tries again

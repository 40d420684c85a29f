"""Everything slow runs here, off the UI thread.

Database work goes to a pool of one thread (SQLite has one writer, and one ordered queue keeps
a save and the reload after it in order); quick read-only lookups that must not wait behind a
save (search as you type) have a second single-thread pool, as WAL lets a reader run beside
the writer; long read-only overviews (the Today list: two seconds on 100,000 patients) have a
third, so they delay neither a chart being opened nor a search; image and PDF work goes to the
global pool. A task
function gets no widget and returns plain data; its result or error comes back through a
queued signal to a QObject living in the GUI thread, which calls the callback there.

A widget can be gone by then (a chart's tab closed while its data loaded): a callback whose
owner was deleted is not called. The owner is the QObject a callback is a method of, or the
one given as `owner` (for a lambda or a nested function that uses a widget).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
Pending = tuple[Callback | None, ErrorCallback | None, QObject | None]  # with the owner


def _alive(callback: Callable[..., Any], owner: QObject | None) -> bool:
    """False when `owner`, or the QObject `callback` is a bound method of, was deleted."""
    bound_to = getattr(callback, "__self__", None)
    return all(shiboken6.isValid(obj) for obj in (owner, bound_to) if isinstance(obj, QObject))


class _Relay(QObject):
    """Lives in the GUI thread; receives a task's outcome through a queued connection."""

    finished = Signal(object, object)  # (task id, result)
    failed = Signal(object, object)  # (task id, exception)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task_id, self._fn, self._relay = task_id, fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            log.debug("Task %s failed:\n%s", self._task_id, traceback.format_exc())
            self._relay.failed.emit(self._task_id, exc)
        else:
            self._relay.finished.emit(self._task_id, result)


class TaskRunner(QObject):
    """Runs callables off the UI thread and calls back in it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._lookup_pool = QThreadPool(self)
        self._lookup_pool.setMaxThreadCount(1)
        self._overview_pool = QThreadPool(self)
        self._overview_pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._callbacks: dict[int, Pending] = {}
        self._next_id = 0

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def database(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Queue database work (one at a time, in order)."""
        return self._start(self._db_pool, fn, on_done, on_error, owner)

    def lookup(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Queue a read-only query that must not wait behind writes (search as you type)."""
        return self._start(self._lookup_pool, fn, on_done, on_error, owner)

    def overview(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Queue a long read-only query that must not hold up the database queue or search."""
        return self._start(self._overview_pool, fn, on_done, on_error, owner)

    def compute(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Queue image or PDF work on the shared pool (all cores)."""
        return self._start(QThreadPool.globalInstance(), fn, on_done, on_error, owner)

    def wait_idle(self, msecs: int = 10_000) -> bool:
        """Block until queued work is done (tests and shutdown only)."""
        pools = (
            self._db_pool,
            self._lookup_pool,
            self._overview_pool,
            QThreadPool.globalInstance(),
        )
        return all(pool.waitForDone(msecs) for pool in pools)

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[[], Any],
        on_done: Callback | None,
        on_error: ErrorCallback | None,
        owner: QObject | None,
    ) -> int:
        self._next_id += 1
        task_id = self._next_id
        self._callbacks[task_id] = (on_done, on_error, owner)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        pool.start(_Job(task_id, fn, self._relay))
        return task_id

    def _pop(self, task_id: int) -> Pending:
        """Forget the task (it no longer counts as pending), then hand back its callbacks."""
        callbacks = self._callbacks.pop(task_id, (None, None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(object, object)
    def _on_finished(self, task_id: int, result: Any) -> None:
        on_done, _, owner = self._pop(task_id)
        if on_done is None:
            return
        if _alive(on_done, owner):
            on_done(result)
        else:
            log.debug("Task %s finished after its owner was deleted", task_id)

    @Slot(object, object)
    def _on_failed(self, task_id: int, error: BaseException) -> None:
        _, on_error, owner = self._pop(task_id)
        if on_error is None:
            log.error("Background task failed: %s", error, exc_info=error)
        elif _alive(on_error, owner):
            on_error(error)
        else:
            log.info("Task %s failed after its owner was deleted: %s", task_id, error)

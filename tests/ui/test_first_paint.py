"""The database is opened only once the window has painted (see `Workstation.open`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from mesodesk.ui.app import after_first_paint


class _Paints(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_work_waits_for_the_first_paint_and_runs_once(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    paints = _Paints(widget)
    calls: list[int] = []
    after_first_paint(widget, lambda: calls.append(paints.count))
    qtbot.wait(50)
    assert calls == []  # not shown yet: nothing painted, nothing started
    widget.show()
    qtbot.waitUntil(lambda: calls != [], timeout=5000)
    widget.update()
    widget.repaint()
    qtbot.wait(50)
    assert len(calls) == 1 and calls[0] >= 1  # started once, after a paint


def test_a_window_that_is_not_painted_still_gets_its_work_started(qtbot) -> None:
    """A window started minimized paints only when restored: the work waits at most a while."""
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    after_first_paint(widget, lambda: calls.append("opened"), latest_ms=100)
    qtbot.waitUntil(lambda: calls == ["opened"], timeout=2000)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)
    assert calls == ["opened"]  # the paint afterwards does not start it again

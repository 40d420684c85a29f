"""A chart's tab closed while its background work runs: the work finishes, and nothing it
would have shown reaches the deleted chart (no "Internal C++ object already deleted")."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from mesodesk.domain.drafts import PatientDraft
from mesodesk.domain.enums import Sex
from mesodesk.ui.chart import actions, patient_chart

WAIT = 10_000


class Gate:
    """Holds a background task until the test lets it go."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.entered = threading.Event()

    def hold(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            self.entered.set()
            assert self.event.wait(WAIT / 1000), "the test never let the task go"
            return fn(*args, **kwargs)

        return held

    def open(self) -> None:
        self.event.set()


@pytest.fixture
def gate() -> Gate:
    made = Gate()
    yield made
    made.open()  # never leave a pool thread waiting


class Holder(QObject):
    """A widget-like owner whose method touches its C++ side."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[Any] = []

    def take(self, value: Any) -> None:
        self.seen.append((self.objectName(), value))  # raises once the object is deleted


def _deleted(obj: QObject) -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(obj)


# -- the runner -------------------------------------------------------------------------------
def test_a_result_for_a_deleted_owner_is_dropped_and_the_runner_is_idle(
    qtbot, runner, gate: Gate
) -> None:
    owner, results = QObject(), []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    runner.compute(gate.hold(lambda: 42), results.append, results.append, owner=owner)
    shiboken6.delete(owner)
    with qtbot.captureExceptions() as exceptions:
        gate.open()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    assert not exceptions and results == []
    assert busy == [True, False]


def test_an_error_for_a_deleted_owner_is_dropped(qtbot, runner, gate: Gate) -> None:
    owner, errors = QObject(), []

    def fail() -> None:
        raise ValueError("refused")

    runner.database(gate.hold(fail), None, errors.append, owner=owner)
    shiboken6.delete(owner)
    with qtbot.captureExceptions() as exceptions:
        gate.open()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    assert not exceptions and errors == []


def test_a_method_of_a_deleted_object_is_not_called(qtbot, runner, gate: Gate) -> None:
    holder = Holder()
    runner.database(gate.hold(lambda: 1), holder.take, holder.take)
    holder.deleteLater()
    _deleted(holder)
    with qtbot.captureExceptions() as exceptions:
        gate.open()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    assert not exceptions and holder.seen == []


def test_a_living_owner_still_gets_its_result(qtbot, runner) -> None:
    holder = Holder()
    holder.setObjectName("alive")
    runner.database(lambda: 7, lambda value: holder.take(value), owner=holder)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    assert holder.seen == [("alive", 7)]


# -- the chart ---------------------------------------------------------------------------------
def _patient(window) -> int:
    draft = PatientDraft("Brandt", "Ilse", date(1979, 6, 1), Sex.FEMALE)
    return window.services.patients.register(draft, acknowledge_warnings=True).id


def _close_tab(window, chart) -> None:
    tabs = window.ui.tabs
    tabs.tabCloseRequested.emit(tabs.indexOf(chart))  # as the tab's close button does
    assert tabs.indexOf(chart) == -1
    _deleted(chart)


def test_closing_a_chart_while_it_loads(qtbot, window, monkeypatch, gate: Gate) -> None:
    monkeypatch.setattr(patient_chart, "load_chart", gate.hold(patient_chart.load_chart))
    chart = window.open_chart(_patient(window))
    assert gate.entered.wait(WAIT / 1000)
    _close_tab(window, chart)
    with qtbot.captureExceptions() as exceptions:
        gate.open()
        qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=WAIT)
        qtbot.wait(50)  # anything the callbacks would queue in turn
    assert not exceptions
    assert window.runner.pending == 0


def test_closing_a_chart_while_a_new_session_form_loads(
    qtbot, window, monkeypatch, gate: Gate
) -> None:
    chart = window.open_chart(_patient(window))
    qtbot.waitUntil(lambda: chart.data is not None, timeout=WAIT)
    monkeypatch.setattr(actions, "load_session_context", gate.hold(actions.load_session_context))
    chart.new_session()  # its callback is a lambda that opens the form on the chart
    assert gate.entered.wait(WAIT / 1000)
    _close_tab(window, chart)
    with qtbot.captureExceptions() as exceptions:
        gate.open()
        qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=WAIT)
        qtbot.wait(50)
    assert not exceptions
    assert window.runner.pending == 0

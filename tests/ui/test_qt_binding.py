"""Guard against a Qt binding release that miscounts references (PySide6 6.12.0 did).

That release decremented the reference count of None on every call returning nothing, so a
workstation left open all day would crash once None's count ran out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit


class _Emitter(QObject):
    fired = Signal(object, object)


def test_calls_into_qt_keep_reference_counts(qapp) -> None:
    edit = QLineEdit()
    emitter = _Emitter()
    emitter.fired.connect(lambda _a, _b: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        edit.setText("x")
        edit.isVisible()
        qapp.processEvents()
        emitter.fired.emit(1, None)
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100

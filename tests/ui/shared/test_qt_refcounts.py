"""The Qt bindings keep Python's reference counts: thousands of calls must not free None.

PySide6 6.12.0 on Python 3.11 returned None (and True/False from signal emits) without a
reference, so a long session of ordinary calls aborted the app with "deallocating None";
pyproject.toml keeps such a release off Python 3.11.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

CALLS = 5000


class _Emitter(QObject):
    happened = Signal(object)


def test_void_calls_and_emits_keep_the_singletons_alive(qapp: QApplication) -> None:
    label = QLabel()
    emitter = _Emitter()
    received: list[object] = []
    emitter.happened.connect(received.append)
    calls = {
        "processEvents": QCoreApplication.processEvents,
        "setText": lambda: label.setText("张伟"),
        "update": label.update,
        "emit": lambda: emitter.happened.emit(None),
    }
    for name, call in calls.items():
        none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
        for _ in range(CALLS):
            call()
        received.clear()
        lost_none = none_before - sys.getrefcount(None)
        lost_true = true_before - sys.getrefcount(True)
        assert lost_none < CALLS // 10, f"{name} loses a reference to None per call"
        assert lost_true < CALLS // 10, f"{name} loses a reference to True per call"

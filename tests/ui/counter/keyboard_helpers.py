"""Driving the counter with the keyboard alone: keys to the focused widget, counted."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


class Keyboard:
    """Sends keys to the focused widget and counts them (an input method's commit is one)."""

    def __init__(self, qtbot: QtBot, type_text: Callable[[QWidget, str], None]) -> None:
        self._qtbot = qtbot
        self._type_text = type_text
        self.keys = 0
        self.commits = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(self.focused(), key, modifier)
        self.keys += 1

    def type(self, text: str) -> None:
        """Latin letters and digits key by key; other text as one input-method commit."""
        if text.isascii():
            for character in text:
                QTest.keyClicks(self.focused(), character)
                self.keys += 1
        else:
            self._type_text(self.focused(), text)
            self.commits += 1

    def wait_closed(self, dialog: QWidget) -> None:
        """Waits until the dialog has closed; then does what a desktop's window manager does
        (the offscreen platform does not): it activates the window the dialog belonged to."""
        returns_to = dialog.parentWidget().window() if dialog.parentWidget() else None
        self._qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
        if returns_to is not None and QApplication.focusWidget() is None:
            returns_to.activateWindow()
            self._qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)

    def wait_for_focus(self, expected: Callable[[QWidget], bool], what: str) -> None:
        """Waits until the focus is where the next key must go (dialogs open in the background)."""

        def arrived() -> None:
            widget = QApplication.focusWidget()
            assert widget is not None and expected(widget), f"{what}: focus is on {widget!r}"

        self._qtbot.waitUntil(arrived, timeout=5000)


def inside(parent: QWidget) -> Callable[[QWidget], bool]:
    return lambda widget: widget is parent or parent.isAncestorOf(widget)


def closed(dialog: QWidget) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def of_type(kind: type) -> Callable[[QWidget], bool]:
    def check(widget: QWidget) -> bool:
        return isinstance(widget.window(), kind) and widget.window().isVisible()

    return check

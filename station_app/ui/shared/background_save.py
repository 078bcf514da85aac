"""A dialog's one save in the background: its button off meanwhile, a refusal shown, the
result handed on only while the dialog still exists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from station_app.errors import UserError
from station_app.ui.shared.form_rows import show_notice
from station_app.ui.shared.refusal_text import refusal_text
from station_app.ui.shared.task_runner import TaskRunner


class BackgroundSave:
    """Runs `work` on the runner once at a time for `dialog`; `busy` while it runs (a dialog's
    `reject` waits for it: a save under way must land). A refusal re-enables the button and
    shows "<refused_prefix> <reason>" in `message`."""

    def __init__(
        self,
        dialog: QDialog,
        runner: TaskRunner,
        button: QPushButton,
        message: QLabel,
        *,
        refused_prefix: str | None = None,
    ) -> None:
        self._dialog = dialog
        self._runner = runner
        self._button = button
        self._message = message
        self._prefix = refused_prefix or QCoreApplication.translate(
            "BackgroundSave", "Nothing was saved."
        )
        self.busy = False

    def run(self, work: Callable[[], Any], saved: Callable[[Any], object]) -> bool:
        """Starts the save unless one is under way; `saved(result)` on the GUI thread."""
        if self.busy:
            return False
        self.busy = True
        self._button.setEnabled(False)
        show_notice(self._message, "")
        self._runner.run(work, lambda result: self._done(result, saved), self._refused)
        return True

    def _done(self, result: Any, saved: Callable[[Any], object]) -> None:
        if not shiboken6.isValid(self._dialog):
            return
        self.busy = False
        saved(result)

    def _refused(self, error: UserError) -> None:
        if not shiboken6.isValid(self._dialog):
            return
        self.busy = False
        self._button.setEnabled(True)
        show_notice(self._message, f"{self._prefix} {refusal_text(error)}")

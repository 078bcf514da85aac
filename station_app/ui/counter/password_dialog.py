"""The logged-in user changes their own password (the current one first)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.services.users import change_own_password
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label, show_notice
from station_app.ui.shared.refusal_text import refusal_text


class ChangePasswordDialog(QDialog):
    """Current password, the new one twice; checked and saved on the runner (argon2)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._saving = False
        self.current = self._password_line()
        self.new = self._password_line()
        self.again = self._password_line()
        self.message = notice_label()
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        self.buttons, self.ok_button = action_buttons(
            self, StandardButton.Ok, self.tr("Change the password"), self.save
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Change my password"))

    @staticmethod
    def _password_line() -> QLineEdit:
        line = QLineEdit()
        line.setEchoMode(QLineEdit.EchoMode.Password)
        return line

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    def save(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.ok_button.setEnabled(False)
        show_notice(self.message, self.tr("Checking…"), error=False)
        station = self._context.session
        current, new, again = self.current.text(), self.new.text(), self.again.text()
        self._context.runner.run(
            lambda: station.perform(change_own_password, current, new, again),
            self._changed,
            self._refused,
        )

    def _changed(self, _nothing: object) -> None:
        if shiboken6.isValid(self):
            self._saving = False
            self.accept()

    def _refused(self, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        self._saving = False
        self.ok_button.setEnabled(True)
        text = refusal_text(error)
        show_notice(self.message, text)

    def reject(self) -> None:
        if not self._saving:
            super().reject()

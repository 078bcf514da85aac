"""The login dialog: user name and password, a hint on demo stations, the language choice."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.config import Language, Settings, save_settings
from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.demo import DEMO_USERNAME
from station_app.errors import AuthenticationError, UserError
from station_app.services.auth import log_in
from station_app.services.station import StationInfo
from station_app.ui.shared.application import show_user_error
from station_app.ui.shared.task_runner import TaskRunner

log = logging.getLogger(__name__)

# Each language is offered in its own name, whatever the current UI language.
LANGUAGES: tuple[tuple[Language, str], ...] = (("zh_CN", "中文"), ("en", "English"))
ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #8a5a00; background: #fff4d6; padding: 4px; border-radius: 3px;"


class LoginDialog(QDialog):
    """Asks who is working; `actor` holds the logged-in user once the dialog is accepted.

    The password check (argon2, a tenth of a second or more) runs on `runner`, the app's one
    database thread (the dialog makes its own when given none): meanwhile the dialog shows
    that it is logging in, its fields and buttons are disabled and Escape is ignored.
    """

    def __init__(
        self,
        db: Database,
        station: StationInfo,
        settings: Settings,
        settings_file: Path,
        parent: QWidget | None = None,
        *,
        running_language: Language | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        """`running_language` is the language of this run when --lang overrides the settings."""
        super().__init__(parent)
        self._db = db
        self._runner = runner if runner is not None else TaskRunner(self)
        self._logging_in = False
        self._settings = settings
        self._settings_file = settings_file
        self._session: StationSession | None = None
        self._running_language = running_language or settings.language
        self.setWindowTitle(self.tr("Log in — Smart Employment Station"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("Smart Employment Station"))
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        station_line = QLabel(
            self.tr("{community}, {street}").format(
                community=station.community_name, street=station.street
            )
        )
        station_line.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # A demo station offers its published user name until someone has logged in.
        self.username = QLineEdit(
            settings.last_username or (DEMO_USERNAME if station.is_demo else "")
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.busy_label = QLabel(self.tr("Logging in…"))
        self.busy_label.setVisible(False)
        self.language_note = QLabel(
            self.tr("The new language takes effect the next time the program starts.")
        )
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.demo_hint = QLabel(self.tr("Demo database: user name demo, password demo1234"))
        self.demo_hint.setStyleSheet(HINT_STYLE)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(station.is_demo)

        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Language:"), self.language)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(station_line)
        layout.addSpacing(8)
        layout.addWidget(self.demo_hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.language_note)
        layout.addWidget(self.buttons)

        self.language.currentIndexChanged.connect(self._language_chosen)
        # A bug in the background (no result, no UserError) must not leave the dialog busy.
        self._runner.busy_changed.connect(self._runner_busy_changed)
        (self.password if self.username.text() else self.username).setFocus()

    @property
    def session(self) -> StationSession | None:
        """The logged-in worker's station session, once the login succeeded."""
        return self._session

    @property
    def actor(self) -> Actor | None:
        return self._session.actor if self._session is not None else None

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def logging_in(self) -> bool:
        """True while the password is being checked in the background."""
        return self._logging_in

    def accept(self) -> None:
        """Checks the credentials in the background; the dialog closes once they are right."""
        if self._logging_in:
            return
        username = self.username.text().strip()
        if not username or not self.password.text():
            self._refuse(self.tr("Enter your user name and password."))
            return
        db, password = self._db, self.password.text()
        self._set_logging_in(True)
        self._runner.run(
            lambda: log_in(db, username, password),
            lambda session: self._logged_in(username, session),
            lambda error: self._login_failed(username, error),
        )

    def reject(self) -> None:
        """Cancel/Escape/close; ignored while the login is under way (its result must land)."""
        if not self._logging_in:
            super().reject()

    def _logged_in(self, username: str, session: StationSession) -> None:
        if not shiboken6.isValid(self):
            return  # the dialog is gone (the application is quitting)
        self._set_logging_in(False)
        self._session = session
        self._store(replace(self._settings, last_username=username))
        super().accept()

    def _login_failed(self, username: str, error: UserError) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_logging_in(False)
        if isinstance(error, AuthenticationError):
            log.info("failed login for %r", username)
            self._refuse(self.tr("The user name or password is wrong. Please try again."))
            return
        show_user_error(self, error)

    def _set_logging_in(self, busy: bool) -> None:
        self._logging_in = busy
        for widget in (self.username, self.password, self.language, self.buttons):
            widget.setEnabled(not busy)
        self.busy_label.setVisible(busy)
        if busy:
            self.message.setVisible(False)

    def _runner_busy_changed(self, busy: bool) -> None:
        if not busy and self._logging_in and shiboken6.isValid(self):
            self._set_logging_in(False)

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)
        self.password.clear()
        target = self.password if self.username.text().strip() else self.username
        target.setFocus()

    def _language_chosen(self, index: int) -> None:
        code = self.language.itemData(index)
        self.language_note.setVisible(code != self._running_language)
        self._store(replace(self._settings, language=code))

    def _store(self, settings: Settings) -> None:
        self._settings = settings
        try:
            save_settings(self._settings_file, settings)
        except OSError as exc:
            log.warning("cannot save the settings to %s: %s", self._settings_file, exc)


def run_login_dialog(
    db: Database,
    station: StationInfo,
    settings: Settings,
    settings_file: Path,
    parent: QWidget | None = None,
    *,
    running_language: Language | None = None,
    runner: TaskRunner | None = None,
) -> StationSession | None:
    """Shows the login dialog; the logged-in worker's session, or None when cancelled."""
    dialog = LoginDialog(
        db,
        station,
        settings,
        settings_file,
        parent,
        running_language=running_language,
        runner=runner,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.session

"""The login dialog: credentials, the demo hint, the saved user name and language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_app import paths
from station_app.config import Settings, load_settings
from station_app.core.actor import Actor
from station_app.database import Database
from station_app.services.station import station_info
from station_app.ui.counter.login_dialog import LoginDialog
from station_app.ui.shared.task_runner import TaskRunner

pytestmark = pytest.mark.gui

ADMIN_PASSWORD = "secret-123"  # see conftest.make_station


def _dialog(
    qtbot: QtBot, db: Database, data_dir: Path, settings: Settings | None = None
) -> LoginDialog:
    station = station_info(db)
    assert station is not None
    dialog = LoginDialog(db, station, settings or Settings(), paths.settings_path(data_dir))
    qtbot.addWidget(dialog)
    return dialog


def test_user_name_is_prefilled_and_password_has_focus(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    dialog = _dialog(qtbot, db, data_dir, Settings(last_username="admin"))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.username.text() == "admin"
    assert dialog.focusWidget() is dialog.password
    assert dialog.demo_hint.isHidden()  # a real station


def test_wrong_password_is_refused_clearly(qtbot: QtBot, db: Database, data_dir: Path) -> None:
    dialog = _dialog(qtbot, db, data_dir, Settings(last_username="admin"))
    dialog.show()
    qtbot.keyClicks(dialog.password, "wrong-password")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: not dialog.logging_in, timeout=5000)
    assert dialog.actor is None
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    assert "wrong" in dialog.message.text()
    assert dialog.message.isVisible()
    assert dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password


def test_empty_fields_ask_for_input(qtbot: QtBot, db: Database, data_dir: Path) -> None:
    dialog = _dialog(qtbot, db, data_dir)
    dialog.show()
    dialog.login_button.click()
    assert dialog.actor is None
    assert dialog.message.text()
    assert dialog.focusWidget() is dialog.username


def test_right_password_logs_in_and_remembers_the_user(
    qtbot: QtBot, db: Database, actor: Actor, data_dir: Path
) -> None:
    dialog = _dialog(qtbot, db, data_dir)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.login_button.click()
    assert dialog.actor is not None
    assert dialog.actor.user_id == actor.user_id
    assert load_settings(paths.settings_path(data_dir)).last_username == "admin"


def test_demo_station_shows_the_demo_login(qtbot: QtBot, demo_db: Database, data_dir: Path) -> None:
    dialog = _dialog(qtbot, demo_db, data_dir)
    dialog.show()
    assert dialog.demo_hint.isVisible()
    assert "demo1234" in dialog.demo_hint.text()
    assert dialog.username.text() == "demo"  # until someone has logged in
    assert dialog.focusWidget() is dialog.password


def test_language_choice_is_saved_for_the_next_start(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    dialog = _dialog(qtbot, db, data_dir)
    dialog.show()
    assert dialog.language.currentData() == "zh_CN"
    assert not dialog.language_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert load_settings(paths.settings_path(data_dir)).language == "en"
    assert dialog.language_note.isVisible()
    assert "next time" in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert load_settings(paths.settings_path(data_dir)).language == "zh_CN"
    assert not dialog.language_note.isVisible()


def test_the_password_is_checked_in_the_background_and_escape_waits(
    qtbot: QtBot, db: Database, data_dir: Path
) -> None:
    dialog = _dialog(qtbot, db, data_dir, Settings(last_username="admin"))
    dialog.show()
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    dialog.login_button.click()
    # The argon2 check runs on the task runner: the dialog says so and takes no input.
    assert dialog.logging_in
    assert dialog.busy_label.isVisible()
    assert "Logging in" in dialog.busy_label.text()
    assert not dialog.login_button.isEnabled()
    assert not dialog.password.isEnabled()
    assert not dialog.username.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # ignored until the result has landed
    assert dialog.isVisible()
    dialog.login_button.click()  # a second click starts no second login
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        pass
    assert dialog.actor is not None
    assert not dialog.logging_in


def test_the_given_runner_does_the_login(qtbot: QtBot, db: Database, data_dir: Path) -> None:
    runner = TaskRunner()
    station = station_info(db)
    assert station is not None
    dialog = LoginDialog(
        db, station, Settings(last_username="admin"), paths.settings_path(data_dir), runner=runner
    )
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    dialog.login_button.click()
    assert runner.busy
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        pass
    assert dialog.actor is not None
    runner.shutdown()

"""The users page against a real station database: create, reset, deactivate, who sees it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from record_helpers import TypeText, show_page

from station_app.config import Settings
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import AuthenticationError
from station_app.models import UserRole
from station_app.services.auth import log_in
from station_app.services.users import UserInput, create_user, list_users
from station_app.ui.counter.main_window import MainWindow
from station_app.ui.counter.users import UsersPage
from station_app.ui.counter.users.dialogs import (
    ChangeRoleDialog,
    CreateUserDialog,
    ResetPasswordDialog,
)
from station_app.ui.shared.context import AppContext

pytestmark = pytest.mark.gui

PASSWORD = "worker-pass-1"


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> UsersPage:
    page = show_page(qtbot, UsersPage(context))
    assert page.runner.wait_idle()
    return page


def _add_worker(station: StationSession, username: str = "lisi") -> str:
    return station.perform(create_user, UserInput(username, "李四", PASSWORD, PASSWORD))


def _save(qtbot: QtBot, page: UsersPage, dialog: CreateUserDialog | ResetPasswordDialog) -> str:
    assert dialog.ok_button.isEnabled(), dialog.general_message_text()
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.ok_button.click()
    assert page.runner.wait_idle()
    return str(saved.args[0])


def _answer_confirmation(page: UsersPage, *, confirm: bool) -> None:
    """Presses a button of the confirmation the page is about to show."""

    def press() -> None:
        box = page.confirm_box
        assert box is not None
        accept = next(b for b in box.buttons() if b is box.defaultButton())
        (accept if confirm else box.escapeButton()).click()

    QTimer.singleShot(0, press)


def test_the_list_shows_the_admin(page: UsersPage, context: AppContext) -> None:
    assert UsersPage.navigation_title() == "Users"
    assert page.shown_ids() == [context.actor.user_id]
    assert page.count_label.text() == "1 user(s), 1 active"
    assert page.select_user(context.actor.user_id)
    # The administrator's own account: the password, yes; role and deactivation, no.
    assert page.reset_button.isEnabled()
    assert not page.role_button.isEnabled()
    assert not page.active_button.isEnabled()


def test_create_a_worker_through_the_dialog(
    qtbot: QtBot, page: UsersPage, db: Database, type_text: TypeText
) -> None:
    dialog = page.open_create_dialog()
    assert dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.username, "lisi")
    type_text(dialog.display_name, "李四")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.password_again, PASSWORD)
    assert dialog.user_input().role is UserRole.WORKER  # the default role
    user_id = _save(qtbot, page, dialog)
    assert page.open_dialogs() == []  # closed
    assert page.selected_id() == user_id  # the new account is selected
    assert page.count_label.text() == "2 user(s), 2 active"
    session = log_in(db, "lisi", PASSWORD)
    assert (session.actor.display_name, session.actor.role) == ("李四", UserRole.WORKER)


def test_the_dialog_shows_problems_and_a_taken_name(
    qtbot: QtBot, page: UsersPage, station: StationSession, type_text: TypeText
) -> None:
    _add_worker(station)
    dialog = page.open_create_dialog()
    dialog.username.setText("王")
    dialog.username.editingFinished.emit()
    assert "2 to 32 letters" in dialog.message("username")
    qtbot.keyClicks(dialog.password, "short")
    dialog.password.editingFinished.emit()
    assert "at least 8 characters" in dialog.message("password")
    assert not dialog.ok_button.isEnabled()

    dialog.username.setText("LiSi")  # taken, whatever its case
    type_text(dialog.display_name, "李四")
    dialog.password.setText(PASSWORD)
    qtbot.keyClicks(dialog.password_again, PASSWORD)
    dialog.select_role(UserRole.INSPECTOR)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert page.runner.wait_idle()
    assert dialog.isVisible()
    assert dialog.message("username") == "The user name LiSi is taken already; choose another."
    assert dialog.general_message_text() == "Nothing was saved."
    assert len(station.query(list_users)) == 2


def test_enter_moves_on_then_creates_and_escape_cancels(
    qtbot: QtBot, page: UsersPage, db: Database
) -> None:
    dialog = page.open_create_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.username
    qtbot.keyClicks(dialog.username, "zhaoliu")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.display_name
    qtbot.keyClicks(dialog.display_name, "Zhao Liu")
    dialog.password.setText(PASSWORD)
    dialog.password_again.setText(PASSWORD)
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.password_again, Qt.Key.Key_Return)
    assert page.runner.wait_idle()
    assert log_in(db, "zhaoliu", PASSWORD).actor.display_name == "Zhao Liu"

    other = page.open_create_dialog()
    qtbot.waitExposed(other)
    qtbot.keyClick(other.username, Qt.Key.Key_Escape)
    assert page.open_dialogs() == []


def test_reset_a_password(
    qtbot: QtBot, page: UsersPage, station: StationSession, db: Database
) -> None:
    user_id = _add_worker(station)
    assert page.runner.wait_idle()
    assert page.select_user(user_id)
    page.reset_button.click()
    dialog = page.open_dialogs()[-1]
    assert isinstance(dialog, ResetPasswordDialog)
    assert "李四 (lisi)" in dialog.intro.text()
    dialog.password.setText("new-pass-99")
    qtbot.keyClicks(dialog.password_again, "new-pass-98")
    dialog.password_again.editingFinished.emit()
    assert dialog.message("password_again") == "The two passwords are not the same."
    assert not dialog.ok_button.isEnabled()
    dialog.password_again.setText("new-pass-99")
    assert _save(qtbot, page, dialog) == user_id
    with pytest.raises(AuthenticationError):
        log_in(db, "lisi", PASSWORD)
    assert log_in(db, "lisi", "new-pass-99").actor.user_id == user_id


def test_deactivate_and_activate_again(
    qtbot: QtBot, page: UsersPage, station: StationSession, db: Database
) -> None:
    user_id = _add_worker(station)
    assert page.runner.wait_idle()
    assert page.select_user(user_id)
    assert page.active_button.text() == "Deactivate…"

    _answer_confirmation(page, confirm=False)
    page.active_button.click()
    assert page.runner.wait_idle()
    assert log_in(db, "lisi", PASSWORD).actor.user_id == user_id  # cancelled: still active

    _answer_confirmation(page, confirm=True)
    page.active_button.click()
    assert page.runner.wait_idle()
    with pytest.raises(AuthenticationError):
        log_in(db, "lisi", PASSWORD)
    assert page.selected_id() == user_id
    assert page.count_label.text() == "2 user(s), 1 active"
    assert page.active_button.text() == "Activate…"
    assert page.message.text() == "The account of 李四 is deactivated."

    _answer_confirmation(page, confirm=True)
    page.active_button.click()
    assert page.runner.wait_idle()
    assert log_in(db, "lisi", PASSWORD).actor.user_id == user_id


def test_change_a_role(qtbot: QtBot, page: UsersPage, station: StationSession) -> None:
    user_id = _add_worker(station)
    assert page.runner.wait_idle()
    dialog = page.open_role_dialog(user_id)
    assert isinstance(dialog, ChangeRoleDialog)
    assert not dialog.ok_button.isEnabled()  # still the same role
    dialog.select_role(UserRole.INSPECTOR)
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()
    assert page.runner.wait_idle()
    roles = {row.id: row.role for row in station.query(list_users)}
    assert roles[user_id] is UserRole.INSPECTOR
    assert page.open_role_dialog(station.actor.user_id) is None  # not one's own


def test_a_change_made_elsewhere_shows(page: UsersPage, station: StationSession) -> None:
    user_id = _add_worker(station)
    assert page.runner.wait_idle()
    assert user_id in page.shown_ids()


def test_the_chinese_page(
    qtbot: QtBot, page: UsersPage, chinese: None, station: StationSession
) -> None:
    assert UsersPage.navigation_title() == "用户管理"
    dialog = page.open_create_dialog()
    assert dialog.windowTitle() == "新建用户"
    assert dialog.role.currentText() == "驿站工作人员"


@pytest.fixture
def worker_context(
    db: Database, station: StationSession, data_dir: object, qapp: QApplication
) -> Iterator[AppContext]:
    _add_worker(station)
    context = AppContext.create(
        log_in(db, "lisi", PASSWORD), settings=Settings(), data_dir=station.db.path.parent
    )
    yield context
    context.close()


def test_the_page_is_only_for_admins(
    qtbot: QtBot, context: AppContext, worker_context: AppContext
) -> None:
    admin_window = MainWindow(context)
    qtbot.addWidget(admin_window)
    assert context.runner.wait_idle()
    titles = [
        admin_window.navigation.item(i).text() for i in range(admin_window.navigation.count())
    ]
    assert titles[-1] == "Users"
    assert isinstance(admin_window.pages[-1], UsersPage)

    worker_window = MainWindow(worker_context)
    qtbot.addWidget(worker_window)
    assert worker_context.runner.wait_idle()
    count = worker_window.navigation.count()
    titles = [worker_window.navigation.item(i).text() for i in range(count)]
    assert "Users" not in titles
    assert not any(isinstance(p, UsersPage) for p in worker_window.pages)
    assert len(worker_window.pages) == count == len(admin_window.pages) - 1

"""The first-start dialog validates as the user types and sets the station up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from station_app.database import Database, open_database
from station_app.models import UserRole
from station_app.services.city_communities import communities_of
from station_app.services.station import station_info
from station_app.ui.counter.setup_dialog import DEFAULT_STREET, SetupDialog

pytestmark = pytest.mark.gui

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "station.sqlite")
    yield db
    db.close()


@pytest.fixture
def dialog(qtbot: QtBot, fresh_db: Database) -> SetupDialog:
    """The dialog with "another community" chosen: the fields are typed in."""
    widget = SetupDialog(fresh_db)
    qtbot.addWidget(widget)
    widget.choose_community(None)
    return widget


def _fill_valid(dialog: SetupDialog, qtbot: QtBot, type_text: TypeText) -> None:
    qtbot.keyClicks(dialog.community_code, "341282001001")
    type_text(dialog.community_name, "人民路社区")
    qtbot.keyClicks(dialog.username, "admin")
    type_text(dialog.display_name, "王芳")
    qtbot.keyClicks(dialog.password, "secret-123")
    qtbot.keyClicks(dialog.password_again, "secret-123")


def _problem(dialog: SetupDialog, field: str) -> str:
    return dialog._problem_labels[field].text()


def test_defaults_and_ok_disabled_while_empty(dialog: SetupDialog) -> None:
    assert dialog.street.text() == DEFAULT_STREET
    assert dialog.latitude.value() == pytest.approx(33.26, abs=0.01)
    assert dialog.longitude.value() == pytest.approx(115.37, abs=0.01)
    assert not dialog.community_code.isReadOnly()
    assert not dialog.ok_button.isEnabled()
    # Nothing typed yet: no red text shouts at the user.
    assert all(not label.text() for label in dialog._problem_labels.values())


def test_the_city_list_fills_the_community_and_its_neighbours(
    qtbot: QtBot, fresh_db: Database, type_text: TypeText
) -> None:
    dialog = SetupDialog(fresh_db)
    qtbot.addWidget(dialog)
    assert dialog.listed_street.currentText() == "东城街道"
    assert dialog.listed_community.count() == 15  # 14 communities and "another community"
    listed = communities_of("东城街道")
    assert dialog.community_code.text() == listed[0].code  # the first is chosen at once
    assert dialog.community_code.isReadOnly()
    dialog.choose_community(listed[2].code)
    assert dialog.community_name.text() == listed[2].name
    assert dialog.latitude.value() == pytest.approx(listed[2].latitude)
    others = [dialog.also_serves.item(row) for row in range(dialog.also_serves.count())]
    assert [item.text() for item in others] == [c.name for c in listed if c != listed[2]]
    others[0].setCheckState(Qt.CheckState.Checked)
    others[1].setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.username, "admin")
    type_text(dialog.display_name, "王芳")
    qtbot.keyClicks(dialog.password, "secret-123")
    qtbot.keyClicks(dialog.password_again, "secret-123")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10_000)
    session = dialog.session
    assert session is not None
    assert session.station.community_name == listed[2].name
    assert len(session.scope.communities) == 3


def test_problems_appear_next_to_the_edited_field(
    dialog: SetupDialog, qtbot: QtBot, type_text: TypeText
) -> None:
    qtbot.keyClicks(dialog.password, "abc")
    assert "8" in _problem(dialog, "password")
    assert _problem(dialog, "community_name") == ""  # not touched yet
    type_text(dialog.community_name, "人")
    assert dialog.community_name.text() == "人"
    assert _problem(dialog, "community_name") == ""
    qtbot.keyClick(dialog.community_name, Qt.Key.Key_Backspace)
    assert _problem(dialog, "community_name") == "Enter the community's name."
    assert not dialog.ok_button.isEnabled()


def test_mismatched_passwords_are_shown(
    dialog: SetupDialog, qtbot: QtBot, type_text: TypeText
) -> None:
    _fill_valid(dialog, qtbot, type_text)
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.password_again, "x")
    assert _problem(dialog, "password_again")
    assert not dialog.ok_button.isEnabled()


def test_latitude_outside_china_is_refused(
    dialog: SetupDialog, qtbot: QtBot, type_text: TypeText
) -> None:
    _fill_valid(dialog, qtbot, type_text)
    dialog.latitude.setValue(-10.0)
    assert _problem(dialog, "latitude")
    assert not dialog.ok_button.isEnabled()


def test_accept_sets_up_the_station(
    dialog: SetupDialog, fresh_db: Database, qtbot: QtBot, type_text: TypeText
) -> None:
    _fill_valid(dialog, qtbot, type_text)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.ok_button.click()
    assert dialog.actor is not None
    assert dialog.actor.username == "admin"
    assert dialog.actor.role is UserRole.ADMIN
    info = station_info(fresh_db)
    assert info is not None
    assert (info.community_name, info.street, info.is_demo) == ("人民路社区", "东城街道", False)


def test_accept_on_a_set_up_station_shows_the_problem(
    dialog: SetupDialog, fresh_db: Database, qtbot: QtBot, type_text: TypeText
) -> None:
    _fill_valid(dialog, qtbot, type_text)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.accept()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    second = SetupDialog(fresh_db)
    qtbot.addWidget(second)
    _fill_valid(second, qtbot, type_text)
    second.accept()
    qtbot.waitUntil(lambda: not second.setting_up, timeout=5000)
    assert second.actor is None
    assert second.general_problem.text()
    assert not second.general_problem.isHidden()


def test_the_set_up_runs_in_the_background_and_escape_waits(
    dialog: SetupDialog, qtbot: QtBot, type_text: TypeText
) -> None:
    _fill_valid(dialog, qtbot, type_text)
    dialog.show()
    dialog.ok_button.click()
    # Hashing the password runs on the task runner: the dialog says so and takes no input.
    assert dialog.setting_up
    assert dialog.busy_label.isVisible()
    assert not dialog.buttons.isEnabled()
    assert not dialog.username.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # ignored until the result has landed
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        pass
    assert dialog.actor is not None
    assert not dialog.setting_up

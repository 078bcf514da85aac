"""The main window: navigation over the pages, status bar facts, menus."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from station_app import __version__
from station_app.core.station_session import StationSession
from station_app.models import RecognitionState
from station_app.services import recognition as rec
from station_app.ui.counter.employers import EmployersPage
from station_app.ui.counter.jobs import JobsPage
from station_app.ui.counter.main_window import MainWindow, default_pages
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.sync import SyncPage
from station_app.ui.counter.today import TodayPage
from station_app.ui.counter.users import UsersPage
from station_app.ui.shared.context import AppContext
from tests.services.recognition_helpers import add_resident, approved_recognition


class _FakePage(QWidget):
    title = "Fake"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    @staticmethod
    def navigation_title() -> str:
        return "Fake"


class _OtherPage(_FakePage):
    @staticmethod
    def navigation_title() -> str:
        return "Other"


def _window(qtbot: QtBot, context: AppContext, **kwargs: object) -> MainWindow:
    window = MainWindow(context, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    return window


def test_pages_are_built_from_the_list(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context, pages=(_FakePage, _OtherPage))
    assert [window.navigation.item(i).text() for i in range(2)] == ["Fake", "Other"]
    assert window.stack.count() == 2
    assert window.current_page() is window.pages[0]
    window.navigation.setCurrentRow(1)
    assert window.current_page() is window.pages[1]
    assert all(page.context is context for page in window.pages)  # type: ignore[attr-defined]


def test_today_then_residents_then_employers(qtbot: QtBot, context: AppContext) -> None:
    assert default_pages() == (
        TodayPage,
        ResidentsPage,
        EmployersPage,
        JobsPage,
        SyncPage,
        UsersPage,
    )
    window = _window(qtbot, context)
    assert isinstance(window.current_page(), TodayPage)
    assert window.navigation.item(0).text() == TodayPage.navigation_title()
    window.show_page(1)
    assert isinstance(window.current_page(), ResidentsPage)
    assert window.navigation.item(1).text() == ResidentsPage.navigation_title()
    assert isinstance(window.show_page_of(EmployersPage), EmployersPage)
    assert window.current_page() is window.page(2)


def test_title_and_status_bar_say_where_and_who(qtbot: QtBot, context: AppContext) -> None:
    window = _window(qtbot, context, pages=(_FakePage,))
    window.show()
    assert "人民路社区" in window.windowTitle()
    texts = " | ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "人民路社区" in texts
    assert "东城街道" in texts
    assert "王芳" in texts
    assert "Station administrator" in texts
    assert context.db.path.name in texts
    assert not window.demo_marker.isVisible()  # a real station


def test_a_demo_station_is_marked(qtbot: QtBot, context: AppContext) -> None:
    session = context.session
    demo_session = StationSession(
        session.db, session.actor, replace(session.station, is_demo=True), scope=session.scope
    )
    demo = replace(context, session=demo_session)
    window = _window(qtbot, demo, pages=(_FakePage,))
    window.show()
    assert window.demo_marker.isVisible()
    assert window.demo_marker.text() == "DEMO DATA"


def test_menus_quit_and_about(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, context, pages=(_FakePage,))
    window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Go", "&Help"]
    shown: list[str] = []
    monkeypatch.setattr(
        "station_app.ui.counter.main_window.QMessageBox.about",
        lambda _p, _t, text: shown.append(text),
    )
    window.about_action.trigger()
    assert __version__ in shown[0]
    window.quit_action.trigger()
    assert not window.isVisible()


def test_the_window_paints_before_any_session(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_progress("Opening…")
    with qtbot.waitSignal(window.first_painted):
        window.show()
    assert window.pages == []
    assert window.progress_label.text() == "Opening…"


def test_typing_after_login_goes_to_the_search_box(qtbot: QtBot, context: AppContext) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.open_session(context)
    home = window.current_page()
    assert isinstance(home, TodayPage)
    qtbot.waitUntil(lambda: home.contacts.hasFocus())  # the keys move in the list due
    page = window.show_page_of(ResidentsPage)
    assert isinstance(page, ResidentsPage)
    qtbot.waitUntil(lambda: page.search_box.hasFocus())
    window.show_page(2)
    employers = window.current_page()
    assert isinstance(employers, EmployersPage)
    qtbot.waitUntil(lambda: employers.search_box.hasFocus())


def test_a_page_is_built_when_first_shown(qtbot: QtBot, context: AppContext) -> None:
    built: list[str] = []

    class _Counted(_FakePage):
        def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
            super().__init__(context, parent)
            built.append(self.navigation_title())

    class _CountedOther(_Counted):
        @staticmethod
        def navigation_title() -> str:
            return "Other"

    window = _window(qtbot, context, pages=(_Counted, _CountedOther))
    assert built == ["Fake"]  # the first page, shown at login
    assert window.page_count() == window.stack.count() == 2
    window.show_page(1)
    assert built == ["Fake", "Other"]
    assert window.current_page() is window.page(1)
    window.show_page(0)
    window.show_page(1)
    assert built == ["Fake", "Other"]  # each once
    assert window.pages == [window.page(0), window.page(1)]


def test_the_pages_from_the_keyboard(qtbot: QtBot, context: AppContext) -> None:
    from PySide6.QtCore import Qt

    window = _window(qtbot, context, pages=(_FakePage, _OtherPage, _FakePage))
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_PageDown, ctrl)  # next page
    assert window.navigation.currentRow() == 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp, ctrl)  # previous page
    assert window.navigation.currentRow() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageUp, ctrl)  # wraps around
    assert window.navigation.currentRow() == 2
    qtbot.keyClick(window, Qt.Key.Key_Home, alt)  # the home page
    assert window.navigation.currentRow() == 0
    qtbot.keyClick(window, Qt.Key.Key_2, alt)
    assert window.navigation.currentRow() == 1
    qtbot.keyClick(window, Qt.Key.Key_9, alt)  # no such page: stays
    assert window.navigation.currentRow() == 1


def test_a_user_changes_their_own_password(qtbot: QtBot, context: AppContext) -> None:
    from station_app.services.auth import log_in
    from tests.conftest import ADMIN_PASSWORD, ADMIN_USERNAME

    window = _window(qtbot, context, pages=(_FakePage,))
    assert "Change my password…" in [
        a.text() for a in window.menuBar().actions()[0].menu().actions()
    ]
    dialog = window.open_password_dialog()
    assert dialog is not None
    dialog.current.setText("wrong-one")
    dialog.new.setText("new-pass-99")
    dialog.again.setText("new-pass-99")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.message_text() == "The current password is wrong.")
    assert dialog.isVisible()
    dialog.current.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert log_in(context.db, ADMIN_USERNAME, "new-pass-99").actor.username == ADMIN_USERNAME


def test_the_login_expires_lapsed_approvals(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    resident_id = add_resident(station)
    applied_on = date.today() - timedelta(days=4 * 366)
    rid = approved_recognition(station, resident_id, applied_on=applied_on)
    _window(qtbot, context, pages=(_FakePage,))
    assert context.runner.wait_idle(5000)
    assert station.query(rec.get_recognition, rid).state is RecognitionState.EXPIRED

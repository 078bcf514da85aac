"""Log out / switch user: the pages go, the login comes back, the next worker's pages come."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import AuditEvent, UserRole
from station_app.services.auth import log_in
from station_app.services.users import UserInput, create_user
from station_app.ui.counter import login_dialog, startup
from station_app.ui.counter.employers import EmployersPage
from station_app.ui.counter.jobs import JobsPage
from station_app.ui.counter.main_window import MainWindow
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.users import UsersPage

ADMIN = ("admin", "secret-123")  # the station's administrator (tests/conftest.py)
WORKER = ("xiaoli", "worker-pass")
INSPECTOR = ("duchao", "inspector-pass")


class _Counter:
    """The real start of the counter on `data_dir`, with the login dialog answered from a list."""

    def __init__(self, qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.logins: list[tuple[str, str]] = []
        self.asked = 0
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.window.show()
        monkeypatch.setattr(login_dialog, "run_login_dialog", self._run_login_dialog)
        self.session = startup._Session(self.window, data_dir, "en", 2)

    def _run_login_dialog(self, db: Database, *_args: object, **_kwargs: object) -> object:
        self.asked += 1
        if not self.logins:
            return None  # the worker cancelled the dialog
        username, password = self.logins.pop(0)
        return log_in(db, username, password)

    def page_classes(self) -> list[type]:
        return [type(page) for page in self.window.pages]


@pytest.fixture
def counter(
    qtbot: QtBot, station: StationSession, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[_Counter]:
    for (username, password), role in ((WORKER, UserRole.WORKER), (INSPECTOR, UserRole.INSPECTOR)):
        station.perform(create_user, UserInput(username, username, password, password, role))
    made = _Counter(qtbot, data_dir, monkeypatch)
    yield made
    made.session.close()


def _log_in_first(qtbot: QtBot, counter: _Counter, who: tuple[str, str]) -> None:
    counter.logins.append(who)
    counter.session.start()
    qtbot.waitUntil(lambda: counter.window.context is not None, timeout=15_000)


def test_switching_users_rebuilds_the_pages_for_each_role(
    qtbot: QtBot, counter: _Counter, db: Database
) -> None:
    window = counter.window
    _log_in_first(qtbot, counter, WORKER)
    assert window.context is not None and window.context.actor.username == WORKER[0]
    assert UsersPage not in counter.page_classes()
    first = window.context
    assert window.log_out_action.shortcut().toString() == "Ctrl+Shift+L"

    counter.logins.append(ADMIN)
    assert window.log_out()
    assert counter.asked == 2  # the login came back, over the same database
    assert window.context is not None and window.context is not first
    assert window.context.actor.username == ADMIN[0]
    assert window.context.runner is first.runner  # still the app's one database thread
    assert UsersPage in counter.page_classes()
    assert window.user_label.text() == "User: 王芳 (Station administrator)"
    # The first worker's session is over: its sync stopped, its change signal unsubscribed.
    assert first.sync.runner.closed
    assert not first.session.events._listeners

    counter.logins.append(INSPECTOR)
    assert window.log_out()
    assert window.context is not None and window.context.actor.username == INSPECTOR[0]
    assert UsersPage not in counter.page_classes()
    jobs = window.show_page_of(JobsPage)
    assert isinstance(jobs, JobsPage)
    assert jobs.register_button.isHidden()  # an inspector only reads
    for page_class in (ResidentsPage, EmployersPage):
        page = window.show_page_of(page_class)
        assert isinstance(page, page_class)
        assert page.register_button.isHidden() and page.edit_button.isHidden()
    assert window.page_count() == len(counter.page_classes())

    with db.session() as orm:
        events = orm.scalars(select(AuditEvent).where(AuditEvent.action == "user.log_out")).all()
    assert sorted(event.actor for event in events) == sorted([WORKER[0], ADMIN[0]])


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_unsaved_edits_are_asked_about_and_a_cancelled_login_ends_the_app(
    qtbot: QtBot, counter: _Counter
) -> None:
    window = counter.window
    _log_in_first(qtbot, counter, WORKER)
    page = window.show_page_of(ResidentsPage)
    assert isinstance(page, ResidentsPage)
    form = page.open_register_form()
    form.set_field_text("name", "Zhang San")
    assert form.has_unsaved_edits

    def answer(button_text: str) -> None:
        box = form.discard_question
        assert isinstance(box, QMessageBox)
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, lambda: answer("Keep editing"))
    assert not window.log_out()
    assert window.context is not None and form.isVisible()  # nothing was dropped
    assert counter.asked == 1

    QTimer.singleShot(0, lambda: answer("Discard changes"))
    assert window.log_out()  # the next login is cancelled: the app ends as at the start
    assert counter.asked == 2
    assert window.context is None
    assert not form.isVisible()
    assert window.page_count() == 0
    assert not window.isVisible()
    assert counter.session.exit_code == 0


def test_nothing_to_log_out_before_a_login(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.log_out_action.isEnabled()
    assert not window.log_out()

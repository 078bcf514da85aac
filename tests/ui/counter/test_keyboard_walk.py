"""The counter's day from the keyboard alone: an employer, its jobs, a contact, home.

Only key events reach the window, each sent to the widget that has the focus (Chinese text
as an input method commits it): the walk fails where the keyboard cannot go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from keyboard_helpers import Keyboard, inside, of_type
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from record_helpers import count_rows
from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import Employer, Job
from station_app.services.contact_rules import RETRY_AFTER_NOT_REACHED_DAYS
from station_app.services.residents import register_resident
from station_app.ui.counter.employers import EmployersPage
from station_app.ui.counter.follow_ups import ContactDialog
from station_app.ui.counter.jobs import JobsPage
from station_app.ui.counter.jobs.form import JobFormDialog
from station_app.ui.counter.main_window import MainWindow
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.today import TodayPage
from station_app.ui.shared.context import AppContext
from tests.services.job_helpers import add_employer, credit_code
from tests.services.test_residents import id_number, resident

pytestmark = pytest.mark.gui

EMPLOYER = "界首市东城服装有限公司"
JOBS = ("缝纫工", "质检员", "仓库管理员")
RESIDENT = "刘洋"
Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot: QtBot, context: AppContext) -> Iterator[MainWindow]:
    shown = MainWindow(context)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    yield shown
    for dialog in QApplication.topLevelWidgets():
        if dialog is not shown and dialog.isVisible():
            dialog.close()


def test_a_counter_day_from_the_keyboard_alone(
    qtbot: QtBot,
    window: MainWindow,
    station: StationSession,
    db: Database,
    type_text: Callable[[QWidget, str], None],
) -> None:
    # The small station: one employer already registered, one unemployed resident.
    add_employer(station, "界首市恒信食品有限公司", 1)
    resident_id = station.perform(
        register_resident,
        resident(station.actor, name=RESIDENT, id_number=id_number(serial="007"),
                 key_groups=frozenset()),
    )  # fmt: skip
    home = window.current_page()
    assert isinstance(home, TodayPage)
    assert home.runner.wait_idle(5000)
    home.reload()
    assert home.runner.wait_idle(5000)
    assert home.due_text(resident_id) is None  # registered today: due in a month, not this week
    kb = Keyboard(qtbot, type_text)
    kb.wait_for_focus(inside(window), "the main window")

    # Employers: Alt+3, Ctrl+N, the name, Tab, the credit code, Ctrl+S.
    kb.press(Key.Key_3, ALT)
    employers = window.current_page()
    assert isinstance(employers, EmployersPage)
    kb.wait_for_focus(lambda w: w is employers.search_box, "the employers' search box")
    kb.press(Key.Key_N, CTRL)
    kb.wait_for_focus(of_type(EmployersPage.form_class), "the employer form")
    form = kb.focused().window()
    assert kb.focused() is form.fields.name  # type: ignore[attr-defined]
    kb.type(EMPLOYER)
    kb.press(Key.Key_Tab)
    assert kb.focused() is form.fields.credit_code  # type: ignore[attr-defined]
    kb.type(credit_code(2))
    kb.press(Key.Key_S, CTRL)
    kb.wait_closed(form)
    with db.session() as session:
        employer_id = session.scalar(select(Employer.id).where(Employer.name == EMPLOYER))
    assert employer_id is not None

    # Three jobs for it on the jobs page: Alt+4, then for each Ctrl+N, the employer, Tab,
    # the title, Ctrl+S.
    kb.press(Key.Key_4, ALT)
    jobs = window.current_page()
    assert isinstance(jobs, JobsPage)
    kb.wait_for_focus(lambda w: w is jobs.search_box, "the jobs' search box")
    for title in JOBS:
        kb.press(Key.Key_N, CTRL)
        kb.wait_for_focus(of_type(JobFormDialog), "the job form")
        job_form = kb.focused().window()
        assert isinstance(job_form, JobFormDialog)
        assert inside(job_form.employer)(kb.focused())
        kb.press(Key.Key_A, CTRL)
        kb.type(EMPLOYER)
        kb.press(Key.Key_Tab)
        assert job_form.employer.currentData() == employer_id
        assert kb.focused() is job_form.title
        kb.type(title)
        kb.press(Key.Key_S, CTRL)
        kb.wait_closed(job_form)
        kb.wait_for_focus(inside(jobs), "back on the jobs page")
    with db.session() as session:
        titles = set(session.scalars(select(Job.title).where(Job.employer_id == employer_id)))
    assert titles == set(JOBS)
    assert count_rows(db, Job) == 3

    # The resident: Alt+2, a few characters, Down into the results, Enter opens the profile.
    kb.press(Key.Key_2, ALT)
    residents = window.current_page()
    assert isinstance(residents, ResidentsPage)
    kb.wait_for_focus(lambda w: w is residents.search_box, "the residents' search box")
    kb.type(RESIDENT)
    qtbot.waitUntil(lambda: residents.shown_ids() == [resident_id], timeout=5000)
    kb.press(Key.Key_Down)
    assert kb.focused() is residents.table
    kb.press(Key.Key_Return)
    kb.wait_for_focus(of_type(ResidentProfileDialog), "the resident's profile")
    profile = kb.focused().window()
    assert isinstance(profile, ResidentProfileDialog)
    qtbot.waitUntil(lambda: profile.contact_button.isEnabled(), timeout=5000)

    # The contact: Ctrl+L, Tab to the outcome, Down to "not reached", Tab through the date
    # to the notes, the notes, Enter saves (the next date: the retry in a few days).
    kb.press(Key.Key_L, CTRL)
    kb.wait_for_focus(of_type(ContactDialog), "the contact dialog")
    contact = kb.focused().window()
    assert isinstance(contact, ContactDialog)
    qtbot.waitUntil(lambda: contact.save_button.isEnabled(), timeout=5000)
    assert kb.focused() is contact.channel
    kb.press(Key.Key_Tab)
    kb.press(Key.Key_Down)
    assert contact.outcome.currentIndex() == 1
    kb.press(Key.Key_Tab)
    assert kb.focused() is contact.occurred_on  # Tab walks its year, month and day, then on
    for _section in range(3):
        kb.press(Key.Key_Tab)
    assert kb.focused() is contact.summary
    kb.type("电话未接通，三天后再打")
    kb.press(Key.Key_Return)
    kb.wait_closed(contact)

    # Home: Escape closes the profile, Alt+Home shows today with the resident's next date.
    kb.wait_for_focus(inside(profile), "back on the profile")
    kb.press(Key.Key_Escape)
    kb.wait_closed(profile)
    kb.wait_for_focus(inside(window), "back in the main window")
    kb.press(Key.Key_Home, ALT)
    assert window.current_page() is home
    due = (date.today() + timedelta(days=RETRY_AFTER_NOT_REACHED_DAYS)).isoformat()
    qtbot.waitUntil(lambda: home.due_text(resident_id) == due, timeout=5000)
    print(f"keyboard walk: {kb.keys} keystrokes and {kb.commits} input-method commits")

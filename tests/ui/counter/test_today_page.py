"""The home page and the contact dialog: record a contact, see the next due date at home."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from record_helpers import show_page
from sqlalchemy import select, update

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import (
    ContactOutcome,
    EmploymentStatus,
    JobStatus,
    KeyGroup,
    Resident,
    ServiceChannel,
    ServiceRecord,
)
from station_app.models.recognition import Recognition, RecognitionState
from station_app.services.residents import register_resident
from station_app.ui.counter.follow_ups import ContactDialog
from station_app.ui.counter.jobs.form import JobFormDialog
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.residents.form import ResidentFormDialog
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.today import TodayPage
from station_app.ui.shared.context import AppContext
from tests.services.test_residents import id_number, resident
from tests.services.test_today import add_jobs

pytestmark = pytest.mark.gui
TODAY = date.today()


def registered_long_ago(
    station: StationSession, db: Database, serial: str, **changes: object
) -> str:
    """A resident registered 40 days ago and never contacted: overdue by the monthly rule."""
    fields: dict[str, object] = {"key_groups": frozenset(), **changes}
    data = resident(station.actor, id_number=id_number(serial=serial), **fields)
    resident_id = station.perform(register_resident, data)
    with db.session() as session:
        long_ago = datetime.now(UTC) - timedelta(days=40)
        session.execute(
            update(Resident).where(Resident.id == resident_id).values(created_at=long_ago)
        )
        session.commit()
    return resident_id


@pytest.fixture
def home(qtbot: QtBot, context: AppContext) -> TodayPage:
    return show_page(qtbot, TodayPage(context, today=TODAY))


def reload(home: TodayPage) -> None:
    home.reload()
    assert home.runner.wait_idle(5000)


def test_overdue_contacts_are_listed_with_their_counts(
    qtbot: QtBot, home: TodayPage, station: StationSession, db: Database
) -> None:
    late = registered_long_ago(station, db, "001", name="张伟")
    veteran = frozenset({KeyGroup.VETERAN})
    registered_long_ago(
        station,
        db,
        "002",
        name="李娜",
        key_groups=veteran,
        employment_status=EmploymentStatus.EMPLOYED,
    )
    reload(home)
    assert home.shown_residents() == [late]  # the employed veteran: quarterly, not due yet
    assert home.due_text(late) == (TODAY - timedelta(days=10)).isoformat()
    assert "Overdue: 1" in home.contacts_count.text()
    assert home.contacts.item(0, 2).text() == "10 day(s) overdue"


def test_recording_a_contact_by_keyboard_shows_the_next_due_date_at_home(
    qtbot: QtBot, home: TodayPage, station: StationSession, db: Database
) -> None:
    late = registered_long_ago(station, db, "003")
    reload(home)
    home.contacts.setFocus()
    home.select_resident(late)
    qtbot.keyClick(home.contacts, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    [dialog] = home.open_dialogs()
    assert isinstance(dialog, ContactDialog)
    qtbot.waitUntil(lambda: dialog.state is not None and dialog.save_button.isEnabled())
    assert "every 30 days" in dialog.rule_label.text()
    # The default: by phone, reached, next date from the rule; the worker picks "not reached".
    assert dialog.channel_value() is ServiceChannel.PHONE
    assert dialog.next_contact_on.date().toPython() == TODAY + timedelta(days=30)
    dialog.outcome.setFocus()
    qtbot.keyClick(dialog.outcome, Qt.Key.Key_Down)
    assert dialog.outcome_value() is ContactOutcome.NOT_REACHED
    assert dialog.next_contact_on.date().toPython() == TODAY + timedelta(days=3)
    with qtbot.waitSignal(dialog.contact_recorded) as recorded:
        qtbot.keyClick(dialog.outcome, Qt.Key.Key_Return)
    assert recorded.args == [late, TODAY + timedelta(days=3)]
    # The change signal refreshes the page: the resident is now due in three days.
    qtbot.waitUntil(lambda: home.due_text(late) == (TODAY + timedelta(days=3)).isoformat())
    assert "Overdue: 0" in home.contacts_count.text()
    with db.session() as session:
        record = session.scalars(select(ServiceRecord)).one()
        assert (record.channel, record.outcome) == (
            ServiceChannel.PHONE,
            ContactOutcome.NOT_REACHED,
        )


def test_a_refused_contact_shows_why_and_saves_nothing(
    qtbot: QtBot, home: TodayPage, station: StationSession, db: Database
) -> None:
    late = registered_long_ago(station, db, "004")
    reload(home)
    dialog = home.record_contact(late)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.next_contact_on.setDate(dialog.occurred_on.date())  # not after the contact
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.isVisible() and "after" in dialog.message.text())
    assert dialog.isVisible()
    with db.session() as session:
        assert session.scalars(select(ServiceRecord)).all() == []


def test_a_row_opens_the_profile_and_its_edit_the_form(
    qtbot: QtBot, home: TodayPage, station: StationSession, db: Database
) -> None:
    late = registered_long_ago(station, db, "005")
    reload(home)
    home.select_resident(late)
    qtbot.keyClick(home.contacts, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in home.open_dialogs()))
    [profile] = home.open_dialogs()
    assert isinstance(profile, ResidentProfileDialog)
    assert profile.resident_id == late
    profile.edit_button.click()
    qtbot.waitUntil(lambda: any(isinstance(d, ResidentFormDialog) for d in home.open_dialogs()))
    form = next(d for d in home.open_dialogs() if isinstance(d, ResidentFormDialog))
    qtbot.waitUntil(form.isVisible)
    form.done(0)
    profile.close()


def test_public_notices_ending_are_listed_and_open_the_profile(
    qtbot: QtBot, home: TodayPage, station: StationSession, db: Database
) -> None:
    applicant = registered_long_ago(station, db, "007", name="王磊")
    with db.session() as session:
        session.add(
            Recognition(
                scope_id=station.actor.scope_id,
                resident_id=applicant,
                state=RecognitionState.IN_NOTICE,
                applied_on=TODAY - timedelta(days=10),
                notice_starts_on=TODAY - timedelta(days=6),
                notice_ends_on=TODAY + timedelta(days=1),
            )
        )
        session.commit()
    reload(home)
    assert home.shown_notices() == [applicant]
    assert home.notices.item(0, 2).text() == "in 1 day(s)"
    assert "1 notice(s)" in home.notices_count.text()
    home.notices.selectRow(0)
    home.open_notice_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in home.open_dialogs()))
    [profile] = home.open_dialogs()
    assert isinstance(profile, ResidentProfileDialog)
    profile.close()


def test_the_residents_page_records_a_contact_with_ctrl_l(
    qtbot: QtBot, context: AppContext, station: StationSession, db: Database
) -> None:
    resident_id = registered_long_ago(station, db, "006")
    page = show_page(qtbot, ResidentsPage(context))
    qtbot.waitUntil(lambda: page.is_loaded)
    assert not page.contact_button.isEnabled()
    page.select_record(resident_id)
    assert page.contact_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in page.findChildren(ContactDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    with qtbot.waitSignal(dialog.contact_recorded) as recorded:
        dialog.save_button.click()
    assert recorded.args == [resident_id, TODAY + timedelta(days=30)]


def test_a_job_ending_soon_opens_its_form(
    qtbot: QtBot, home: TodayPage, station: StationSession, db: Database
) -> None:
    ids = add_jobs(db, ("包装工", TODAY + timedelta(days=3), JobStatus.OPEN))
    reload(home)
    assert "1 job(s)" in home.jobs_count.text()
    assert home.jobs.item(0, 3).text() == "3"
    home.jobs.setFocus()
    home.jobs.selectRow(0)
    qtbot.keyClick(home.jobs, Qt.Key.Key_Return)
    [form] = home.open_dialogs()
    assert isinstance(form, JobFormDialog)
    qtbot.waitUntil(form.isVisible)
    assert form.title.text() == "包装工"
    assert home.selected_job() == ids["包装工"]
    form.done(0)


def test_referrals_waiting_too_long_are_listed_and_their_outcome_recorded(
    qtbot: QtBot, home: TodayPage, station: StationSession
) -> None:
    from station_app.models import JobKind, ReferralStatus
    from station_app.services.referrals import create_referral, referrals_of
    from station_app.ui.counter.referrals.outcome_dialog import OutcomeDialog
    from tests.services.recognition_helpers import add_job, add_resident
    from tests.services.test_referrals import KEYS

    waiting = add_resident(station, serial="031", name="钱多多")
    fresh = add_resident(station, serial="032", name="孙小小")
    job = add_job(station, JobKind.REGULAR, headcount=3, valid_to=date.today() + timedelta(90))
    long_ago = date.today() - timedelta(days=20)
    station.perform(create_referral, waiting, job, keys=KEYS, on_day=long_ago)
    station.perform(create_referral, fresh, job, keys=KEYS)
    reload(home)
    assert home.referrals.rowCount() == 1  # only the one waiting for more than 14 days
    assert home.referrals.item(0, 0).text() == "钱多多"
    assert home.referrals.item(0, 3).text() == "20 day(s)"
    home.referrals.selectRow(0)
    dialog = home.record_outcome()
    assert isinstance(dialog, OutcomeDialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(ReferralStatus.NO_SHOW.value))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: home.referrals.rowCount() == 0, timeout=5000)
    (referral,) = station.query(referrals_of, waiting)
    assert referral.status is ReferralStatus.NO_SHOW

"""The resident profile: opened from the list, masked by role, refreshed, and edits kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from record_helpers import open_edit, show_page

from station_app.config import Settings
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import (
    EmploymentStatus,
    KeyGroup,
    ServiceChannel,
    ServiceKind,
    UserRole,
)
from station_app.models.enums import DeregistrationReason
from station_app.services.follow_ups import ContactInput, record_contact
from station_app.services.resident_filter import AgeBand
from station_app.services.residents import ResidentInput, register_resident
from station_app.services.status_history import StatusChangeInput, record_status_change
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.residents.profile.sections import (
    EmploymentSection,
    KeyGroupsSection,
    PersonalSection,
    ServicesSection,
)
from station_app.ui.counter.residents.profile.work_sections import (
    BundleSection,
    FollowUpSection,
    RecognitionSection,
)
from station_app.ui.shared.context import AppContext
from station_app.validation import compute_id_check_character
from tests.conftest import SessionAs

pytestmark = pytest.mark.gui

BODY = "34128219900307011"
ZHANG = BODY + compute_id_check_character(BODY)


def _register(station: StationSession) -> str:
    data = ResidentInput(
        id_number=ZHANG,
        name="张伟",
        community_id=station.actor.scope_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
        phone="13912345678",
    )
    return station.perform(register_resident, data, today=date(2025, 1, 2))


def _page(qtbot: QtBot, context: AppContext) -> ResidentsPage:
    page = show_page(qtbot, ResidentsPage(context))
    qtbot.waitUntil(lambda: page.is_loaded)
    return page


def _open(qtbot: QtBot, page: ResidentsPage, resident_id: str) -> ResidentProfileDialog:
    """Finds the resident, and Enter in the search box and on the row opens the profile."""
    page.search("zw")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)  # to the first row
    assert page.selected_id() == resident_id
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.runner.wait_idle(5000)
    (profile,) = page.open_profiles()
    assert profile.isVisible() and profile.resident_id == resident_id
    return profile


def test_the_profile_shows_the_resident_with_full_data_for_a_worker(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = _register(station)
    page = _page(qtbot, context)
    profile = _open(qtbot, page, rid)
    personal = profile.section(PersonalSection)
    assert isinstance(personal, PersonalSection)
    assert personal.value("name") == "张伟"
    assert personal.value("id_number") == ZHANG
    assert personal.value("phone") == "13912345678"
    groups = profile.section(KeyGroupsSection)
    assert isinstance(groups, KeyGroupsSection)
    assert groups.value("key_groups") == "None"
    services = profile.section(ServicesSection)
    assert isinstance(services, ServicesSection)
    assert services.empty.text() == "No service recorded yet."
    assert page.open_profile(rid) is profile  # one profile per resident


def test_a_status_change_shows_in_the_open_profile(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = _register(station)
    page = _page(qtbot, context)
    profile = _open(qtbot, page, rid)
    change = StatusChangeInput(
        EmploymentStatus.EMPLOYED, date(2025, 3, 1), DeregistrationReason.FOUND_JOB
    )
    with qtbot.waitSignal(profile.profile_shown):
        context.runner.run(
            lambda: station.perform(record_status_change, rid, change), lambda _id: None
        )
    history = profile.section(EmploymentSection)
    assert isinstance(history, EmploymentSection)
    assert history.table.rowCount() == 2
    assert history.cell(0, 0) == "2025-03-01"  # newest first
    assert history.cell(0, 1) == "Employed by an employer"
    assert history.cell(0, 2) == "Found a job (hired by an employer)"
    assert history.cell(0, 4) == "王芳"
    assert history.current.text() == "Now: Employed by an employer"


@pytest.fixture
def inspector_context(
    db: Database, session_as: SessionAs, data_dir: Path, qapp: QApplication
) -> Iterator[AppContext]:
    context = AppContext.create(
        session_as(db, UserRole.INSPECTOR), settings=Settings(), data_dir=data_dir
    )
    yield context
    context.close()


def test_an_inspector_sees_masked_numbers_and_no_edit(
    qtbot: QtBot, station: StationSession, inspector_context: AppContext
) -> None:
    rid = _register(station)
    page = _page(qtbot, inspector_context)
    profile = _open(qtbot, page, rid)
    personal = profile.section(PersonalSection)
    assert isinstance(personal, PersonalSection)
    assert personal.value("id_number") == ZHANG[:6] + "********" + ZHANG[-4:]
    assert personal.value("phone") == "139****5678"
    assert not profile.edit_button.isVisible()


def _answer_discard_question(qtbot: QtBot, form: object, *, discard: bool) -> None:
    """Clicks a button of the question the form asks next (it blocks in its own loop)."""

    def answer() -> None:
        box = getattr(form, "discard_question", None)
        if box is None:
            QTimer.singleShot(10, answer)
            return
        wanted = (
            QMessageBox.ButtonRole.DestructiveRole if discard else QMessageBox.ButtonRole.RejectRole
        )
        (button,) = [b for b in box.buttons() if box.buttonRole(b) == wanted]
        button.click()

    QTimer.singleShot(10, answer)


def test_unsaved_edits_are_never_dropped_without_asking(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = _register(station)
    page = _page(qtbot, context)
    form = open_edit(page, rid)
    form.reject()  # nothing changed: closes without a question
    assert not form.isVisible()
    form = open_edit(page, rid)
    assert not form.has_unsaved_edits
    form.set_field_text("name", "王伟")
    assert form.has_unsaved_edits
    _answer_discard_question(qtbot, form, discard=False)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible()  # kept editing
    assert form.fields.name.text() == "王伟"
    _answer_discard_question(qtbot, form, discard=True)
    form.reject()
    assert not form.isVisible()


def test_the_page_works_from_the_keyboard(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = _register(station)
    page = _page(qtbot, context)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search("zw")
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)  # into the results
    assert page.table.hasFocus()
    assert page.selected_id() == rid
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # find
    assert page.search_box.hasFocus()
    assert page.search_box.selectedText() == "zw"  # typing replaces the last query
    qtbot.keyClick(page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new
    (form,) = page.open_forms()
    assert form.record_id is None
    form.reject()
    form = open_edit(page, rid)
    form.set_field_text("name", "王伟")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    with qtbot.waitSignal(form.record_saved):
        qtbot.keyClick(form.fields.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_the_profile_shows_follow_ups_the_bundle_and_recognitions(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    data = ResidentInput(
        id_number=ZHANG,
        name="张伟",
        community_id=station.actor.scope_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
        key_groups=frozenset({KeyGroup.MIGRANT_WORKER}),
    )
    rid = station.perform(register_resident, data)
    contact = ContactInput(
        rid, ServiceChannel.COUNTER, date.today(), kind=ServiceKind.CAREER_GUIDANCE
    )
    due = station.perform(record_contact, contact)
    page = _page(qtbot, context)
    profile = _open(qtbot, page, rid)
    follow_ups = profile.section(FollowUpSection)
    assert isinstance(follow_ups, FollowUpSection)
    assert follow_ups.value("last") == date.today().isoformat()
    assert due is not None and follow_ups.value("due") == due.isoformat()
    bundle = profile.section(BundleSection)
    assert isinstance(bundle, BundleSection)
    assert bundle.isVisible()
    assert bundle.value("career_guidance") == "1 of 1, complete"
    assert bundle.value("job_offers") == "0 of 3"
    recognitions = profile.section(RecognitionSection)
    assert isinstance(recognitions, RecognitionSection)
    assert recognitions.empty.text() == "No recognition applied for."


def test_a_status_change_is_recorded_from_the_profile(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = _register(station)
    page = _page(qtbot, context)
    profile = _open(qtbot, page, rid)
    dialog = profile.open_status_change()
    assert dialog is not None
    assert page.runner.wait_idle(5000)  # the employers are read in the background
    assert dialog.reason.currentData() == DeregistrationReason.FOUND_JOB  # leaves unemployment
    dialog.status.setCurrentIndex(dialog.status.findData(EmploymentStatus.EMPLOYED))
    assert dialog.employer.isEnabled()
    dialog.since.setDate(QDate(2025, 1, 2))  # the registration's day: refused
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.message_text()))
    assert dialog.message_text() == (
        "Nothing was saved. A change of status is already recorded on that day."
    )
    dialog.since.setDate(QDate(2025, 3, 1))
    dialog.note.setText("经推荐入职")
    with qtbot.waitSignal(dialog.recorded), qtbot.waitSignal(profile.profile_shown):
        dialog.save_button.click()
    history = profile.section(EmploymentSection)
    assert isinstance(history, EmploymentSection)
    assert history.table.rowCount() == 2
    assert history.cell(0, 0) == "2025-03-01"
    assert history.cell(0, 2) == "Found a job (hired by an employer)"
    assert history.cell(0, 5) == "经推荐入职"


def test_the_list_is_filtered_in_the_service(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = _register(station)  # unemployed, no key group, born 1990
    page = _page(qtbot, context)
    assert page.runner.wait_idle(5000)
    bar = page.filter_bar
    assert bar.community.count() == 2  # all, and the station's community
    bar.status.setCurrentIndex(bar.status.findData(EmploymentStatus.EMPLOYED))
    assert page.runner.wait_idle(5000)
    assert page.shown_ids() == []
    assert page.count_label.text() == "0 resident(s)"
    bar.status.setCurrentIndex(bar.status.findData(EmploymentStatus.UNEMPLOYED))
    bar.age_band.setCurrentIndex(bar.age_band.findData(AgeBand.PRIME))  # 25-39
    assert page.runner.wait_idle(5000)
    assert page.shown_ids() == [rid]
    page.search("zw")  # the search keeps the filter
    assert page.shown_ids() == [rid]
    bar.key_group.setCurrentIndex(bar.key_group.findData(KeyGroup.VETERAN))
    assert page.runner.wait_idle(5000)
    assert page.shown_ids() == []
    for combo in (bar.status, bar.age_band, bar.key_group):
        combo.setCurrentIndex(0)
    assert page.runner.wait_idle(5000)
    assert page.shown_ids() == [rid]

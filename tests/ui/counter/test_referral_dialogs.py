"""Referrals at the counter: made from a job, listed on the profile, outcomes recorded."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot
from record_helpers import open_profile_dialog

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import EmploymentStatus, Job, JobKind, KeyGroup, ReferralStatus
from station_app.services.referrals import referrals_of
from station_app.services.residents import get_resident
from station_app.ui.counter.referrals.outcome_dialog import OutcomeDialog
from station_app.ui.counter.referrals.referral_dialog import JobChoice, ReferralDialog
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.residents.profile.referral_section import ReferralsSection
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from tests.services.recognition_helpers import add_job, add_resident

pytestmark = pytest.mark.gui


def _refer(qtbot: QtBot, context: AppContext, resident_id: str, job_id: str) -> str:
    job = JobChoice(job_id, "社区保洁员", "界首市保洁服务中心1", "1.2 km")
    dialog = ReferralDialog(context, resident_id, "李娟", job)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.referred, timeout=5000) as made:
        dialog.refer_button.click()
    serial = str(made.args[0])
    assert dialog.created is not None and dialog.created.serial == serial
    return serial


def _profile(qtbot: QtBot, context: AppContext, resident_id: str) -> ResidentProfileDialog:
    profile = open_profile_dialog(qtbot, context, resident_id)
    assert isinstance(profile, ResidentProfileDialog)
    return profile


def test_a_referral_made_in_the_dialog_shows_on_the_profile_and_its_outcome_is_recorded(
    qtbot: QtBot, context: AppContext, station: StationSession, db: Database
) -> None:
    resident = add_resident(station)
    job = add_job(station, JobKind.REGULAR, headcount=1, valid_to=date.today() + timedelta(60))
    serial = _refer(qtbot, context, resident, job)
    profile = _profile(qtbot, context, resident)
    section = profile.section(ReferralsSection)
    assert isinstance(section, ReferralsSection)
    assert section.cell(0, 0) == serial
    assert section.cell(0, 3) == "Referred"
    assert section.outcome_button.isEnabled()

    dialog = profile.open_outcome()
    assert isinstance(dialog, OutcomeDialog)
    offered = [dialog.outcome.itemData(i) for i in range(dialog.outcome.count())]
    assert ReferralStatus.REFERRED not in offered and ReferralStatus.HIRED in offered
    dialog.outcome.setCurrentIndex(offered.index(ReferralStatus.HIRED))
    assert dialog.hint.isVisibleTo(dialog)  # hired says what else it changes
    with qtbot.waitSignal(profile.profile_shown, timeout=5000):
        dialog.save_button.click()
    assert section.cell(0, 3) == "Hired"
    assert not section.outcome_button.isEnabled()  # nothing follows a final outcome
    assert station.query(get_resident, resident).data.employment_status == (
        EmploymentStatus.EMPLOYED
    )
    with db.session() as session:
        filled = session.get(Job, job)
        assert filled is not None and filled.filled == 1


def test_a_refused_referral_says_why_and_makes_nothing(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    resident = add_resident(station)  # not a recognised 就业困难人员
    job = add_job(station, JobKind.PUBLIC_WELFARE, valid_to=date.today() + timedelta(60))
    dialog = ReferralDialog(context, resident, "李娟", JobChoice(job, "社区保洁员", "中心", ""))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refer_button.click()
    qtbot.waitUntil(lambda: dialog.message_text() != "", timeout=5000)
    assert "No referral was made" in dialog.message_text()
    assert dialog.refer_button.isEnabled() and dialog.created is None
    assert station.query(referrals_of, resident) == ()


def test_an_outcome_before_the_referral_is_refused_at_its_date(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    resident = add_resident(station)
    job = add_job(station, JobKind.REGULAR, valid_to=date.today() + timedelta(60))
    _refer(qtbot, context, resident, job)
    (referral,) = station.query(referrals_of, resident)
    dialog = OutcomeDialog(context, referral)
    qtbot.addWidget(dialog)
    # The date editor cannot go before the referral's day nor after today.
    assert dialog.on.minimumDate().toPython() == referral.referred_on
    assert dialog.on.maximumDate().toPython() == date.today()


def test_the_profile_prints_a_referral_slip_the_form_and_the_service_card(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    resident = add_resident(station, key_groups=frozenset({KeyGroup.MIGRANT_WORKER}))
    job = add_job(station, JobKind.REGULAR, valid_to=date.today() + timedelta(60))
    serial = _refer(qtbot, context, resident, job)
    profile = _profile(qtbot, context, resident)
    section = profile.section(ReferralsSection)
    assert isinstance(section, ReferralsSection)
    section.slip_button.click()
    qtbot.waitUntil(lambda: bool(_previews(profile)), timeout=5000)
    (slip,) = _previews(profile)
    assert serial in slip.windowTitle()
    assert slip.document.pageCount() == 1
    slip.close()

    assert profile.card_action.isEnabled()  # a migrant worker has the 1-3-1 bundle
    form = profile.print_registration_form()
    card = profile.print_service_card()
    assert form is not None and card is not None
    assert form.document.pageCount() == 1 and card.document.pageCount() == 1
    assert "李娟" in form.windowTitle() and "李娟" in card.windowTitle()


def _previews(parent: ResidentProfileDialog) -> list[PrintPreviewDialog]:
    return [d for d in parent.findChildren(PrintPreviewDialog) if d.isVisible()]

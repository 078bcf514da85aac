"""The profile's matching jobs: ranked with reasons, filtered, and a referral made from one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from record_helpers import open_profile_dialog

from station_app.core.station_session import StationSession
from station_app.models import JobKind, ReferralStatus
from station_app.services.referrals import referrals_of
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.residents.profile.match_section import MatchesSection
from station_app.ui.counter.residents.profile.referral_section import ReferralsSection
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from tests.services.match_helpers import job_at, resident

pytestmark = pytest.mark.gui


def _profile(qtbot: QtBot, context: AppContext, resident_id: str) -> ResidentProfileDialog:
    profile = open_profile_dialog(qtbot, context, resident_id)
    assert isinstance(profile, ResidentProfileDialog)
    return profile


def _matches(profile: ResidentProfileDialog) -> MatchesSection:
    section = profile.section(MatchesSection)
    assert isinstance(section, MatchesSection)
    return section


def test_the_best_jobs_nearby_show_with_their_reasons_and_the_filters_match_again(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = resident(station, 1)
    job_at(station, 0.6, 1, title="营销员近")
    job_at(station, 2.5, 2, title="营销员远", occupation_code="6-01")
    job_at(station, 6.0, 3, title="营销员太远")
    job_at(station, 1.0, 4, title="灵活营销员", kind=JobKind.FLEXIBLE)
    profile = _profile(qtbot, context, rid)
    section = _matches(profile)
    titles = [section.cell(row, 1) for row in range(section.table.rowCount())]
    assert set(titles) == {"营销员近", "营销员远", "灵活营销员"}  # not the one 6 km away
    assert titles[0] == "营销员近"
    assert section.cell(0, 0) == "0.6 km"
    assert "km" not in section.cell(0, 5) and section.cell(0, 5)  # the reasons, readable

    section.kind.setCurrentIndex(section.kind.findData(JobKind.FLEXIBLE.value))
    qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=5000)
    assert section.cell(0, 1) == "灵活营销员"
    section.kind.setCurrentIndex(0)
    section.within.setChecked(False)  # beyond the radius too: the far one follows
    qtbot.waitUntil(lambda: section.table.rowCount() == 4, timeout=5000)
    assert section.cell(3, 1) == "营销员太远"


def test_ctrl_m_and_enter_refer_to_the_best_match_and_show_its_slip(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = resident(station, 1)
    job = job_at(station, 0.6, 1, title="营销员近")
    profile = _profile(qtbot, context, rid)
    profile.activateWindow()
    qtbot.waitUntil(profile.isActiveWindow)
    qtbot.keyClick(profile, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    section = _matches(profile)
    assert section.table.hasFocus() and section.selected() is not None
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    dialog = profile.referral_dialog
    assert dialog is not None and dialog.isVisible()
    assert "营销员近" in dialog.job.title and "0.6 km" in dialog.job.details
    with qtbot.waitSignal(dialog.referred, timeout=5000):
        qtbot.keyClick(dialog.refer_button, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in profile.findChildren(PrintPreviewDialog)), timeout=5000
    )
    ((referral,),) = [station.query(referrals_of, rid)]
    assert referral.job_id == job and referral.status is ReferralStatus.REFERRED
    qtbot.waitUntil(lambda: profile.section(ReferralsSection).isVisible(), timeout=5000)
    referrals = profile.section(ReferralsSection)
    assert isinstance(referrals, ReferralsSection)
    qtbot.waitUntil(lambda: referrals.cell(0, 0) == referral.serial, timeout=5000)


def test_a_profile_that_may_not_write_shows_matches_but_refers_to_none(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = resident(station, 1)
    job_at(station, 0.6, 1)
    profile = _profile(qtbot, context, rid)
    section = _matches(profile)
    section.set_writable(False)
    assert not section.refer_button.isVisibleTo(profile)
    section.focus_matches()
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert profile.referral_dialog is None

"""Recognition and placement from the resident profile: the workflow and the refusals shown."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from record_helpers import show_page

from station_app.core.station_session import StationSession
from station_app.models import (
    JobKind,
    KeyGroup,
    RecognitionCategory,
    RecognitionEvidence,
    RecognitionState,
    RecognitionStepKind,
)
from station_app.services.residents import get_resident
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.residents.placement_dialog import PlacementDialog
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.residents.recognition_dialog import RecognitionDialog
from station_app.ui.shared.context import AppContext
from tests.services.recognition_helpers import add_job, add_resident, approved_recognition

pytestmark = pytest.mark.gui
K = RecognitionStepKind


def _profile(qtbot: QtBot, context: AppContext, resident_id: str) -> ResidentProfileDialog:
    page = show_page(qtbot, ResidentsPage(context))
    qtbot.waitUntil(lambda: page.is_loaded)
    profile = page.open_profile(resident_id)
    assert profile is not None
    assert context.runner.wait_idle(5000)
    assert profile.recognition_button.isEnabled() and profile.placement_button.isEnabled()
    return profile


def _recognition(qtbot: QtBot, context: AppContext, resident_id: str) -> RecognitionDialog:
    profile = _profile(qtbot, context, resident_id)
    dialog = profile.open_recognition()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert context.runner.wait_idle(5000)
    return dialog


def _on(dialog: RecognitionDialog, day: date) -> None:
    dialog.day.setDate(QDate(day.year, day.month, day.day))


def _step(context: AppContext, dialog: RecognitionDialog, kind: RecognitionStepKind) -> None:
    assert dialog.step_buttons[kind].isVisibleTo(dialog)
    dialog.step_buttons[kind].click()
    assert context.runner.wait_idle(5000)


def test_the_workflow_from_application_to_approval(
    qtbot: QtBot, context: AppContext, station: StationSession, chinese: None
) -> None:
    resident_id = add_resident(station)  # a woman of 45
    dialog = _recognition(qtbot, context, resident_id)
    assert dialog.current is None and dialog.apply_box.isVisibleTo(dialog)
    start = date.today() - timedelta(days=20)
    _on(dialog, start)
    dialog.categories[RecognitionCategory.OLDER_WORKER].setChecked(True)
    dialog.evidence[RecognitionEvidence.ID_CARD].setChecked(True)
    dialog.apply_button.click()
    assert context.runner.wait_idle(5000)
    assert "材料不全" in dialog.message.text()
    assert dialog.current is None
    dialog.evidence[RecognitionEvidence.HOUSEHOLD_REGISTER].setChecked(True)
    dialog.apply_button.click()
    assert context.runner.wait_idle(5000)
    assert dialog.current is not None and dialog.current.state == RecognitionState.APPLIED
    assert not dialog.apply_box.isVisibleTo(dialog)
    assert not dialog.step_buttons[K.APPROVAL].isVisibleTo(dialog)  # no skipping
    _on(dialog, start + timedelta(days=1))
    _step(context, dialog, K.COMMUNITY_REVIEW)
    _on(dialog, start + timedelta(days=2))
    _step(context, dialog, K.NOTICE)
    ends = start + timedelta(days=9)
    assert ends.isoformat() in dialog.state_label.text()
    _on(dialog, ends - timedelta(days=1))
    _step(context, dialog, K.STREET_REVIEW)
    assert f"公示期至 {ends.isoformat()} 届满" in dialog.message.text()
    assert dialog.current is not None and dialog.current.state == RecognitionState.IN_NOTICE
    _on(dialog, ends)
    _step(context, dialog, K.STREET_REVIEW)
    _on(dialog, ends + timedelta(days=1))
    _step(context, dialog, K.APPROVAL)
    assert dialog.current is not None and dialog.current.state == RecognitionState.APPROVED
    assert dialog.steps.rowCount() == 5
    assert dialog.steps.item(4, 1).text() == "审批认定"
    assert dialog.steps.item(3, 0).text() == ends.isoformat()
    assert KeyGroup.HARD_TO_EMPLOY in station.query(get_resident, resident_id).data.key_groups


def _placement(qtbot: QtBot, context: AppContext, resident_id: str) -> PlacementDialog:
    profile = _profile(qtbot, context, resident_id)
    assert profile.placement_button.shortcut() == QKeySequence("Ctrl+J")
    profile.placement_button.click()
    dialog = profile.findChild(PlacementDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert context.runner.wait_idle(5000)
    return dialog


def test_a_public_welfare_post_is_refused_with_the_reason_shown(
    qtbot: QtBot, context: AppContext, station: StationSession, chinese: None
) -> None:
    resident_id = add_resident(station)
    add_job(station, JobKind.PUBLIC_WELFARE, valid_to=None)
    dialog = _placement(qtbot, context, resident_id)
    assert dialog.table.rowCount() == 1 and dialog.place_button.isEnabled()
    dialog.place_button.click()
    assert context.runner.wait_idle(5000)
    assert "公益性岗位只能安置经认定" in dialog.message_text()
    assert dialog.table.item(0, 3).text() == "0/2"


def test_an_ordinary_job_places_the_resident(
    qtbot: QtBot, context: AppContext, station: StationSession, chinese: None
) -> None:
    resident_id = add_resident(station)
    add_job(station, JobKind.REGULAR, valid_to=None)
    dialog = _placement(qtbot, context, resident_id)
    dialog.search.setText("没有这个岗位")
    dialog.find_jobs()
    assert context.runner.wait_idle(5000)
    assert dialog.table.rowCount() == 0 and not dialog.place_button.isEnabled()
    dialog.search.setText("保洁")
    dialog.find_jobs()
    assert context.runner.wait_idle(5000)
    dialog.place_button.click()
    assert context.runner.wait_idle(5000)
    assert "已安置" in dialog.message_text() or "保洁" in dialog.message_text()
    assert dialog.table.item(0, 3).text() == "1/2"


def test_opening_the_dialog_marks_a_lapsed_approval_expired(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    resident_id = add_resident(station)
    approved_recognition(station, resident_id, applied_on=date.today() - timedelta(days=4 * 366))
    assert KeyGroup.HARD_TO_EMPLOY in station.query(get_resident, resident_id).data.key_groups
    dialog = _recognition(qtbot, context, resident_id)
    assert dialog.current is not None and dialog.current.state == RecognitionState.EXPIRED
    assert dialog.apply_box.isVisibleTo(dialog)  # a new application may follow
    assert KeyGroup.HARD_TO_EMPLOY not in station.query(get_resident, resident_id).data.key_groups

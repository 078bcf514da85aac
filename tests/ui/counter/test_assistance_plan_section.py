"""The profile's assistance plan section: shown for 就业困难人员, with the plan and its steps."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from station_app.core.station_session import StationSession
from station_app.models import AssistancePlanStatus, EmploymentStatus, KeyGroup
from station_app.services.assistance_plans import PlanInput, add_step, create_plan, plans_of
from station_app.ui.counter.follow_ups.plan_dialog import PlanDialog
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.residents.profile.work_sections import AssistancePlanSection
from station_app.ui.shared.context import AppContext
from tests.services.test_follow_ups import register

pytestmark = pytest.mark.gui
TODAY = date.today()


def plan_section(qtbot: QtBot, context: AppContext, resident_id: str) -> AssistancePlanSection:
    profile = ResidentProfileDialog(context)
    qtbot.addWidget(profile)
    with qtbot.waitSignal(profile.profile_shown):
        profile.load(resident_id)
    profile.show()
    section = profile.section(AssistancePlanSection)
    assert isinstance(section, AssistancePlanSection)
    return section


def test_the_plan_its_worker_and_latest_step_are_shown(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    person = register(
        station, station.actor, "001", key_groups=frozenset({KeyGroup.HARD_TO_EMPLOY})
    )
    section = plan_section(qtbot, context, person)
    assert section.isVisible() and section.empty.text() == "No assistance plan yet."
    data = PlanInput(goals="三个月内实现就业", responsible=station.actor.username, started_on=TODAY)
    plan_id = station.perform(create_plan, person, data)
    station.perform(add_step, plan_id, "推荐保洁岗位", on=TODAY)
    section = plan_section(qtbot, context, person)
    assert [section.cell(0, c) for c in range(5)] == [
        TODAY.isoformat(),
        "Active",
        "admin",
        "三个月内实现就业",
        f"{TODAY.isoformat()} 推荐保洁岗位",
    ]


def test_hidden_for_someone_without_employment_difficulties(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    person = register(station, station.actor, "002", employment_status=EmploymentStatus.EMPLOYED)
    assert not plan_section(qtbot, context, person).isVisible()


def test_a_plan_is_made_and_then_completed_from_the_profile(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    hard = frozenset({KeyGroup.HARD_TO_EMPLOY})
    person = register(station, station.actor, "003", key_groups=hard)
    profile = ResidentProfileDialog(context)
    qtbot.addWidget(profile)
    with qtbot.waitSignal(profile.profile_shown):
        profile.load(person)
    assert profile.plan_button.isEnabled()

    dialog = profile.open_plan()
    assert isinstance(dialog, PlanDialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.plan is None and dialog.responsible.currentData() == "admin"
    dialog.save()  # no goals yet: refused, with the reason
    qtbot.waitUntil(lambda: "goals" in dialog.message.text())
    dialog.goals.setText("三个月内实现就业")
    dialog.new_step.setText("推荐保洁岗位")
    with qtbot.waitSignal(profile.profile_shown), qtbot.waitSignal(dialog.plan_saved):
        dialog.save_button.click()
    [plan] = station.query(plans_of, person)
    assert plan.data.steps == f"{TODAY.isoformat()} 推荐保洁岗位"
    assert profile.section(AssistancePlanSection).cell(0, 3) == "三个月内实现就业"

    again = profile.open_plan()
    assert isinstance(again, PlanDialog)
    qtbot.waitUntil(lambda: again.save_button.isEnabled())
    assert again.plan is not None and again.goals.text() == "三个月内实现就业"
    again.status.setCurrentIndex(again.status.findData(AssistancePlanStatus.COMPLETED.value))
    assert again.ended_on.isEnabled()
    with qtbot.waitSignal(again.plan_saved):
        again.save_button.click()
    [done] = station.query(plans_of, person)
    assert done.data.status is AssistancePlanStatus.COMPLETED
    assert done.data.ended_on == TODAY


def test_no_plan_for_someone_without_employment_difficulties(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    person = register(station, station.actor, "004")
    profile = ResidentProfileDialog(context)
    qtbot.addWidget(profile)
    with qtbot.waitSignal(profile.profile_shown):
        profile.load(person)
    assert not profile.plan_button.isEnabled()

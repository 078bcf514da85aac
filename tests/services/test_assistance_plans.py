"""One-on-one assistance plans: only for 就业困难人员, one active at a time, dated steps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import ConflictError, PermissionDeniedError, UserError, ValidationError
from station_app.models import AssistancePlanStatus, KeyGroup, UserRole
from station_app.services.assistance_plans import (
    PlanInput,
    add_step,
    create_plan,
    plans_of,
    update_plan,
)
from tests.conftest import SessionAs
from tests.services.test_follow_ups import register

START = date(2026, 3, 2)
HARD = frozenset({KeyGroup.HARD_TO_EMPLOY})


def plan(actor: Actor, **changes: object) -> PlanInput:
    base = PlanInput(goals="三个月内实现就业", responsible=actor.username, started_on=START)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_plan_is_made_for_a_person_with_difficulties_and_steps_are_dated(
    station: StationSession, actor: Actor
) -> None:
    person = register(station, actor, "001", key_groups=HARD)
    plan_id = station.perform(create_plan, person, plan(actor, goals="  三个月内实现就业 "))
    station.perform(add_step, plan_id, "推荐  保洁岗位", on=date(2026, 3, 5))
    station.perform(add_step, plan_id, "参加面试", on=date(2026, 3, 9))
    [row] = station.query(plans_of, person)
    assert row.id == plan_id
    assert row.data.goals == "三个月内实现就业"
    assert row.data.status is AssistancePlanStatus.ACTIVE
    assert row.data.steps == "2026-03-05 推荐 保洁岗位\n2026-03-09 参加面试"


def test_only_a_person_with_employment_difficulties_gets_a_plan(
    station: StationSession, actor: Actor
) -> None:
    other = register(station, actor, "002", key_groups=frozenset({KeyGroup.VETERAN}))
    with pytest.raises(UserError) as caught:
        station.perform(create_plan, other, plan(actor))
    assert caught.value.code == "assistance_plan.not_hard_to_employ"
    assert station.query(plans_of, other) == []


def test_one_active_plan_at_a_time_and_a_new_one_after_the_last_ended(
    station: StationSession, actor: Actor
) -> None:
    person = register(station, actor, "003", key_groups=HARD)
    first = station.perform(create_plan, person, plan(actor))
    with pytest.raises(UserError) as caught:
        station.perform(create_plan, person, plan(actor))
    assert caught.value.code == "assistance_plan.already_active"
    done = plan(actor, status=AssistancePlanStatus.COMPLETED, ended_on=date(2026, 5, 1))
    station.perform(update_plan, first, 1, done)
    with pytest.raises(UserError) as ended:
        station.perform(add_step, first, "回访")
    assert ended.value.code == "assistance_plan.ended"
    second = station.perform(create_plan, person, plan(actor, started_on=date(2026, 6, 1)))
    with pytest.raises(UserError):
        station.perform(update_plan, first, 2, plan(actor))  # reopening makes two active
    assert [row.id for row in station.query(plans_of, person)] == [second, first]


def test_bad_plans_are_refused_with_every_problem(station: StationSession, actor: Actor) -> None:
    person = register(station, actor, "004", key_groups=HARD)
    with pytest.raises(ValidationError) as caught:
        station.perform(create_plan, person, plan(actor, goals=" ", responsible="nobody"))
    assert {p.code for p in caught.value.problems} == {
        "assistance_plan.goals_empty",
        "assistance_plan.responsible",
    }
    cases = {
        "assistance_plan.end_while_active": plan(actor, ended_on=date(2026, 4, 1)),
        "assistance_plan.end_missing": plan(actor, status=AssistancePlanStatus.CLOSED),
        "assistance_plan.end_before_start": plan(
            actor, status=AssistancePlanStatus.CLOSED, ended_on=date(2026, 3, 1)
        ),
        "assistance_plan.goals_too_long": plan(actor, goals="目" * 2001),
    }
    for code, data in cases.items():
        with pytest.raises(ValidationError) as caught:
            station.perform(create_plan, person, data)
        assert [p.code for p in caught.value.problems] == [code]
    plan_id = station.perform(create_plan, person, plan(actor))
    for text, code in (
        (" ", "assistance_plan.step_empty"),
        ("步" * 501, "assistance_plan.step_too_long"),
    ):
        with pytest.raises(ValidationError) as caught:
            station.perform(add_step, plan_id, text)
        assert [p.code for p in caught.value.problems] == [code]


def test_a_stale_edit_is_refused_and_an_inspector_writes_nothing(
    station: StationSession, db: Database, actor: Actor, session_as: SessionAs
) -> None:
    person = register(station, actor, "005", key_groups=HARD)
    plan_id = station.perform(create_plan, person, plan(actor))
    station.perform(update_plan, plan_id, 1, plan(actor, steps="电话沟通"))
    with pytest.raises(ConflictError):
        station.perform(update_plan, plan_id, 1, plan(actor))
    inspector = session_as(db, UserRole.INSPECTOR)
    with pytest.raises(PermissionDeniedError):
        inspector.perform(create_plan, person, plan(actor))
    assert inspector.query(plans_of, person)[0].data.steps == "电话沟通"

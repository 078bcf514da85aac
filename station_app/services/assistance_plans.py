"""One-on-one assistance plans (一对一帮扶) for persons with employment difficulties.

A plan has goals, the station worker responsible, its steps and notes (a dated line each),
and a status: active until it is completed (the person found work) or closed. Only a
就业困难人员 gets a plan, and one active plan at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import ConflictError, NotFoundError, Problem, UserError
from station_app.errors import ValidationError as InputError
from station_app.models import AssistancePlan, AssistancePlanStatus, KeyGroup, User, UserRole
from station_app.services.residents import resident_in_scope

MAX_GOALS_LENGTH = 2000
MAX_STEP_LENGTH = 500


class PlanRefusedError(UserError):
    default_code = "assistance_plan.refused"


@dataclass(frozen=True)
class PlanInput:
    goals: str
    responsible: str  # a user name of the station
    started_on: date
    status: AssistancePlanStatus = AssistancePlanStatus.ACTIVE
    ended_on: date | None = None
    steps: str = ""


@dataclass(frozen=True)
class PlanRow:
    id: str
    row_version: int
    resident_id: str
    data: PlanInput


def validate_plan(rx: ReadTx, data: PlanInput) -> list[Problem]:
    problems: list[Problem] = []
    goals = data.goals.strip()
    if not goals:
        problems.append(Problem("goals", "assistance_plan.goals_empty", "Enter the plan's goals."))
    elif len(goals) > MAX_GOALS_LENGTH:
        problems.append(
            Problem(
                "goals",
                "assistance_plan.goals_too_long",
                f"Goals have at most {MAX_GOALS_LENGTH} characters.",
                {"max": str(MAX_GOALS_LENGTH)},
            )
        )
    if not _is_active_user(rx, data.responsible):
        problems.append(
            Problem(
                "responsible",
                "assistance_plan.responsible",
                "Choose the station worker responsible.",
            )
        )
    if data.status is AssistancePlanStatus.ACTIVE and data.ended_on is not None:
        problems.append(
            Problem("ended_on", "assistance_plan.end_while_active", "An active plan has no end.")
        )
    if data.status is not AssistancePlanStatus.ACTIVE and data.ended_on is None:
        problems.append(
            Problem("ended_on", "assistance_plan.end_missing", "Enter the day the plan ended.")
        )
    if data.ended_on is not None and data.ended_on < data.started_on:
        problems.append(
            Problem(
                "ended_on",
                "assistance_plan.end_before_start",
                "A plan cannot end before it starts.",
            )
        )
    return problems


def create_plan(tx: WriteTx, resident_id: str, data: PlanInput) -> str:
    tx.require(Permission.RESIDENT_WRITE)
    resident = resident_in_scope(tx, resident_id)
    if KeyGroup.HARD_TO_EMPLOY not in resident.key_group_set:
        raise PlanRefusedError(
            "only a person with employment difficulties gets an assistance plan",
            code="assistance_plan.not_hard_to_employ",
        )
    problems = validate_plan(tx, data)
    if problems:
        raise InputError(problems)
    if data.status is AssistancePlanStatus.ACTIVE and _active_plan(tx, resident_id) is not None:
        raise PlanRefusedError(
            "the resident has an active plan already", code="assistance_plan.already_active"
        )
    plan = AssistancePlan(scope_id=resident.scope_id, resident_id=resident_id)
    _apply(plan, data)
    tx.session.add(plan)
    tx.session.flush()
    return plan.id


def update_plan(tx: WriteTx, plan_id: str, expected_row_version: int, data: PlanInput) -> None:
    tx.require(Permission.RESIDENT_WRITE)
    plan = _plan(tx, plan_id)
    if plan.row_version != expected_row_version:
        raise ConflictError(
            "the plan was changed by someone else meanwhile", code="assistance_plan.conflict"
        )
    problems = validate_plan(tx, data)
    if problems:
        raise InputError(problems)
    if data.status is AssistancePlanStatus.ACTIVE:
        active = _active_plan(tx, plan.resident_id)
        if active is not None and active != plan.id:
            raise PlanRefusedError(
                "the resident has an active plan already", code="assistance_plan.already_active"
            )
    _apply(plan, data)


def add_step(tx: WriteTx, plan_id: str, text: str, *, on: date | None = None) -> None:
    """Appends a dated step or note (one line) to an active plan."""
    tx.require(Permission.RESIDENT_WRITE)
    plan = _plan(tx, plan_id)
    line = " ".join(text.split())
    if not line:
        raise InputError([Problem("step", "assistance_plan.step_empty", "Enter the step.")])
    if len(line) > MAX_STEP_LENGTH:
        raise InputError(
            [
                Problem(
                    "step",
                    "assistance_plan.step_too_long",
                    f"A step has at most {MAX_STEP_LENGTH} characters.",
                    {"max": str(MAX_STEP_LENGTH)},
                )
            ]
        )
    if plan.status is not AssistancePlanStatus.ACTIVE:
        raise PlanRefusedError("the plan has ended", code="assistance_plan.ended")
    plan.steps = with_step(plan.steps or "", line, on or date.today())


def plans_of(rx: ReadTx, resident_id: str) -> list[PlanRow]:
    """The resident's plans, the newest first."""
    rx.require(Permission.RESIDENT_READ)
    resident_in_scope(rx, resident_id)
    plans = rx.session.scalars(
        select(AssistancePlan)
        .where(AssistancePlan.resident_id == resident_id, AssistancePlan.deleted.is_(False))
        .order_by(AssistancePlan.started_on.desc(), AssistancePlan.created_at.desc())
    )
    return [
        PlanRow(
            plan.id,
            plan.row_version,
            plan.resident_id,
            PlanInput(
                goals=plan.goals,
                responsible=plan.responsible,
                started_on=plan.started_on,
                status=plan.status,
                ended_on=plan.ended_on,
                steps=plan.steps or "",
            ),
        )
        for plan in plans
    ]


def responsible_candidates(rx: ReadTx) -> list[tuple[str, str]]:
    """The station's active workers and administrators who may be responsible: (user name,
    display name), by user name."""
    rx.require(Permission.RESIDENT_WRITE)
    rows = rx.session.execute(
        select(User.username, User.display_name)
        .where(
            User.active.is_(True),
            User.deleted.is_(False),
            User.role.in_((UserRole.ADMIN, UserRole.WORKER)),
        )
        .order_by(User.username)
    )
    return [(username, display) for username, display in rows]


def with_step(steps: str, text: str, on: date) -> str:
    """The plan's steps with one more dated line (a blank text adds nothing)."""
    line = " ".join(text.split())
    if not line:
        return steps
    entry = f"{on.isoformat()} {line}"
    return f"{steps.rstrip()}\n{entry}" if steps.strip() else entry


def _apply(plan: AssistancePlan, data: PlanInput) -> None:
    plan.goals = data.goals.strip()
    plan.responsible = data.responsible
    plan.started_on = data.started_on
    plan.status = data.status
    plan.ended_on = data.ended_on
    plan.steps = data.steps.strip() or None


def _active_plan(rx: ReadTx, resident_id: str) -> str | None:
    return rx.session.scalar(
        select(AssistancePlan.id).where(
            AssistancePlan.resident_id == resident_id,
            AssistancePlan.deleted.is_(False),
            AssistancePlan.status == AssistancePlanStatus.ACTIVE,
        )
    )


def _is_active_user(rx: ReadTx, username: str) -> bool:
    return (
        rx.session.scalar(select(User.id).where(User.username == username, User.active.is_(True)))
        is not None
    )


def _plan(rx: ReadTx, plan_id: str) -> AssistancePlan:
    plan = rx.session.get(AssistancePlan, plan_id)
    if plan is None or plan.deleted or not rx.scope.covers(plan.scope_id):
        raise NotFoundError("the plan does not exist", code="assistance_plan.gone")
    return plan

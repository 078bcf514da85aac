"""Regular contacts (定期联系): recording a contact, and who is due for one when.

A contact is a service record; every service record counts as a contact with its resident.
A resident's due date comes from their last contact and the contact rules
(`services/contact_rules.py`), or the sooner next date the worker planned at that contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import Problem
from station_app.errors import ValidationError as InputError
from station_app.models import (
    ContactOutcome,
    EmploymentStatus,
    KeyGroup,
    Resident,
    ResidentKeyGroup,
    ServiceChannel,
    ServiceKind,
    ServiceRecord,
)
from station_app.services import contact_rules
from station_app.services.residents import resident_in_scope

MAX_SUMMARY_LENGTH = 2000


@dataclass(frozen=True)
class ContactInput:
    resident_id: str
    channel: ServiceChannel
    occurred_on: date
    outcome: ContactOutcome | None = ContactOutcome.REACHED
    kind: ServiceKind = ServiceKind.FOLLOW_UP
    summary: str = ""
    next_contact_on: date | None = None  # None: the date the rules suggest
    job_id: str | None = None  # the job the service was about (job information provided)


@dataclass(frozen=True)
class FollowUpState:
    """What the contact dialog shows of one resident before a contact is recorded."""

    resident_id: str
    name: str
    key_groups: frozenset[KeyGroup]
    employment_status: EmploymentStatus
    rule: contact_rules.ContactRule | None
    last_contact: date | None
    due_on: date | None


@dataclass(frozen=True)
class DueContact:
    resident_id: str
    name: str
    community_id: str
    due_on: date
    last_contact: date | None
    rule_code: str | None  # None: due by the worker's plan alone


@dataclass(frozen=True)
class DueList:
    total: int  # every resident due by the day asked
    overdue: int  # of them, those due before today
    due_today: int  # and those due today
    items: tuple[DueContact, ...]  # the earliest due first, at most the limit asked


def validate_contact(data: ContactInput, *, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if data.occurred_on > today:
        problems.append(
            Problem("occurred_on", "contact.in_future", "A contact cannot lie in the future.")
        )
    if data.next_contact_on is not None and data.next_contact_on <= data.occurred_on:
        problems.append(
            Problem(
                "next_contact_on",
                "contact.next_not_after",
                "The next contact must come after this one.",
            )
        )
    if len(data.summary.strip()) > MAX_SUMMARY_LENGTH:
        problems.append(
            Problem(
                "summary",
                "contact.summary_too_long",
                f"Notes have at most {MAX_SUMMARY_LENGTH} characters.",
                {"max": str(MAX_SUMMARY_LENGTH)},
            )
        )
    return problems


def record_contact(tx: WriteTx, data: ContactInput, *, today: date | None = None) -> date | None:
    """Records a contact (a service record) and answers the resident's next due date.

    Without a next date given, the rules' date is stored: the worker sees it as the default.
    """
    tx.require(Permission.RESIDENT_WRITE)
    today = today or date.today()
    problems = validate_contact(data, today=today)
    if problems:
        raise InputError(problems)
    resident = resident_in_scope(tx, data.resident_id)
    planned = data.next_contact_on or contact_rules.default_next_contact(
        data.occurred_on, resident.key_group_set, resident.employment_status, data.outcome
    )
    tx.session.add(
        ServiceRecord(
            scope_id=resident.scope_id,
            resident_id=resident.id,
            kind=data.kind,
            channel=data.channel,
            occurred_on=data.occurred_on,
            outcome=data.outcome,
            summary=data.summary.strip() or None,
            next_contact_on=planned,
            staff=tx.actor.username,
            job_id=data.job_id,
        )
    )
    tx.session.flush()
    return follow_up_state(tx, resident.id).due_on


def follow_up_state(rx: ReadTx, resident_id: str) -> FollowUpState:
    rx.require(Permission.RESIDENT_READ)
    resident = resident_in_scope(rx, resident_id)
    last = rx.session.execute(
        select(ServiceRecord.occurred_on, ServiceRecord.next_contact_on)
        .where(ServiceRecord.resident_id == resident_id, ServiceRecord.deleted.is_(False))
        .order_by(ServiceRecord.occurred_on.desc(), ServiceRecord.created_at.desc())
        .limit(1)
    ).first()
    groups = resident.key_group_set
    status = resident.employment_status
    last_on, planned = (last[0], last[1]) if last else (None, None)
    return FollowUpState(
        resident_id=resident.id,
        name=resident.name,
        key_groups=groups,
        employment_status=status,
        rule=contact_rules.strictest_rule(groups, status),
        last_contact=last_on,
        due_on=contact_rules.due_date(last_on, planned, resident.created_at.date(), groups, status),
    )


def contacts_due(rx: ReadTx, by: date, *, today: date | None = None, limit: int = 200) -> DueList:
    """Every resident of the scope due for contact on or before `by`, the earliest first."""
    rx.require(Permission.RESIDENT_READ)
    today = today or date.today()
    session = rx.session
    scope = rx.scope.ids
    groups: dict[str, set[KeyGroup]] = {}
    for resident_id, group in session.execute(
        select(ResidentKeyGroup.resident_id, ResidentKeyGroup.key_group)
        .join(Resident, Resident.id == ResidentKeyGroup.resident_id)
        .where(Resident.deleted.is_(False), Resident.scope_id.in_(scope))
    ):
        groups.setdefault(resident_id, set()).add(group)
    latest = (
        select(
            ServiceRecord.resident_id,
            ServiceRecord.occurred_on,
            ServiceRecord.next_contact_on,
            func.row_number()
            .over(
                partition_by=ServiceRecord.resident_id,
                order_by=(ServiceRecord.occurred_on.desc(), ServiceRecord.created_at.desc()),
            )
            .label("rank"),
        )
        .where(ServiceRecord.deleted.is_(False), ServiceRecord.scope_id.in_(scope))
        .subquery()
    )
    last: dict[str, tuple[date, date | None]] = {
        resident_id: (on, planned)
        for resident_id, on, planned in session.execute(
            select(latest.c.resident_id, latest.c.occurred_on, latest.c.next_contact_on).where(
                latest.c.rank == 1
            )
        )
    }
    due: list[DueContact] = []
    for resident_id, name, community_id, status, created_at in session.execute(
        select(
            Resident.id,
            Resident.name,
            Resident.community_id,
            Resident.employment_status,
            Resident.created_at,
        ).where(Resident.deleted.is_(False), Resident.scope_id.in_(scope))
    ):
        resident_groups = frozenset(groups.get(resident_id, ()))
        last_on, planned = last.get(resident_id, (None, None))
        due_on = contact_rules.due_date(
            last_on, planned, created_at.date(), resident_groups, status
        )
        if due_on is not None and due_on <= by:
            rule = contact_rules.strictest_rule(resident_groups, status)
            code = rule.code if rule else None
            due.append(DueContact(resident_id, name, community_id, due_on, last_on, code))
    due.sort(key=lambda item: (item.due_on, item.name, item.resident_id))
    overdue = sum(1 for item in due if item.due_on < today)
    due_today = sum(1 for item in due if item.due_on == today)
    return DueList(len(due), overdue, due_today, tuple(due[:limit]))

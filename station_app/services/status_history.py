"""A resident's employment status history: recording a dated change, the status on any day.

Every change of status is an `EmploymentStatusChange` with its date, the worker who recorded
it, the employer when employed and, when it ends a registered unemployment, one of the
official de-registration reasons. A status holds from its date until the next entry's date (of
two entries on one day, the later recorded), so the status on any past day — and the counts
by status on that day, from which the rates are computed — are read from the history alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import Problem
from station_app.errors import ValidationError as InputError
from station_app.models import Employer, EmploymentStatus, EmploymentStatusChange, Resident
from station_app.models.enums import DeregistrationReason
from station_app.services.residents import load_resident

MAX_NOTE_LENGTH = 200
# The statuses in which a resident works for an employer, who may be named.
WITH_EMPLOYER = frozenset({EmploymentStatus.EMPLOYED, EmploymentStatus.PUBLIC_WELFARE})


@dataclass(frozen=True)
class StatusChangeInput:
    """What the worker records: the new status, from which day, and why."""

    status: EmploymentStatus
    since: date
    reason: DeregistrationReason | None = None
    employer_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """One entry of the history as the profile shows it."""

    id: str
    status: EmploymentStatus
    since: date
    reason: DeregistrationReason | None
    employer_id: str | None
    employer_name: str | None
    recorded_by: str | None
    note: str | None


def record_status_change(
    tx: WriteTx, resident_id: str, change: StatusChangeInput, *, today: date | None = None
) -> str:
    """Records a dated change of the resident's status; the current status follows the latest.

    Refused: a date in the future or before the resident's birth, a status that already holds
    on that day, a second change on one day, leaving registered unemployment without an
    official reason (or giving one otherwise), an employer for a status without one.
    """
    tx.require(Permission.RESIDENT_WRITE)
    today = today or date.today()
    resident = load_resident(tx, resident_id)
    history = _entries(tx, resident_id)
    before = _status_in(history, change.since, strictly_before=True)
    problems = _problems(tx, resident, history, before, change, today)
    if problems:
        raise InputError(problems)
    entry = EmploymentStatusChange(
        scope_id=resident.scope_id,
        resident_id=resident.id,
        status=change.status,
        since=change.since,
        reason=change.reason,
        employer_id=change.employer_id if change.status in WITH_EMPLOYER else None,
        recorded_by=tx.actor.display_name,
        note=change.note.strip() or None,
    )
    tx.session.add(entry)
    if all(since < change.since for since, _id, _status in history):
        resident.employment_status = change.status
    tx.session.flush()
    return entry.id


def status_history(rx: ReadTx, resident_id: str) -> tuple[HistoryEntry, ...]:
    """The resident's history, oldest first, with the employers' names."""
    rx.require(Permission.RESIDENT_READ)
    load_resident(rx, resident_id)
    rows = rx.session.execute(
        select(EmploymentStatusChange, Employer.name)
        .outerjoin(Employer, Employer.id == EmploymentStatusChange.employer_id)
        .where(
            EmploymentStatusChange.resident_id == resident_id,
            EmploymentStatusChange.deleted.is_(False),
        )
        .order_by(EmploymentStatusChange.since, EmploymentStatusChange.id)
    ).all()
    return tuple(
        HistoryEntry(
            id=entry.id,
            status=entry.status,
            since=entry.since,
            reason=entry.reason,
            employer_id=entry.employer_id,
            employer_name=employer_name,
            recorded_by=entry.recorded_by,
            note=entry.note,
        )
        for entry, employer_name in rows
    )


def status_on(rx: ReadTx, resident_id: str, day: date) -> EmploymentStatus | None:
    """The resident's status on that day (None before their first entry)."""
    rx.require(Permission.RESIDENT_READ)
    load_resident(rx, resident_id)
    return _status_in(_entries(rx, resident_id), day, strictly_before=False)


def count_by_status_on(
    rx: ReadTx, day: date, *, community_id: str | None = None
) -> Mapping[EmploymentStatus, int]:
    """How many of the scope's residents (or one community's) had each status on that day.

    Residents with no entry on or before the day are not counted; every status is a key.
    """
    rx.require(Permission.RESIDENT_READ)
    history = EmploymentStatusChange
    ranked = (
        select(
            history.resident_id,
            history.status,
            func.row_number()
            .over(
                partition_by=history.resident_id,
                order_by=(history.since.desc(), history.id.desc()),
            )
            .label("rank"),
        )
        .where(history.deleted.is_(False), history.since <= day)
        .subquery()
    )
    query = (
        select(ranked.c.status, func.count())
        .join(Resident, Resident.id == ranked.c.resident_id)
        .where(
            ranked.c.rank == 1,
            Resident.deleted.is_(False),
            Resident.scope_id.in_(rx.scope.communities),
        )
        .group_by(ranked.c.status)
    )
    if community_id is not None:
        query = query.where(Resident.community_id == community_id)
    counts = {status: 0 for status in EmploymentStatus}
    for status, number in rx.session.execute(query):
        counts[EmploymentStatus(status)] = number
    return counts


def _entries(rx: ReadTx, resident_id: str) -> list[tuple[date, str, EmploymentStatus]]:
    """(since, id, status) of the resident's live entries, in the order they hold."""
    history = EmploymentStatusChange
    rows = rx.session.execute(
        select(history.since, history.id, history.status)
        .where(history.resident_id == resident_id, history.deleted.is_(False))
        .order_by(history.since, history.id)
    ).all()
    return [(since, entry_id, status) for since, entry_id, status in rows]


def _status_in(
    history: list[tuple[date, str, EmploymentStatus]], day: date, *, strictly_before: bool
) -> EmploymentStatus | None:
    status = None
    for since, _id, entry_status in history:
        if since < day or (since == day and not strictly_before):
            status = entry_status
    return status


def _problems(
    rx: ReadTx,
    resident: Resident,
    history: list[tuple[date, str, EmploymentStatus]],
    before: EmploymentStatus | None,
    change: StatusChangeInput,
    today: date,
) -> list[Problem]:
    problems: list[Problem] = []
    if change.since > today:
        problems.append(Problem("since", "status.future", "The date is in the future."))
    elif change.since < resident.birth_date:
        problems.append(
            Problem("since", "status.before_birth", "The date is before the resident's birth.")
        )
    elif any(since == change.since for since, _id, _status in history):
        problems.append(
            Problem("since", "status.same_day", "A change is already recorded on that day.")
        )
    elif before == change.status:
        problems.append(
            Problem("status", "status.unchanged", "The resident already has this status then.")
        )
    if problems:
        return problems  # what the status changes from depends on the date
    ends_unemployment = before == EmploymentStatus.UNEMPLOYED
    ends_unemployment = ends_unemployment and change.status != EmploymentStatus.UNEMPLOYED
    if ends_unemployment and change.reason is None:
        problems.append(
            Problem("reason", "status.reason_needed", "Choose why the unemployment ends.")
        )
    if not ends_unemployment and change.reason is not None:
        problems.append(
            Problem(
                "reason",
                "status.reason_unexpected",
                "A de-registration reason is given only when an unemployment ends.",
            )
        )
    if change.employer_id is not None:
        if change.status not in WITH_EMPLOYER:
            problems.append(
                Problem("employer_id", "status.employer_unexpected", "This status has no employer.")
            )
        else:
            employer = rx.session.get(Employer, change.employer_id)
            if employer is None or employer.deleted:
                problems.append(
                    Problem("employer_id", "status.employer_gone", "The employer does not exist.")
                )
    if len(change.note.strip()) > MAX_NOTE_LENGTH:
        problems.append(
            Problem(
                "note",
                "status.note_too_long",
                f"A note has at most {MAX_NOTE_LENGTH} characters.",
                {"max": str(MAX_NOTE_LENGTH)},
            )
        )
    return problems

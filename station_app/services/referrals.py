"""Referrals (岗位推荐): a resident sent to an open job with a slip, and what came of it.

A referral is made for a job that is open, valid and has a place left, for a resident the
job's kind is for (`job_eligibility`), never twice while one of the resident to the job is
still open. In the same transaction it takes the next serial of the station's code and year
from a counter in the database (so numbers have no gaps or repeats, across restarts too) and
counts as a job offer of the 1-3-1 bundle (a `JOB_RECOMMENDATION` service record).

Outcomes move forward only: referred → interviewed → hired / not hired / withdrawn, or
straight to one of those or "did not attend"; nothing follows a final outcome. "Hired" places
the resident in the job (`placements.place_resident`: their status and the job's filled count)
in the same transaction, or nothing is recorded. Referrals with no final outcome some days
after their last step are overdue (`overdue_referrals`, the home page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from sqlalchemy import ColumnElement, Integer, Text, cast, func, insert, select, update

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import DuplicateError, NotFoundError, Problem
from station_app.errors import ValidationError as InputError
from station_app.models import (
    Employer,
    Job,
    Referral,
    ReferralStatus,
    Resident,
    ServiceChannel,
    ServiceKind,
    StationSetting,
)
from station_app.services.follow_ups import ContactInput, record_contact
from station_app.services.job_eligibility import check_assignment
from station_app.services.placements import open_job_with_place, place_resident
from station_app.services.referral_codes import SlipKeys, make_serial
from station_app.services.residents import resident_in_scope

OVERDUE_SETTING = "referral_overdue_days"
DEFAULT_OVERDUE_DAYS = 14
MAX_NOTE_LENGTH = 200  # the column's width
SERIAL_SETTING = "referral_serial:{code}:{year}"  # the last number given, per code and year

OPEN_STATUSES = (ReferralStatus.REFERRED, ReferralStatus.INTERVIEWED)
FINAL = frozenset(ReferralStatus) - set(OPEN_STATUSES)
# Which outcome may follow which status.
NEXT: Mapping[ReferralStatus, frozenset[ReferralStatus]] = MappingProxyType(
    {
        ReferralStatus.REFERRED: frozenset(ReferralStatus) - {ReferralStatus.REFERRED},
        ReferralStatus.INTERVIEWED: frozenset(
            {ReferralStatus.HIRED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN}
        ),
    }
)


@dataclass(frozen=True)
class CreatedReferral:
    id: str
    serial: str
    check_code: str


@dataclass(frozen=True)
class OutcomeInput:
    status: ReferralStatus
    on: date
    note: str = ""


@dataclass(frozen=True)
class ReferralRow:
    """One referral as the profile and the home page list it."""

    id: str
    resident_id: str
    resident_name: str
    job_id: str
    job_title: str
    employer_name: str
    serial: str
    referred_on: date
    status: ReferralStatus
    outcome_on: date | None
    note: str | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def last_step_on(self) -> date:
        return self.outcome_on or self.referred_on


@dataclass(frozen=True)
class OverdueReferrals:
    days: int  # without a final outcome this many days after their last step
    total: int
    items: tuple[ReferralRow, ...]  # the longest waiting first, at most the limit asked


def create_referral(
    tx: WriteTx,
    resident_id: str,
    job_id: str,
    *,
    keys: SlipKeys,
    on_day: date | None = None,
    today: date | None = None,
) -> CreatedReferral:
    """Refers the resident to the job on the day (not after today); answers the slip's serial
    and check code."""
    tx.require(Permission.RESIDENT_WRITE)
    today = today or date.today()
    day = on_day or today
    resident = resident_in_scope(tx, resident_id)
    job = open_job_with_place(tx, job_id, day)
    check_assignment(tx, resident, job, day)
    existing = tx.session.scalar(
        select(Referral.id).where(
            Referral.resident_id == resident.id,
            Referral.job_id == job.id,
            Referral.deleted.is_(False),
            Referral.status.in_(OPEN_STATUSES),
        )
    )
    if existing is not None:
        raise DuplicateError(
            "the resident has an open referral to this job already",
            field="job_id",
            existing_id=existing,
            code="referral.duplicate",
        )
    key = keys.issuing
    serial = make_serial(key.code, day.year, _next_number(tx, key.code, day.year))
    referral = Referral(
        scope_id=resident.scope_id,
        resident_id=resident.id,
        job_id=job.id,
        referred_on=day,
        slip_number=serial,
        status=ReferralStatus.REFERRED,
    )
    tx.session.add(referral)
    employer = tx.session.get(Employer, job.employer_id)
    offer = ContactInput(
        resident_id=resident.id,
        channel=ServiceChannel.COUNTER,
        occurred_on=day,
        outcome=None,
        kind=ServiceKind.JOB_RECOMMENDATION,
        summary=f"{serial} {job.title} · {employer.name if employer else ''}".strip(" ·"),
    )
    record_contact(tx, offer, today=today)
    tx.session.flush()
    return CreatedReferral(referral.id, serial, key.check(serial))


def _next_number(tx: WriteTx, code: str, year: int) -> int:
    """The next serial number of the code and year, counted in this transaction."""
    key = SERIAL_SETTING.format(code=code, year=year)
    bumped = tx.session.execute(
        update(StationSetting)
        .where(StationSetting.key == key)
        .values(value=cast(cast(StationSetting.value, Integer) + 1, Text))
        .returning(StationSetting.value)
    ).scalar()
    if bumped is not None:
        return int(bumped)
    tx.session.execute(insert(StationSetting).values(key=key, value="1"))
    return 1


def validate_outcome(referral: ReferralRow, data: OutcomeInput, *, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if data.status not in NEXT.get(referral.status, frozenset()):
        problems.append(
            Problem(
                "status",
                "referral.final" if referral.status in FINAL else "referral.not_after",
                "Nothing follows a final outcome."
                if referral.status in FINAL
                else "This outcome cannot follow the interview.",
            )
        )
    if data.on > today:
        problems.append(Problem("on", "referral.future", "An outcome cannot lie in the future."))
    if data.on < referral.last_step_on:
        problems.append(
            Problem(
                "on",
                "referral.before_last",
                f"An outcome cannot come before the last step ({referral.last_step_on}).",
                {"date": referral.last_step_on.isoformat()},
            )
        )
    if len(data.note.strip()) > MAX_NOTE_LENGTH:
        problems.append(
            Problem(
                "note",
                "referral.note_too_long",
                f"A note has at most {MAX_NOTE_LENGTH} characters.",
                {"max": str(MAX_NOTE_LENGTH)},
            )
        )
    return problems


def record_outcome(
    tx: WriteTx, referral_id: str, data: OutcomeInput, *, today: date | None = None
) -> ReferralStatus:
    """Records what came of the referral; "hired" places the resident in the job with it."""
    tx.require(Permission.RESIDENT_WRITE)
    today = today or date.today()
    referral = _referral_in_scope(tx, referral_id)
    problems = validate_outcome(_row(tx, referral), data, today=today)
    if problems:
        raise InputError(problems)
    if data.status is ReferralStatus.HIRED:
        place_resident(tx, referral.resident_id, referral.job_id, on_day=data.on)
    _close_step(tx, referral, data)
    return data.status


def _close_step(tx: WriteTx, referral: Referral, data: OutcomeInput) -> None:
    referral.status = data.status
    referral.outcome_on = data.on
    referral.outcome_note = data.note.strip() or None
    tx.session.flush()


def get_referral(rx: ReadTx, referral_id: str) -> ReferralRow:
    rx.require(Permission.RESIDENT_READ)
    return _row(rx, _referral_in_scope(rx, referral_id))


def referrals_of(rx: ReadTx, resident_id: str) -> tuple[ReferralRow, ...]:
    """The resident's referrals, the newest first."""
    rx.require(Permission.RESIDENT_READ)
    resident_in_scope(rx, resident_id)
    return _rows(rx, Referral.resident_id == resident_id)


def overdue_days(rx: ReadTx) -> int:
    """After how many days without a final outcome a referral is overdue (a station setting)."""
    stored = rx.session.get(StationSetting, OVERDUE_SETTING)
    try:
        days = int(stored.value) if stored is not None else DEFAULT_OVERDUE_DAYS
    except ValueError:
        return DEFAULT_OVERDUE_DAYS
    return days if days >= 1 else DEFAULT_OVERDUE_DAYS


def set_overdue_days(tx: WriteTx, days: int) -> None:
    """Sets the station's overdue delay (an administrator's choice)."""
    tx.require(Permission.USER_MANAGE)
    if days < 1:
        raise InputError(
            [Problem("days", "referral.overdue_days", "Give a number of days of 1 or more.")]
        )
    setting = tx.session.get(StationSetting, OVERDUE_SETTING)
    if setting is None:
        tx.session.add(StationSetting(key=OVERDUE_SETTING, value=str(days)))
    else:
        setting.value = str(days)


def overdue_referrals(
    rx: ReadTx, today: date, *, days: int | None = None, limit: int = 200
) -> OverdueReferrals:
    """The scope's referrals without a final outcome `days` after their last step."""
    rx.require(Permission.RESIDENT_READ)
    wait = days if days is not None else overdue_days(rx)
    by = today - timedelta(days=wait)
    condition = (
        Referral.status.in_(OPEN_STATUSES),
        func.coalesce(Referral.outcome_on, Referral.referred_on) <= by,
    )
    rows = sorted(_rows(rx, *condition), key=lambda r: (r.last_step_on, r.resident_name, r.id))
    return OverdueReferrals(wait, len(rows), tuple(rows[:limit]))


def _referral_in_scope(rx: ReadTx, referral_id: str) -> Referral:
    referral = rx.session.get(Referral, referral_id)
    if referral is None or referral.deleted or not rx.scope.covers(referral.scope_id):
        raise NotFoundError("the referral does not exist", code="referral.gone")
    return referral


def _row(rx: ReadTx, referral: Referral) -> ReferralRow:
    found = _rows(rx, Referral.id == referral.id)
    if not found:
        raise NotFoundError("the referral does not exist", code="referral.gone")
    return found[0]


def _rows(rx: ReadTx, *where: ColumnElement[bool]) -> tuple[ReferralRow, ...]:
    query = (
        select(Referral, Resident.name, Job.title, Employer.name)
        .join(Resident, Resident.id == Referral.resident_id)
        .join(Job, Job.id == Referral.job_id)
        .join(Employer, Employer.id == Job.employer_id)
        .where(
            Referral.deleted.is_(False),
            Referral.scope_id.in_(rx.scope.ids),
            Resident.deleted.is_(False),
            *where,
        )
        .order_by(Referral.referred_on.desc(), Referral.slip_number.desc())
    )
    return tuple(
        ReferralRow(
            id=r.id,
            resident_id=r.resident_id,
            resident_name=name,
            job_id=r.job_id,
            job_title=title,
            employer_name=employer,
            serial=r.slip_number or "",
            referred_on=r.referred_on,
            status=r.status,
            outcome_on=r.outcome_on,
            note=r.outcome_note,
        )
        for r, name, title, employer in rx.session.execute(query)
    )

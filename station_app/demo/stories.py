"""A few hundred records of the station's daily work, made through the services.

Recognitions in each state, follow-up contacts due (some overdue), assistance plans, job
status changes and referrals in every state (one overdue), dated relative to the demo's day
so the home page and the profiles have something to show. A fixed number of records
whatever the size: a scale demo stays fast. The ids and times come from the seed
(`fixed_ids_and_times`), so a demo stays repeatable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.demo.dates import DemoCalendar, years_before
from station_app.demo.identifiers import DemoIdentifiers
from station_app.demo.rows import DEMO_USERNAME
from station_app.models import (
    AssistancePlanStatus,
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    RecognitionCategory,
    RecognitionEvidence,
    ReferralStatus,
    Resident,
    ServiceChannel,
)
from station_app.models.base import fixed_ids_and_times
from station_app.services import recognition as rec
from station_app.services.assistance_plans import PlanInput, add_step, create_plan
from station_app.services.auth import log_in
from station_app.services.follow_ups import ContactInput, record_contact
from station_app.services.jobs import change_job_status
from station_app.services.referral_codes import SlipKeys
from station_app.services.referrals import OutcomeInput, create_referral, record_outcome

OLDER_WORKER = rec.Application(
    frozenset({RecognitionCategory.OLDER_WORKER}),
    frozenset({RecognitionEvidence.ID_CARD, RecognitionEvidence.HOUSEHOLD_REGISTER}),
)
# Days before the demo's day a follow-up contact was made, and the days after it the next one
# is due (a week at most, sooner than any contact rule): overdue, due today, due this week.
CONTACTS = ((10, 7), (9, 7), (7, 7), (5, 5), (3, 5), (2, 6), (1, 6), (4, 7))
# The days before the demo's day of each step: in public notice ending tomorrow; applied;
# notice ended, waiting for the street review; approved (twice); notice ending in 5 days.
_STEPS = ((8, 7, 6), (2,), (12, 11, 10), (60, 58, 57, 50, 49), (70, 69, 68, 61, 60), (4, 3, 2))
_MOVES = (rec.pass_community_review, rec.start_public_notice, rec.pass_street_review, rec.approve)
_REJECTED = (30, 28)  # applied, then rejected at the community review
# Referrals: (days before the demo's day it was made, then (outcome, days before) steps).
# Referred 20 days ago without an outcome: overdue on the home page (after 14 days).
REFERRALS: tuple[tuple[int, tuple[tuple[ReferralStatus, int], ...]], ...] = (
    (3, ()),
    (20, ()),
    (10, ((ReferralStatus.INTERVIEWED, 6),)),
    (25, ((ReferralStatus.INTERVIEWED, 20), (ReferralStatus.HIRED, 15))),
    (18, ((ReferralStatus.REJECTED, 12),)),
    (16, ((ReferralStatus.NO_SHOW, 9),)),
    (12, ((ReferralStatus.WITHDRAWN, 8),)),
)
PLAN_GOALS = (
    "了解求职意向，推荐就近的保洁、保安类岗位，每月电话回访一次。",
    "推荐参加社区组织的家政服务技能培训，结业后协助对接用人单位。",
    "协助申请公益性岗位，跟进用人单位面试结果。",
)


def add_stories(
    db: Database, ids: DemoIdentifiers, calendar: DemoCalendar, password: str, keys: SlipKeys
) -> None:
    """Adds the day-to-day records as the demo administrator, the referral slips signed with
    `keys`; a demo dated after the computer's clock gets none (the services refuse dates in
    the future)."""
    today = calendar.today
    if today > date.today():
        return
    clock = _Clock(calendar.reference_time())
    with fixed_ids_and_times(lambda: ids.uuid7(clock.now()), clock.now):
        station = log_in(db, DEMO_USERNAME, password)
        applicants = len(_STEPS) + 1
        residents = _older_unemployed(station, today, max(applicants, len(CONTACTS)))
        recognised = _recognitions(station, residents[:applicants], today)
        _contacts(station, residents[: len(CONTACTS)], today)
        _plans(station, recognised, today)
        _job_changes(station, today)
        _referrals(station, today, keys)


class _Clock:
    """A second later at every look, from the demo's reference time."""

    def __init__(self, start: datetime) -> None:
        self._at = start - timedelta(hours=1)

    def now(self) -> datetime:
        self._at += timedelta(seconds=1)
        return self._at


def _older_unemployed(station: StationSession, today: date, count: int) -> list[str]:
    """Unemployed residents over 51 (older workers, women and men), the first registered first
    (the demo's first resident is the tour's example)."""
    with station.read() as rx:
        return list(
            rx.session.scalars(
                select(Resident.id)
                .where(
                    Resident.employment_status == EmploymentStatus.UNEMPLOYED,
                    Resident.birth_date <= years_before(today, 51),
                    Resident.deleted.is_(False),
                )
                .order_by(Resident.id)
                .limit(count)
            )
        )


def _recognitions(station: StationSession, residents: Sequence[str], today: date) -> list[str]:
    """One recognition of each state for the residents; answers those approved."""
    approved: list[str] = []
    for resident_id, days in zip(residents, (*_STEPS, _REJECTED), strict=False):
        on = [today - timedelta(days=n) for n in days]
        rid = station.perform(rec.apply_for_recognition, resident_id, OLDER_WORKER, on_day=on[0])
        if days is _REJECTED:
            station.perform(rec.reject, rid, "户籍不在本社区", on_day=on[1])
            continue
        for move, day in zip(_MOVES, on[1:], strict=False):
            station.perform(move, rid, on_day=day)
        if len(days) == len(_MOVES) + 1:
            approved.append(resident_id)
    return approved


def _contacts(station: StationSession, residents: Sequence[str], today: date) -> None:
    for resident_id, (ago, then) in zip(residents, CONTACTS, strict=False):
        occurred = today - timedelta(days=ago)
        contact = ContactInput(
            resident_id=resident_id,
            channel=ServiceChannel.PHONE,
            occurred_on=occurred,
            summary="电话回访，了解求职进展。",
            next_contact_on=occurred + timedelta(days=then),
        )
        station.perform(record_contact, contact, today=today)


def _plans(station: StationSession, residents: Sequence[str], today: date) -> None:
    for resident_id, goals in zip(residents, PLAN_GOALS, strict=False):
        started = today - timedelta(days=45)
        plan = PlanInput(goals, DEMO_USERNAME, started, AssistancePlanStatus.ACTIVE)
        plan_id = station.perform(create_plan, resident_id, plan)
        step_on = today - timedelta(days=30)
        station.perform(add_step, plan_id, "电话联系，推荐保洁员岗位一个。", on=step_on)


def _job_changes(station: StationSession, today: date) -> None:
    """Pauses two open jobs and closes one (the station's latest registered)."""
    with station.read() as rx:
        jobs = rx.session.execute(
            select(Job.id, Job.row_version)
            .where(
                Job.status == JobStatus.OPEN,
                Job.deleted.is_(False),
                (Job.valid_to.is_(None)) | (Job.valid_to >= today),
                Job.valid_from <= today - timedelta(days=14),
            )
            .order_by(Job.id)
            .limit(3)
        ).all()
    moves = (
        (JobStatus.PAUSED, 3, "用人单位暂停招聘"),
        (JobStatus.PAUSED, 1, "岗位信息核实中"),
        (JobStatus.CLOSED, 6, "用人单位已招满"),
    )
    for (job_id, version), (status, ago, reason) in zip(jobs, moves, strict=False):
        on = today - timedelta(days=ago)
        station.perform(change_job_status, job_id, version, status, on=on, reason=reason)


def _referrals(station: StationSession, today: date, keys: SlipKeys) -> None:
    """Referrals of unemployed residents aged 25 to 45 to open regular jobs, one in each
    state (`REFERRALS`); "hired" places its resident in the job."""
    with station.read() as rx:
        residents = list(
            rx.session.scalars(
                select(Resident.id)
                .where(
                    Resident.employment_status == EmploymentStatus.UNEMPLOYED,
                    Resident.birth_date <= years_before(today, 25),
                    Resident.birth_date > years_before(today, 45),
                    Resident.deleted.is_(False),
                )
                .order_by(Resident.id)
                .limit(len(REFERRALS))
            )
        )
        jobs = list(
            rx.session.scalars(
                select(Job.id)
                .where(
                    Job.status == JobStatus.OPEN,
                    Job.kind == JobKind.REGULAR,
                    Job.deleted.is_(False),
                    Job.filled < Job.headcount,
                    Job.age_max.is_(None) | (Job.age_max >= 45),
                    Job.age_min.is_(None) | (Job.age_min <= 25),
                    Job.valid_from <= today - timedelta(days=30),
                    Job.valid_to.is_(None) | (Job.valid_to >= today),
                )
                .order_by(Job.id)
                .limit(len(REFERRALS))
            )
        )
    for resident_id, job_id, (ago, steps) in zip(residents, jobs, REFERRALS, strict=False):
        made = today - timedelta(days=ago)
        created = station.perform(
            create_referral, resident_id, job_id, keys=keys, on_day=made, today=today
        )
        for status, days in steps:
            outcome = OutcomeInput(status, today - timedelta(days=days))
            station.perform(record_outcome, created.id, outcome, today=today)

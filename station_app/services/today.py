"""What the home page ("today") lists: contacts due, public notices ending, jobs expiring,
referrals overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import Employer, Job, JobStatus
from station_app.services.follow_ups import DueList, contacts_due
from station_app.services.recognition import NoticeEnding, notices_ending
from station_app.services.referrals import OverdueReferrals, overdue_referrals

CONTACT_DAYS_AHEAD = 7  # the home page shows the contacts due this week too
JOB_DAYS_AHEAD = 7
NOTICE_DAYS_AHEAD = 2  # notices that end by the day after tomorrow (and those ended)
LIMIT = 200
LIVE_JOB_STATUSES = (JobStatus.OPEN, JobStatus.PAUSED)


@dataclass(frozen=True)
class ExpiringJob:
    id: str
    employer_id: str
    title: str
    employer_name: str
    valid_to: date


@dataclass(frozen=True)
class ExpiringJobs:
    total: int
    items: tuple[ExpiringJob, ...]


@dataclass(frozen=True)
class TodayOverview:
    today: date
    contacts: DueList | None  # None: the user's role may not see residents
    notices: tuple[NoticeEnding, ...] | None  # recognitions' public notices ending (or ended)
    jobs: ExpiringJobs | None  # None: the role may not see employers and jobs
    referrals: OverdueReferrals | None = None  # without an outcome for too long


def jobs_expiring(rx: ReadTx, today: date, *, days: int = JOB_DAYS_AHEAD) -> ExpiringJobs:
    """Open or paused jobs whose validity ends within `days` from today, the soonest first."""
    rx.require(Permission.EMPLOYER_READ)
    window = (
        Job.deleted.is_(False),
        Job.status.in_(LIVE_JOB_STATUSES),
        Job.valid_to.is_not(None),
        Job.valid_to >= today,
        Job.valid_to <= today + timedelta(days=days),
    )
    total = rx.session.scalar(select(func.count()).select_from(Job).where(*window)) or 0
    rows = rx.session.execute(
        select(Job.id, Job.employer_id, Job.title, Employer.name, Job.valid_to)
        .join(Employer, Employer.id == Job.employer_id)
        .where(*window)
        .order_by(Job.valid_to, Job.title, Job.id)
        .limit(LIMIT)
    )
    items = tuple(
        ExpiringJob(job_id, employer_id, title, employer, valid_to)
        for job_id, employer_id, title, employer, valid_to in rows
        if valid_to is not None
    )
    return ExpiringJobs(total, items)


def today_overview(rx: ReadTx, today: date | None = None) -> TodayOverview:
    """Everything the home page shows, for what the user's role may see."""
    today = today or date.today()
    contacts = notices = referrals = None
    if rx.station.can(Permission.RESIDENT_READ):
        referrals = overdue_referrals(rx, today, limit=LIMIT)
        contacts = contacts_due(
            rx, today + timedelta(days=CONTACT_DAYS_AHEAD), today=today, limit=LIMIT
        )
        notices = notices_ending(rx, today, NOTICE_DAYS_AHEAD)
    jobs = jobs_expiring(rx, today) if rx.station.can(Permission.EMPLOYER_READ) else None
    return TodayOverview(today, contacts, notices, jobs, referrals)

"""A job's call list as plain data: the job, the day, the radius and the ranked residents.

The printed list and the export render it; it holds only values (no Qt, no ReportLab).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.errors import NotFoundError
from station_app.models import Employer, EmploymentStatus, Job, JobKind, Sex
from station_app.services.match_options import RESIDENT_MATCH_DEFAULTS, MatchOptions
from station_app.services.match_radius import match_radius_km
from station_app.services.match_rules import MatchReason
from station_app.services.resident_matching import match_residents


@dataclass(frozen=True)
class CallListEntry:
    """One line of a job's call list as printed or exported: plain values only."""

    rank: int
    name: str
    sex: Sex
    age: int
    community_name: str
    phone: str | None
    id_number: str
    employment_status: EmploymentStatus
    distance_km: float | None
    score: float
    reasons: tuple[MatchReason, ...]
    informed_on: date | None


@dataclass(frozen=True)
class CallList:
    """A job's call list: the job, the day, the radius and the ranked residents."""

    job_id: str
    job_title: str
    employer_name: str
    kind: JobKind
    places_left: int
    on_day: date
    radius_km: float
    within_radius_only: bool
    full_data: bool  # phone and ID number are shown in full
    entries: tuple[CallListEntry, ...]


def call_list(
    rx: ReadTx,
    job_id: str,
    options: MatchOptions = RESIDENT_MATCH_DEFAULTS,
    *,
    today: date | None = None,
) -> CallList:
    """The job's call list as plain data (for the printed list and the export)."""
    day = today or date.today()
    rx.require(Permission.EMPLOYER_READ)
    job = rx.session.get(Job, job_id)
    if job is None or job.deleted:
        raise NotFoundError("the job no longer exists", code="placement.job_gone")
    employer = rx.session.get(Employer, job.employer_id)
    matches = match_residents(rx, job_id, options, today=day)
    entries = tuple(
        CallListEntry(
            rank=n,
            name=m.name,
            sex=m.sex,
            age=m.age,
            community_name=m.community_name,
            phone=m.phone,
            id_number=m.id_number,
            employment_status=m.employment_status,
            distance_km=m.distance_km,
            score=m.score,
            reasons=m.reasons,
            informed_on=m.informed_on,
        )
        for n, m in enumerate(matches, start=1)
    )
    radius = options.radius_km if options.radius_km is not None else match_radius_km(rx)
    return CallList(
        job_id=job.id,
        job_title=job.title,
        employer_name=employer.name if employer is not None else "",
        kind=job.kind,
        places_left=max(job.headcount - job.filled, 0),
        on_day=day,
        radius_km=radius,
        within_radius_only=options.within_radius_only,
        full_data=rx.station.can(Permission.RESIDENT_FULL_DATA),
        entries=entries,
    )

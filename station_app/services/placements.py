"""Placing a resident in a job (安置到岗): eligibility, the status history and the job's count.

One transaction: the resident's new status (employed at the job's employer; a public
welfare post has its own status, a traineeship is "in training") is recorded in their
history (`status_history.record_status_change`, with "found a job" as the reason when it ends
a registered unemployment), the job
counts one more filled place and becomes filled when its headcount is reached. A job that is
not open, past its validity or full, and a resident the job's kind is not for, are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import NotFoundError
from station_app.models import Employer, EmploymentStatus, Job, JobKind, JobStatus
from station_app.models.enums import DeregistrationReason
from station_app.services.job_eligibility import EligibilityError, check_assignment
from station_app.services.jobs import record_filled
from station_app.services.residents import resident_in_scope
from station_app.services.status_history import (
    WITH_EMPLOYER,
    StatusChangeInput,
    record_status_change,
    status_on,
)

# The status a placement gives, by the job's kind (others: employed by the employer).
STATUS_OF_KIND = {
    JobKind.PUBLIC_WELFARE: EmploymentStatus.PUBLIC_WELFARE,
    JobKind.TRAINEESHIP: EmploymentStatus.IN_TRAINING,
}


def place_resident(
    tx: WriteTx, resident_id: str, job_id: str, *, on_day: date | None = None
) -> EmploymentStatus:
    """Places the resident in the job on the day; returns the status they now have."""
    tx.require(Permission.RESIDENT_WRITE)
    tx.require(Permission.EMPLOYER_WRITE)
    day = on_day or date.today()
    resident = resident_in_scope(tx, resident_id)
    job = open_job_with_place(tx, job_id, day)
    check_assignment(tx, resident, job, day)
    status = STATUS_OF_KIND.get(job.kind, EmploymentStatus.EMPLOYED)
    ends_unemployment = status_on(tx, resident.id, day) == EmploymentStatus.UNEMPLOYED
    change = StatusChangeInput(
        status=status,
        since=day,
        reason=DeregistrationReason.FOUND_JOB if ends_unemployment else None,
        employer_id=job.employer_id if status in WITH_EMPLOYER else None,
        note=job.title[:200],
    )
    record_status_change(tx, resident.id, change)
    job.filled += 1
    if job.filled >= job.headcount:
        record_filled(tx, job, day)
    return status


def open_job_with_place(rx: ReadTx, job_id: str, day: date) -> Job:
    """The job, if it is open, valid on the day and has a place left (for a placement or a
    referral); else the error that says which it is not."""
    job = rx.session.get(Job, job_id)
    if job is None or job.deleted:
        raise NotFoundError("the job no longer exists", code="placement.job_gone")
    if job.status != JobStatus.OPEN:
        raise EligibilityError("the job is not open", code="placement.job_not_open")
    if day < job.valid_from or (job.valid_to is not None and day > job.valid_to):
        raise EligibilityError("the job is not valid on that day", code="placement.job_expired")
    if job.filled >= job.headcount:
        raise EligibilityError("every place of the job is filled", code="placement.job_full")
    return job


@dataclass(frozen=True)
class JobChoice:
    """An open job offered for a placement."""

    id: str
    title: str
    employer_name: str
    kind: JobKind
    headcount: int
    filled: int
    valid_to: date | None


def open_jobs(
    rx: ReadTx, text: str, *, on_day: date, kind: JobKind | None = None, limit: int = 100
) -> tuple[JobChoice, ...]:
    """Open jobs valid on the day with a place left, whose title or employer contains text
    (and of that kind, if given)."""
    rx.require(Permission.EMPLOYER_READ)
    query = (
        select(Job, Employer.name)
        .join(Employer, Employer.id == Job.employer_id)
        .where(
            Job.deleted.is_(False),
            Job.status == JobStatus.OPEN,
            Job.filled < Job.headcount,
            Job.valid_from <= on_day,
            or_(Job.valid_to.is_(None), Job.valid_to >= on_day),
        )
    )
    if kind is not None:
        query = query.where(Job.kind == kind)
    words = text.strip()
    if words:
        pattern = f"%{words}%"
        query = query.where(or_(Job.title.like(pattern), Employer.name.like(pattern)))
    rows = rx.session.execute(query.order_by(Job.title, Job.id).limit(limit)).all()
    return tuple(
        JobChoice(job.id, job.title, name, job.kind, job.headcount, job.filled, job.valid_to)
        for job, name in rows
    )

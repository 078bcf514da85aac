"""Registering and editing jobs (岗位), and their status: forward only, every move dated.

A job's status moves by the table `TRANSITIONS`: an open job may be paused, filled, closed or
expire; a paused job may open again, be filled, closed or expire; filled, closed and expired
are final (the city server refuses a move back as well, `city_server/entities.py`). A job
whose `valid_to` has passed expires (`expire_due_jobs`, run when a worker logs in and daily).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import ConflictError, NotFoundError, Problem, UserError
from station_app.errors import ValidationError as InputError
from station_app.models import CITY_SCOPE, Employer, Job, JobKind, JobStatus, JobStatusChange
from station_app.services import code_tables

MAX_TITLE = 120
MAX_LOCATION = 200
MAX_REASON = 200
MAX_SALARY_FEN = 100_000_000  # 1,000,000 yuan a month
MIN_AGE = 16
MAX_AGE = 70

_LIVE = frozenset({JobStatus.OPEN, JobStatus.PAUSED})
# Where each status may move; the final ones move nowhere.
TRANSITIONS: Mapping[JobStatus, frozenset[JobStatus]] = {
    JobStatus.OPEN: frozenset(
        {JobStatus.PAUSED, JobStatus.FILLED, JobStatus.CLOSED, JobStatus.EXPIRED}
    ),
    JobStatus.PAUSED: frozenset(
        {JobStatus.OPEN, JobStatus.FILLED, JobStatus.CLOSED, JobStatus.EXPIRED}
    ),
    JobStatus.FILLED: frozenset(),
    JobStatus.CLOSED: frozenset(),
    JobStatus.EXPIRED: frozenset(),
}
# The reasons of the moves the program makes (the UI shows them in the user's language).
EXPIRY_REASON = "valid_to passed"
FILLED_REASON = "every place filled"


class JobStatusError(UserError):
    """A status move the transition table does not allow, or a final job edited."""

    default_code = "job.transition"


@dataclass(frozen=True)
class JobInput:
    employer_id: str
    title: str
    kind: JobKind
    headcount: int
    valid_from: date
    occupation_code: str | None = None
    salary_min_fen: int | None = None
    salary_max_fen: int | None = None
    age_min: int | None = None
    age_max: int | None = None
    education_min: str | None = None
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    valid_to: date | None = None
    description: str = ""


@dataclass(frozen=True)
class StatusChangeRow:
    from_status: JobStatus | None
    to_status: JobStatus
    changed_on: date
    reason: str
    recorded_by: str


def allowed_moves(status: JobStatus) -> frozenset[JobStatus]:
    """Where a job of this status may move by hand (expiry is the program's move)."""
    return TRANSITIONS[status] - {JobStatus.EXPIRED}


def validate_job(data: JobInput) -> list[Problem]:
    """The problems of the job's own fields (the employer's existence is checked on save)."""
    problems: list[Problem] = []
    title = data.title.strip()
    if not title:
        problems.append(Problem("title", "job.title_empty", "Enter the job's title."))
    elif len(title) > MAX_TITLE:
        problems.append(_too_long("title", "job.title_too_long", MAX_TITLE))
    if not data.employer_id:
        problems.append(Problem("employer", "job.employer", "Choose the employer."))
    if data.headcount < 1:
        problems.append(Problem("headcount", "job.headcount", "The headcount is at least 1."))
    problems += _salary_problems(data.salary_min_fen, data.salary_max_fen)
    problems += _age_problems(data.age_min, data.age_max)
    if data.occupation_code and data.occupation_code not in code_tables.occupations():
        problems.append(
            Problem(
                "occupation",
                "job.occupation",
                f"Unknown occupation code: {data.occupation_code}.",
                {"code": data.occupation_code},
            )
        )
    if data.education_min and data.education_min not in code_tables.education_levels():
        problems.append(Problem("education", "job.education", "Unknown education level."))
    if len(data.location.strip()) > MAX_LOCATION:
        problems.append(_too_long("location", "job.location_too_long", MAX_LOCATION))
    problems += _coordinate_problems(data.latitude, data.longitude)
    if data.valid_to is not None and data.valid_to < data.valid_from:
        problems.append(Problem("valid_to", "job.valid_to", "The job cannot end before it starts."))
    return problems


def _too_long(field: str, code: str, limit: int) -> Problem:
    return Problem(field, code, f"At most {limit} characters.", {"max": str(limit)})


def _salary_problems(low: int | None, high: int | None) -> list[Problem]:
    problems: list[Problem] = []
    for field, value in (("salary_min", low), ("salary_max", high)):
        if value is not None and not 0 <= value <= MAX_SALARY_FEN:
            problems.append(Problem(field, "job.salary", "The salary is out of range."))
    if not problems and low is not None and high is not None and low > high:
        problems.append(
            Problem("salary_max", "job.salary_order", "The highest salary is below the lowest.")
        )
    return problems


def _age_problems(low: int | None, high: int | None) -> list[Problem]:
    problems: list[Problem] = []
    for field, value in (("age_min", low), ("age_max", high)):
        if value is not None and not MIN_AGE <= value <= MAX_AGE:
            problems.append(
                Problem(
                    field,
                    "job.age",
                    f"Ages go from {MIN_AGE} to {MAX_AGE}.",
                    {"low": str(MIN_AGE), "high": str(MAX_AGE)},
                )
            )
    if not problems and low is not None and high is not None and low > high:
        problems.append(Problem("age_max", "job.age_order", "The highest age is below the lowest."))
    return problems


def _coordinate_problems(latitude: float | None, longitude: float | None) -> list[Problem]:
    if (latitude is None) != (longitude is None):
        return [Problem("latitude", "job.coordinates", "Give both latitude and longitude.")]
    if (
        latitude is not None
        and longitude is not None
        and not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0)
    ):
        return [Problem("latitude", "job.coordinates_range", "Coordinates out of range.")]
    return []


def register_job(tx: WriteTx, data: JobInput) -> str:
    """Registers an open job of a registered employer; its history starts with this date."""
    tx.require(Permission.EMPLOYER_WRITE)
    problems = validate_job(data)
    if problems:
        raise InputError(problems)
    _employer(tx, data.employer_id)
    job = Job(scope_id=CITY_SCOPE, status=JobStatus.OPEN, filled=0)
    _apply(job, data)
    tx.session.add(job)
    tx.session.flush()
    _record(tx, job, None, JobStatus.OPEN, _today(), "")
    return job.id


def update_job(tx: WriteTx, job_id: str, expected_row_version: int, data: JobInput) -> None:
    """Changes a job that is still open or paused (its status moves by `change_job_status`)."""
    tx.require(Permission.EMPLOYER_WRITE)
    problems = validate_job(data)
    if problems:
        raise InputError(problems)
    job = _job(tx, job_id, expected_row_version)
    if job.status not in _LIVE:
        raise JobStatusError("a filled, closed or expired job is not edited", code="job.final")
    if data.headcount < job.filled:
        raise InputError(
            [
                Problem(
                    "headcount",
                    "job.headcount_below_filled",
                    f"{job.filled} places are already filled.",
                    {"filled": str(job.filled)},
                )
            ]
        )
    _employer(tx, data.employer_id)
    _apply(job, data)


def change_job_status(
    tx: WriteTx,
    job_id: str,
    expected_row_version: int,
    new_status: JobStatus,
    *,
    on: date,
    reason: str,
) -> None:
    """Moves a job's status by hand, on a date not in the future, for a stated reason."""
    tx.require(Permission.EMPLOYER_WRITE)
    job = _job(tx, job_id, expected_row_version)
    if new_status not in allowed_moves(job.status):
        raise JobStatusError(
            f"a job {job.status.value} cannot become {new_status.value}",
            params={"old": job.status.value, "new": new_status.value},
        )
    problems: list[Problem] = []
    reason = reason.strip()
    if not reason:
        problems.append(Problem("reason", "job.reason_empty", "Give the reason of the change."))
    elif len(reason) > MAX_REASON:
        problems.append(_too_long("reason", "job.reason_too_long", MAX_REASON))
    if on > _today():
        problems.append(Problem("on", "job.change_future", "The date cannot be in the future."))
    last = _last_change_date(tx, job_id)
    if last is not None and on < last:
        problems.append(
            Problem(
                "on",
                "job.change_before_last",
                f"The last change was on {last.isoformat()}.",
                {"date": last.isoformat()},
            )
        )
    if problems:
        raise InputError(problems)
    old = job.status
    job.status = new_status
    _record(tx, job, old, new_status, on, reason)


def expire_due_jobs(tx: WriteTx, today: date) -> int:
    """Expires every open or paused job whose `valid_to` is before today; how many expired.

    Each is dated the day after its last valid day (or its last change, when that is later:
    a job registered after its last day). A role that may not write jobs expires
    nothing (the next worker's login does it).
    """
    if not tx.station.can(Permission.EMPLOYER_WRITE):
        return 0
    due = tx.session.scalars(
        select(Job).where(
            Job.deleted.is_(False),
            Job.status.in_(list(_LIVE)),
            Job.valid_to.is_not(None),
            Job.valid_to < today,
        )
    ).all()
    for job in due:
        old = job.status
        job.status = JobStatus.EXPIRED
        assert job.valid_to is not None
        on = job.valid_to + timedelta(days=1)
        last = _last_change_date(tx, job.id)
        _record(tx, job, old, JobStatus.EXPIRED, max(on, last or on), EXPIRY_REASON)
    return len(due)


def record_filled(tx: WriteTx, job: Job, on: date) -> None:
    """Marks a live job whose every place is now taken as filled, dated (for placements)."""
    if job.status in _LIVE and job.status is not JobStatus.FILLED:
        old = job.status
        job.status = JobStatus.FILLED
        _record(tx, job, old, JobStatus.FILLED, on, FILLED_REASON)


def get_job(rx: ReadTx, job_id: str) -> tuple[int, JobStatus, JobInput]:
    """The job's row version, status and data as the form edits it."""
    rx.require(Permission.EMPLOYER_READ)
    job = rx.session.get(Job, job_id)
    if job is None or job.deleted:
        raise NotFoundError("the job does not exist", code="job.gone")
    return (
        job.row_version,
        job.status,
        JobInput(
            employer_id=job.employer_id,
            title=job.title,
            kind=job.kind,
            headcount=job.headcount,
            valid_from=job.valid_from,
            occupation_code=job.occupation_code,
            salary_min_fen=job.salary_min_fen,
            salary_max_fen=job.salary_max_fen,
            age_min=job.age_min,
            age_max=job.age_max,
            education_min=job.education_min,
            location=job.location or "",
            latitude=job.latitude,
            longitude=job.longitude,
            valid_to=job.valid_to,
            description=job.description or "",
        ),
    )


def status_history(rx: ReadTx, job_id: str) -> list[StatusChangeRow]:
    """The job's status changes in the order they were made."""
    rx.require(Permission.EMPLOYER_READ)
    rows = rx.session.scalars(
        select(JobStatusChange)
        .where(JobStatusChange.job_id == job_id, JobStatusChange.deleted.is_(False))
        .order_by(JobStatusChange.created_at, JobStatusChange.id)
    )
    return [
        StatusChangeRow(
            r.from_status, r.to_status, r.changed_on, r.reason or "", r.recorded_by or ""
        )
        for r in rows
    ]


def _today() -> date:
    return date.today()


def _employer(rx: ReadTx, employer_id: str) -> Employer:
    employer = rx.session.get(Employer, employer_id)
    if employer is None or employer.deleted:
        raise NotFoundError("the employer no longer exists", code="employer.gone")
    return employer


def _job(tx: WriteTx, job_id: str, expected_row_version: int) -> Job:
    job = tx.session.get(Job, job_id)
    if job is None or job.deleted:
        raise NotFoundError("the job no longer exists", code="job.gone")
    if job.row_version != expected_row_version:
        raise ConflictError("the job was changed by someone else meanwhile", code="job.conflict")
    return job


def _last_change_date(rx: ReadTx, job_id: str) -> date | None:
    return rx.session.scalar(
        select(JobStatusChange.changed_on)
        .where(JobStatusChange.job_id == job_id, JobStatusChange.deleted.is_(False))
        .order_by(JobStatusChange.changed_on.desc())
        .limit(1)
    )


def _record(
    tx: WriteTx, job: Job, old: JobStatus | None, new: JobStatus, on: date, reason: str
) -> None:
    tx.session.add(
        JobStatusChange(
            scope_id=CITY_SCOPE,
            job_id=job.id,
            from_status=old,
            to_status=new,
            changed_on=on,
            reason=reason or None,
            recorded_by=tx.actor.username,
        )
    )


def _apply(job: Job, data: JobInput) -> None:
    job.employer_id = data.employer_id
    job.title = data.title.strip()
    job.kind = data.kind
    job.headcount = data.headcount
    job.occupation_code = data.occupation_code or None
    job.salary_min_fen = data.salary_min_fen
    job.salary_max_fen = data.salary_max_fen
    job.age_min = data.age_min
    job.age_max = data.age_max
    job.education_min = data.education_min or None
    job.location = data.location.strip() or None
    job.latitude = data.latitude
    job.longitude = data.longitude
    job.valid_from = data.valid_from
    job.valid_to = data.valid_to
    job.description = data.description.strip() or None

"""The jobs' ledger (岗位台账): a row ⇄ `JobInput`, with the rules a job must meet to be saved.

A job is matched by its employer's credit code, its title and its publication date.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import ConflictError, NotFoundError, Problem
from station_app.ledgers.cells import CellValue, parse_count, parse_date, parse_yuan, yuan_of
from station_app.ledgers.kinds import same_cells
from station_app.ledgers.layouts import JOBS
from station_app.ledgers.row_reader import RowReader
from station_app.ledgers.vocabulary import enum_member, label, table_code
from station_app.models import CITY_SCOPE, Employer, Job, JobKind, JobStatus
from station_app.services import code_tables
from station_app.validation import normalize_credit_code

MAX_TITLE = 120
MAX_LOCATION = 200
AGE_RANGE = (16, 70)


@dataclass(frozen=True)
class JobInput:
    employer_credit_code: str
    title: str
    valid_from: date | None
    headcount: int | None
    kind: JobKind = JobKind.REGULAR
    occupation_code: str | None = None
    filled: int = 0
    salary_min_fen: int | None = None
    salary_max_fen: int | None = None
    age_min: int | None = None
    age_max: int | None = None
    education_min: str | None = None
    location: str = ""
    valid_to: date | None = None
    status: JobStatus = JobStatus.OPEN
    description: str = ""
    employer_name: str = ""  # shown, not stored: the employer is found by its credit code


def validate_job(data: JobInput, employer_id: str | None) -> list[Problem]:
    """Every problem of a job as an import (and any job form) must refuse it."""
    problems: list[Problem] = []

    def refuse(field: str, code: str, message: str, **params: str) -> None:
        problems.append(Problem(field, code, message, params))

    if employer_id is None:
        refuse(
            "employer_credit_code",
            "job.employer_unknown",
            "No employer is registered under this credit code; import the employer first.",
        )
    title = data.title.strip()
    if not title:
        refuse("title", "job.title_empty", "Enter the job's title.")
    elif len(title) > MAX_TITLE:
        refuse(
            "title", "job.title_too_long", f"At most {MAX_TITLE} characters.", max=str(MAX_TITLE)
        )
    if data.valid_from is None:
        refuse("valid_from", "job.valid_from", "Enter the date the job was published.")
    if data.headcount is None or data.headcount < 1:
        refuse("headcount", "job.headcount", "A job has at least one post.")
    elif not 0 <= data.filled <= data.headcount:
        refuse("filled", "job.filled", "More posts are filled than the job has.")
    low, high = data.salary_min_fen, data.salary_max_fen
    if low is not None and high is not None and low > high:
        refuse("salary_min", "job.salary_range", "The lowest pay is above the highest.")
    for field, age in (("age_min", data.age_min), ("age_max", data.age_max)):
        if age is not None and not AGE_RANGE[0] <= age <= AGE_RANGE[1]:
            refuse(field, "job.age", "Ages lie between {low} and {high}.", low="16", high="70")
    if data.age_min is not None and data.age_max is not None and data.age_min > data.age_max:
        refuse("age_min", "job.age_range", "The lowest age is above the highest.")
    if data.education_min is not None and data.education_min not in code_tables.education_levels():
        refuse("education_min", "resident.education", "Unknown education code.")
    if data.occupation_code is not None and data.occupation_code not in code_tables.occupations():
        refuse(
            "occupation_code",
            "resident.occupation",
            "Unknown occupation code.",
            codes=data.occupation_code,
        )
    if len(data.location.strip()) > MAX_LOCATION:
        refuse("location", "resident.address_too_long", "Too long.", max=str(MAX_LOCATION))
    if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
        refuse("valid_to", "job.valid_to", "The job ends before it is published.")
    return problems


class JobLedger:
    """Rows of jobs (shared city-wide), each under an employer registered by credit code."""

    layout = JOBS
    entity = "job"
    write_permission = Permission.EMPLOYER_WRITE
    fields: Mapping[str, str] = {f.name: f.name.removesuffix("_fen") for f in fields(JobInput)}

    def __init__(self, rx: ReadTx) -> None:
        rx.require(Permission.EMPLOYER_READ)
        rows = rx.session.execute(
            select(Employer.credit_code, Employer.id, Employer.name).where(
                Employer.deleted.is_(False)
            )
        ).all()
        self._employers = {row[0]: row[1] for row in rows}
        self._employer_names = {row[0]: row[2] for row in rows}

    def parse(self, r: RowReader) -> JobInput:
        return JobInput(
            employer_credit_code=normalize_credit_code(r.text("employer_credit_code")),
            employer_name=r.text("employer_name"),
            title=r.text("title"),
            valid_from=r.parsed("valid_from", parse_date, None),
            headcount=r.parsed("headcount", parse_count, None),
            kind=r.parsed("kind", lambda v: enum_member(JobKind, str(v)), JobKind.REGULAR),
            occupation_code=r.parsed(
                "occupation_code", lambda v: table_code(code_tables.occupations(), str(v)), None
            ),
            filled=r.parsed("filled", parse_count, None) or 0,
            salary_min_fen=r.parsed("salary_min", parse_yuan, None),
            salary_max_fen=r.parsed("salary_max", parse_yuan, None),
            age_min=r.parsed("age_min", parse_count, None),
            age_max=r.parsed("age_max", parse_count, None),
            education_min=r.parsed(
                "education_min",
                lambda v: table_code(code_tables.education_levels(), str(v)),
                None,
            ),
            location=r.text("location"),
            valid_to=r.parsed("valid_to", parse_date, None),
            status=r.parsed("status", lambda v: enum_member(JobStatus, str(v)), JobStatus.OPEN),
            description=r.text("description"),
        )

    def key_of(self, data: JobInput) -> str:
        if not (data.employer_credit_code and data.title and data.valid_from):
            return ""
        return _key(data.employer_credit_code, data.title, data.valid_from)

    def existing(self, rx: ReadTx) -> dict[str, tuple[str, int]]:
        rows = rx.session.execute(
            select(Employer.credit_code, Job.title, Job.valid_from, Job.id, Job.row_version)
            .join(Employer, Job.employer_id == Employer.id)
            .where(Job.deleted.is_(False))
        )
        return {_key(row[0], row[1], row[2]): (row[3], row[4]) for row in rows}

    def fetch(self, rx: ReadTx, record_id: str) -> JobInput:
        return _job_input(_load(rx, record_id))

    def check(self, data: JobInput, *, new: bool) -> list[Problem]:
        return validate_job(data, self._employers.get(data.employer_credit_code))

    def register_many(self, tx: WriteTx, batch: list[JobInput]) -> None:
        for data in batch:
            self.register(tx, data)

    def register(self, tx: WriteTx, data: JobInput) -> None:
        tx.require(Permission.EMPLOYER_WRITE)
        employer_id = self._saveable(data)
        job = Job(scope_id=CITY_SCOPE, employer_id=employer_id)
        _apply(job, data)
        tx.session.add(job)

    def update(self, tx: WriteTx, record_id: str, row_version: int, data: JobInput) -> None:
        tx.require(Permission.EMPLOYER_WRITE)
        employer_id = self._saveable(data)
        job = _load(tx, record_id)
        if job.row_version != row_version:
            raise ConflictError(
                "the job was changed by someone else meanwhile", code="job.conflict"
            )
        job.employer_id = employer_id
        _apply(job, data)

    def _saveable(self, data: JobInput) -> str:
        from station_app.errors import ValidationError

        employer_id = self._employers.get(data.employer_credit_code)
        problems = validate_job(data, employer_id)
        if problems or employer_id is None:
            raise ValidationError(problems)
        return employer_id

    def records(self, rx: ReadTx) -> Iterator[JobInput]:
        rx.require(Permission.EMPLOYER_READ)
        query = (
            select(Job)
            .where(Job.deleted.is_(False))
            .order_by(Job.valid_from, Job.title, Job.id)
            .execution_options(yield_per=2000)
        )
        for job in rx.session.scalars(query):
            yield _job_input(job)

    def cells(self, data: JobInput) -> dict[str, CellValue]:
        code = data.employer_credit_code
        return {
            "employer_credit_code": code,
            "employer_name": self._employer_names.get(code, data.employer_name),
            "title": data.title,
            "kind": label(data.kind),
            "occupation_code": data.occupation_code or "",
            "headcount": data.headcount,
            "filled": data.filled,
            "salary_min": yuan_of(data.salary_min_fen),
            "salary_max": yuan_of(data.salary_max_fen),
            "age_min": data.age_min,
            "age_max": data.age_max,
            "education_min": data.education_min or "",
            "location": data.location,
            "valid_from": data.valid_from,
            "valid_to": data.valid_to,
            "status": label(data.status),
            "description": data.description,
        }

    def same(self, old: JobInput, new: JobInput) -> bool:
        return same_cells(self, replace(new, employer_name=""), replace(old, employer_name=""))

    def merged(self, old: JobInput, new: JobInput, columns: set[str]) -> JobInput:
        changes = {name: getattr(new, name) for name, c in self.fields.items() if c in columns}
        return replace(old, **changes)


def _key(credit_code: str, title: str, valid_from: date) -> str:
    return f"{credit_code}|{title.strip()}|{valid_from.isoformat()}"


def _load(rx: ReadTx, job_id: str) -> Job:
    job = rx.session.get(Job, job_id)
    if job is None or job.deleted:
        raise NotFoundError("the job no longer exists", code="job.gone")
    return job


def _job_input(job: Job) -> JobInput:
    return JobInput(
        employer_credit_code=job.employer.credit_code,
        employer_name=job.employer.name,
        title=job.title,
        valid_from=job.valid_from,
        headcount=job.headcount,
        kind=job.kind,
        occupation_code=job.occupation_code,
        filled=job.filled,
        salary_min_fen=job.salary_min_fen,
        salary_max_fen=job.salary_max_fen,
        age_min=job.age_min,
        age_max=job.age_max,
        education_min=job.education_min,
        location=job.location or "",
        valid_to=job.valid_to,
        status=job.status,
        description=job.description or "",
    )


def _apply(job: Job, data: JobInput) -> None:
    assert data.valid_from is not None and data.headcount is not None
    job.title = data.title.strip()
    job.kind = data.kind
    job.occupation_code = data.occupation_code
    job.headcount = data.headcount
    job.filled = data.filled
    job.salary_min_fen = data.salary_min_fen
    job.salary_max_fen = data.salary_max_fen
    job.age_min = data.age_min
    job.age_max = data.age_max
    job.education_min = data.education_min
    job.location = data.location.strip() or None
    job.valid_from = data.valid_from
    job.valid_to = data.valid_to
    job.status = data.status
    job.description = data.description.strip() or None

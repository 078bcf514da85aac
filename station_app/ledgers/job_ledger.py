"""The jobs' ledger (岗位台账): a row ⇄ `JobRow`, checked and saved by services/jobs.py.

A job is matched by its employer's credit code, its title and its publication date. Its
status column moves the status as `jobs.change_job_status` allows (a final job is not
changed); the filled column is written by exports only: places are filled by placements.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import NotFoundError, Problem
from station_app.errors import ValidationError as InputError
from station_app.ledgers.cells import CellValue, parse_count, parse_date, parse_yuan, yuan_of
from station_app.ledgers.kinds import same_cells
from station_app.ledgers.layouts import JOBS
from station_app.ledgers.row_reader import RowReader
from station_app.ledgers.vocabulary import enum_member, label, table_code
from station_app.models import Employer, Job, JobKind, JobStatus
from station_app.services import code_tables, jobs
from station_app.validation import normalize_credit_code

IMPORT_REASON = "台账导入"  # the reason of a status change the import makes


@dataclass(frozen=True)
class JobRow:
    """A job as its ledger row says it."""

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


def row_problems(data: JobRow, employer_id: str | None) -> list[Problem]:
    """The service's rules for the row's job, and the ledger's own: a registered employer."""
    problems: list[Problem] = []
    if employer_id is None:
        problems.append(
            Problem(
                "employer_credit_code",
                "job.employer_unknown",
                "No employer is registered under this credit code; import the employer first.",
            )
        )
    if data.valid_from is None or data.headcount is None:
        return problems  # the required columns are reported by the import
    problems += jobs.validate_job(_service_input(data, employer_id or "-"))
    return problems


def _service_input(data: JobRow, employer_id: str) -> jobs.JobInput:
    assert data.valid_from is not None and data.headcount is not None
    return jobs.JobInput(
        employer_id=employer_id,
        title=data.title,
        kind=data.kind,
        headcount=data.headcount,
        valid_from=data.valid_from,
        occupation_code=data.occupation_code,
        salary_min_fen=data.salary_min_fen,
        salary_max_fen=data.salary_max_fen,
        age_min=data.age_min,
        age_max=data.age_max,
        education_min=data.education_min,
        location=data.location,
        valid_to=data.valid_to,
        description=data.description,
    )


class JobLedger:
    """Rows of jobs (shared city-wide), each under an employer registered by credit code."""

    layout = JOBS
    entity = "job"
    write_permission = Permission.EMPLOYER_WRITE
    fields: Mapping[str, str] = {
        **{f.name: f.name.removesuffix("_fen") for f in fields(JobRow) if f.name != "filled"},
        # The service's names of its problems' fields.
        "employer": "employer_credit_code",
        "occupation": "occupation_code",
        "education": "education_min",
    }

    def __init__(self, rx: ReadTx) -> None:
        rx.require(Permission.EMPLOYER_READ)
        self.checked: dict[int, Any] = {}  # nothing validated ahead: see `register_many`
        rows = rx.session.execute(
            select(Employer.credit_code, Employer.id, Employer.name).where(
                Employer.deleted.is_(False)
            )
        ).all()
        self._employers = {row[0]: row[1] for row in rows}
        self._employer_names = {row[0]: row[2] for row in rows}

    def parse(self, r: RowReader) -> JobRow:
        return JobRow(
            employer_credit_code=normalize_credit_code(r.text("employer_credit_code")),
            employer_name=r.text("employer_name"),
            title=r.text("title"),
            valid_from=r.parsed("valid_from", parse_date, None),
            headcount=r.parsed("headcount", parse_count, None),
            kind=r.parsed("kind", lambda v: enum_member(JobKind, str(v)), JobKind.REGULAR),
            occupation_code=r.parsed(
                "occupation_code", lambda v: table_code(code_tables.occupations(), str(v)), None
            ),
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

    def key_of(self, data: JobRow) -> str:
        if not (data.employer_credit_code and data.title and data.valid_from):
            return ""
        return _key(data.employer_credit_code, data.title, data.valid_from)

    def existing(self, rx: ReadTx, keys: Collection[str]) -> dict[str, tuple[str, int]]:
        """The registered records of these keys: (id, row version)."""
        rows = rx.session.execute(
            select(Employer.credit_code, Job.title, Job.valid_from, Job.id, Job.row_version)
            .join(Employer, Job.employer_id == Employer.id)
            .where(Job.deleted.is_(False))
        )
        found = {_key(row[0], row[1], row[2]): (row[3], row[4]) for row in rows}
        return {key: record for key, record in found.items() if key in keys}

    def fetch_many(self, rx: ReadTx, record_ids: Sequence[str]) -> dict[str, JobRow]:
        return {record_id: self.fetch(rx, record_id) for record_id in record_ids}

    def fetch(self, rx: ReadTx, record_id: str) -> JobRow:
        return _job_input(_load(rx, record_id))

    def check(self, data: JobRow, *, new: bool) -> list[Problem]:
        return row_problems(data, self._employers.get(data.employer_credit_code))

    def check_change(self, stored: JobRow, data: JobRow) -> list[Problem]:
        """A filled, closed or expired job is no longer changed (services/jobs.py)."""
        if jobs.allowed_moves(stored.status):
            return []
        return [Problem("status", "job.final", "A filled, closed or expired job is not edited.")]

    def register_many(self, tx: WriteTx, batch: list[JobRow], checked: Mapping[int, Any]) -> None:
        for data in batch:
            self._register(tx, data)

    def _register(self, tx: WriteTx, data: JobRow) -> None:
        job_id = jobs.register_job(tx, self._input(data))
        self._move(tx, job_id, JobStatus.OPEN, data.status)

    def _update(self, tx: WriteTx, record_id: str, row_version: int, data: JobRow) -> None:
        stored = _load(tx, record_id).status
        jobs.update_job(tx, record_id, row_version, self._input(data))
        self._move(tx, record_id, stored, data.status)

    def update_many(
        self, tx: WriteTx, edits: list[tuple[str, int, JobRow]], checked: Mapping[int, Any]
    ) -> None:
        for record_id, row_version, data in edits:
            self._update(tx, record_id, row_version, data)

    def _input(self, data: JobRow) -> jobs.JobInput:
        employer_id = self._employers.get(data.employer_credit_code)
        problems = row_problems(data, employer_id)
        if problems or employer_id is None:
            raise InputError(problems)
        return _service_input(data, employer_id)

    def _move(self, tx: WriteTx, job_id: str, old: JobStatus, new: JobStatus) -> None:
        """The row's status, where a worker may move it (expiry is the program's move)."""
        if new is not old and new in jobs.allowed_moves(old):
            version = _load(tx, job_id).row_version
            jobs.change_job_status(tx, job_id, version, new, on=date.today(), reason=IMPORT_REASON)

    def records(self, rx: ReadTx) -> Iterator[JobRow]:
        rx.require(Permission.EMPLOYER_READ)
        query = (
            select(Job)
            .where(Job.deleted.is_(False))
            .order_by(Job.valid_from, Job.title, Job.id)
            .execution_options(yield_per=2000)
        )
        for job in rx.session.scalars(query):
            yield _job_input(job)

    def cells(self, data: JobRow) -> dict[str, CellValue]:
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

    def same(self, old: JobRow, new: JobRow) -> bool:
        return same_cells(self, replace(new, employer_name=""), replace(old, employer_name=""))

    def merged(self, old: JobRow, new: JobRow, columns: Collection[str]) -> JobRow:
        changes = {
            name: getattr(new, name)
            for name, c in self.fields.items()
            if c in columns and hasattr(new, name)
        }
        return replace(old, **changes)


def _key(credit_code: str, title: str, valid_from: date) -> str:
    return f"{credit_code}|{title.strip()}|{valid_from.isoformat()}"


def _load(rx: ReadTx, job_id: str) -> Job:
    job = rx.session.get(Job, job_id)
    if job is None or job.deleted:
        raise NotFoundError("the job no longer exists", code="job.gone")
    return job


def _job_input(job: Job) -> JobRow:
    return JobRow(
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

"""Employers and jobs for the job ledger's tests."""

from __future__ import annotations

from datetime import date, timedelta

from station_app.core.station_session import StationSession
from station_app.models import EmployerType, JobKind
from station_app.services.employers import EmployerInput, register_employer
from station_app.services.jobs import JobInput, register_job
from station_app.validation import compute_credit_check_character

TODAY = date.today()


def credit_code(serial: int) -> str:
    body = f"91341282MA2N{serial:04d}B"
    return body + compute_credit_check_character(body)


def add_employer(
    station: StationSession,
    name: str = "界首市恒信食品有限公司",
    serial: int = 1,
    *,
    latitude: float | None = None,
    longitude: float | None = None,
    community_id: str | None = None,
) -> str:
    return station.perform(
        register_employer,
        EmployerInput(
            name=name,
            credit_code=credit_code(serial),
            employer_type=EmployerType.ENTERPRISE,
            latitude=latitude,
            longitude=longitude,
            community_id=community_id,
        ),
    )


def job_input(employer: str, **changes: object) -> JobInput:
    base = JobInput(
        employer_id=employer,
        title="普工",
        kind=JobKind.REGULAR,
        headcount=3,
        valid_from=TODAY - timedelta(days=10),
        valid_to=TODAY + timedelta(days=30),
        occupation_code="6-01",
        salary_min_fen=300_000,
        salary_max_fen=500_000,
    )
    return JobInput(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def add_job(station: StationSession, employer_id: str, **changes: object) -> str:
    return station.perform(register_job, job_input(employer_id, **changes))

"""Placing a resident in a job: one transaction, refused with the eligibility reason."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError
from station_app.models import (
    EmploymentStatus,
    EmploymentStatusChange,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
)
from station_app.services.job_eligibility import EligibilityError
from station_app.services.placements import place_resident
from station_app.services.residents import get_resident
from station_app.texts import Catalogue
from tests.services.recognition_helpers import add_job, add_resident, approved_recognition

DAY = date(2025, 6, 1)


def history_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(EmploymentStatusChange)) or 0


def job_state(db: Database, job_id: str) -> tuple[int, JobStatus]:
    with db.session() as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job.filled, job.status


def test_a_public_welfare_post_is_refused_to_someone_not_recognised(
    station: StationSession, db: Database
) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.PUBLIC_WELFARE)
    before = history_count(db)
    with pytest.raises(EligibilityError) as caught:
        station.perform(place_resident, resident_id, job_id, on_day=DAY)
    assert "就业困难人员" in Catalogue.load("zh_CN").error(caught.value)
    assert history_count(db) == before
    assert job_state(db, job_id) == (0, JobStatus.OPEN)


def test_placement_records_the_employer_and_fills_the_job(
    station: StationSession, db: Database
) -> None:
    first = add_resident(station, serial="012")
    second = add_resident(station, serial="032", key_groups=frozenset({KeyGroup.DISABLED}))
    for resident_id in (first, second):
        approved_recognition(station, resident_id)
    job_id = add_job(station, JobKind.PUBLIC_WELFARE, headcount=2)
    assert station.perform(place_resident, first, job_id, on_day=DAY) == (
        EmploymentStatus.PUBLIC_WELFARE
    )
    assert job_state(db, job_id) == (1, JobStatus.OPEN)
    detail = station.query(get_resident, first)
    assert detail.data.employment_status == EmploymentStatus.PUBLIC_WELFARE
    assert (detail.status_history[-1].status, detail.status_history[-1].since) == (
        EmploymentStatus.PUBLIC_WELFARE,
        DAY,
    )
    with db.session() as session:
        entry = session.scalars(
            select(EmploymentStatusChange)
            .where(EmploymentStatusChange.resident_id == first)
            .order_by(EmploymentStatusChange.since.desc())
        ).first()
        job = session.get(Job, job_id)
        assert entry is not None and job is not None
        assert entry.employer_id == job.employer_id
    station.perform(place_resident, second, job_id, on_day=DAY)
    assert job_state(db, job_id) == (2, JobStatus.FILLED)
    third = add_resident(station, serial="052")
    with pytest.raises(EligibilityError) as caught:
        station.perform(place_resident, third, job_id, on_day=DAY)
    assert caught.value.code == "placement.job_not_open"


def test_an_ordinary_job_employs_and_a_lapsed_one_is_refused(
    station: StationSession, db: Database
) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.REGULAR, valid_to=date(2025, 5, 31))
    with pytest.raises(EligibilityError) as caught:
        station.perform(place_resident, resident_id, job_id, on_day=DAY)
    assert caught.value.code == "placement.job_expired"
    other = add_job(station, JobKind.REGULAR, serial="2")
    assert station.perform(place_resident, resident_id, other, on_day=DAY) == (
        EmploymentStatus.EMPLOYED
    )
    with pytest.raises(NotFoundError):
        station.perform(place_resident, resident_id, "no-such-job", on_day=DAY)

"""Placing a resident in a job: one transaction, refused with the eligibility reason."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, ValidationError
from station_app.models import (
    EmploymentStatus,
    EmploymentStatusChange,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
)
from station_app.services.job_eligibility import EligibilityError
from station_app.services.placements import open_jobs, place_resident
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


def test_open_jobs_finds_by_title_or_employer_and_kind(station: StationSession) -> None:
    add_job(station, JobKind.PUBLIC_WELFARE, valid_to=None)
    add_job(station, JobKind.REGULAR, serial="2", valid_to=date(2025, 5, 31))
    assert [j.kind for j in station.query(open_jobs, "保洁", on_day=DAY)] == [
        JobKind.PUBLIC_WELFARE
    ]
    assert len(station.query(open_jobs, "保洁服务中心", on_day=date(2025, 5, 1))) == 2
    assert station.query(open_jobs, "", on_day=DAY, kind=JobKind.REGULAR) == ()


def test_the_school_leaving_day_is_kept_and_checked(station: StationSession) -> None:
    resident_id = add_resident(station, school_left_on=date(2023, 7, 1))
    assert station.query(get_resident, resident_id).data.school_left_on == date(2023, 7, 1)
    with pytest.raises(ValidationError) as caught:
        add_resident(station, serial="092", school_left_on=date.today() + timedelta(days=1))
    assert [p.code for p in caught.value.problems] == ["resident.school_left_future"]

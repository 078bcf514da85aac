"""The matching index through the sync: pulled jobs are indexed by the triggers, a pulled
status change takes a job out, the index itself never travels, job information arrives."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select, text

from station_app.database import Database
from station_app.models import (
    ChangeLogEntry,
    EmployerType,
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    ServiceChannel,
    ServiceKind,
    ServiceRecord,
)
from station_app.models.community import community_id_for
from station_app.services.employers import EmployerInput, register_employer
from station_app.services.jobs import JobInput, change_job_status, register_job
from station_app.services.matching import record_job_information
from station_app.services.residents import ResidentInput, register_resident
from station_app.validation.credit_code import compute_credit_check_character
from station_app.validation.id_number import compute_id_check_character
from tests.sync.sync_helpers import City

NORTH = "341282001001"
TODAY = date.today()


def indexed(db: Database) -> set[str]:
    with db.session() as session:
        query = "SELECT k.job_id FROM job_positions p JOIN job_positions_key k ON k.key = p.key"
        return set(session.scalars(text(query)))


def test_pulled_jobs_are_indexed_and_the_index_never_travels(tmp_path: Path) -> None:
    city = City(tmp_path)
    with city.client() as http:
        a = city.station(http, "a", NORTH)
        b = city.station(http, "b", NORTH)
        body = "91341282MA2N0000X"
        employer = a.session.perform(
            register_employer,
            EmployerInput(
                name="界首纺织有限公司",
                credit_code=body + compute_credit_check_character(body),
                employer_type=EmployerType.ENTERPRISE,
                latitude=33.26,
                longitude=115.37,
            ),
        )
        job = a.session.perform(
            register_job,
            JobInput(
                employer_id=employer,
                title="挡车工",
                kind=JobKind.REGULAR,
                headcount=2,
                valid_from=TODAY - timedelta(days=3),
                occupation_code="6-04-02-01",
            ),
        )
        id_body = "34128219900307001"
        resident = a.session.perform(
            register_resident,
            ResidentInput(
                id_number=id_body + compute_id_check_character(id_body),
                name="张伟",
                community_id=community_id_for(NORTH),
                employment_status=EmploymentStatus.UNEMPLOYED,
            ),
        )
        a.session.perform(
            record_job_information, resident, job, channel=ServiceChannel.PHONE, on_day=TODAY
        )
        a.sync()
        with a.db.session() as session:
            entities = set(session.scalars(select(ChangeLogEntry.entity)))
        assert not {e for e in entities if e.startswith("job_position")}
        b.sync()
        assert indexed(b.db) == {job}
        with b.db.session() as session:
            record = session.scalars(
                select(ServiceRecord).where(ServiceRecord.kind == ServiceKind.JOB_INFORMATION)
            ).one()
            assert record.job_id == job
        with a.db.session() as session:
            version = session.get(Job, job).row_version  # type: ignore[union-attr]
        a.session.perform(
            change_job_status, job, version, JobStatus.PAUSED, on=TODAY, reason="暂停招聘"
        )
        a.sync()
        b.sync()
        assert indexed(b.db) == set()

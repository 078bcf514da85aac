"""The daily housekeeping expires lapsed jobs and recognitions, for a role that may write."""

from __future__ import annotations

from datetime import timedelta

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import JobStatus, KeyGroup, RecognitionState, UserRole
from station_app.services import recognition as rec
from station_app.services.housekeeping import HousekeepingDone, run_daily_housekeeping
from station_app.services.jobs import get_job
from station_app.services.residents import get_resident
from tests.conftest import SessionAs
from tests.services import job_helpers
from tests.services.recognition_helpers import add_resident, approved_recognition


def _lapsed_job_and_approval(station: StationSession) -> tuple[str, str, str]:
    """A job whose last day has passed and an approval whose validity ended before TODAY."""
    employer = job_helpers.add_employer(station)
    job_id = job_helpers.add_job(station, employer, valid_to=job_helpers.TODAY - timedelta(days=1))
    resident_id = add_resident(station)
    applied_on = job_helpers.TODAY - timedelta(days=4 * 366)
    return job_id, resident_id, approved_recognition(station, resident_id, applied_on)


def test_expires_lapsed_jobs_and_approvals_once(station: StationSession) -> None:
    job_id, resident_id, rid = _lapsed_job_and_approval(station)
    today = job_helpers.TODAY
    assert station.perform(run_daily_housekeeping, today) == HousekeepingDone(1, 1)
    assert station.query(get_job, job_id)[1] is JobStatus.EXPIRED
    assert station.query(rec.get_recognition, rid).state is RecognitionState.EXPIRED
    groups = station.query(get_resident, resident_id).data.key_groups
    assert KeyGroup.HARD_TO_EMPLOY not in groups
    assert station.perform(run_daily_housekeeping, today) == HousekeepingDone(0, 0)


def test_a_read_only_role_expires_nothing(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    _job_id, _resident_id, rid = _lapsed_job_and_approval(station)
    inspector = session_as(db, UserRole.INSPECTOR)
    done = inspector.perform(run_daily_housekeeping, job_helpers.TODAY)
    assert done == HousekeepingDone(0, 0)
    assert station.query(rec.get_recognition, rid).state is RecognitionState.APPROVED

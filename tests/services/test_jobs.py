"""Jobs: registration's rules, edits, and a status that moves forward only, every move dated."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from station_app.core.station_session import StationSession, WriteTx
from station_app.database import Database
from station_app.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from station_app.models import ChangeLogEntry, Job, JobStatus, JobStatusChange, UserRole
from station_app.services.jobs import (
    EXPIRY_REASON,
    FILLED_REASON,
    TRANSITIONS,
    JobStatusError,
    allowed_moves,
    change_job_status,
    expire_due_jobs,
    get_job,
    record_filled,
    register_job,
    status_history,
    update_job,
)
from tests.conftest import SessionAs
from tests.services.job_helpers import TODAY, add_employer, add_job, job_input

FINAL = {JobStatus.FILLED, JobStatus.CLOSED, JobStatus.EXPIRED}


def _count(db: Database, model: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _codes(error: ValidationError) -> set[str]:
    return {p.code for p in error.problems}


def test_register_opens_the_job_and_dates_its_first_status(station: StationSession) -> None:
    employer = add_employer(station)
    job_id = add_job(station, employer, title=" 包装工 ")
    version, status, data = station.query(get_job, job_id)
    assert (version, status, data.title) == (1, JobStatus.OPEN, "包装工")
    history = station.query(status_history, job_id)
    assert [(h.from_status, h.to_status, h.changed_on) for h in history] == [
        (None, JobStatus.OPEN, TODAY)
    ]
    assert history[0].recorded_by == station.actor.username


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": "  "}, "job.title_empty"),
        ({"title": "工" * 121}, "job.title_too_long"),
        ({"employer_id": ""}, "job.employer"),
        ({"headcount": 0}, "job.headcount"),
        ({"salary_min_fen": 600_000, "salary_max_fen": 500_000}, "job.salary_order"),
        ({"salary_min_fen": -1}, "job.salary"),
        ({"age_min": 15}, "job.age"),
        ({"age_min": 40, "age_max": 30}, "job.age_order"),
        ({"occupation_code": "9-99-99"}, "job.occupation"),
        ({"education_min": "xx"}, "job.education"),
        ({"latitude": 33.2}, "job.coordinates"),
        ({"latitude": 95.0, "longitude": 115.0}, "job.coordinates_range"),
        ({"valid_to": TODAY - timedelta(days=11)}, "job.valid_to"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    station: StationSession, db: Database, changes: dict[str, object], code: str
) -> None:
    employer = add_employer(station)
    with pytest.raises(ValidationError) as caught:
        station.perform(register_job, job_input(employer, **changes))
    assert code in _codes(caught.value)
    assert _count(db, Job) == 0 and _count(db, JobStatusChange) == 0


def test_a_valid_to_on_the_first_day_and_equal_salaries_are_fine(station: StationSession) -> None:
    employer = add_employer(station)
    add_job(
        station,
        employer,
        valid_to=TODAY - timedelta(days=10),
        salary_min_fen=400_000,
        salary_max_fen=400_000,
    )


def test_the_employer_must_exist(station: StationSession) -> None:
    with pytest.raises(NotFoundError) as caught:
        station.perform(register_job, job_input("no-such-employer"))
    assert caught.value.code == "employer.gone"


def test_a_read_only_role_may_not_register(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    employer = add_employer(station)
    inspector = session_as(db, UserRole.INSPECTOR)
    with pytest.raises(PermissionDeniedError):
        inspector.perform(register_job, job_input(employer))


def test_update_changes_fields_and_checks_the_version(station: StationSession) -> None:
    employer = add_employer(station)
    job_id = add_job(station, employer)
    station.perform(update_job, job_id, 1, job_input(employer, title="叉车工", headcount=5))
    version, _, data = station.query(get_job, job_id)
    assert (version, data.title, data.headcount) == (2, "叉车工", 5)
    with pytest.raises(ConflictError):
        station.perform(update_job, job_id, 1, job_input(employer, title="旧的"))
    assert station.query(get_job, job_id)[2].title == "叉车工"


def test_a_final_job_is_not_edited(station: StationSession) -> None:
    employer = add_employer(station)
    job_id = add_job(station, employer)
    station.perform(change_job_status, job_id, 1, JobStatus.CLOSED, on=TODAY, reason="不招了")
    with pytest.raises(JobStatusError) as caught:
        station.perform(update_job, job_id, 2, job_input(employer))
    assert caught.value.code == "job.final"


def test_each_change_is_dated_with_its_reason(station: StationSession, db: Database) -> None:
    employer = add_employer(station)
    job_id = add_job(station, employer)
    station.perform(change_job_status, job_id, 1, JobStatus.PAUSED, on=TODAY, reason="停产")
    station.perform(change_job_status, job_id, 2, JobStatus.OPEN, on=TODAY, reason="复产")
    station.perform(change_job_status, job_id, 3, JobStatus.FILLED, on=TODAY, reason="招满")
    history = station.query(status_history, job_id)
    assert [(h.from_status, h.to_status, h.reason) for h in history] == [
        (None, JobStatus.OPEN, ""),
        (JobStatus.OPEN, JobStatus.PAUSED, "停产"),
        (JobStatus.PAUSED, JobStatus.OPEN, "复产"),
        (JobStatus.OPEN, JobStatus.FILLED, "招满"),
    ]
    assert {h.changed_on for h in history} == {TODAY}
    with db.session() as session:
        entities = set(session.scalars(select(ChangeLogEntry.entity)))
    assert "job_status_change" in entities  # synced with the city


@pytest.mark.parametrize(
    ("on", "reason", "code"),
    [
        (TODAY + timedelta(days=1), "原因", "job.change_future"),
        (TODAY, "  ", "job.reason_empty"),
        (TODAY, "因" * 201, "job.reason_too_long"),
        (TODAY - timedelta(days=1), "原因", "job.change_before_last"),
    ],
)
def test_a_change_needs_a_reason_and_a_sensible_date(
    station: StationSession, on: date, reason: str, code: str
) -> None:
    employer = add_employer(station)
    job_id = add_job(station, employer)  # its first change is dated today
    with pytest.raises(ValidationError) as caught:
        station.perform(change_job_status, job_id, 1, JobStatus.PAUSED, on=on, reason=reason)
    assert code in _codes(caught.value)
    assert station.query(get_job, job_id)[1] is JobStatus.OPEN


def test_expiry_is_not_a_hand_move(station: StationSession) -> None:
    employer = add_employer(station)
    job_id = add_job(station, employer)
    with pytest.raises(JobStatusError):
        station.perform(change_job_status, job_id, 1, JobStatus.EXPIRED, on=TODAY, reason="x")


def test_expire_due_jobs_expires_live_jobs_past_their_last_day(
    station: StationSession, db: Database
) -> None:
    employer = add_employer(station)
    last_day = TODAY - timedelta(days=3)
    due = add_job(station, employer, valid_to=last_day)
    with db.session() as session, session.begin():  # registered before its last day
        session.execute(update(JobStatusChange).values(changed_on=last_day - timedelta(days=5)))
    paused_due = add_job(station, employer, valid_to=last_day)
    station.perform(change_job_status, paused_due, 1, JobStatus.PAUSED, on=TODAY, reason="暂停")
    current = add_job(station, employer, valid_to=TODAY)
    endless = add_job(station, employer, valid_to=None)
    closed = add_job(station, employer, valid_to=last_day)
    station.perform(change_job_status, closed, 1, JobStatus.CLOSED, on=TODAY, reason="关闭")
    assert station.perform(expire_due_jobs, TODAY) == 2
    statuses = {j: station.query(get_job, j)[1] for j in (due, paused_due, current, endless)}
    assert statuses == {
        due: JobStatus.EXPIRED,
        paused_due: JobStatus.EXPIRED,
        current: JobStatus.OPEN,
        endless: JobStatus.OPEN,
    }
    assert station.query(get_job, closed)[1] is JobStatus.CLOSED
    last = station.query(status_history, due)[-1]
    assert (last.to_status, last.changed_on, last.reason) == (
        JobStatus.EXPIRED,
        last_day + timedelta(days=1),
        EXPIRY_REASON,
    )
    assert station.perform(expire_due_jobs, TODAY) == 0  # done once
    # Registered after its last day: expired on the day it was registered.
    assert station.query(status_history, paused_due)[-1].changed_on == TODAY


def test_a_read_only_role_expires_nothing(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    employer = add_employer(station)
    add_job(station, employer, valid_to=TODAY - timedelta(days=1))
    assert session_as(db, UserRole.INSPECTOR).perform(expire_due_jobs, TODAY) == 0


def test_the_table_moves_forward_only() -> None:
    for status in FINAL:
        assert TRANSITIONS[status] == frozenset()
    rank = {JobStatus.OPEN: 0, JobStatus.PAUSED: 0, JobStatus.FILLED: 1}
    for old, targets in TRANSITIONS.items():
        for new in targets:
            assert rank.get(new, 2) >= rank.get(old, 2)
    assert JobStatus.EXPIRED not in allowed_moves(JobStatus.OPEN)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(moves=st.lists(st.sampled_from(list(JobStatus)), max_size=6))
def test_any_sequence_of_moves_follows_the_table(
    station: StationSession, moves: list[JobStatus]
) -> None:
    employer = station.query(lambda rx: rx.session.scalar(select(Job.employer_id).limit(1)))
    employer = employer or add_employer(station)
    job_id = add_job(station, employer)
    expected = JobStatus.OPEN
    for move in moves:
        version, status, _ = station.query(get_job, job_id)
        assert status is expected
        if move in allowed_moves(expected):
            station.perform(change_job_status, job_id, version, move, on=TODAY, reason="变更")
            expected = move
        else:
            with pytest.raises(JobStatusError):
                station.perform(change_job_status, job_id, version, move, on=TODAY, reason="r")
    history = station.query(status_history, job_id)
    assert history[-1].to_status is expected
    assert all(h.from_status is p.to_status for p, h in itertools.pairwise(history))


def test_a_job_filled_by_placements_is_dated(station: StationSession) -> None:
    employer = add_employer(station)
    job_id = add_job(station, employer)

    def fill(tx: WriteTx) -> None:
        job = tx.session.get(Job, job_id)
        assert job is not None
        record_filled(tx, job, TODAY)
        record_filled(tx, job, TODAY)  # once only

    station.perform(fill)
    history = station.query(status_history, job_id)
    assert [(h.to_status, h.reason) for h in history] == [
        (JobStatus.OPEN, ""),
        (JobStatus.FILLED, FILLED_REASON),
    ]

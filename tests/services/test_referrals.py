"""Referrals: who may be referred where, serials without gaps, outcomes, "hired" atomically."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from station_app.core.station_session import StationSession
from station_app.database import Database, open_database
from station_app.errors import DuplicateError, PermissionDeniedError, ValidationError
from station_app.models import (
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
    Referral,
    ReferralStatus,
    ServiceKind,
    ServiceRecord,
    UserRole,
)
from station_app.services import referrals as referral_service
from station_app.services.job_eligibility import EligibilityError
from station_app.services.migrant_bundle import bundle_state
from station_app.services.placements import open_jobs
from station_app.services.referral_codes import SlipKey, SlipKeys, is_genuine
from station_app.services.referrals import (
    OutcomeInput,
    create_referral,
    get_referral,
    overdue_referrals,
    record_outcome,
    referrals_of,
    set_overdue_days,
)
from station_app.services.residents import get_resident
from station_app.services.today import today_overview
from tests.conftest import SessionAs
from tests.services.recognition_helpers import add_job, add_resident

KEYS = SlipKeys(SlipKey("3f2a9c41-0000-4000-8000-000000000001", "the station secret", False))
DAY = date(2025, 3, 2)


def refer(station: StationSession, resident_id: str, job_id: str, day: date = DAY) -> str:
    return station.perform(create_referral, resident_id, job_id, keys=KEYS, on_day=day).id


def outcome(status: ReferralStatus, on: date, note: str = "") -> OutcomeInput:
    return OutcomeInput(status, on, note)


def job_row(db: Database, job_id: str) -> tuple[int, JobStatus]:
    with db.session() as session:
        job = session.get(Job, job_id)
        assert job is not None
        return job.filled, job.status


def test_a_referral_gets_the_next_serial_with_a_genuine_check_code_and_counts_as_an_offer(
    station: StationSession, db: Database
) -> None:
    resident_id = add_resident(station, key_groups=frozenset({KeyGroup.MIGRANT_WORKER}))
    job_id = add_job(station, JobKind.REGULAR)
    created = station.perform(create_referral, resident_id, job_id, keys=KEYS, on_day=DAY)
    assert created.serial == "3F2A9C41-2025-000001"
    assert is_genuine("the station secret", created.serial, created.check_code)
    assert not is_genuine("another secret", created.serial, created.check_code)
    (row,) = station.query(referrals_of, resident_id)
    assert (row.serial, row.status, row.referred_on) == (
        created.serial,
        ReferralStatus.REFERRED,
        DAY,
    )
    assert row.job_title == "社区保洁员" and row.employer_name.startswith("界首市保洁服务中心")
    with db.session() as session:
        offers = session.scalars(
            select(ServiceRecord.summary).where(
                ServiceRecord.kind == ServiceKind.JOB_RECOMMENDATION
            )
        ).all()
    assert len(offers) == 1 and created.serial in (offers[0] or "")
    bundle = station.query(bundle_state, resident_id, today=DAY)
    assert [part.done for part in bundle.parts if part.part.code == "job_offers"] == [1]


def test_serials_run_on_without_gaps_across_restarts_and_start_again_each_year(
    station_db: tuple[Database, StationSession], data_dir: object
) -> None:
    db, station = station_db
    job_id = add_job(station, JobKind.REGULAR, headcount=9)
    people = [add_resident(station, serial=f"0{n}2") for n in range(1, 5)]
    first = [refer(station, person, job_id) for person in people[:2]]
    path = db.path
    db.close()
    reopened = open_database(path)
    try:
        again = StationSession(reopened, station.actor, station.station, scope=station.scope)
        later = refer(again, people[2], job_id)
        next_year = refer(again, people[3], job_id, date(2026, 1, 5))
        with reopened.session() as session:
            serials = {r.id: r.slip_number for r in session.scalars(select(Referral))}
    finally:
        reopened.close()
    assert [serials[i] for i in (*first, later)] == [f"3F2A9C41-2025-00000{n}" for n in (1, 2, 3)]
    assert serials[next_year] == "3F2A9C41-2026-000001"


def test_a_referral_that_fails_after_its_number_gives_the_number_back(
    station: StationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.REGULAR)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(referral_service, "record_contact", broken)
        with pytest.raises(RuntimeError):
            refer(station, resident_id, job_id)
    referral_id = refer(station, resident_id, job_id)
    assert station.query(get_referral, referral_id).serial == "3F2A9C41-2025-000001"


def test_refused_referrals_closed_full_jobs_duplicates_and_a_reader(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.REGULAR)
    refer(station, resident_id, job_id)
    with pytest.raises(DuplicateError) as caught:
        refer(station, resident_id, job_id)
    assert caught.value.code == "referral.duplicate"
    old = add_job(station, JobKind.REGULAR, valid_to=DAY - timedelta(days=1), serial="3")
    with pytest.raises(EligibilityError) as expired:
        refer(station, resident_id, old)
    assert expired.value.code == "placement.job_expired"
    inspector = session_as(db, UserRole.INSPECTOR)
    with pytest.raises(PermissionDeniedError):
        inspector.perform(create_referral, resident_id, job_id, keys=KEYS, on_day=DAY)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Referral)) == 1


def test_outcomes_move_forward_and_nothing_follows_a_final_one(station: StationSession) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.REGULAR)
    referral_id = refer(station, resident_id, job_id)
    with pytest.raises(ValidationError) as early:
        station.perform(
            record_outcome,
            referral_id,
            outcome(ReferralStatus.INTERVIEWED, DAY - timedelta(days=1)),
        )
    assert [p.code for p in early.value.problems] == ["referral.before_last"]
    interview = DAY + timedelta(days=3)
    station.perform(record_outcome, referral_id, outcome(ReferralStatus.INTERVIEWED, interview))
    with pytest.raises(ValidationError) as no_show:
        station.perform(record_outcome, referral_id, outcome(ReferralStatus.NO_SHOW, interview))
    assert [p.code for p in no_show.value.problems] == ["referral.not_after"]
    station.perform(
        record_outcome, referral_id, outcome(ReferralStatus.REJECTED, interview, " 经验不足 ")
    )
    row = station.query(get_referral, referral_id)
    assert (row.status, row.outcome_on, row.note) == (
        ReferralStatus.REJECTED,
        interview,
        "经验不足",
    )
    with pytest.raises(ValidationError) as final:
        station.perform(record_outcome, referral_id, outcome(ReferralStatus.HIRED, interview))
    assert [p.code for p in final.value.problems] == ["referral.final"]
    with pytest.raises(ValidationError) as future:
        station.perform(
            record_outcome,
            refer(station, resident_id, job_id),
            outcome(ReferralStatus.WITHDRAWN, date.today() + timedelta(days=1)),
        )
    assert [p.code for p in future.value.problems] == ["referral.future"]


def test_hired_places_the_resident_and_fills_the_job_and_it_stops_being_open(
    station: StationSession, db: Database
) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.REGULAR, headcount=1)
    referral_id = refer(station, resident_id, job_id)
    hired_on = DAY + timedelta(days=5)
    station.perform(record_outcome, referral_id, outcome(ReferralStatus.HIRED, hired_on))
    assert job_row(db, job_id) == (1, JobStatus.FILLED)
    detail = station.query(get_resident, resident_id)
    assert detail.data.employment_status == EmploymentStatus.EMPLOYED
    assert detail.status_history[-1].since == hired_on
    assert job_id not in {j.id for j in station.query(open_jobs, "", on_day=hired_on)}
    other = add_resident(station, serial="032")
    with pytest.raises(EligibilityError) as full:
        refer(station, other, job_id, hired_on)
    assert full.value.code == "placement.job_not_open"


def test_hired_when_the_job_is_full_records_neither_status_nor_outcome(
    station: StationSession, db: Database
) -> None:
    first, second = add_resident(station), add_resident(station, serial="032")
    job_id = add_job(station, JobKind.REGULAR, headcount=1)
    referrals = [refer(station, person, job_id) for person in (first, second)]
    station.perform(record_outcome, referrals[0], outcome(ReferralStatus.HIRED, DAY))
    with pytest.raises(EligibilityError):
        station.perform(record_outcome, referrals[1], outcome(ReferralStatus.HIRED, DAY))
    assert station.query(get_referral, referrals[1]).status is ReferralStatus.REFERRED
    assert station.query(get_resident, second).data.employment_status == EmploymentStatus.UNEMPLOYED
    assert job_row(db, job_id) == (1, JobStatus.FILLED)


def test_hired_whose_outcome_fails_to_save_leaves_the_placement_undone(
    station: StationSession, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.REGULAR, headcount=1)
    referral_id = refer(station, resident_id, job_id)

    def broken(*_args: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(referral_service, "_close_step", broken)
    with pytest.raises(RuntimeError):
        station.perform(record_outcome, referral_id, outcome(ReferralStatus.HIRED, DAY))
    assert job_row(db, job_id) == (0, JobStatus.OPEN)
    assert station.query(get_resident, resident_id).data.employment_status == (
        EmploymentStatus.UNEMPLOYED
    )
    assert station.query(get_referral, referral_id).status is ReferralStatus.REFERRED


def test_referrals_waiting_too_long_for_an_outcome_are_on_the_home_page(
    station: StationSession,
) -> None:
    job_id = add_job(station, JobKind.REGULAR, headcount=9)
    today = DAY + timedelta(days=20)
    old, interviewed, recent, closed = (add_resident(station, serial=f"0{n}2") for n in range(4))
    waiting = refer(station, old, job_id, DAY)
    seen = refer(station, interviewed, job_id, DAY)
    station.perform(
        record_outcome, seen, outcome(ReferralStatus.INTERVIEWED, today - timedelta(days=3))
    )
    fresh = refer(station, recent, job_id, today - timedelta(days=5))
    done = refer(station, closed, job_id, DAY)
    station.perform(record_outcome, done, outcome(ReferralStatus.NO_SHOW, DAY + timedelta(days=2)))
    overview = station.query(today_overview, today)
    assert overview.referrals is not None
    assert (overview.referrals.days, overview.referrals.total) == (14, 1)
    assert [r.id for r in overview.referrals.items] == [waiting]
    station.perform(set_overdue_days, 2)
    late = station.query(overdue_referrals, today)
    assert late.days == 2 and [r.id for r in late.items] == [waiting, fresh, seen]
    with pytest.raises(ValidationError):
        station.perform(set_overdue_days, 0)

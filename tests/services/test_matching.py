"""Matching residents and jobs: ranking and reasons, eligibility, the radius, the call list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from station_app.core.station_session import Scope, StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, PermissionDeniedError, ValidationError
from station_app.models import (
    CITY_SCOPE,
    Community,
    Employer,
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
    Resident,
    ServiceChannel,
    ServiceKind,
    ServiceRecord,
    Sex,
    UserRole,
)
from station_app.services.job_eligibility import EligibilityError
from station_app.services.jobs import change_job_status
from station_app.services.matching import (
    DEFAULT_RADIUS_KM,
    MatchOptions,
    call_list,
    match_jobs,
    match_radius_km,
    match_residents,
    reasons_text,
    record_job_information,
    set_match_radius_km,
)
from station_app.services.migrant_bundle import bundle_state
from station_app.services.placements import place_resident
from station_app.services.resident_profile import load_profile
from station_app.texts import Catalogue
from tests.conftest import SessionAs
from tests.services.job_helpers import TODAY
from tests.services.match_helpers import job_at, north, resident
from tests.services.recognition_helpers import approved_recognition


def ids(matches: tuple[object, ...]) -> list[str]:
    return [getattr(m, "job_id", None) or m.resident_id for m in matches]


def codes(match: object) -> list[str]:
    return [r.code for r in match.reasons]


def test_jobs_are_ranked_by_fit_with_reasons_and_none_beyond_the_radius(
    station: StationSession,
) -> None:
    me = resident(station, 1)
    same = job_at(station, 0.5, 1)
    group = job_at(station, 1.0, 2, occupation_code="4-01-02-03")
    field = job_at(station, 1.5, 3, occupation_code="4-02-01-01")
    other = job_at(station, 0.2, 4, occupation_code="6-01-01-01", salary_max_fen=350_000)
    far = job_at(station, 4.0, 5)
    with station.read() as rx:
        found = match_jobs(rx, me, today=TODAY)
    assert ids(found) == [same, group, field, other]
    assert far not in ids(found)
    first = found[0]
    assert codes(first)[:4] == ["distance", "seeking_work", "same_occupation", "salary_fits"]
    assert first.reasons[0].params == {"km": "0.5"}
    assert first.distance_km == pytest.approx(0.5, abs=1e-3)
    assert first.places_left == 3 and first.employer_name == "界首市测试企业1"
    assert "same_small_class" in codes(found[1])
    assert "same_major_class" in codes(found[2])
    assert not {"same_occupation", "salary_fits"} & set(codes(found[3]))
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    texts = Catalogue.load("zh_CN")
    assert reasons_text(texts, first.reasons).startswith("0.5 km · 正在求职 · 同职业 · 薪资符合")


def test_beyond_the_radius_the_nearest_follow_when_asked(station: StationSession) -> None:
    me = resident(station, 1)
    near = job_at(station, 1.0, 1, occupation_code="6-01-01-01")
    farther = job_at(station, 9.0, 2)
    far = job_at(station, 5.0, 3, occupation_code="6-01-01-01")
    options = MatchOptions(within_radius_only=False)
    with station.read() as rx:
        found = match_jobs(rx, me, options, today=TODAY)
        limited = match_jobs(rx, me, MatchOptions(within_radius_only=False, limit=2), today=TODAY)
    assert ids(found) == [near, far, farther]
    assert codes(found[1])[:2] == ["distance", "beyond_radius"]
    assert ids(limited) == [near, far]


def test_kinds_filter_the_matches(station: StationSession) -> None:
    me = resident(station, 1)
    regular = job_at(station, 0.5, 1)
    flexible = job_at(station, 0.6, 2, kind=JobKind.FLEXIBLE)
    with station.read() as rx:
        only = match_jobs(rx, me, MatchOptions(kinds=frozenset({JobKind.FLEXIBLE})), today=TODAY)
        every = match_jobs(rx, me, today=TODAY)
    assert ids(only) == [flexible]
    assert set(ids(every)) == {regular, flexible}


def test_public_welfare_posts_only_for_a_recognised_resident(station: StationSession) -> None:
    plain = resident(station, 1, birth="19700505", key_groups=frozenset({KeyGroup.HARD_TO_EMPLOY}))
    recognised = resident(station, 2, birth="19700505")
    approved_recognition(station, recognised, applied_on=TODAY - timedelta(days=30))
    post = job_at(station, 0.5, 1, kind=JobKind.PUBLIC_WELFARE)
    with station.read() as rx:
        assert post not in ids(match_jobs(rx, plain, today=TODAY))
        (found,) = match_jobs(rx, recognised, today=TODAY)
    assert found.job_id == post and "public_welfare_eligible" in codes(found)
    with station.read() as rx:
        told = ids(match_residents(rx, post, today=TODAY))
    assert told == [recognised]


def test_traineeships_never_for_a_45_year_old(station: StationSession) -> None:
    born = TODAY.year - 45
    older = resident(station, 1, birth=f"{born}0101")
    young = resident(station, 2, birth=f"{TODAY.year - 22}0101")
    post = job_at(station, 0.5, 1, kind=JobKind.TRAINEESHIP)
    with station.read() as rx:
        assert match_jobs(rx, older, today=TODAY) == ()
        (found,) = match_jobs(rx, young, today=TODAY)
        assert ids(match_residents(rx, post, today=TODAY)) == [young]
    assert "traineeship_eligible" in codes(found)


def test_age_limits_and_education_minimum_hold(station: StationSession) -> None:
    me = resident(station, 1, birth="19800101", education="40")  # 中职
    graduate = resident(station, 2, birth="19800101", education="20")  # 本科
    unknown = resident(station, 3, birth="19800101", education=None)
    young_only = job_at(station, 0.5, 1, age_max=35)
    degree = job_at(station, 0.6, 2, education_min="20")
    with station.read() as rx:
        assert ids(match_jobs(rx, me, today=TODAY)) == []
        (found,) = match_jobs(rx, graduate, today=TODAY)
        assert ids(match_jobs(rx, unknown, today=TODAY)) == [degree]
        assert set(ids(match_residents(rx, degree, today=TODAY))) == {graduate, unknown}
        assert match_residents(rx, young_only, today=TODAY) == ()
    assert found.job_id == degree and "education_fits" in codes(found)


def test_a_job_whose_headcount_is_reached_stops_appearing(station: StationSession) -> None:
    me = resident(station, 1)
    hired = resident(station, 2)
    job = job_at(station, 0.5, 1, headcount=1)
    with station.read() as rx:
        assert ids(match_jobs(rx, me, today=TODAY)) == [job]
    station.perform(place_resident, hired, job, on_day=TODAY)
    with station.read() as rx:
        assert match_jobs(rx, me, today=TODAY) == ()
        assert match_residents(rx, job, today=TODAY) == ()


def test_closed_expired_and_moved_jobs_leave_the_index(
    station: StationSession, db: Database
) -> None:
    me = resident(station, 1)
    closed = job_at(station, 0.5, 1)
    ended = job_at(station, 0.6, 2, valid_to=TODAY - timedelta(days=1))
    moved = job_at(station, 0.7, 3)
    own_place = job_at(station, 0.8, 4, latitude=north(1.0)[0], longitude=north(1.0)[1])
    with station.read() as rx:
        job = rx.session.get(Job, closed)
        assert job is not None
        version = job.row_version
        assert set(ids(match_jobs(rx, me, today=TODAY))) == {closed, moved, own_place}
    station.perform(change_job_status, closed, version, JobStatus.CLOSED, on=TODAY, reason="招满")
    with db.session() as session, session.begin():
        # The employers move far away; the job with its own coordinates stays where it is.
        for employer in session.scalars(select(Employer)):
            employer.latitude = north(30.0)[0]
    with station.read() as rx:
        assert ids(match_jobs(rx, me, today=TODAY)) == [own_place]
    assert ended


def test_a_resident_of_a_community_without_a_position_has_no_matches(
    station: StationSession, db: Database
) -> None:
    me = resident(station, 1)
    job_at(station, 0.5, 1)
    with db.session() as session, session.begin():
        community = session.get(Community, station.actor.scope_id)
        assert community is not None
        community.latitude = None
    with station.read() as rx:
        assert match_jobs(rx, me, today=TODAY) == ()


def test_the_radius_is_a_station_setting(station: StationSession, db: Database) -> None:
    me = resident(station, 1)
    at_four = job_at(station, 4.0, 1)
    with station.read() as rx:
        assert match_radius_km(rx) == DEFAULT_RADIUS_KM == 3.0
        assert match_jobs(rx, me, today=TODAY) == ()
        assert ids(match_jobs(rx, me, MatchOptions(radius_km=5), today=TODAY)) == [at_four]
    station.perform(set_match_radius_km, 5.0)
    with station.read() as rx:
        assert match_radius_km(rx) == 5.0
        assert ids(match_jobs(rx, me, today=TODAY)) == [at_four]
    for bad in (0.0, -1.0, 51.0, float("nan"), float("inf")):
        with pytest.raises(ValidationError) as refused:
            station.perform(set_match_radius_km, bad)
        assert [p.code for p in refused.value.problems] == ["match.radius"]
    with station.read() as rx:
        assert match_radius_km(rx) == 5.0


def test_only_an_administrator_sets_the_radius(db: Database, session_as: SessionAs) -> None:
    worker = session_as(db, UserRole.WORKER)
    with pytest.raises(PermissionDeniedError):
        worker.perform(set_match_radius_km, 4.0)


def test_a_jobs_residents_live_nearby_in_the_scope_without_work_seekers_first(
    station: StationSession, db: Database
) -> None:
    job = job_at(station, 0.5, 1)
    seeker = resident(station, 1)
    resting = resident(station, 2, status=EmploymentStatus.NOT_SEEKING)
    resident(station, 3, status=EmploymentStatus.EMPLOYED)
    unsuited = resident(station, 4, desired="6-01-01-01", salary_fen=900_000)
    elsewhere = _resident_of_another_community(db)
    with station.read() as rx:
        found = match_residents(rx, job, today=TODAY)
    assert ids(found) == [seeker, unsuited, resting]
    assert elsewhere not in ids(found)
    first = found[0]
    assert (first.name, first.sex, first.community_name) == ("李娟", Sex.MALE, "人民路社区")
    assert first.phone == "13800138000" and first.id_number.startswith("341282")
    assert first.informed_on is None
    assert codes(first)[:3] == ["distance", "seeking_work", "same_occupation"]
    assert found[0].score > found[1].score


def test_residents_beyond_the_radius_follow_nearest_first_when_asked(
    station: StationSession, db: Database
) -> None:
    job = job_at(station, 0.0, 1, occupation_code="6-01-01-01")
    near = resident(station, 1)
    far = _resident_of_another_community(db, km_north=9.0, serial="991")
    farther = _resident_of_another_community(db, km_north=12.0, serial="992", code="341282001098")
    both = StationSession(
        db,
        station.actor,
        station.station,
        scope=Scope(frozenset({station.actor.scope_id, *_communities_of(db, far, farther)})),
    )
    with both.read() as rx:
        inside = match_residents(rx, job, today=TODAY)
        every = match_residents(rx, job, MatchOptions(within_radius_only=False), today=TODAY)
    assert ids(inside) == [near]
    assert ids(every) == [near, far, farther]
    assert codes(every[1])[:2] == ["distance", "beyond_radius"]


def _communities_of(db: Database, *resident_ids: str) -> set[str]:
    with db.session() as session:
        return {
            c
            for c in session.scalars(
                select(Resident.community_id).where(Resident.id.in_(resident_ids))
            )
        }


def test_contacts_are_masked_without_full_data(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    job = job_at(station, 0.5, 1)
    resident(station, 1)
    inspector = session_as(db, UserRole.INSPECTOR)
    with inspector.read() as rx:
        (found,) = match_residents(rx, job, today=TODAY)
    assert found.phone == "138****8000"
    assert "*" in found.id_number and not found.id_number[6:14].isdigit()


def test_job_information_is_recorded_and_counts_as_a_job_offer(
    station: StationSession, db: Database
) -> None:
    migrant = resident(station, 1, key_groups=frozenset({KeyGroup.MIGRANT_WORKER}))
    jobs = [job_at(station, 0.5 + n / 10, n) for n in range(1, 4)]
    for job in jobs:
        station.perform(
            record_job_information, migrant, job, channel=ServiceChannel.PHONE, on_day=TODAY
        )
    with station.read() as rx:
        (found,) = match_residents(rx, jobs[0], today=TODAY)
        state = bundle_state(rx, migrant, today=TODAY)
    assert found.informed_on == TODAY
    offers = next(p for p in state.parts if p.part.code == "job_offers")
    assert offers.done == 3 and offers.complete
    with db.session() as session:
        records = session.scalars(
            select(ServiceRecord).where(ServiceRecord.kind == ServiceKind.JOB_INFORMATION)
        ).all()
    assert {r.job_id for r in records} == set(jobs)
    assert {r.channel for r in records} == {ServiceChannel.PHONE}


def test_job_information_only_about_a_job_the_resident_may_take(
    station: StationSession, db: Database
) -> None:
    me = resident(station, 1)
    post = job_at(station, 0.5, 1, kind=JobKind.PUBLIC_WELFARE)
    with pytest.raises(EligibilityError):
        station.perform(record_job_information, me, post, channel=ServiceChannel.COUNTER)
    with pytest.raises(NotFoundError):
        station.perform(record_job_information, me, "no-such-job", channel=ServiceChannel.PHONE)
    with db.session() as session:
        assert session.scalars(select(ServiceRecord.kind)).all() == []


def test_the_call_list_is_plain_data(station: StationSession) -> None:
    job = job_at(station, 0.5, 1)
    resident(station, 1)
    resident(station, 2, name="王芳")
    with station.read() as rx:
        listed = call_list(rx, job, today=TODAY)
    assert (listed.job_title, listed.kind, listed.places_left) == ("营销员1", JobKind.REGULAR, 3)
    assert listed.radius_km == 3.0 and listed.on_day == TODAY and listed.full_data
    assert [e.rank for e in listed.entries] == [1, 2]
    assert {e.name for e in listed.entries} == {"李娟", "王芳"}


def test_the_profile_shows_the_default_match(station: StationSession) -> None:
    me = resident(station, 1)
    job = job_at(station, 0.5, 1)
    with station.read() as rx:
        profile = load_profile(rx, me, today=TODAY)
    assert ids(profile.parts["job_matches"]) == [job]  # type: ignore[arg-type]


def test_the_station_scope_limits_which_residents_match(
    station: StationSession, db: Database
) -> None:
    elsewhere = _resident_of_another_community(db)
    with pytest.raises(NotFoundError), station.read() as rx:
        match_jobs(rx, elsewhere, today=TODAY)


def _resident_of_another_community(
    db: Database, *, km_north: float = 0.0, serial: str = "990", code: str = "341282001099"
) -> str:
    """A resident of a community next door that this station does not serve (as a pull of
    the city's data could leave one), living `km_north` of the station's community."""
    lat, lon = north(km_north)
    with db.session() as session, session.begin():
        other = Community(scope_id=CITY_SCOPE, code=code, name="隔壁社区", street="东城街道")
        other.latitude, other.longitude = lat, lon
        session.add(other)
        session.flush()
        person = Resident(
            scope_id=other.id,
            id_number=f"341282199005050{serial}",
            name="赵六",
            sex=Sex.MALE,
            birth_date=date(1990, 5, 5),
            community_id=other.id,
            employment_status=EmploymentStatus.UNEMPLOYED,
            desired_occupation="4-01-02-01",
            skills=[],
            desired_salary_fen=400_000,
        )
        session.add(person)
        session.flush()
        return person.id

"""Matching against a brute-force reference over random residents and jobs (hypothesis).

The reference scans every job, applies the rules (open, valid on the day, a place left, the
kind's eligibility and the job's age limits, the education minimum), measures the
great-circle distance and keeps those within the radius; matching must find exactly those,
and with a small limit the best of them by the reference score.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import (
    CITY_SCOPE,
    Employer,
    EmployerType,
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
    Recognition,
    RecognitionState,
    Resident,
    ResidentKeyGroup,
    Sex,
)
from station_app.services import match_rules as rules
from station_app.services.job_eligibility import JobTerms, facts_of, refusal
from station_app.services.job_query import distance_km
from station_app.services.matching import MatchOptions, match_jobs, seeker_of
from tests.services.match_helpers import CENTRE

DAY = date(2026, 6, 15)
CODES = (None, "4-01-02-01", "4-01-02-03", "4-01-03-01", "4-02-01-01", "6-01-01-01", "4-01")
EDUCATION = (None, "10", "20", "30", "40", "60", "70", "80", "90")


@dataclass(frozen=True)
class JobSpec:
    north_km: float
    east_km: float
    own_position: bool
    employer: int  # 0 and 1 have positions, 2 has none
    kind: JobKind
    status: JobStatus
    headcount: int
    filled: int
    starts: int  # days from DAY
    ends: int | None
    age_min: int | None
    age_max: int | None
    education_min: str | None
    occupation: str | None
    salary: tuple[int | None, int | None]


@dataclass(frozen=True)
class ResidentSpec:
    age: int
    status: EmploymentStatus
    key_groups: frozenset[KeyGroup]
    left_school_days_ago: int | None
    education: str | None
    desired: str | None
    skills: tuple[str, ...]
    salary: int | None
    recognition: str  # "none", "approved" (in force), "lapsed"


def _salary() -> st.SearchStrategy[tuple[int | None, int | None]]:
    amounts = st.sampled_from([None, 200_000, 350_000, 500_000, 800_000])
    return st.tuples(amounts, amounts).map(
        lambda p: p if None in p else (min(p), max(p))  # type: ignore[type-var, return-value]
    )


@st.composite
def jobs(draw: st.DrawFn) -> JobSpec:
    headcount = draw(st.integers(1, 3))
    return JobSpec(
        north_km=draw(st.floats(-3.5, 3.5)),
        east_km=draw(st.floats(-3.5, 3.5)),
        own_position=draw(st.booleans()),
        employer=draw(st.sampled_from([0, 0, 1, 1, 2])),
        kind=draw(st.sampled_from([JobKind.REGULAR, JobKind.FLEXIBLE, *JobKind])),
        status=draw(st.sampled_from([JobStatus.OPEN] * 4 + list(JobStatus))),
        headcount=headcount,
        filled=draw(st.integers(0, headcount)),
        starts=draw(st.integers(-90, 2)),
        ends=draw(st.none() | st.integers(-5, 90)),
        age_min=draw(st.sampled_from([None, None, None, 16, 30, 40, 50])),
        age_max=draw(st.sampled_from([None, None, None, 24, 35, 45, 60])),
        education_min=draw(st.sampled_from((None, None, None, *EDUCATION))),
        occupation=draw(st.sampled_from(CODES)),
        salary=draw(_salary()),
    )


residents = st.builds(
    ResidentSpec,
    age=st.integers(16, 65),
    status=st.sampled_from([EmploymentStatus.UNEMPLOYED, *EmploymentStatus]),
    key_groups=st.frozensets(st.sampled_from(list(KeyGroup)), max_size=3),
    left_school_days_ago=st.none() | st.integers(0, 1200),
    education=st.sampled_from(EDUCATION),
    desired=st.sampled_from(CODES),
    skills=st.lists(st.sampled_from(CODES[1:]), max_size=3, unique=True).map(tuple),
    salary=st.sampled_from([None, 300_000, 450_000, 700_000]),
    recognition=st.sampled_from(["none", "approved", "lapsed"]),
)
options = st.builds(
    MatchOptions,
    radius_km=st.sampled_from([1.0, 3.0, 5.0]),
    kinds=st.just(frozenset()) | st.frozensets(st.sampled_from(list(JobKind)), max_size=2),
    limit=st.sampled_from([3, 500]),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(specs=st.lists(jobs(), min_size=5, max_size=25), person=residents, chosen=options)
def test_matching_finds_exactly_the_eligible_jobs_within_the_radius(
    station: StationSession,
    db: Database,
    specs: list[JobSpec],
    person: ResidentSpec,
    chosen: MatchOptions,
) -> None:
    try:
        resident_id = _write(db, station.actor.scope_id, specs, person)
        with station.read() as rx:
            found = match_jobs(rx, resident_id, chosen, today=DAY)
            expected = _reference(station, resident_id, chosen)
    finally:
        _clear(db)
    assert chosen.radius_km is not None
    assert all(m.distance_km is not None and m.distance_km <= chosen.radius_km for m in found)
    if chosen.limit >= len(specs):
        assert {m.job_id for m in found} == set(expected)
    else:
        assert len(found) == min(chosen.limit, len(expected))
        assert {m.job_id for m in found} <= set(expected)
        # The best by the reference score (a hair of slack for the index's 32-bit positions).
        lowest = min((m.score for m in found), default=0.0)
        left_out = [s for job, s in expected.items() if job not in {m.job_id for m in found}]
        assert all(s <= lowest + 0.05 for s in left_out)
    for m in found:
        assert abs(m.score - expected[m.job_id]) < 1e-9
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


def _reference(station: StationSession, resident_id: str, chosen: MatchOptions) -> dict[str, float]:
    """Every job scanned, the rules applied, the distance measured: id → score."""
    assert chosen.radius_km is not None
    with station.read() as rx:
        resident = rx.session.get(Resident, resident_id)
        assert resident is not None
        facts = facts_of(rx, resident, DAY)
        seeker = seeker_of(resident)
        kept: dict[str, float] = {}
        for job in rx.session.scalars(select(Job)):
            employer = rx.session.get(Employer, job.employer_id)
            assert employer is not None
            lat = job.latitude if job.latitude is not None else employer.latitude
            lon = job.longitude if job.longitude is not None else employer.longitude
            takes = (
                job.status is JobStatus.OPEN
                and not job.deleted
                and job.filled < job.headcount
                and job.valid_from <= DAY
                and (job.valid_to is None or job.valid_to >= DAY)
                and (not chosen.kinds or job.kind in chosen.kinds)
                and refusal(facts, JobTerms(job.kind, job.age_min, job.age_max), DAY) is None
                and not rules.education_refused(resident.education, job.education_min)
            )
            if not takes or lat is None or lon is None:
                continue
            km = distance_km(CENTRE[0] or 0.0, CENTRE[1] or 0.0, lat, lon)
            if km <= chosen.radius_km:
                post = rules.post_of(job)
                kept[job.id] = rules.score(
                    seeker, post, km=km, radius_km=chosen.radius_km, today=DAY
                )[0]
        return kept


def _write(db: Database, community_id: str, specs: list[JobSpec], person: ResidentSpec) -> str:
    lat0, lon0 = CENTRE[0] or 0.0, CENTRE[1] or 0.0
    per_km_lon = 111.19492664455873 * 0.8362  # cos(33.26°)
    with db.session() as session, session.begin():
        employers = []
        for n, place in enumerate(((0.3, 0.4), (-2.5, 0.5), None)):
            employer = Employer(
                scope_id=CITY_SCOPE,
                name=f"测试企业{n}",
                credit_code=f"CODE{n}",
                employer_type=EmployerType.ENTERPRISE,
            )
            if place is not None:
                employer.latitude = lat0 + place[0] / 111.19492664455873
                employer.longitude = lon0 + place[1] / per_km_lon
            session.add(employer)
            employers.append(employer)
        session.flush()
        for n, spec in enumerate(specs):
            job = Job(
                scope_id=CITY_SCOPE,
                employer_id=employers[spec.employer].id,
                title=f"岗位{n}",
                occupation_code=spec.occupation,
                kind=spec.kind,
                headcount=spec.headcount,
                filled=spec.filled,
                salary_min_fen=spec.salary[0],
                salary_max_fen=spec.salary[1],
                age_min=spec.age_min,
                age_max=spec.age_max,
                education_min=spec.education_min,
                valid_from=DAY + timedelta(days=spec.starts),
                valid_to=None if spec.ends is None else DAY + timedelta(days=spec.ends),
                status=spec.status,
            )
            if spec.own_position:
                job.latitude = lat0 + spec.north_km / 111.19492664455873
                job.longitude = lon0 + spec.east_km / per_km_lon
            session.add(job)
        born = date(DAY.year - person.age, 1, 1)
        resident = Resident(
            scope_id=community_id,
            id_number="341282199001010000",
            name="测试",
            sex=Sex.FEMALE,
            birth_date=born,
            community_id=community_id,
            employment_status=person.status,
            education=person.education,
            skills=list(person.skills),
            desired_occupation=person.desired,
            desired_salary_fen=person.salary,
            school_left_on=(
                None
                if person.left_school_days_ago is None
                else DAY - timedelta(days=person.left_school_days_ago)
            ),
        )
        resident.key_groups = [ResidentKeyGroup(key_group=g) for g in person.key_groups]
        session.add(resident)
        session.flush()
        if person.recognition != "none":
            until = DAY + timedelta(days=100 if person.recognition == "approved" else -10)
            session.add(
                Recognition(
                    scope_id=community_id,
                    resident_id=resident.id,
                    state=RecognitionState.APPROVED,
                    applied_on=date(2025, 1, 1),
                    valid_until=until,
                )
            )
        return resident.id


def _clear(db: Database) -> None:
    with db.session() as session, session.begin():
        for model in (Recognition, ResidentKeyGroup, Resident, Job, Employer):
            session.execute(delete(model))
        assert session.execute(text("SELECT count(*) FROM job_positions")).scalar() == 0

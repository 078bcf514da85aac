"""Finding jobs: each filter, the order, the rows of a page, distances against brute force."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import PermissionDeniedError
from station_app.models import JobKind, JobStatus, UserRole
from station_app.services.job_query import (
    JobFilter,
    Near,
    SortKey,
    bounding_box,
    count_jobs,
    distance_km,
    fetch_job_rows,
    job_ids,
    station_centre,
)
from station_app.services.jobs import change_job_status
from tests.conftest import SessionAs
from tests.services.job_helpers import TODAY, add_employer, add_job

CENTRE = (33.26, 115.37)  # 界首
_serials = itertools.count(100)  # a new employer for each example


def _ids(station: StationSession, **criteria: object) -> list[str]:
    return station.query(job_ids, JobFilter(**criteria))  # type: ignore[arg-type]


@pytest.fixture
def ledger(station: StationSession) -> dict[str, str]:
    """Four jobs of two employers, one near the centre and one 30 km away."""
    community = station.actor.scope_id
    near = add_employer(station, "恒信食品", 1, latitude=33.27, longitude=115.38)
    far = add_employer(station, "远方纺织", 2, latitude=33.53, longitude=115.37)
    far_in_town = add_employer(station, "城内商贸", 3, community_id=community)
    return {
        "packer": add_job(station, near, title="包装工", occupation_code="6-01", headcount=2),
        "weaver": add_job(
            station,
            far,
            title="挡车工",
            occupation_code="6-04",
            salary_min_fen=600_000,
            salary_max_fen=800_000,
        ),
        "clerk": add_job(
            station,
            far_in_town,
            title="收银员",
            kind=JobKind.FLEXIBLE,
            occupation_code="4-01",
            salary_min_fen=None,
            salary_max_fen=None,
            valid_to=TODAY + timedelta(days=3),
        ),
        "guard": add_job(
            station,
            near,
            title="保洁员",
            kind=JobKind.PUBLIC_WELFARE,
            occupation_code="4-09",
            salary_min_fen=200_000,
            salary_max_fen=250_000,
            latitude=33.2605,
            longitude=115.3705,
        ),
    }


def test_filters(station: StationSession, ledger: dict[str, str]) -> None:
    everything = set(ledger.values())
    assert set(_ids(station)) == everything
    assert set(_ids(station, kinds=[JobKind.FLEXIBLE, JobKind.PUBLIC_WELFARE])) == {
        ledger["clerk"],
        ledger["guard"],
    }
    assert set(_ids(station, occupation_prefix="6-")) == {ledger["packer"], ledger["weaver"]}
    assert _ids(station, occupation_prefix="6-04") == [ledger["weaver"]]
    assert _ids(station, occupation_prefix="6_") == []  # a LIKE wildcard is a plain character
    assert _ids(station, community_id=station.actor.scope_id) == [ledger["clerk"]]
    assert _ids(station, text="挡车") == [ledger["weaver"]]
    assert set(_ids(station, text="恒信")) == {ledger["packer"], ledger["guard"]}
    weaver_employer = station.query(fetch_job_rows, [ledger["weaver"]])[ledger["weaver"]]
    assert _ids(station, employer_id=weaver_employer.employer_id) == [ledger["weaver"]]


def test_salary_ranges_overlap(station: StationSession, ledger: dict[str, str]) -> None:
    # packer 3000–5000, weaver 6000–8000, guard 2000–2500, clerk unstated (matches any).
    assert set(_ids(station, salary_min_fen=550_000)) == {ledger["weaver"], ledger["clerk"]}
    assert set(_ids(station, salary_max_fen=280_000)) == {ledger["guard"], ledger["clerk"]}
    assert set(_ids(station, salary_min_fen=450_000, salary_max_fen=650_000)) == {
        ledger["packer"],
        ledger["weaver"],
        ledger["clerk"],
    }


def test_status_filter_and_order(station: StationSession, ledger: dict[str, str]) -> None:
    station.perform(
        change_job_status, ledger["packer"], 1, JobStatus.PAUSED, on=TODAY, reason="停产"
    )
    assert _ids(station, statuses=[JobStatus.PAUSED]) == [ledger["packer"]]
    by_salary = _ids(station, sort=SortKey.SALARY, descending=True)
    assert by_salary == [ledger["weaver"], ledger["packer"], ledger["guard"], ledger["clerk"]]
    assert _ids(station, sort=SortKey.SALARY)[-1] == ledger["clerk"]  # unknown pay last
    far = _ids(station, near=Near(*CENTRE, km=40), sort=SortKey.SALARY)
    assert far == [ledger["guard"], ledger["packer"], ledger["weaver"]]
    assert _ids(station, sort=SortKey.HEADCOUNT)[0] == ledger["packer"]
    assert _ids(station, sort=SortKey.VALID_TO)[0] == ledger["clerk"]
    titles = [
        r.title
        for r in (
            station.query(fetch_job_rows, ids)[i]
            for ids in [_ids(station, sort=SortKey.EMPLOYER)]
            for i in ids
        )
    ]
    assert titles[-1] == "挡车工"  # 远方纺织 sorts last by name


def test_within_a_distance(station: StationSession, ledger: dict[str, str]) -> None:
    near = Near(*CENTRE, km=5)
    found = _ids(station, near=near, sort=SortKey.DISTANCE)
    # The guard's post has its own place at the centre; the packer's is its employer's.
    assert found == [ledger["guard"], ledger["packer"]]
    rows = station.query(fetch_job_rows, found, near)
    assert rows[ledger["guard"]].distance_km is not None
    assert rows[ledger["guard"]].distance_km < 0.1
    assert set(_ids(station, near=Near(*CENTRE, km=40))) == {
        ledger["guard"],
        ledger["packer"],
        ledger["weaver"],
    }  # the clerk's employer has no coordinates
    assert _ids(station, near=Near(*CENTRE, km=40), sort=SortKey.TITLE)[0] == ledger["guard"]


def test_rows_of_a_page(station: StationSession, ledger: dict[str, str]) -> None:
    rows = station.query(fetch_job_rows, [ledger["clerk"], "no-such-job"])
    assert list(rows) == [ledger["clerk"]]
    clerk = rows[ledger["clerk"]]
    assert (clerk.title, clerk.employer_name, clerk.kind, clerk.status) == (
        "收银员",
        "城内商贸",
        JobKind.FLEXIBLE,
        JobStatus.OPEN,
    )
    assert clerk.community_name == "人民路社区"
    assert station.query(count_jobs, JobFilter()) == 4


def test_a_kiosk_may_search_jobs_but_a_stranger_role_not(
    station: StationSession, db: Database, session_as: SessionAs, ledger: dict[str, str]
) -> None:
    assert len(session_as(db, UserRole.KIOSK).query(job_ids, JobFilter())) == 4
    with pytest.raises(PermissionDeniedError):
        session_as(db, "nobody").query(job_ids, JobFilter())


points = st.tuples(
    st.floats(min_value=-89.0, max_value=89.0), st.floats(min_value=-179.9, max_value=179.9)
)


@settings(max_examples=300, deadline=None)
@given(centre=points, km=st.floats(min_value=0.1, max_value=3000.0), other=points)
def test_the_bounding_box_holds_every_point_within_the_distance(
    centre: tuple[float, float], km: float, other: tuple[float, float]
) -> None:
    box = bounding_box(Near(*centre, km=km))
    if box is None or distance_km(*centre, *other) > km:
        return
    lat_min, lat_max, lon_min, lon_max = box
    assert lat_min <= other[0] <= lat_max
    assert lon_min <= other[1] <= lon_max


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    places=st.lists(
        st.tuples(
            st.floats(min_value=32.5, max_value=34.0), st.floats(min_value=114.5, max_value=116.5)
        ),
        min_size=1,
        max_size=8,
    ),
    centre=st.tuples(
        st.floats(min_value=32.5, max_value=34.0), st.floats(min_value=114.5, max_value=116.5)
    ),
    km=st.floats(min_value=0.5, max_value=120.0),
)
def test_the_distance_filter_agrees_with_brute_force(
    station: StationSession,
    places: list[tuple[float, float]],
    centre: tuple[float, float],
    km: float,
) -> None:
    serial = next(_serials)
    employer = add_employer(station, f"测距单位{serial}", serial)
    made = {
        add_job(station, employer, latitude=lat, longitude=lon): (lat, lon) for lat, lon in places
    }
    found = set(_ids(station, near=Near(*centre, km=km), employer_id=employer))
    expected = {j for j, (lat, lon) in made.items() if distance_km(*centre, lat, lon) <= km}
    assert found == expected
    distances = [
        distance_km(*centre, *made[j])
        for j in _ids(
            station, near=Near(*centre, km=km), employer_id=employer, sort=SortKey.DISTANCE
        )
    ]
    assert distances == sorted(distances)


def test_the_station_centre(station: StationSession) -> None:
    assert station.query(station_centre) == (33.26, 115.37)  # the test community's

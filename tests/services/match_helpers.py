"""Residents, employers and jobs placed around the test station's community for matching."""

from __future__ import annotations

from datetime import date, timedelta

from station_app.core.station_session import StationSession
from station_app.models import EmploymentStatus, KeyGroup
from station_app.services.residents import ResidentInput, register_resident
from station_app.validation import compute_id_check_character
from tests.conftest import COMMUNITY
from tests.services.job_helpers import add_employer, add_job

CENTRE = (COMMUNITY.latitude, COMMUNITY.longitude)  # where the station's residents live
KM_PER_DEGREE = 111.19492664455873  # along a meridian, on the mean radius


def north(km: float) -> tuple[float, float]:
    """The point `km` north of the community's centre."""
    assert CENTRE[0] is not None and CENTRE[1] is not None
    return CENTRE[0] + km / KM_PER_DEGREE, CENTRE[1]


def resident(
    station: StationSession,
    serial: int,
    *,
    birth: str = "19900505",
    status: EmploymentStatus = EmploymentStatus.UNEMPLOYED,
    desired: str | None = "4-01-02-01",
    skills: tuple[str, ...] = (),
    salary_fen: int | None = 400_000,
    education: str | None = "40",
    key_groups: frozenset[KeyGroup] = frozenset(),
    school_left_on: date | None = None,
    phone: str = "13800138000",
    name: str = "李娟",
    since: date | None = None,
) -> str:
    body = f"341282{birth}{serial:03d}"
    data = ResidentInput(
        id_number=body + compute_id_check_character(body),
        name=name,
        community_id=station.actor.scope_id,
        employment_status=status,
        phone=phone,
        education=education,
        skills=skills,
        desired_occupation=desired,
        desired_salary_fen=salary_fen,
        key_groups=key_groups,
        school_left_on=school_left_on,
    )
    # Registered a month ago, so a change of status may be recorded today.
    return station.perform(register_resident, data, today=since or date.today() - timedelta(30))


def employer_at(station: StationSession, km_north: float, serial: int) -> str:
    lat, lon = north(km_north)
    return add_employer(station, f"界首市测试企业{serial}", serial, latitude=lat, longitude=lon)


def job_at(station: StationSession, km_north: float, serial: int, **changes: object) -> str:
    """A job of its own employer `km_north` of the centre (the job takes its position)."""
    employer = employer_at(station, km_north, serial)
    base: dict[str, object] = {"occupation_code": "4-01-02-01", "title": f"营销员{serial}"}
    return add_job(station, employer, **{**base, **changes})

"""Job kinds' eligibility rules, pure and through check_assignment, with the reasons given."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.core.station_session import StationSession
from station_app.models import EmploymentStatus, Job, JobKind, KeyGroup, Resident
from station_app.services import job_eligibility as el
from station_app.services.job_eligibility import Facts, JobTerms, refusal
from tests.services.recognition_helpers import add_job, add_resident, approved_recognition

DAY = date(2025, 6, 1)
NOBODY = Facts(
    age=30,
    status=EmploymentStatus.UNEMPLOYED,
    key_groups=frozenset(),
    school_left_on=None,
    recognised_until=None,
    lapsed_until=None,
)


def facts(**changes: object) -> Facts:
    return Facts(**{**NOBODY.__dict__, **changes})  # type: ignore[arg-type]


def code(f: Facts, kind: JobKind, age_min: int | None = None, age_max: int | None = None) -> str:
    found = refusal(f, JobTerms(kind, age_min, age_max), DAY)
    return "" if found is None else found[0]


def test_public_welfare_posts_need_a_recognition_in_force() -> None:
    assert code(NOBODY, JobKind.PUBLIC_WELFARE) == "eligibility.public_welfare"
    # Being in the key group by hand is not a recognition.
    hand = facts(key_groups=frozenset({KeyGroup.HARD_TO_EMPLOY}))
    assert code(hand, JobKind.PUBLIC_WELFARE) == "eligibility.public_welfare"
    assert code(facts(recognised_until=DAY), JobKind.PUBLIC_WELFARE) == ""
    lapsed = refusal(
        facts(lapsed_until=date(2025, 5, 31)), JobTerms(JobKind.PUBLIC_WELFARE, None, None), DAY
    )
    assert lapsed == ("eligibility.recognition_expired", {"valid_until": "2025-05-31"})


def test_traineeships_for_recent_graduates_and_young_people_without_work() -> None:
    assert code(facts(school_left_on=date(2023, 6, 1)), JobKind.TRAINEESHIP) == ""
    assert code(facts(school_left_on=date(2023, 5, 31)), JobKind.TRAINEESHIP) != ""
    assert code(facts(school_left_on=date(2025, 7, 1)), JobKind.TRAINEESHIP) != ""  # not yet
    assert code(facts(age=16), JobKind.TRAINEESHIP) == ""
    assert code(facts(age=24), JobKind.TRAINEESHIP) == ""
    assert code(facts(age=25), JobKind.TRAINEESHIP) == "eligibility.traineeship"
    employed = facts(age=20, status=EmploymentStatus.EMPLOYED)
    assert code(employed, JobKind.TRAINEESHIP) == "eligibility.traineeship"


def test_temporary_special_posts_for_key_groups_without_work() -> None:
    assert code(NOBODY, JobKind.TEMPORARY_SPECIAL) == "eligibility.temporary_special"
    migrant = facts(key_groups=frozenset({KeyGroup.MIGRANT_WORKER}))
    assert code(migrant, JobKind.TEMPORARY_SPECIAL) == ""
    veteran = facts(key_groups=frozenset({KeyGroup.VETERAN}))
    assert code(veteran, JobKind.TEMPORARY_SPECIAL) == "eligibility.temporary_special"
    working = facts(key_groups=frozenset({KeyGroup.UNEMPLOYED}), status=EmploymentStatus.FLEXIBLE)
    assert code(working, JobKind.TEMPORARY_SPECIAL) == "eligibility.temporary_special"


def test_the_jobs_own_age_limits_hold_for_every_kind() -> None:
    assert refusal(facts(age=30), JobTerms(JobKind.REGULAR, 35, None), DAY) == (
        "eligibility.too_young",
        {"min": "35", "age": "30"},
    )
    assert code(facts(age=30), JobKind.REGULAR, None, 28) == "eligibility.too_old"
    assert code(facts(age=30), JobKind.REGULAR, 18, 30) == ""


@given(
    age=st.integers(min_value=16, max_value=70),
    status=st.sampled_from(EmploymentStatus),
    groups=st.frozensets(st.sampled_from(KeyGroup)),
    left=st.none() | st.dates(date(2015, 1, 1), date(2026, 1, 1)),
    recognised=st.booleans(),
    kind=st.sampled_from(JobKind),
)
def test_the_rules_as_stated(
    age: int,
    status: EmploymentStatus,
    groups: frozenset[KeyGroup],
    left: date | None,
    recognised: bool,
    kind: JobKind,
) -> None:
    f = facts(
        age=age,
        status=status,
        key_groups=groups,
        school_left_on=left,
        recognised_until=DAY if recognised else None,
    )
    allowed = refusal(f, JobTerms(kind, None, None), DAY) is None
    idle = status in el.WITHOUT_WORK
    if kind == JobKind.PUBLIC_WELFARE:
        assert allowed == recognised
    elif kind == JobKind.TRAINEESHIP:
        graduate = left is not None and date(2023, 6, 1) <= left <= DAY
        assert allowed == (idle and (graduate or 16 <= age <= 24))
    elif kind == JobKind.TEMPORARY_SPECIAL:
        assert allowed == (idle and bool(groups & el.KIND_RULES[kind].key_groups))
    else:
        assert allowed


def test_check_assignment_reads_the_recognition(station: StationSession) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.PUBLIC_WELFARE)

    def check(on_day: date) -> None:
        with station.read() as rx:
            resident = rx.session.get(Resident, resident_id)
            job = rx.session.get(Job, job_id)
            assert resident is not None and job is not None
            el.check_assignment(rx, resident, job, on_day)

    with pytest.raises(el.EligibilityError) as caught:
        check(DAY)
    assert caught.value.code == "eligibility.public_welfare"
    approved_recognition(station, resident_id)
    check(DAY)

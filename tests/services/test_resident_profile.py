"""The resident profile in one read: masked personal data by role, history, services, parts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, PermissionDeniedError
from station_app.models import (
    EmploymentStatus,
    KeyGroup,
    ServiceChannel,
    ServiceKind,
    ServiceRecord,
    UserRole,
)
from station_app.services import resident_profile
from station_app.services.follow_ups import FollowUpState
from station_app.services.migrant_bundle import BundleState
from station_app.services.resident_profile import load_profile
from tests.conftest import SessionAs
from tests.services.test_status_history import TODAY, _change, _register


def _service(station: StationSession, resident_id: str, day: date, summary: str) -> None:
    with station.write() as tx:
        tx.session.add(
            ServiceRecord(
                scope_id=station.actor.scope_id,
                resident_id=resident_id,
                kind=ServiceKind.CAREER_GUIDANCE,
                channel=ServiceChannel.COUNTER,
                occurred_on=day,
                summary=summary,
                staff="王芳",
            )
        )


def test_the_profile_has_the_record_its_history_and_services(station: StationSession) -> None:
    rid = _register(station)
    _change(
        station, rid, status=EmploymentStatus.EMPLOYED, since=date(2025, 3, 1), reason="found_job"
    )
    _service(station, rid, date(2025, 1, 5), "职业指导")
    _service(station, rid, date(2025, 2, 5), "岗位推荐")
    with station.read() as rx:
        profile = load_profile(rx, rid, today=TODAY)
    assert profile.name == "张伟"
    assert profile.age == 35
    assert profile.community_name == "人民路社区"
    assert profile.key_groups == {KeyGroup.VETERAN}
    assert profile.employment_status == EmploymentStatus.EMPLOYED
    assert [e.status for e in profile.status_history] == [
        EmploymentStatus.UNEMPLOYED,
        EmploymentStatus.EMPLOYED,
    ]
    assert [s.summary for s in profile.service_records] == ["岗位推荐", "职业指导"]  # newest first
    follow_ups = profile.parts["follow_ups"]
    assert isinstance(follow_ups, FollowUpState)
    assert follow_ups.last_contact == date(2025, 2, 5)
    bundle = profile.parts["migrant_bundle"]
    assert isinstance(bundle, BundleState) and not bundle.applies  # not a migrant worker
    assert profile.parts["recognitions"] == ()


def test_id_and_phone_are_masked_unless_the_role_may_see_them(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    rid = _register(station)
    with station.read() as rx:
        full = load_profile(rx, rid, today=TODAY)
    with session_as(db, UserRole.INSPECTOR).read() as rx:
        masked = load_profile(rx, rid, today=TODAY)
    assert full.full_data and full.phone == "13912345678" and len(full.id_number) == 18
    assert not masked.full_data
    assert masked.phone == "139****5678"
    assert masked.id_number == full.id_number[:6] + "********" + full.id_number[-4:]


def test_the_kiosk_and_unknown_residents_get_no_profile(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    rid = _register(station)
    with pytest.raises(PermissionDeniedError), session_as(db, UserRole.KIOSK).read() as rx:
        load_profile(rx, rid)
    with pytest.raises(NotFoundError), station.read() as rx:
        load_profile(rx, "no-such-resident")


@pytest.fixture
def extra_part() -> Iterator[None]:
    resident_profile.PARTS["test.days"] = lambda rx, rid, today: (rid, today)
    yield
    del resident_profile.PARTS["test.days"]


def test_another_area_adds_its_part(station: StationSession, extra_part: None) -> None:
    rid = _register(station)
    with station.read() as rx:
        profile = load_profile(rx, rid, today=TODAY)
    assert profile.parts["test.days"] == (rid, TODAY)
    assert set(profile.parts) == {
        "follow_ups",
        "migrant_bundle",
        "recognitions",
        "referrals",
        "assistance_plans",
        "job_matches",
        "test.days",
    }

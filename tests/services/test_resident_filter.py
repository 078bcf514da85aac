"""The residents list's filters: community, status, key group and age band, in SQL."""

from __future__ import annotations

from datetime import date

from station_app.core.station_session import StationSession
from station_app.models import EmploymentStatus, KeyGroup
from station_app.services.resident_filter import AgeBand, ResidentFilter, filtered_ids
from station_app.services.residents import register_resident
from tests.services.test_residents import id_number, resident

TODAY = date(2025, 6, 1)


def _register(station: StationSession, *, id_number: str, **changes: object) -> str:
    data = resident(station.actor, id_number=id_number, **changes)
    return station.perform(register_resident, data, today=TODAY)


def test_each_filter_and_their_combination(station: StationSession) -> None:
    young = _register(
        station, id_number=id_number("20010601", "001"), key_groups=frozenset()
    )  # 24 today
    adult = _register(
        station,
        id_number=id_number("20000602", "002"),
        employment_status=EmploymentStatus.EMPLOYED,
    )  # 24 until tomorrow
    older = _register(
        station,
        id_number=id_number("19750101", "003"),
        key_groups=frozenset({KeyGroup.HARD_TO_EMPLOY}),
    )  # 50

    def ids(**fields: object) -> frozenset[str]:
        wanted = ResidentFilter(**fields)  # type: ignore[arg-type]
        return station.query(filtered_ids, wanted, today=TODAY)

    assert ids() == {young, adult, older}
    assert ids(status=EmploymentStatus.EMPLOYED) == {adult}
    assert ids(key_group=KeyGroup.HARD_TO_EMPLOY) == {older}
    assert ids(age_band=AgeBand.YOUTH) == {young, adult}
    assert ids(age_band=AgeBand.OLDER) == {older}
    assert ids(age_band=AgeBand.MIDDLE) == frozenset()
    assert ids(community_id=station.actor.scope_id, status=EmploymentStatus.UNEMPLOYED) == {
        young,
        older,
    }
    assert ids(community_id="another-community") == frozenset()
    assert ResidentFilter().is_empty and not ResidentFilter(age_band=AgeBand.YOUTH).is_empty

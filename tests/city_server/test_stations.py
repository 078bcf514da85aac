"""The register of stations: added with a one-time code, enrolled once, revoked for good."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from city_server.database import make_engine, session_factory
from city_server.models import StationStatus, utc_now
from city_server.schema import upgrade_schema
from city_server.stations import (
    Credentials,
    NotEnrolled,
    RegistryError,
    Revoked,
    add_station,
    authenticate,
    enrol,
    list_stations,
    normalize_code,
    revoke_station,
)

WEEK = timedelta(days=7)


@pytest.fixture
def session(database_url: str) -> Iterator[Session]:
    engine = make_engine(database_url)
    upgrade_schema(engine)
    with session_factory(engine)() as session:
        yield session
    engine.dispose()


def test_a_station_is_added_pending_with_a_readable_one_time_code(session: Session) -> None:
    summary, code = add_station(session, ["DEMO-002", "DEMO-001", "DEMO-001"], code_ttl=WEEK)
    assert summary.status is StationStatus.PENDING
    assert summary.communities == ("DEMO-001", "DEMO-002")  # sorted, each once
    assert summary.name == "DEMO-001, DEMO-002"
    groups = code.split("-")
    assert [len(g) for g in groups] == [4, 4, 4]
    assert not set(code) & set("01IO")  # nothing to misread over the phone
    assert list_stations(session) == [summary]


@pytest.mark.parametrize(
    ("communities", "problem"),
    [
        ([], "station.no_community"),
        ([" "], "station.bad_community"),
        (["a b"], "station.bad_community"),
        (["x" * 33], "station.bad_community"),
    ],
)
def test_a_station_needs_valid_community_codes(
    session: Session, communities: list[str], problem: str
) -> None:
    with pytest.raises(RegistryError) as caught:
        add_station(session, communities, code_ttl=WEEK)
    assert caught.value.code == problem
    assert list_stations(session) == []


def test_a_code_enrols_once_in_any_case_and_with_or_without_dashes(session: Session) -> None:
    summary, code = add_station(session, ["DEMO-001"], code_ttl=WEEK)
    credentials = enrol(session, " " + code.lower().replace("-", " ") + " ")
    assert credentials.station_id == summary.id
    assert authenticate(session, credentials).status is StationStatus.ACTIVE
    with pytest.raises(NotEnrolled):
        enrol(session, code)  # used
    assert normalize_code("ab-cd ef") == "ABCDEF"


def test_an_expired_or_unknown_code_enrols_nothing(session: Session) -> None:
    _summary, code = add_station(session, ["DEMO-001"], code_ttl=WEEK)
    with pytest.raises(NotEnrolled):
        enrol(session, code, now=utc_now() + WEEK + timedelta(seconds=1))
    with pytest.raises(NotEnrolled):
        enrol(session, "AAAA-BBBB-CCCC")
    assert list_stations(session)[0].status is StationStatus.PENDING


def test_a_wrong_secret_or_station_is_refused_without_saying_which(session: Session) -> None:
    _summary, code = add_station(session, ["DEMO-001"], code_ttl=WEEK)
    credentials = enrol(session, code)
    for wrong in (Credentials(credentials.station_id, "guess"), Credentials("nobody", "guess")):
        with pytest.raises(NotEnrolled) as caught:
            authenticate(session, wrong)
        assert caught.value.code == "auth.bad_credentials"


def test_a_revoked_station_is_refused_and_its_code_dies(session: Session) -> None:
    enrolled, code = add_station(session, ["DEMO-001"], code_ttl=WEEK)
    credentials = enrol(session, code)
    pending, unused = add_station(session, ["DEMO-002"], code_ttl=WEEK)
    assert revoke_station(session, enrolled.id).status is StationStatus.REVOKED
    revoke_station(session, pending.id)
    with pytest.raises(Revoked):
        authenticate(session, credentials)
    with pytest.raises(Revoked):
        enrol(session, unused)
    with pytest.raises(RegistryError) as caught:
        revoke_station(session, "no-such-station")
    assert caught.value.code == "station.unknown"

"""The 农民工 1-3-1 bundle's state, derived from the service records of the right kinds."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.models import KeyGroup, ServiceChannel, ServiceKind
from station_app.services.follow_ups import ContactInput, record_contact
from station_app.services.migrant_bundle import BUNDLE, bundle_state, state_from_counts
from station_app.texts.sources import SOURCES
from tests.services.test_follow_ups import register

TODAY = date.today()
SINCE = date(2026, 1, 1)


def serve(station: StationSession, resident_id: str, kind: ServiceKind, on: date) -> None:
    data = ContactInput(resident_id, ServiceChannel.COUNTER, on, outcome=None, kind=kind)
    station.perform(record_contact, data)


def test_the_bundle_is_one_guidance_three_offers_one_training() -> None:
    assert [(p.kinds, p.wanted) for p in BUNDLE] == [
        ({ServiceKind.CAREER_GUIDANCE}, 1),
        ({ServiceKind.JOB_RECOMMENDATION, ServiceKind.JOB_INFORMATION}, 3),
        ({ServiceKind.TRAINING_REFERRAL}, 1),
    ]
    assert all(f"bundle.{part.code}" in SOURCES for part in BUNDLE)


@given(st.dictionaries(st.sampled_from(list(ServiceKind)), st.integers(0, 6)))
def test_complete_exactly_when_every_part_has_what_it_asks(counts: dict[ServiceKind, int]) -> None:
    state = state_from_counts(counts, applies=True, since=SINCE)
    offers = counts.get(ServiceKind.JOB_RECOMMENDATION, 0) + counts.get(
        ServiceKind.JOB_INFORMATION, 0
    )
    expected = (
        counts.get(ServiceKind.CAREER_GUIDANCE, 0) >= 1
        and offers >= 3
        and counts.get(ServiceKind.TRAINING_REFERRAL, 0) >= 1
    )
    assert state.complete is expected
    assert [part.done for part in state.parts] == [
        counts.get(ServiceKind.CAREER_GUIDANCE, 0),
        offers,
        counts.get(ServiceKind.TRAINING_REFERRAL, 0),
    ]


def test_a_migrant_workers_services_fill_the_bundle(station: StationSession, actor: Actor) -> None:
    worker = register(station, actor, "001", key_groups=frozenset({KeyGroup.MIGRANT_WORKER}))
    day = TODAY
    state = station.query(bundle_state, worker, today=TODAY)
    assert state.applies and not state.complete
    assert state.since == TODAY.replace(month=1, day=1)
    serve(station, worker, ServiceKind.CAREER_GUIDANCE, day)
    for _ in range(2):
        serve(station, worker, ServiceKind.JOB_RECOMMENDATION, day)
    serve(station, worker, ServiceKind.TRAINING_REFERRAL, day)
    serve(station, worker, ServiceKind.FOLLOW_UP, day)  # not a part of the bundle
    state = station.query(bundle_state, worker, today=TODAY)
    assert [part.done for part in state.parts] == [1, 2, 1]
    assert [part.complete for part in state.parts] == [True, False, True]
    serve(station, worker, ServiceKind.JOB_RECOMMENDATION, day)
    assert station.query(bundle_state, worker, today=TODAY).complete
    # Services before the period do not count.
    later = station.query(bundle_state, worker, since=TODAY + timedelta(days=1))
    assert [part.done for part in later.parts] == [0, 0, 0]


def test_the_bundle_is_for_migrant_workers(station: StationSession, actor: Actor) -> None:
    other = register(station, actor, "002")
    assert not station.query(bundle_state, other).applies

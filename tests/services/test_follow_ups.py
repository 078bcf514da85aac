"""Recording contacts and the due dates of the register: defaults, plans, scope and refusals."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, PermissionDeniedError, ValidationError
from station_app.models import (
    AuditEvent,
    ContactOutcome,
    EmploymentStatus,
    KeyGroup,
    ServiceChannel,
    ServiceKind,
    ServiceRecord,
    UserRole,
)
from station_app.services.follow_ups import (
    ContactInput,
    contacts_due,
    follow_up_state,
    record_contact,
)
from station_app.services.residents import register_resident
from tests.conftest import SessionAs
from tests.services.test_residents import id_number, resident

TODAY = date.today()


def register(station: StationSession, actor: Actor, serial: str, **changes: object) -> str:
    fields: dict[str, object] = {"key_groups": frozenset(), **changes}
    data = resident(actor, id_number=id_number(serial=serial), **fields)
    return station.perform(register_resident, data)


def contact(resident_id: str, **changes: object) -> ContactInput:
    base = ContactInput(resident_id, ServiceChannel.PHONE, TODAY - timedelta(days=1))
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_contact_stores_the_rules_next_date_and_answers_the_due_date(
    station: StationSession, db: Database, actor: Actor
) -> None:
    hard = register(station, actor, "001", key_groups=frozenset({KeyGroup.HARD_TO_EMPLOY}))
    on = TODAY - timedelta(days=2)
    due = station.perform(record_contact, contact(hard, occurred_on=on, summary=" 在找工作 "))
    assert due == on + timedelta(days=14)
    with db.session() as session:
        record = session.scalars(select(ServiceRecord)).one()
        assert record.kind is ServiceKind.FOLLOW_UP
        assert record.outcome is ContactOutcome.REACHED
        assert record.next_contact_on == due
        assert record.summary == "在找工作"
        assert record.staff == actor.username
        assert record.scope_id == actor.scope_id
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "service_record.create" in actions
    state = station.query(follow_up_state, hard)
    assert (state.last_contact, state.due_on) == (on, due)
    assert state.rule is not None and state.rule.code == "hard_to_employ"


def test_a_next_date_the_worker_chose_is_kept_but_the_rules_still_bind(
    station: StationSession, actor: Actor
) -> None:
    seeker = register(station, actor, "002")
    on = TODAY - timedelta(days=1)
    sooner = on + timedelta(days=5)
    assert station.perform(record_contact, contact(seeker, next_contact_on=sooner)) == sooner
    later = on + timedelta(days=60)
    assert station.perform(record_contact, contact(seeker, next_contact_on=later)) == (
        on + timedelta(days=30)
    )


def test_a_contact_that_did_not_reach_the_resident_is_tried_again_soon(
    station: StationSession, actor: Actor
) -> None:
    seeker = register(station, actor, "003")
    on = TODAY - timedelta(days=1)
    due = station.perform(record_contact, contact(seeker, outcome=ContactOutcome.NOT_REACHED))
    assert due == on + timedelta(days=3)


def test_bad_contacts_are_refused_with_every_problem_and_nothing_written(
    station: StationSession, db: Database, actor: Actor
) -> None:
    seeker = register(station, actor, "004")
    bad = contact(
        seeker,
        occurred_on=TODAY + timedelta(days=1),
        next_contact_on=TODAY,
        summary="很" * 2001,
    )
    with pytest.raises(ValidationError) as caught:
        station.perform(record_contact, bad)
    assert {p.code for p in caught.value.problems} == {
        "contact.in_future",
        "contact.next_not_after",
        "contact.summary_too_long",
    }
    with pytest.raises(NotFoundError):
        station.perform(record_contact, contact("no-such-resident"))
    with db.session() as session:
        assert session.scalars(select(ServiceRecord)).all() == []


def test_an_inspector_may_see_who_is_due_but_record_nothing(
    station: StationSession, db: Database, actor: Actor, session_as: SessionAs
) -> None:
    seeker = register(station, actor, "005")
    inspector = session_as(db, UserRole.INSPECTOR)
    with pytest.raises(PermissionDeniedError):
        inspector.perform(record_contact, contact(seeker))
    assert inspector.query(contacts_due, TODAY + timedelta(days=40)).total == 1
    kiosk = session_as(db, UserRole.KIOSK)
    with pytest.raises(PermissionDeniedError):
        kiosk.query(contacts_due, TODAY)


def test_the_due_list_holds_who_is_due_by_the_day_earliest_first(
    station: StationSession, actor: Actor
) -> None:
    employed = register(station, actor, "006", employment_status=EmploymentStatus.EMPLOYED)
    seeker = register(station, actor, "007")  # never contacted: due 30 days after registering
    overdue = register(station, actor, "008", key_groups=frozenset({KeyGroup.HARD_TO_EMPLOY}))
    station.perform(record_contact, contact(overdue, occurred_on=TODAY - timedelta(days=20)))
    today_due = register(station, actor, "009", name="李娜")
    station.perform(
        record_contact, contact(today_due, next_contact_on=TODAY, occurred_on=TODAY - timedelta(3))
    )

    due_now = station.query(contacts_due, TODAY, today=TODAY)
    assert [item.resident_id for item in due_now.items] == [overdue, today_due]
    assert (due_now.total, due_now.overdue, due_now.due_today) == (2, 1, 1)
    assert due_now.items[0].due_on == TODAY - timedelta(days=6)
    assert due_now.items[0].last_contact == TODAY - timedelta(days=20)
    assert due_now.items[0].rule_code == "hard_to_employ"

    month = station.query(contacts_due, TODAY + timedelta(days=31), today=TODAY, limit=2)
    assert month.total == 3 and len(month.items) == 2
    everyone = station.query(contacts_due, TODAY + timedelta(days=31), today=TODAY)
    assert seeker in {item.resident_id for item in everyone.items}
    assert employed not in {item.resident_id for item in everyone.items}


def test_the_latest_contact_counts_whatever_its_kind(station: StationSession, actor: Actor) -> None:
    seeker = register(station, actor, "010")
    station.perform(record_contact, contact(seeker, occurred_on=TODAY - timedelta(days=40)))
    assert station.query(contacts_due, TODAY).total == 1
    guidance = contact(
        seeker, kind=ServiceKind.CAREER_GUIDANCE, channel=ServiceChannel.COUNTER, outcome=None
    )
    station.perform(record_contact, guidance)
    assert station.query(contacts_due, TODAY).total == 0
    assert station.query(follow_up_state, seeker).due_on == TODAY + timedelta(days=29)


def test_wechat_is_a_channel(station: StationSession, actor: Actor, db: Database) -> None:
    seeker = register(station, actor, "011")
    station.perform(record_contact, contact(seeker, channel=ServiceChannel.WECHAT))
    with db.session() as session:
        assert session.scalars(select(ServiceRecord.channel)).one() is ServiceChannel.WECHAT

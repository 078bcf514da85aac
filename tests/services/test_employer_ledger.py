"""Employers in the job ledger: found by pinyin, a liaison who is a station user, contacts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, PermissionDeniedError, ValidationError
from station_app.models import ServiceChannel, UserRole
from station_app.services.employer_contacts import ContactInput, contact_history, record_contact
from station_app.services.employers import (
    EmployerInput,
    get_employer,
    liaison_choices,
    list_employers,
    update_employer,
)
from tests.conftest import ADMIN_USERNAME, SessionAs
from tests.services.job_helpers import TODAY, add_employer


def test_employers_are_found_by_pinyin_and_initials(station: StationSession) -> None:
    hengxin = add_employer(station, "界首市恒信食品有限公司", 1)
    add_employer(station, "阜阳纺织厂", 2)
    for text in ("hengxin", "HengXin", "jsshx", "jieshou"):
        assert [r.id for r in station.query(list_employers, text)] == [hengxin], text
    assert len(station.query(list_employers, "f")) == 1  # 阜阳纺织厂: fyfzc
    assert station.query(list_employers, "zzz") == []


def _with_liaison(station: StationSession, employer_id: str, liaison: str) -> None:
    version, data = station.query(get_employer, employer_id)
    changed = EmployerInput(**{**data.__dict__, "liaison": liaison, "key_enterprise": True})
    station.perform(update_employer, employer_id, version, changed)


def test_the_liaisons_offered_are_the_stations_users(station: StationSession) -> None:
    employer = add_employer(station)
    assert [c.username for c in station.query(liaison_choices)] == [ADMIN_USERNAME]
    _with_liaison(station, employer, station.actor.display_name)
    _, data = station.query(get_employer, employer)
    assert (data.liaison, data.key_enterprise) == (station.actor.display_name, True)


def test_contacts_are_dated_and_listed_newest_first(station: StationSession) -> None:
    employer = add_employer(station)
    station.perform(
        record_contact,
        employer,
        ContactInput(TODAY - timedelta(days=7), ServiceChannel.VISIT, "刘经理", "走访了解用工需求"),
    )
    station.perform(
        record_contact, employer, ContactInput(TODAY, ServiceChannel.PHONE, "", " 确认招聘人数 ")
    )
    history = station.query(contact_history, employer)
    assert [(c.channel, c.note, c.person) for c in history] == [
        (ServiceChannel.PHONE, "确认招聘人数", ""),
        (ServiceChannel.VISIT, "走访了解用工需求", "刘经理"),
    ]
    assert history[0].recorded_by == ADMIN_USERNAME


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            ContactInput(TODAY + timedelta(days=1), ServiceChannel.PHONE, "", "x"),
            "contact.date_future",
        ),
        (ContactInput(TODAY, ServiceChannel.PHONE, "", "  "), "contact.note_empty"),
        (ContactInput(TODAY, ServiceChannel.PHONE, "人" * 65, "x"), "contact.too_long"),
    ],
)
def test_bad_contacts_are_refused(station: StationSession, data: ContactInput, code: str) -> None:
    employer = add_employer(station)
    with pytest.raises(ValidationError) as caught:
        station.perform(record_contact, employer, data)
    assert code in {p.code for p in caught.value.problems}
    assert station.query(contact_history, employer) == []


def test_contacts_need_the_employer_and_the_right(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    data = ContactInput(TODAY, ServiceChannel.COUNTER, "", "来访")
    with pytest.raises(NotFoundError):
        station.perform(record_contact, "no-such-employer", data)
    employer = add_employer(station)
    with pytest.raises(PermissionDeniedError):
        session_as(db, UserRole.INSPECTOR).perform(record_contact, employer, data)

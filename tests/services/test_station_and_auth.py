"""First-start set-up of a station and logging in with argon2-hashed passwords."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.database import Database, open_database
from station_app.errors import AuthenticationError, ValidationError
from station_app.models import AuditEvent, Community, User, UserRole
from station_app.services.auth import log_in, log_out
from station_app.services.city_communities import communities_of, listed_communities, streets
from station_app.services.station import (
    AdminInput,
    CommunityInput,
    set_up_station,
    station_info,
    station_scope,
)

COMMUNITY = CommunityInput("DC-001", "人民路社区", "东城街道", 33.26, 115.37)
ADMIN = AdminInput("wangfang", "王芳", "s3cret-pass", "s3cret-pass")


@pytest.fixture
def fresh_db(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "station.sqlite")
    yield db
    db.close()


def test_station_is_not_set_up_at_first_start(fresh_db: Database) -> None:
    assert station_info(fresh_db) is None


def test_set_up_creates_community_admin_and_settings(fresh_db: Database) -> None:
    actor = set_up_station(fresh_db, COMMUNITY, ADMIN).actor
    info = station_info(fresh_db)
    assert info is not None
    assert (info.community_name, info.street, info.is_demo) == ("人民路社区", "东城街道", False)
    assert actor.role is UserRole.ADMIN
    assert actor.scope_id == info.community_id
    with fresh_db.session() as session:
        user = session.scalars(select(User)).one()
        assert user.password_hash.startswith("$argon2id$")
        assert "s3cret-pass" not in user.password_hash


def test_set_up_refuses_bad_input_and_writes_nothing(fresh_db: Database) -> None:
    bad_admin = AdminInput("王", "", "short", "short")
    bad_place = CommunityInput("", "", "", 90.0, 10.0)
    with pytest.raises(ValidationError) as caught:
        set_up_station(fresh_db, bad_place, bad_admin)
    codes = {p.code for p in caught.value.problems}
    assert codes >= {
        "station.community_name",
        "station.community_code",
        "station.street",
        "station.latitude",
        "station.longitude",
        "user.username",
        "user.display_name",
        "user.password_short",
    }
    with fresh_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Community)) == 0
        assert session.scalar(select(func.count()).select_from(User)) == 0


def test_mismatched_passwords_are_refused(fresh_db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        set_up_station(fresh_db, COMMUNITY, AdminInput("wangfang", "王芳", "abcdefgh", "abcdefgx"))
    assert [p.code for p in caught.value.problems] == ["user.password_mismatch"]


def test_set_up_happens_once(fresh_db: Database) -> None:
    set_up_station(fresh_db, COMMUNITY, ADMIN)
    with pytest.raises(ValidationError):
        set_up_station(fresh_db, COMMUNITY, AdminInput("other", "李四", "12345678", "12345678"))


def test_log_in_checks_the_password_and_audits(fresh_db: Database) -> None:
    set_up_station(fresh_db, COMMUNITY, ADMIN)
    session = log_in(fresh_db, " wangfang ", "s3cret-pass")
    assert session.actor.display_name == "王芳"
    assert session.station.community_name == "人民路社区"
    with pytest.raises(AuthenticationError):
        log_in(fresh_db, "wangfang", "wrong-password")
    with pytest.raises(AuthenticationError):
        log_in(fresh_db, "nobody", "s3cret-pass")
    with fresh_db.session() as orm:
        events = orm.scalars(select(AuditEvent).where(AuditEvent.entity == "user")).all()
    log_ins = [e for e in events if e.detail["operation"] == "log_in"]
    assert len(log_ins) == 1  # the failed attempts changed nothing
    assert log_ins[0].action == "user.update"
    assert set(log_ins[0].detail["fields"]) == {"last_login_at"}


def test_the_city_list_has_dongcheng_s_fourteen_communities() -> None:
    assert streets() == ["东城街道"]
    listed = communities_of("东城街道")
    assert len(listed) == 14
    assert len({c.code for c in listed}) == len({c.name for c in listed}) == 14
    assert all(c.name.endswith("社区") for c in listed)
    for c in listed:
        assert 33.0 < c.latitude < 33.6 and 115.2 < c.longitude < 115.6
        assert c.estimated  # no surveyed centre yet (see the data README)
    assert listed_communities() is listed_communities()


def test_set_up_records_the_served_communities_from_the_list(tmp_path: Path) -> None:
    own, *others = communities_of("东城街道")[:3]
    db = open_database(tmp_path / "station.sqlite")
    try:
        station = set_up_station(
            db,
            own.as_input(),
            AdminInput("admin", "管理员", "secret-pass", "secret-pass"),
            also_serves=[c.as_input() for c in others],
        )
        assert station.station.community_name == own.name
        with db.session() as session:
            scope = station_scope(session, station.station)
            codes = set(session.scalars(select(Community.code)))
        assert codes == {own.code, *(c.code for c in others)}
        assert len(scope.communities) == 3
        assert station.station.community_id in scope.communities
    finally:
        db.close()


def test_log_out_is_audited(fresh_db: Database) -> None:
    set_up_station(fresh_db, COMMUNITY, ADMIN)
    session = log_in(fresh_db, "wangfang", "s3cret-pass")
    session.perform(log_out)
    with fresh_db.session() as orm:
        (event,) = orm.scalars(select(AuditEvent).where(AuditEvent.action == "user.log_out"))
        assert (event.actor, event.entity, event.entity_id) == (
            "wangfang",
            "user",
            session.actor.user_id,
        )
        assert event.detail == {"operation": "log_out", "fields": {}}
        assert event.scope_id == session.actor.scope_id

"""User accounts: the administrator creates them, resets passwords, deactivates; no lock-out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import (
    AuthenticationError,
    DuplicateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from station_app.models import AuditEvent, ChangeLogEntry, User, UserRole
from station_app.services.auth import log_in
from station_app.services.passwords import MIN_PASSWORD_LENGTH, verify_password
from station_app.services.users import (
    UserInput,
    change_own_password,
    change_role,
    create_user,
    list_users,
    reset_password,
    set_active,
)
from station_app.texts import Catalogue

ADMIN_USERNAME, ADMIN_PASSWORD = "admin", "secret-123"  # see conftest.make_station
PASSWORD = "worker-pass-1"
SessionAs = Callable[..., StationSession]


def _input(**changes: object) -> UserInput:
    base = UserInput("lisi", "李四", PASSWORD, PASSWORD)
    return UserInput(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def _codes(caught: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [p.code for p in caught.value.problems]


def _user(db: Database, user_id: str) -> User:
    with db.session() as session:
        user = session.get(User, user_id)
        assert user is not None
        session.expunge(user)
        return user


def _count_users(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(User)) or 0


def test_create_a_worker_who_can_log_in(station: StationSession, db: Database) -> None:
    user_id = station.perform(create_user, _input(username=" lisi ", display_name=" 李四 "))
    user = _user(db, user_id)
    assert (user.username, user.display_name, user.role, user.active) == (
        "lisi",
        "李四",
        UserRole.WORKER,
        True,
    )
    assert user.scope_id == station.station.community_id
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, PASSWORD)
    session = log_in(db, "lisi", PASSWORD)
    assert session.actor.role is UserRole.WORKER
    assert session.actor.display_name == "李四"


def test_list_users_shows_the_active_first(station: StationSession) -> None:
    inspector = station.perform(create_user, _input(username="zhao", role=UserRole.INSPECTOR))
    worker = station.perform(create_user, _input(username="Bai"))
    station.perform(set_active, inspector, False)
    log_in(station.db, "Bai", PASSWORD)
    rows = station.query(list_users)
    assert [(r.username, r.role, r.active) for r in rows] == [
        (ADMIN_USERNAME, UserRole.ADMIN, True),
        ("Bai", UserRole.WORKER, True),
        ("zhao", UserRole.INSPECTOR, False),
    ]
    assert rows[1].id == worker
    assert rows[1].display_name == "李四"
    assert rows[1].last_login_at is not None
    assert rows[2].last_login_at is None


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"username": "王"}, "username", "user.username"),
        ({"username": "a b"}, "username", "user.username"),
        ({"username": "x" * 33}, "username", "user.username"),
        ({"display_name": "  "}, "display_name", "user.display_name"),
        ({"display_name": "长" * 65}, "display_name", "user.display_name_too_long"),
        ({"role": "boss"}, "role", "user.role"),
        ({"password": "short", "password_again": "short"}, "password", "user.password_short"),
        ({"password_again": PASSWORD + "x"}, "password_again", "user.password_mismatch"),
    ],
)
def test_bad_input_is_refused_with_its_code(
    station: StationSession, db: Database, changes: dict[str, object], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        station.perform(create_user, _input(**changes))
    assert [(p.field, p.code) for p in caught.value.problems] == [(field, code)]
    assert _count_users(db) == 1  # only the admin


def test_password_length_is_the_set_up_rule(station: StationSession) -> None:
    short = "x" * (MIN_PASSWORD_LENGTH - 1)
    with pytest.raises(ValidationError) as caught:
        station.perform(create_user, _input(password=short, password_again=short))
    assert caught.value.problems[0].params == {"min": str(MIN_PASSWORD_LENGTH)}
    enough = "x" * MIN_PASSWORD_LENGTH
    station.perform(create_user, _input(password=enough, password_again=enough))


@pytest.mark.parametrize("username", ["lisi", "LiSi", ADMIN_USERNAME.upper()])
def test_a_taken_user_name_is_a_duplicate(station: StationSession, username: str) -> None:
    first = station.perform(create_user, _input())
    with pytest.raises(DuplicateError) as caught:
        station.perform(create_user, _input(username=username))
    assert caught.value.field == "username"
    assert caught.value.code == "user.username_taken"
    assert caught.value.existing_id in {first, station.actor.user_id}
    assert Catalogue.load("zh_CN").error(caught.value) == f"用户名 {username} 已被使用，请换一个。"


def test_reset_password(station: StationSession, db: Database) -> None:
    user_id = station.perform(create_user, _input())
    station.perform(reset_password, user_id, "new-pass-99", "new-pass-99")
    with pytest.raises(AuthenticationError):
        log_in(db, "lisi", PASSWORD)
    assert log_in(db, "lisi", "new-pass-99").actor.user_id == user_id


def test_reset_password_refuses_bad_passwords(station: StationSession, db: Database) -> None:
    user_id = station.perform(create_user, _input())
    with pytest.raises(ValidationError) as caught:
        station.perform(reset_password, user_id, "short", "short")
    assert _codes(caught) == ["user.password_short"]
    with pytest.raises(ValidationError) as caught:
        station.perform(reset_password, user_id, "new-pass-99", "new-pass-98")
    assert _codes(caught) == ["user.password_mismatch"]
    assert log_in(db, "lisi", PASSWORD).actor.user_id == user_id  # unchanged


def test_the_audit_of_a_password_reset_masks_the_hash(
    station: StationSession, db: Database
) -> None:
    user_id = station.perform(create_user, _input())
    old_hash = _user(db, user_id).password_hash
    station.perform(reset_password, user_id, "new-pass-99", "new-pass-99")
    new_hash = _user(db, user_id).password_hash
    with db.session() as session:
        event = session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_id == user_id, AuditEvent.action == "user.update"
            )
        ).one()
        changes = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.entity_id == user_id)
        ).all()
    assert event.actor == ADMIN_USERNAME
    assert event.detail["operation"] == "reset_password"
    assert event.detail["fields"] == {"password_hash": {"old": "***", "new": "***"}}
    assert old_hash not in str(event.detail)
    assert new_hash not in str(event.detail)
    assert [c.op for c in changes] == ["create", "update"]


def test_a_deactivated_user_cannot_log_in(station: StationSession, db: Database) -> None:
    user_id = station.perform(create_user, _input())
    station.perform(set_active, user_id, False)
    assert not _user(db, user_id).active
    with pytest.raises(AuthenticationError):
        log_in(db, "lisi", PASSWORD)
    station.perform(set_active, user_id, True)
    assert log_in(db, "lisi", PASSWORD).actor.user_id == user_id


def test_deactivating_is_audited(station: StationSession, db: Database) -> None:
    user_id = station.perform(create_user, _input())
    station.perform(set_active, user_id, False)
    station.perform(set_active, user_id, False)  # already: nothing changes
    with db.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == user_id)).all()
    assert [(e.action, e.detail["operation"]) for e in events] == [
        ("user.create", "create_user"),
        ("user.update", "set_active"),
    ]
    assert events[1].detail["fields"] == {"active": {"old": True, "new": False}}


def test_an_admin_cannot_deactivate_themselves(station: StationSession, db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        station.perform(set_active, station.actor.user_id, False)
    assert _codes(caught) == ["user.deactivate_self"]
    assert log_in(db, ADMIN_USERNAME, ADMIN_PASSWORD).actor.role is UserRole.ADMIN


def test_an_admin_cannot_change_their_own_role(station: StationSession) -> None:
    with pytest.raises(ValidationError) as caught:
        station.perform(change_role, station.actor.user_id, UserRole.WORKER)
    assert _codes(caught) == ["user.demote_self"]
    station.perform(change_role, station.actor.user_id, UserRole.ADMIN)  # no change: fine


def test_change_role(station: StationSession, db: Database) -> None:
    user_id = station.perform(create_user, _input())
    station.perform(change_role, user_id, UserRole.ADMIN)
    assert _user(db, user_id).role is UserRole.ADMIN
    # Now another administrator may deactivate or demote this one: one admin stays.
    station.perform(change_role, user_id, UserRole.INSPECTOR)
    assert _user(db, user_id).role is UserRole.INSPECTOR
    with pytest.raises(ValidationError) as caught:
        station.perform(change_role, user_id, "boss")
    assert _codes(caught) == ["user.role"]


def test_the_last_active_admin_stays(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    """An administrator whose own account is gone (say, another station's) cannot remove the
    station's last active administrator either."""
    other = station.perform(create_user, _input(role=UserRole.ADMIN))
    station.perform(set_active, other, False)
    stranger = session_as(db, UserRole.ADMIN, "stranger")
    admin_id = station.actor.user_id
    with pytest.raises(ValidationError) as caught:
        stranger.perform(set_active, admin_id, False)
    assert [(p.field, p.code) for p in caught.value.problems] == [("active", "user.last_admin")]
    with pytest.raises(ValidationError) as caught:
        stranger.perform(change_role, admin_id, UserRole.WORKER)
    assert [(p.field, p.code) for p in caught.value.problems] == [("role", "user.last_admin")]
    # With a second active administrator it is allowed.
    stranger.perform(set_active, other, True)
    stranger.perform(set_active, admin_id, False)
    assert not _user(db, admin_id).active


def test_an_unknown_user_is_not_found(station: StationSession) -> None:
    for use_case, args in (
        (reset_password, ("nobody", "new-pass-99", "new-pass-99")),
        (set_active, ("nobody", False)),
        (change_role, ("nobody", UserRole.WORKER)),
    ):
        with pytest.raises(NotFoundError) as caught:
            station.perform(use_case, *args)  # type: ignore[arg-type]
        assert caught.value.code == "user.gone"


@pytest.mark.parametrize("role", [UserRole.WORKER, UserRole.INSPECTOR, UserRole.KIOSK])
def test_only_an_admin_manages_users(
    station: StationSession, db: Database, session_as: SessionAs, role: UserRole
) -> None:
    user_id = station.perform(create_user, _input())
    other = session_as(db, role)
    refused = [
        lambda: other.query(list_users),
        lambda: other.perform(create_user, _input(username="wangwu")),
        lambda: other.perform(reset_password, user_id, "new-pass-99", "new-pass-99"),
        lambda: other.perform(set_active, user_id, False),
        lambda: other.perform(change_role, user_id, UserRole.ADMIN),
    ]
    for attempt in refused:
        with pytest.raises(PermissionDeniedError) as caught:
            attempt()
        assert caught.value.code == "permission.user_manage"
    assert _count_users(db) == 2
    assert _user(db, user_id).role is UserRole.WORKER
    assert log_in(db, "lisi", PASSWORD).actor.user_id == user_id


def test_every_refusal_has_chinese_text() -> None:
    chinese = Catalogue.load("zh_CN")
    for code in (
        "user.display_name_too_long",
        "user.role",
        "user.deactivate_self",
        "user.demote_self",
        "user.last_admin",
        "user.username_taken",
        "user.gone",
    ):
        assert code in chinese
        assert code in chinese.translations


def test_every_user_changes_their_own_password_with_the_current_one(
    station: StationSession, db: Database
) -> None:
    station.perform(create_user, _input(role=UserRole.INSPECTOR))
    inspector = log_in(db, "lisi", PASSWORD)
    with pytest.raises(ValidationError) as caught:
        inspector.perform(change_own_password, "wrong", "new-pass-99", "new-pass-99")
    assert _codes(caught) == ["user.password_wrong"]
    with pytest.raises(ValidationError) as caught:
        inspector.perform(change_own_password, PASSWORD, "short", "short")
    assert _codes(caught) == ["user.password_short"]
    assert log_in(db, "lisi", PASSWORD)  # unchanged so far
    inspector.perform(change_own_password, PASSWORD, "new-pass-99", "new-pass-99")
    with pytest.raises(AuthenticationError):
        log_in(db, "lisi", PASSWORD)
    assert log_in(db, "lisi", "new-pass-99").actor.username == "lisi"

"""The station's user accounts, managed by its administrator: create, reset, (de)activate.

Every use case needs `Permission.USER_MANAGE` (administrators only), except changing one's
own password (`change_own_password`: every user, who must give the current one). The rules
of user names and passwords are those of the first-start set-up (services/station.py). An
administrator cannot lock themselves out: they may not deactivate or demote their own
account, and the station always keeps an active administrator. Users are never deleted,
only deactivated, so the audit log keeps naming who did what. The audit events and the
change log come from the change capture (models/change_capture.py), which masks the
password hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import DuplicateError, NotFoundError, Problem, ValidationError
from station_app.models import User, UserRole
from station_app.services.passwords import hash_password, verify_password
from station_app.services.station import check_display_name, check_password, check_username


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    display_name: str
    role: UserRole
    active: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class UserInput:
    username: str
    display_name: str
    password: str
    password_again: str
    role: UserRole | str = UserRole.WORKER


def validate_user(data: UserInput) -> list[Problem]:
    """The problems of a new account's input (the name being free is the database's to say)."""
    problems = check_username(data.username.strip())
    problems += check_display_name(data.display_name)
    problems += _role_problems(data.role)
    problems += check_password(data.password, data.password_again)
    return problems


def list_users(rx: ReadTx) -> list[UserRow]:
    """Every account of the station: the active ones first, then by user name."""
    rx.require(Permission.USER_MANAGE)
    query = (
        select(User)
        .where(User.deleted.is_(False))
        .order_by(User.active.desc(), func.lower(User.username))
    )
    return [
        UserRow(u.id, u.username, u.display_name, u.role, u.active, u.last_login_at)
        for u in rx.session.scalars(query)
    ]


def create_user(tx: WriteTx, data: UserInput) -> str:
    """Creates an active account filed under the station's community; returns its id.

    A user name is taken whatever its letter case (`Wang` and `wang` would be two people
    with one name at the login).
    """
    tx.require(Permission.USER_MANAGE)
    problems = validate_user(data)
    if problems:
        raise ValidationError(problems)
    username = data.username.strip()
    taken = tx.session.scalar(select(User.id).where(func.lower(User.username) == username.lower()))
    if taken is not None:
        raise DuplicateError(
            f"The user name {username} is taken already; choose another.",
            field="username",
            existing_id=taken,
            code="user.username_taken",
            params={"username": username},
        )
    user = User(
        scope_id=tx.station.station.community_id,
        username=username,
        display_name=data.display_name.strip(),
        password_hash=hash_password(data.password),
        role=UserRole(data.role),
        active=True,
    )
    tx.session.add(user)
    tx.session.flush()
    return user.id


def reset_password(tx: WriteTx, user_id: str, new_password: str, again: str) -> None:
    """Gives the account a new password (the administrator tells it to its user)."""
    tx.require(Permission.USER_MANAGE)
    problems = check_password(new_password, again)
    if problems:
        raise ValidationError(problems)
    _user(tx, user_id).password_hash = hash_password(new_password)


def change_own_password(tx: WriteTx, current: str, new_password: str, again: str) -> None:
    """The logged-in user's new password, once the current one has been given right."""
    user = _user(tx, tx.actor.user_id)
    problems: list[Problem] = []
    if not verify_password(user.password_hash, current):
        problems.append(
            Problem("current_password", "user.password_wrong", "The current password is wrong.")
        )
    problems += check_password(new_password, again)
    if problems:
        raise ValidationError(problems)
    user.password_hash = hash_password(new_password)


def set_active(tx: WriteTx, user_id: str, active: bool) -> None:
    """Deactivates an account (it can no longer log in) or activates it again."""
    tx.require(Permission.USER_MANAGE)
    user = _user(tx, user_id)
    if user.active == active:
        return
    if not active:
        if user.id == tx.actor.user_id:
            raise _refused_change(
                "active", "user.deactivate_self", "You cannot deactivate your own account."
            )
        _keep_an_admin(tx, user, "active")
    user.active = active


def change_role(tx: WriteTx, user_id: str, role: UserRole | str) -> None:
    """Gives the account another role; an administrator's own role stays."""
    tx.require(Permission.USER_MANAGE)
    problems = _role_problems(role)
    if problems:
        raise ValidationError(problems)
    new_role = UserRole(role)
    user = _user(tx, user_id)
    if user.role is new_role:
        return
    if user.id == tx.actor.user_id:
        raise _refused_change("role", "user.demote_self", "You cannot change your own role.")
    if user.role is UserRole.ADMIN:
        _keep_an_admin(tx, user, "role")
    user.role = new_role


def _user(rx: ReadTx, user_id: str) -> User:
    user = rx.session.get(User, user_id)
    if user is None or user.deleted:
        raise NotFoundError("the user account no longer exists", code="user.gone")
    return user


def _keep_an_admin(rx: ReadTx, leaving: User, field: str) -> None:
    """Refuses to take `leaving` out of the active administrators if it is the last one."""
    if leaving.role is not UserRole.ADMIN or not leaving.active:
        return
    others = rx.session.scalar(
        select(func.count())
        .select_from(User)
        .where(
            User.role == UserRole.ADMIN,
            User.active.is_(True),
            User.deleted.is_(False),
            User.id != leaving.id,
        )
    )
    if not others:
        raise _refused_change(
            field, "user.last_admin", "The station needs at least one active administrator."
        )


def _role_problems(role: UserRole | str) -> list[Problem]:
    if role in {r.value for r in UserRole}:
        return []
    return [Problem("role", "user.role", "Choose a role from the list.")]


def _refused_change(field: str, code: str, message: str) -> ValidationError:
    return ValidationError([Problem(field, code, message)])

"""This station: first-start set-up (its community and admin) and the facts shown in the UI."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.database import Database
from station_app.errors import Problem, ValidationError
from station_app.models import CITY_SCOPE, Community, StationSetting, User, UserRole
from station_app.services.actor import Actor
from station_app.services.audit import record_event
from station_app.services.passwords import MIN_PASSWORD_LENGTH, hash_password

COMMUNITY_SETTING = "station_community_id"
DEMO_SETTING = "demo_data"
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")


@dataclass(frozen=True)
class StationInfo:
    community_id: str
    community_name: str
    street: str
    is_demo: bool


@dataclass(frozen=True)
class CommunityInput:
    code: str
    name: str
    street: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class AdminInput:
    username: str
    display_name: str
    password: str
    password_again: str


def station_info(db: Database) -> StationInfo | None:
    """The station's community, or None while the station is not set up (first start)."""
    with db.session() as session:
        settings = _settings(session)
        community_id = settings.get(COMMUNITY_SETTING)
        if community_id is None:
            return None
        community = session.get(Community, community_id)
        if community is None:
            return None
        return StationInfo(
            community_id=community.id,
            community_name=community.name,
            street=community.street,
            is_demo=settings.get(DEMO_SETTING) == "1",
        )


def validate_set_up(community: CommunityInput, admin: AdminInput) -> list[Problem]:
    problems: list[Problem] = []
    if not community.name.strip():
        problems.append(Problem("community_name", "station.community_name", "Enter the name."))
    if not community.street.strip():
        problems.append(Problem("street", "station.street", "Enter the street (街道/乡镇)."))
    if not community.code.strip():
        problems.append(Problem("community_code", "station.community_code", "Enter the code."))
    if community.latitude is not None and not 3.0 <= community.latitude <= 54.0:
        problems.append(Problem("latitude", "station.latitude", "Latitude outside China."))
    if community.longitude is not None and not 73.0 <= community.longitude <= 136.0:
        problems.append(Problem("longitude", "station.longitude", "Longitude outside China."))
    if not USERNAME_PATTERN.match(admin.username):
        problems.append(
            Problem(
                "username",
                "user.username",
                "User names have 2-32 letters, digits, '_', '.' or '-'.",
            )
        )
    if not admin.display_name.strip():
        problems.append(Problem("display_name", "user.display_name", "Enter the person's name."))
    if len(admin.password) < MIN_PASSWORD_LENGTH:
        problems.append(
            Problem(
                "password",
                "user.password_short",
                f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.",
                {"min": str(MIN_PASSWORD_LENGTH)},
            )
        )
    elif admin.password != admin.password_again:
        problems.append(
            Problem("password_again", "user.password_mismatch", "The passwords differ.")
        )
    return problems


def set_up_station(
    db: Database, community: CommunityInput, admin: AdminInput, *, demo: bool = False
) -> Actor:
    """First start: records the station's community and creates its admin, all or nothing."""
    problems = validate_set_up(community, admin)
    if problems:
        raise ValidationError(problems)
    with db.session() as session, session.begin():
        if _settings(session).get(COMMUNITY_SETTING) is not None:
            raise ValidationError(
                [Problem("station", "station.already_set_up", "The station is already set up.")]
            )
        existing = session.scalar(select(Community).where(Community.code == community.code))
        if existing is None:
            existing = Community(
                scope_id=CITY_SCOPE,
                code=community.code.strip(),
                name=community.name.strip(),
                street=community.street.strip(),
                latitude=community.latitude,
                longitude=community.longitude,
                updated_by=admin.username,
            )
            session.add(existing)
            session.flush()
        user = User(
            scope_id=existing.id,
            username=admin.username,
            display_name=admin.display_name.strip(),
            password_hash=hash_password(admin.password),
            role=UserRole.ADMIN,
            updated_by=admin.username,
        )
        session.add(user)
        session.add(StationSetting(key=COMMUNITY_SETTING, value=existing.id))
        session.add(StationSetting(key=DEMO_SETTING, value="1" if demo else "0"))
        session.flush()
        actor = Actor(user.id, user.username, user.display_name, user.role, existing.id)
        record_event(session, actor, "station.set_up", "community", existing.id)
        return actor


def _settings(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(StationSetting))}

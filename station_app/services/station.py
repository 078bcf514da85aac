"""This station: first-start set-up (its community and admin) and the facts shown in the UI."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.core.actor import Actor
from station_app.core.changes import ChangeHub
from station_app.core.station_session import Scope, StationInfo, StationSession
from station_app.database import Database
from station_app.errors import Problem, ValidationError
from station_app.models import CITY_SCOPE, Community, StationSetting, User, UserRole
from station_app.models.change_capture import ACTOR_KEY, OPERATION_KEY
from station_app.models.community import community_id_for
from station_app.services.passwords import MIN_PASSWORD_LENGTH, hash_password

COMMUNITY_SETTING = "station_community_id"
# The communities this station serves (a JSON list of ids; its own community when absent).
SCOPE_SETTING = "station_scope_communities"
DEMO_SETTING = "demo_data"
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")
MAX_DISPLAY_NAME = 64  # the column's width

__all__ = ["StationInfo"]  # re-exported: front ends read it from here


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
        return read_station_info(session)


def station_scope(session: Session, station: StationInfo) -> Scope:
    """The communities this station serves (whose residents it holds)."""
    stored = _settings(session).get(SCOPE_SETTING)
    ids = json.loads(stored) if stored else [station.community_id]
    return Scope(frozenset(str(i) for i in ids) | {station.community_id})


def set_served_communities(session: Session, community_ids: Iterable[str]) -> None:
    """Records the communities this station serves (set-up, demo, later the enrolment)."""
    value = json.dumps(sorted(set(community_ids)))
    setting = session.get(StationSetting, SCOPE_SETTING)
    if setting is None:
        session.add(StationSetting(key=SCOPE_SETTING, value=value))
    else:
        setting.value = value


def read_station_info(session: Session) -> StationInfo | None:
    """The station's community as recorded at set-up, read in an open session."""
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
    problems += check_username(admin.username)
    problems += check_display_name(admin.display_name)
    problems += check_password(admin.password, admin.password_again)
    return problems


def check_username(username: str) -> list[Problem]:
    """The rule of every user name (the admin's at set-up, the users the admin creates)."""
    if USERNAME_PATTERN.match(username):
        return []
    return [
        Problem(
            "username",
            "user.username",
            "User names have 2-32 letters, digits, '_', '.' or '-'.",
        )
    ]


def check_display_name(display_name: str) -> list[Problem]:
    name = display_name.strip()
    if not name:
        return [Problem("display_name", "user.display_name", "Enter the person's name.")]
    if len(name) > MAX_DISPLAY_NAME:
        return [
            Problem(
                "display_name",
                "user.display_name_too_long",
                f"Names have at most {MAX_DISPLAY_NAME} characters.",
                {"max": str(MAX_DISPLAY_NAME)},
            )
        ]
    return []


def check_password(password: str, password_again: str) -> list[Problem]:
    """A new password: long enough, and typed the same twice."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return [
            Problem(
                "password",
                "user.password_short",
                f"Passwords need at least {MIN_PASSWORD_LENGTH} characters.",
                {"min": str(MIN_PASSWORD_LENGTH)},
            )
        ]
    if password != password_again:
        return [Problem("password_again", "user.password_mismatch", "The passwords differ.")]
    return []


def set_up_station(
    db: Database,
    community: CommunityInput,
    admin: AdminInput,
    *,
    also_serves: Sequence[CommunityInput] = (),
    demo: bool = False,
    events: ChangeHub | None = None,
) -> StationSession:
    """First start: records the station's community and creates its admin, all or nothing.

    `also_serves` are the other communities whose residents the station registers (from the
    city's list); they are created when missing. Returns the admin's session: setting up the
    station logs its admin in.
    """
    problems = validate_set_up(community, admin)
    for other in also_serves:
        if not (other.code.strip() and other.name.strip() and other.street.strip()):
            problems.append(
                Problem(
                    "also_serves", "station.served_incomplete", "A served community is incomplete."
                )
            )
            break
    if problems:
        raise ValidationError(problems)
    with db.session() as session, session.begin():
        session.info[ACTOR_KEY] = admin.username
        session.info[OPERATION_KEY] = "set_up_station"
        if _settings(session).get(COMMUNITY_SETTING) is not None:
            raise ValidationError(
                [Problem("station", "station.already_set_up", "The station is already set up.")]
            )
        existing = _community(session, community)
        served = [existing.id, *(_community(session, other).id for other in also_serves)]
        user = User(
            scope_id=existing.id,
            username=admin.username,
            display_name=admin.display_name.strip(),
            password_hash=hash_password(admin.password),
            role=UserRole.ADMIN,
        )
        session.add(user)
        session.add(StationSetting(key=COMMUNITY_SETTING, value=existing.id))
        session.add(StationSetting(key=DEMO_SETTING, value="1" if demo else "0"))
        set_served_communities(session, served)
        session.flush()
        actor = Actor(user.id, user.username, user.display_name, user.role, existing.id)
        info = read_station_info(session)
        assert info is not None
        scope = station_scope(session, info)
    return StationSession(db, actor, info, scope=scope, events=events)


def _community(session: Session, community: CommunityInput) -> Community:
    """The community with this code, created from the input when the database lacks it."""
    code = community.code.strip()
    existing = session.scalar(select(Community).where(Community.code == code))
    if existing is None:
        existing = Community(
            id=community_id_for(code),
            scope_id=CITY_SCOPE,
            code=code,
            name=community.name.strip(),
            street=community.street.strip(),
            latitude=community.latitude,
            longitude=community.longitude,
        )
        session.add(existing)
        session.flush()
    return existing


def _settings(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(StationSetting))}

"""Logging in: checks a user's argon2 hash and returns the Actor the other services expect."""

from __future__ import annotations

from sqlalchemy import select

from station_app.database import Database
from station_app.errors import AuthenticationError
from station_app.models import StationSetting, User, utc_now
from station_app.services.actor import Actor
from station_app.services.audit import record_event
from station_app.services.passwords import hash_password, needs_rehash, verify_password
from station_app.services.station import COMMUNITY_SETTING


def log_in(db: Database, username: str, password: str) -> Actor:
    """The actor for these credentials; AuthenticationError (no hint which part was wrong)."""
    with db.session() as session, session.begin():
        user = session.scalar(
            select(User).where(User.username == username.strip(), User.deleted.is_(False))
        )
        if user is None or not user.active or not verify_password(user.password_hash, password):
            raise AuthenticationError("wrong user name or password")
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_at = utc_now()
        setting = session.get(StationSetting, COMMUNITY_SETTING)
        scope = setting.value if setting is not None else user.scope_id
        actor = Actor(user.id, user.username, user.display_name, user.role, scope)
        record_event(session, actor, "user.log_in", "user", user.id)
        return actor

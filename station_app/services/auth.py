"""Logging in: checks a user's argon2 hash and opens the worker's station session."""

from __future__ import annotations

from sqlalchemy import select

from station_app.core.actor import Actor
from station_app.core.changes import ChangeHub
from station_app.core.station_session import StationSession, WriteTx
from station_app.database import Database
from station_app.errors import AuthenticationError, DatabaseError
from station_app.models import User, utc_now
from station_app.models.change_capture import ACTOR_KEY, OPERATION_KEY, record_event
from station_app.services.passwords import hash_password, needs_rehash, verify_password
from station_app.services.station import read_station_info, station_scope


def log_in(
    db: Database, username: str, password: str, *, events: ChangeHub | None = None
) -> StationSession:
    """The session for these credentials; AuthenticationError (no hint which part was wrong)."""
    with db.session() as session, session.begin():
        session.info[OPERATION_KEY] = "log_in"
        user = session.scalar(
            select(User).where(User.username == username.strip(), User.deleted.is_(False))
        )
        if user is None or not user.active or not verify_password(user.password_hash, password):
            raise AuthenticationError("wrong user name or password", code="auth.wrong_credentials")
        session.info[ACTOR_KEY] = user.username
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_at = utc_now()
        station = read_station_info(session)
        if station is None:
            raise DatabaseError("this station is not set up yet", code="station.not_set_up")
        scope = station_scope(session, station)
        actor = Actor(user.id, user.username, user.display_name, user.role, station.community_id)
    return StationSession(db, actor, station, scope=scope, events=events)


def log_out(tx: WriteTx) -> None:
    """Records that the session's worker logged out (an audit event; the user row is kept)."""
    user = tx.session.get(User, tx.actor.user_id)
    tx.session.info[OPERATION_KEY] = "log_out"
    record_event(
        tx.session,
        action="user.log_out",
        entity="user",
        entity_id=tx.actor.user_id,
        scope_id=user.scope_id if user is not None else tx.actor.scope_id,
        actor=tx.actor.username,
    )

"""Short-lived access tokens: a station's id and an expiry, signed with the server's key.

The token says who the station is, nothing more: its scope (the communities it serves) and its
status are read from the register on every request, so a revocation or a change of scope
holds at once, and no request can name its own scope.
"""

from __future__ import annotations

import base64
import calendar
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from city_server.models import SigningKey, Station, StationCommunity, StationStatus, utc_now
from city_server.stations import NotEnrolled, Revoked

PREFIX = "v1"
KEY_ID = 1


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class StationClaims:
    """Who is asking, and what they may see: from the register, not from the request."""

    station_id: str
    communities: tuple[str, ...]


def issue(
    session: Session, station: Station, ttl: timedelta, *, now: datetime | None = None
) -> AccessToken:
    """A token for an authenticated station."""
    expires_at = (now or utc_now()) + ttl
    body = f"{station.id}|{calendar.timegm(expires_at.timetuple())}"
    payload = _b64(body.encode())
    return AccessToken(f"{PREFIX}.{payload}.{_sign(session, payload)}", expires_at)


def verify(session: Session, token: str, *, now: datetime | None = None) -> StationClaims:
    """The claims of a valid, unexpired token of an active station."""
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise NotEnrolled("auth.bad_token", "not an access token of this server")
    payload, signature = parts[1], parts[2]
    if not hmac.compare_digest(_sign(session, payload), signature):
        raise NotEnrolled("auth.bad_token", "not an access token of this server")
    try:
        station_id, _, expiry = base64.urlsafe_b64decode(_pad(payload)).decode().partition("|")
        expires_at = datetime.fromtimestamp(int(expiry), UTC).replace(tzinfo=None)
    except (ValueError, UnicodeDecodeError, OverflowError):
        raise NotEnrolled("auth.bad_token", "not an access token of this server") from None
    if expires_at <= (now or utc_now()):
        raise NotEnrolled("auth.expired_token", "the access token has expired; ask for a new one")
    # The station's status and communities in one Core query (no ORM objects): read on every
    # request, so a revocation or a change of scope holds at the very next one.
    rows = session.connection().execute(_REGISTER, {"station_id": station_id}).all()
    if not rows:
        raise NotEnrolled("auth.bad_token", "not an access token of this server")
    if rows[0][0] != StationStatus.ACTIVE:
        raise Revoked("station.revoked", "this station has been revoked by the city")
    return StationClaims(station_id, tuple(row[1] for row in rows if row[1] is not None))


_STATIONS = Station.__table__
_COMMUNITIES = StationCommunity.__table__
_REGISTER = (
    select(_STATIONS.c.status, _COMMUNITIES.c.community_code)
    .select_from(_STATIONS.outerjoin(_COMMUNITIES, _COMMUNITIES.c.station_id == _STATIONS.c.id))
    .where(_STATIONS.c.id == bindparam("station_id"))
    .order_by(_COMMUNITIES.c.community_code)
)


def _sign(session: Session, payload: str) -> str:
    digest = hmac.new(_key(session), payload.encode(), hashlib.sha256).digest()
    return _b64(digest)


def ensure_key(session: Session) -> None:
    """Makes the signing key if there is none (at start; workers may race, one wins)."""
    if session.get(SigningKey, KEY_ID) is not None:
        return
    session.add(SigningKey(id=KEY_ID, secret=secrets.token_bytes(32)))
    try:
        session.commit()
    except IntegrityError:  # another worker made it meanwhile
        session.rollback()


def _key(session: Session) -> bytes:
    """The signing key (read once per database: it never changes once made)."""
    bind = session.get_bind()
    cached = _KEYS.get(id(bind))
    if cached is not None and cached[0] is bind:
        return cached[1]
    row = session.get(SigningKey, KEY_ID)
    if row is None:
        raise RuntimeError("the signing key is missing: the app makes it at start (ensure_key)")
    _KEYS[id(bind)] = (bind, row.secret)
    return row.secret


_KEYS: dict[int, tuple[object, bytes]] = {}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _pad(text: str) -> str:
    return text + "=" * (-len(text) % 4)

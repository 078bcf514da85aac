"""The register of stations: add one with a one-time code, enrol it, list and revoke them.

A station is added for the communities it serves; that list, kept here, is its scope. It then
enrols once with its one-time code and gets its id and a secret, which it keeps; with them it
asks for short-lived access tokens (`tokens.py`). Codes and secrets are stored only as hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from city_server.models import EnrolmentCode, Station, StationCommunity, StationStatus, utc_now

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read out over the phone
CODE_GROUPS, CODE_GROUP_LENGTH = 3, 4
COMMUNITY_CODE = re.compile(r"[A-Za-z0-9_-]{1,32}")
MAX_NAME = 100


class RegistryError(Exception):
    """A request about stations that cannot be done; `code` is stable, the message English."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class NotEnrolled(RegistryError):
    """Unknown, used or expired code; unknown station or wrong secret (never says which)."""


class Revoked(RegistryError):
    pass


@dataclass(frozen=True)
class StationSummary:
    id: str
    name: str
    status: StationStatus
    communities: tuple[str, ...]
    created_at: datetime
    last_seen_at: datetime | None
    app_version: str | None


@dataclass(frozen=True)
class Credentials:
    station_id: str
    secret: str


def add_station(
    session: Session,
    communities: Sequence[str],
    *,
    name: str = "",
    code_ttl: timedelta,
    now: datetime | None = None,
) -> tuple[StationSummary, str]:
    """A new station for these community codes, and its one-time enrolment code."""
    codes = sorted({c.strip() for c in communities})
    if not codes:
        raise RegistryError("station.no_community", "name at least one community (--community)")
    bad = [c for c in codes if not COMMUNITY_CODE.fullmatch(c)]
    if bad:
        raise RegistryError(
            "station.bad_community",
            f"not a community code: {bad[0]!r} (1-32 letters, digits, '-' or '_')",
        )
    name = name.strip() or ", ".join(codes)
    if len(name) > MAX_NAME:
        raise RegistryError("station.long_name", f"the name is longer than {MAX_NAME} characters")
    now = now or utc_now()
    station = Station(
        id=str(uuid.uuid4()),
        name=name,
        status=StationStatus.PENDING,
        created_at=now,
        communities=[StationCommunity(community_code=code) for code in codes],
    )
    code = _new_code()
    session.add(station)
    session.flush()  # before its code, which refers to it (no relationship orders them)
    session.add(
        EnrolmentCode(
            code_hash=_digest(normalize_code(code)),
            station_id=station.id,
            expires_at=now + code_ttl,
        )
    )
    session.flush()
    return _summary(station), code


def enrol(session: Session, code: str, *, now: datetime | None = None) -> Credentials:
    """Exchanges a one-time code for the station's id and a new secret (once)."""
    now = now or utc_now()
    row = session.get(EnrolmentCode, _digest(normalize_code(code)), with_for_update=True)
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise NotEnrolled("enrol.bad_code", "the enrolment code is unknown, used or expired")
    station = session.get(Station, row.station_id)
    if station is None or station.status is StationStatus.REVOKED:
        raise Revoked("station.revoked", "this station has been revoked by the city")
    secret = secrets.token_urlsafe(32)
    row.used_at = now
    station.secret_hash = _digest(secret)
    station.status = StationStatus.ACTIVE
    station.enrolled_at = now
    session.flush()
    return Credentials(station.id, secret)


def authenticate(session: Session, credentials: Credentials) -> Station:
    """The active station these credentials belong to."""
    station = session.get(Station, credentials.station_id)
    if (
        station is None
        or station.secret_hash is None
        or not hmac.compare_digest(station.secret_hash, _digest(credentials.secret))
    ):
        raise NotEnrolled("auth.bad_credentials", "unknown station or wrong secret")
    if station.status is StationStatus.REVOKED:
        raise Revoked("station.revoked", "this station has been revoked by the city")
    return station


def list_stations(session: Session) -> list[StationSummary]:
    stations = session.scalars(select(Station).order_by(Station.created_at, Station.id))
    return [_summary(station) for station in stations]


def revoke_station(session: Session, station_id: str) -> StationSummary:
    """Refuses the station from now on (its tokens included); its unused codes die too."""
    station = session.get(Station, station_id.strip())
    if station is None:
        raise RegistryError("station.unknown", f"no station has the id {station_id!r}")
    station.status = StationStatus.REVOKED
    session.flush()
    return _summary(station)


def normalize_code(code: str) -> str:
    """A code as typed (any case, with or without dashes and spaces) in its stored form."""
    return "".join(ch for ch in code.upper() if ch not in "- ")


def _new_code() -> str:
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _summary(station: Station) -> StationSummary:
    return StationSummary(
        id=station.id,
        name=station.name,
        status=StationStatus(station.status),
        communities=station.community_codes,
        created_at=station.created_at,
        last_seen_at=station.last_seen_at,
        app_version=station.app_version,
    )

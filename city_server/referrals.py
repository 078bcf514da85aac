"""Checks that a referral slip's serial and check code were made by an enrolled station.

A slip's serial starts with its station's code (the first eight characters of the station's
id, in capitals), then the year and a number: `3F2A9C41-2026-000123`. Its check code is
`check_code(key, serial)`, where the key is derived from the station's secret as both sides
hold it (the server keeps only the secret's SHA-256): nobody without the station's secret,
or the server's register, can make one. The station checks its own slips offline with the
same function.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from city_server.models import Station, StationStatus

SERIAL = re.compile(r"^([0-9A-F]{8})-(\d{4})-(\d{1,9})$")
CHECK_LENGTH = 10
PURPOSE = b"referral-check-v1"


def station_code(station_id: str) -> str:
    """The code a station's serials start with."""
    return station_id.replace("-", "")[:8].upper()


def referral_key(secret_hash_hex: str) -> bytes:
    """The key a station's check codes are made with, from the SHA-256 of its secret."""
    return hmac.new(bytes.fromhex(secret_hash_hex), PURPOSE, hashlib.sha256).digest()


def check_code(key: bytes, serial: str) -> str:
    """The check code of a serial: ten characters of base32 (no 0/1 look-alikes to misread)."""
    digest = hmac.new(key, serial.strip().upper().encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:CHECK_LENGTH]


@dataclass(frozen=True)
class Verdict:
    genuine: bool
    station_name: str | None = None


def verify(session: Session, serial: str, code: str) -> Verdict:
    """Whether an enrolled station made this serial with this check code."""
    text = serial.strip().upper()
    match = SERIAL.match(text)
    if match is None:
        return Verdict(False)
    prefix = match.group(1).lower()
    candidates = session.scalars(
        select(Station).where(
            Station.id.like(f"{prefix[:8]}%"), Station.status != StationStatus.PENDING
        )
    ).all()
    for station in candidates:
        if station.secret_hash is None or station_code(station.id) != match.group(1):
            continue
        expected = check_code(referral_key(station.secret_hash), text)
        if hmac.compare_digest(expected, code.strip().upper()):
            return Verdict(True, station.name)
    return Verdict(False)

"""Referral slips' serials and check codes: made and checked here offline, by the city online.

The same rule as the city server's (`city_server/referrals.py`, a protocol constant): a serial
is the station's code (the first eight hex digits of its id, in capitals), the year and a
number, `3F2A9C41-2026-000123`; the key is an HMAC of the SHA-256 of the station's secret, and
the check code ten base32 characters of the HMAC of the serial. Where a station's id and
secret come from: `SlipKeys` (built by `sync/slip_identity.py`) and `docs/referrals.md`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass

CHECK_LENGTH = 10
PURPOSE = b"referral-check-v1"
SERIAL = re.compile(r"^([0-9A-F]{8})-(\d{4})-(\d{1,9})$")
NUMBER_DIGITS = 6  # zero-padded; a station making more in a year gets longer numbers


def station_code(station_id: str) -> str:
    """The code a station's serials start with."""
    return station_id.replace("-", "")[:8].upper()


def referral_key(secret: str) -> bytes:
    return hmac.new(hashlib.sha256(secret.encode()).digest(), PURPOSE, hashlib.sha256).digest()


def check_code(secret: str, serial: str) -> str:
    digest = hmac.new(referral_key(secret), serial.strip().upper().encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()).decode()[:CHECK_LENGTH]


def is_genuine(secret: str, serial: str, code: str) -> bool:
    """Whether this station made the serial with this check code (offline)."""
    return hmac.compare_digest(check_code(secret, serial), code.strip().upper())


def make_serial(code: str, year: int, number: int) -> str:
    return f"{code}-{year:04d}-{number:0{NUMBER_DIGITS}d}"


def parse_serial(serial: str) -> tuple[str, int, int] | None:
    """The station code, year and number of a serial; None if it is not one."""
    match = SERIAL.match(serial.strip().upper())
    if match is None:
        return None
    return match.group(1), int(match.group(2)), int(match.group(3))


@dataclass(frozen=True)
class SlipKey:
    """One identity a station signs slips with: an id (its code's source) and a secret."""

    station_id: str
    secret: str
    enrolled: bool  # the city's id and secret (the city can verify its slips)

    @property
    def code(self) -> str:
        return station_code(self.station_id)

    def check(self, serial: str) -> str:
        return check_code(self.secret, serial)

    def __repr__(self) -> str:  # never the secret in a log or a traceback
        return f"SlipKey({self.station_id!r}, enrolled={self.enrolled})"


@dataclass(frozen=True)
class SlipKeys:
    """The key new slips are made with, and earlier ones whose slips are still checked here
    (the local identity a station used before it enrolled)."""

    issuing: SlipKey
    earlier: tuple[SlipKey, ...] = ()

    def for_serial(self, serial: str) -> SlipKey | None:
        """The key whose station code the serial starts with, if it is one of this station's."""
        parsed = parse_serial(serial)
        if parsed is None:
            return None
        return next((k for k in (self.issuing, *self.earlier) if k.code == parsed[0]), None)

    def is_genuine(self, serial: str, code: str) -> bool:
        key = self.for_serial(serial)
        return key is not None and hmac.compare_digest(
            key.check(serial.strip().upper()), code.strip().upper()
        )

"""Check codes of referral slips: made and checked here offline, checked by the city online.

The same rule as the city server's (`city_server/referrals.py`, a protocol constant): the
key is an HMAC of the SHA-256 of the station's secret, the code ten base32 characters of the
HMAC of the serial, and a serial starts with the station's code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

CHECK_LENGTH = 10
PURPOSE = b"referral-check-v1"


def station_code(station_id: str) -> str:
    """The code this station's serials start with."""
    return station_id.replace("-", "")[:8].upper()


def referral_key(secret: str) -> bytes:
    return hmac.new(hashlib.sha256(secret.encode()).digest(), PURPOSE, hashlib.sha256).digest()


def check_code(secret: str, serial: str) -> str:
    digest = hmac.new(referral_key(secret), serial.strip().upper().encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()).decode()[:CHECK_LENGTH]


def is_genuine(secret: str, serial: str, code: str) -> bool:
    """Whether this station made the serial with this check code (offline)."""
    return hmac.compare_digest(check_code(secret, serial), code.strip().upper())

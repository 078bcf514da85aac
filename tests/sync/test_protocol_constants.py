"""The rules both sides keep a copy of (the city server imports nothing of the station app)."""

from __future__ import annotations

import hashlib

from city_server import entities, referrals
from station_app.models.community import community_id_for
from station_app.services import referral_codes


def test_both_sides_make_the_same_community_id_from_a_code() -> None:
    for code in ("341282001001", "SIM0007", " 341282009009 "):
        assert entities.community_id_for(code) == community_id_for(code)


def test_both_sides_make_the_same_check_code_for_a_referral_serial() -> None:
    secret = "a station secret"
    city_key = referrals.referral_key(hashlib.sha256(secret.encode()).hexdigest())
    for station_id in (
        "3f2a9c41-0000-4000-8000-000000000000",
        "00ab12cd-1111-4111-8111-111111111111",
    ):
        serial = f"{referrals.station_code(station_id)}-2026-000123"
        assert referral_codes.station_code(station_id) == referrals.station_code(station_id)
        assert referral_codes.check_code(secret, serial) == referrals.check_code(city_key, serial)

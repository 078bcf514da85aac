"""Seeded identifiers: UUIDv7 ids, ID numbers, mobile and landline numbers, credit codes."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime

from station_app.models import EmployerType
from station_app.validation import compute_credit_check_character, compute_id_check_character

REGION_CODE = "341282"  # 界首市
AREA_CODE = "0558"  # Fuyang, Jieshou included

# Mobile prefixes of the three carriers (and a few virtual ones), most common first.
# fmt: off
_MOBILE_PREFIXES = (
    "138", "139", "137", "135", "136", "134", "150", "151", "152", "157", "158", "159",
    "182", "183", "187", "188", "178", "198", "130", "131", "132", "155", "156", "185",
    "186", "166", "176", "133", "153", "180", "181", "189", "177", "173", "199", "191",
)
# fmt: on
_MOBILE_WEIGHTS = tuple(3.0 if index < 12 else 1.0 for index in range(len(_MOBILE_PREFIXES)))

# GB 32100 first two characters: registration authority and kind of organisation.
_CREDIT_PREFIX = {
    EmployerType.ENTERPRISE: "91",  # 工商 / 企业
    EmployerType.INDIVIDUAL_BUSINESS: "92",  # 工商 / 个体工商户
    EmployerType.PUBLIC_INSTITUTION: "12",  # 机构编制 / 事业单位
    EmployerType.SOCIAL_ORGANISATION: "52",  # 民政 / 民办非企业单位
}
# Characters allowed in the organisation-code part of a credit code (GB 32100 charset).
_ORG_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# GB 11714 organisation code check: weights of the eight body characters.
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_value(character: str) -> int:
    return int(character) if character.isdigit() else ord(character) - ord("A") + 10


def organization_code_check(body: str) -> str:
    """The GB 11714 check character of an eight-character organisation code body."""
    total = sum(_org_value(c) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


class DemoIdentifiers:
    """Identifiers drawn from one seeded random source; every number it hands out is unique."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._id_numbers: set[str] = set()
        self._phones: set[str] = set()
        self._credit_codes: set[str] = set()

    def uuid7(self, at: datetime) -> str:
        """A UUIDv7 whose timestamp is `at` and whose random bits come from the seed."""
        millis = int(at.timestamp() * 1000)
        rand_a = self._rng.getrandbits(12)
        rand_b = self._rng.getrandbits(62)
        value = (millis << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
        return str(uuid.UUID(int=value))

    def id_number(self, birth_date: date, sex: str) -> str:
        """An 18-character ID number of Jieshou with a valid check character (GB 11643)."""
        rng = self._rng
        birth = birth_date.strftime("%Y%m%d")
        while True:
            sequence = rng.randrange(0, 500) * 2 + (1 if sex == "M" else 0)
            first17 = f"{REGION_CODE}{birth}{sequence:03d}"
            number = first17 + compute_id_check_character(first17)
            if number not in self._id_numbers:
                self._id_numbers.add(number)
                return number

    def mobile(self) -> str:
        rng = self._rng
        while True:
            prefix = rng.choices(_MOBILE_PREFIXES, weights=_MOBILE_WEIGHTS)[0]
            number = f"{prefix}{rng.randrange(100_000_000):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def landline(self) -> str:
        """A Jieshou landline in the normalised form ``0558-48xxxxx``."""
        rng = self._rng
        while True:
            number = f"{AREA_CODE}-{rng.choice(('48', '49'))}{rng.randrange(100_000):05d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def credit_code(self, employer_type: EmployerType) -> str:
        """A unified social credit code of Jieshou (GB 32100) for this kind of employer.

        The organisation-code part follows GB 11714; most bodies have the "MA" form given
        to organisations registered since 2015.
        """
        rng = self._rng
        while True:
            if rng.random() < 0.7:
                body = "MA" + "".join(rng.choice(_ORG_CHARSET) for _ in range(6))
            else:
                body = f"{rng.randrange(10_000_000, 100_000_000):08d}"
            first17 = _CREDIT_PREFIX[employer_type] + REGION_CODE + body
            first17 += organization_code_check(body)
            code = first17 + compute_credit_check_character(first17)
            if code not in self._credit_codes:
                self._credit_codes.add(code)
                return code

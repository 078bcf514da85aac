"""Resident identity card numbers (GB 11643-1999): normalisation, check character and parsing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from operator import mul
from typing import Literal

from station_app.errors import Problem, ValidationError

FIELD = "id_number"
ID_NUMBER_LENGTH = 18
EARLIEST_BIRTH_DATE = date(1900, 1, 1)

# GB 11643-1999: weight of position i is 2**(17 - i) mod 11; the check value maps through this.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"
_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_WHITESPACE = re.compile(r"\s+")

# Full-width forms (U+FF01..U+FF5E) sit 0xFEE0 above ASCII; U+3000 is the ideographic space.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

Sex = Literal["M", "F"]


def to_half_width(text: str) -> str:
    """Fold full-width ASCII look-alikes typed with a Chinese IME (３４１２, ｘ, （） into ASCII."""
    return text if text.isascii() else text.translate(_HALF_WIDTH)


@dataclass(frozen=True)
class IdNumber:
    """A valid 18-character resident ID number and what it encodes."""

    number: str
    region_code: str
    birth_date: date
    sex: Sex


def normalize_id_number(text: str) -> str:
    """Fold full-width characters, drop all whitespace and upper-case the check character."""
    return _WHITESPACE.sub("", to_half_width(text)).upper()


def compute_id_check_character(first17: str) -> str:
    """The check character ('0'-'9' or 'X') for the first 17 digits of an ID number."""
    if len(first17) != ID_NUMBER_LENGTH - 1 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(map(mul, map(int, first17), _WEIGHTS))  # 17 digits, 17 weights
    return _CHECK_CHARACTERS[total % 11]


def _refuse(code: str, message: str, **params: str) -> ValidationError:
    return ValidationError([Problem(field=FIELD, code=code, message=message, params=params)])


def _birth_date(number: str, today: date) -> date:
    digits = number[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _refuse(
            "id_number.birth_date",
            f"The birth date {digits} in the ID number is not a real calendar date.",
            birth_date=digits,
        ) from None
    if born < EARLIEST_BIRTH_DATE or born > today:
        raise _refuse(
            "id_number.birth_date",
            f"The birth date {digits} in the ID number is before 1900 or in the future.",
            birth_date=digits,
        )
    return born


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Validate a resident ID number and return its normalised form and encoded facts.

    Raises ValidationError with one Problem whose code is one of ``id_number.empty``,
    ``id_number.length``, ``id_number.characters``, ``id_number.region``,
    ``id_number.birth_date`` or ``id_number.check_character``.
    """
    number = normalize_id_number(text)
    if not number:
        raise _refuse("id_number.empty", "Please enter the ID number.")
    if len(number) != ID_NUMBER_LENGTH:
        raise _refuse(
            "id_number.length",
            f"An ID number has 18 characters; this one has {len(number)}.",
            length=str(len(number)),
        )
    if not _SHAPE.fullmatch(number):
        raise _refuse(
            "id_number.characters",
            "An ID number is 17 digits followed by a digit or the letter X.",
        )
    province = int(number[:2])
    if not 11 <= province <= 82:
        raise _refuse(
            "id_number.region",
            f"The ID number starts with {number[:2]}, which is not a province code.",
            region_code=number[:6],
        )
    born = _birth_date(number, today or date.today())
    expected = compute_id_check_character(number[:17])
    if number[17] != expected:
        raise _refuse(
            "id_number.check_character",
            "The check character (last character) does not match; please re-check the number.",
            expected=expected,
        )
    sex: Sex = "M" if int(number[16]) % 2 == 1 else "F"
    return IdNumber(number=number, region_code=number[:6], birth_date=born, sex=sex)

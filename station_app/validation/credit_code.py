"""Unified social credit codes of employers and other organisations (GB 32100-2015)."""

from __future__ import annotations

import re

from station_app.errors import Problem, ValidationError
from station_app.validation.id_number import to_half_width

FIELD = "credit_code"
CREDIT_CODE_LENGTH = 18

# 31 characters: digits and upper-case letters without I, O, Z, S and V.
CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {character: value for value, character in enumerate(CHARSET)}
# Weight of position i is 3**i mod 31.
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_WHITESPACE = re.compile(r"\s+")


def normalize_credit_code(text: str) -> str:
    """Fold full-width characters, drop all whitespace and upper-case."""
    return _WHITESPACE.sub("", to_half_width(text)).upper()


def compute_credit_check_character(first17: str) -> str:
    """The check character for the first 17 characters of a unified social credit code."""
    if len(first17) != CREDIT_CODE_LENGTH - 1 or any(c not in _VALUES for c in first17):
        raise ValueError(f"expected 17 characters from {CHARSET}, got {first17!r}")
    total = sum(_VALUES[c] * weight for c, weight in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def _refuse(code: str, message: str, **params: str) -> ValidationError:
    return ValidationError([Problem(field=FIELD, code=code, message=message, params=params)])


def parse_credit_code(text: str) -> str:
    """Validate a unified social credit code and return it normalised (18 upper-case chars).

    Raises ValidationError with one Problem whose code is one of ``credit_code.empty``,
    ``credit_code.length``, ``credit_code.characters`` or ``credit_code.check_character``.
    """
    code = normalize_credit_code(text)
    if not code:
        raise _refuse("credit_code.empty", "Please enter the unified social credit code.")
    if len(code) != CREDIT_CODE_LENGTH:
        raise _refuse(
            "credit_code.length",
            f"A unified social credit code has 18 characters; this one has {len(code)}.",
            length=str(len(code)),
        )
    for position, character in enumerate(code, start=1):
        if character not in _VALUES:
            raise _refuse(
                "credit_code.characters",
                f"The character {character!r} at position {position} cannot appear in a "
                "unified social credit code (it uses digits and capital letters except "
                "I, O, Z, S and V).",
                character=character,
                position=str(position),
            )
    expected = compute_credit_check_character(code[:17])
    if code[17] != expected:
        raise _refuse(
            "credit_code.check_character",
            "The check character (last character) does not match; please re-check the code.",
            expected=expected,
        )
    return code

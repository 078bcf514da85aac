"""Mainland China phone numbers: mobile numbers and landlines with area code and extension."""

from __future__ import annotations

import re

from station_app.errors import Problem, ValidationError
from station_app.validation.id_number import to_half_width

FIELD = "phone"
MOBILE_LENGTH = 11

# An explicit extension marker: "转123", "分机123", "ext 123", "ext. 123", "x123", "#123".
_MARKED_EXTENSION = re.compile(r"^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
# An extension after a hyphen, used when what precedes it is a complete landline.
_HYPHEN_EXTENSION = re.compile(r"^(.*?)\s*-\s*(\d{1,6})$")
_SEPARATORS = re.compile(r"[\s\-()]")
_ALLOWED = re.compile(r"\+?[\d\s\-()]+")
_COUNTRY_PREFIX = re.compile(r"^(?:\+86|0086|86)(?=1)")
# Area codes: 010 and 02x have three digits, all others four (e.g. 0558 for Fuyang/Jieshou).
_AREA_CODE = re.compile(r"0[12]\d|0[3-9]\d{2}")
_LOCAL_NUMBER = re.compile(r"[2-9]\d{6,7}")
_MOBILE = re.compile(r"1[3-9]\d{9}")

_INVALID_MESSAGE = (
    "Enter an 11-digit mobile number (for example 13912345678, optionally with +86) "
    "or a landline with its area code (for example 0558-4812345, optionally with an "
    "extension such as 0558-4812345-123)."
)


def _invalid() -> ValidationError:
    return ValidationError([Problem(field=FIELD, code="phone.invalid", message=_INVALID_MESSAGE)])


def _landline(text: str) -> tuple[str, str] | None:
    """(area code, local number) when the text is a landline without extension, else None."""
    if not _ALLOWED.fullmatch(text) or "+" in text:
        return None
    digits = _SEPARATORS.sub("", text)
    area = _AREA_CODE.match(digits)
    if area is None:
        return None
    local = digits[area.end() :]
    if not _LOCAL_NUMBER.fullmatch(local):
        return None
    return area.group(), local


def _normalize_landline(text: str, extension: str | None) -> str:
    parsed = None
    if extension is None:
        # A hyphenated tail after a complete number is an extension ("0558-4812345-123"),
        # which is also how normalised numbers are written, so normalising is idempotent.
        split = _HYPHEN_EXTENSION.match(text)
        if split is not None:
            parsed = _landline(split.group(1))
            if parsed is not None:
                extension = split.group(2)
    if parsed is None:
        parsed = _landline(text)
    if parsed is None:
        raise _invalid()
    area, local = parsed
    return f"{area}-{local}-{extension}" if extension else f"{area}-{local}"


def normalize_phone(text: str) -> str:
    """Return a mobile number as 11 digits, or a landline as ``0558-4812345[-123]``.

    Accepts full-width digits, spaces, hyphens, parentheses around the area code, a
    +86/86/0086 prefix on mobile numbers, and extensions written ``-123``, ``转123`` or
    ``ext 123``. Raises ValidationError with code ``phone.empty``, ``phone.mobile_length``
    or ``phone.invalid``. Normalising an already normalised number returns it unchanged.
    """
    if text.isascii() and _MOBILE.fullmatch(text):
        return text  # a normalised mobile number already (the common case, saves and imports)
    cleaned = to_half_width(text).strip()
    if not cleaned:
        raise ValidationError(
            [Problem(field=FIELD, code="phone.empty", message="Please enter a phone number.")]
        )
    marked = _MARKED_EXTENSION.match(cleaned)
    base, extension = (marked.group(1), marked.group(2)) if marked else (cleaned, None)
    if not _ALLOWED.fullmatch(base):
        raise _invalid()
    digits = _COUNTRY_PREFIX.sub("", _SEPARATORS.sub("", base))
    if digits.startswith("1"):
        if extension is not None or not digits.isdigit():
            raise _invalid()
        if len(digits) != MOBILE_LENGTH:
            raise ValidationError(
                [
                    Problem(
                        field=FIELD,
                        code="phone.mobile_length",
                        message=f"A mobile number has 11 digits; this one has {len(digits)}.",
                        params={"length": str(len(digits))},
                    )
                ]
            )
        if not _MOBILE.fullmatch(digits):
            raise _invalid()
        return digits
    return _normalize_landline(base, extension)

"""The validators as lists of problems, for forms that check as the user types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from station_app.errors import Problem, ValidationError
from station_app.validation.phone import normalize_phone


def problems_of(parse: Callable[[str], object], text: str) -> list[Problem]:
    """What `parse` refuses in `text`; empty when it accepts it."""
    try:
        parse(text)
    except ValidationError as error:
        return error.problems
    return []


def optional_phone_problems(text: str, field: str = "phone") -> list[Problem]:
    """Problems of a phone number that may be left empty, reported under `field`."""
    if not text.strip():
        return []
    return [replace(p, field=field) for p in problems_of(normalize_phone, text)]

"""The codes of texts that are derived rather than written: the labels of enum members."""

from __future__ import annotations

import re
from enum import Enum

LABEL_PREFIX = "enum"
SHORT_SUFFIX = "short"
_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


def enum_code(kind: type[Enum]) -> str:
    """The code part of an enum class: EmploymentStatus -> "employment_status"."""
    return _WORD_START.sub("_", kind.__name__).lower()


def label_code(member: Enum, *, short: bool = False) -> str:
    """The code of a member's label: "enum.employment_status.unemployed" (+ ".short").

    Built from the class and member *names*, which are stable; the stored values may be terse
    (Sex.MALE is "M") and are not what a translator should read.
    """
    code = f"{LABEL_PREFIX}.{enum_code(type(member))}.{member.name.lower()}"
    return f"{code}.{SHORT_SUFFIX}" if short else code

"""How personal data shows where its real value must not: audit events, lists, printed slips."""

from __future__ import annotations

ID_NUMBER = "id_number"
PHONE = "phone"
NAME = "name"
TEXT = "text"
SECRET = "secret"
HIDDEN = "***"


def mask_id_number(value: str) -> str:
    """Region code and the last four characters: 341282********1234."""
    if len(value) < 10:
        return HIDDEN
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """The first three and last four digits: 138****5678."""
    if len(value) < 7:
        return HIDDEN
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_name(value: str) -> str:
    """The surname's first character: 张*."""
    return value[:1] + "*" * max(len(value) - 1, 1) if value else value


def mask(kind: str, value: object) -> object:
    """The value as shown for a field of this kind (None stays None)."""
    if value is None:
        return None
    if kind == ID_NUMBER:
        return mask_id_number(str(value))
    if kind == PHONE:
        return mask_phone(str(value))
    if kind == NAME:
        return mask_name(str(value))
    return HIDDEN

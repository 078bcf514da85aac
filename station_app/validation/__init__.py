"""Pure validators for the identifiers the station records: ID numbers, phones, credit codes."""

from station_app.validation.checks import optional_phone_problems, problems_of
from station_app.validation.credit_code import (
    compute_credit_check_character,
    normalize_credit_code,
    parse_credit_code,
)
from station_app.validation.id_number import (
    IdNumber,
    compute_id_check_character,
    normalize_id_number,
    parse_id_number,
    to_half_width,
)
from station_app.validation.phone import normalize_phone

__all__ = [
    "IdNumber",
    "compute_credit_check_character",
    "compute_id_check_character",
    "normalize_credit_code",
    "normalize_id_number",
    "normalize_phone",
    "optional_phone_problems",
    "parse_credit_code",
    "parse_id_number",
    "problems_of",
    "to_half_width",
]

"""The translated text of every Problem code the services and validators raise."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station_app.errors import Problem

CONTEXT = "ProblemTexts"

# Parameters a text may show. "expected" (the right check character) is deliberately never
# shown: a worker would type it in and hide the real typo elsewhere in the number.
HIDDEN_PARAMS = frozenset({"expected"})
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# QT_TRANSLATE_NOOP marks the texts for lupdate and returns them unchanged.
_SOURCES: dict[str, object] = {
    # Residents (services/residents.py)
    "resident.too_young": QT_TRANSLATE_NOOP(
        "ProblemTexts", "The person is younger than {age}, the legal working age."
    ),
    "resident.name_empty": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the name."),
    "resident.name_too_long": QT_TRANSLATE_NOOP(
        "ProblemTexts", "A name has at most {max} characters."
    ),
    "resident.name_digits": QT_TRANSLATE_NOOP("ProblemTexts", "A name contains no digits."),
    "resident.community": QT_TRANSLATE_NOOP("ProblemTexts", "Choose the community."),
    "resident.address_too_long": QT_TRANSLATE_NOOP(
        "ProblemTexts", "An address has at most {max} characters."
    ),
    "resident.education": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Choose an education level from the list."
    ),
    "resident.occupation": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Unknown occupation code: {codes}. Choose occupations from the list."
    ),
    "resident.salary": QT_TRANSLATE_NOOP("ProblemTexts", "The desired salary is out of range."),
    "resident.consent_date": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the date of consent."),
    "resident.consent_future": QT_TRANSLATE_NOOP(
        "ProblemTexts", "The date of consent cannot be in the future."
    ),
    # Station set-up and users (services/station.py)
    "station.community_name": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the community's name."),
    "station.street": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the street or township."),
    "station.community_code": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the community's code."),
    "station.latitude": QT_TRANSLATE_NOOP("ProblemTexts", "This latitude is outside China."),
    "station.longitude": QT_TRANSLATE_NOOP("ProblemTexts", "This longitude is outside China."),
    "station.already_set_up": QT_TRANSLATE_NOOP("ProblemTexts", "This station is already set up."),
    "user.username": QT_TRANSLATE_NOOP(
        "ProblemTexts", "A user name has 2 to 32 letters, digits, '_', '.' or '-'."
    ),
    "user.display_name": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the person's name."),
    "user.password_short": QT_TRANSLATE_NOOP(
        "ProblemTexts", "A password has at least {min} characters."
    ),
    "user.password_mismatch": QT_TRANSLATE_NOOP(
        "ProblemTexts", "The two passwords are not the same."
    ),
    # Employers (services/employers.py)
    "employer.name_empty": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the employer's name."),
    "employer.name_too_long": QT_TRANSLATE_NOOP(
        "ProblemTexts", "An employer's name has at most {max} characters."
    ),
    "employer.industry": QT_TRANSLATE_NOOP("ProblemTexts", "Choose an industry from the list."),
    "employer.coordinates": QT_TRANSLATE_NOOP(
        "ProblemTexts", "Give both latitude and longitude, or neither."
    ),
    # ID numbers (validation/id_number.py)
    "id_number.empty": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the ID number."),
    "id_number.length": QT_TRANSLATE_NOOP(
        "ProblemTexts", "An ID number has 18 characters; this one has {length}."
    ),
    "id_number.characters": QT_TRANSLATE_NOOP(
        "ProblemTexts", "An ID number is 17 digits followed by a digit or the letter X."
    ),
    "id_number.region": QT_TRANSLATE_NOOP(
        "ProblemTexts", "The ID number does not start with a province code."
    ),
    "id_number.birth_date": QT_TRANSLATE_NOOP(
        "ProblemTexts", "The birth date {birth_date} in the ID number is not possible."
    ),
    "id_number.check_character": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "The last character (check character) does not match; please re-check the number.",
    ),
    # Phone numbers (validation/phone.py)
    "phone.empty": QT_TRANSLATE_NOOP("ProblemTexts", "Enter a phone number."),
    "phone.invalid": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "Enter an 11-digit mobile number or a landline with its area code "
        "(for example 0558-4812345).",
    ),
    "phone.mobile_length": QT_TRANSLATE_NOOP(
        "ProblemTexts", "A mobile number has 11 digits; this one has {length}."
    ),
    # Unified social credit codes (validation/credit_code.py)
    "credit_code.empty": QT_TRANSLATE_NOOP("ProblemTexts", "Enter the unified social credit code."),
    "credit_code.length": QT_TRANSLATE_NOOP(
        "ProblemTexts", "A unified social credit code has 18 characters; this one has {length}."
    ),
    "credit_code.characters": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "The character {character} (position {position}) cannot appear in a unified social "
        "credit code.",
    ),
    "credit_code.check_character": QT_TRANSLATE_NOOP(
        "ProblemTexts",
        "The last character (check character) does not match; please re-check the code.",
    ),
}

_TEXTS: dict[str, str] = {code: str(text) for code, text in _SOURCES.items()}


def known_codes() -> frozenset[str]:
    """The Problem codes that have a text of their own (the rest fall back to the message)."""
    return frozenset(_TEXTS)


def problem_text(problem: Problem) -> str:
    """The problem in the UI's language, its parameters filled in; unknown code → message."""
    source = _TEXTS.get(problem.code)
    if source is None:
        return problem.message
    text = QCoreApplication.translate(CONTEXT, source)
    params = {k: v for k, v in problem.params.items() if k not in HIDDEN_PARAMS}
    # Only placeholders with a value are replaced; a translation cannot break on a missing one.
    return _PLACEHOLDER.sub(lambda m: params.get(m.group(1), m.group(0)), text)

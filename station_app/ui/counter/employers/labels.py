"""Labels of the employer vocabularies (employer type) in the UI's language; industry texts."""

from __future__ import annotations

from station_app.models import EmployerType
from station_app.services import code_tables
from station_app.ui.shared import catalogue


def employer_type_label(employer_type: EmployerType | str) -> str:
    return catalogue.current().label(EmployerType(employer_type))


def industry_name(code: str | None) -> str:
    """The name of a GB/T 4754 section ('' for none; an unknown code as it is)."""
    if not code:
        return ""
    entry = code_tables.industries().get(code)
    return entry.name if entry is not None else code


def industry_text(code: str) -> str:
    """A section as the industry list shows it: "C 制造业"."""
    return f"{code} {industry_name(code)}"

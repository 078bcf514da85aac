"""Translated labels of the employer vocabularies (employer type) and industry section texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.models import EmployerType
from station_app.services import code_tables


def employer_type_label(employer_type: EmployerType | str) -> str:
    labels = {
        EmployerType.ENTERPRISE: QCoreApplication.translate("EmployerLabels", "Enterprise"),
        EmployerType.INDIVIDUAL_BUSINESS: QCoreApplication.translate(
            "EmployerLabels", "Individual business"
        ),
        EmployerType.PUBLIC_INSTITUTION: QCoreApplication.translate(
            "EmployerLabels", "Public institution or government body"
        ),
        EmployerType.SOCIAL_ORGANISATION: QCoreApplication.translate(
            "EmployerLabels", "Social organisation"
        ),
    }
    return labels[EmployerType(employer_type)]


def industry_name(code: str | None) -> str:
    """The name of a GB/T 4754 section ('' for none; an unknown code as it is)."""
    if not code:
        return ""
    entry = code_tables.industries().get(code)
    return entry.name if entry is not None else code


def industry_text(code: str) -> str:
    """A section as the industry list shows it: "C 制造业"."""
    return f"{code} {industry_name(code)}"

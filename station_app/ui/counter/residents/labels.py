"""Labels of the resident vocabularies (sex, status, household, key groups) in the UI's language."""

from __future__ import annotations

from station_app.models import EmploymentStatus, HouseholdType, KeyGroup, Sex
from station_app.ui.shared import catalogue


def sex_label(sex: Sex | str) -> str:
    return catalogue.current().label(Sex(sex))


def household_label(household: HouseholdType) -> str:
    return catalogue.current().label(household)


def status_label(status: EmploymentStatus) -> str:
    return catalogue.current().label(status)


def key_group_label(group: KeyGroup) -> str:
    """The full name of a key group (for the form's check boxes and tooltips)."""
    return catalogue.current().label(group)


def key_group_short_label(group: KeyGroup) -> str:
    """A short name of a key group, for the table column."""
    return catalogue.current().label(group, short=True)


def key_groups_text(groups: frozenset[KeyGroup], *, short: bool = True) -> str:
    """Key groups in enum order, joined by the list separator (、 in Chinese)."""
    return catalogue.current().labels([g for g in KeyGroup if g in groups], short=short)

"""Translated labels of the resident vocabularies (sex, status, household, key groups)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.models import EmploymentStatus, HouseholdType, KeyGroup, Sex


def sex_label(sex: Sex | str) -> str:
    if Sex(sex) is Sex.MALE:
        return QCoreApplication.translate("ResidentLabels", "Male")
    return QCoreApplication.translate("ResidentLabels", "Female")


def household_label(household: HouseholdType) -> str:
    labels = {
        HouseholdType.URBAN: QCoreApplication.translate("ResidentLabels", "Urban"),
        HouseholdType.RURAL: QCoreApplication.translate("ResidentLabels", "Rural"),
    }
    return labels[household]


def status_label(status: EmploymentStatus) -> str:
    labels = {
        EmploymentStatus.UNEMPLOYED: QCoreApplication.translate(
            "ResidentLabels", "Not employed, seeking work"
        ),
        EmploymentStatus.EMPLOYED: QCoreApplication.translate(
            "ResidentLabels", "Employed by an employer"
        ),
        EmploymentStatus.FLEXIBLE: QCoreApplication.translate(
            "ResidentLabels", "Flexible employment"
        ),
        EmploymentStatus.SELF_EMPLOYED: QCoreApplication.translate(
            "ResidentLabels", "Self-employed or own business"
        ),
        EmploymentStatus.PUBLIC_WELFARE: QCoreApplication.translate(
            "ResidentLabels", "Public welfare post"
        ),
        EmploymentStatus.IN_TRAINING: QCoreApplication.translate(
            "ResidentLabels", "In training or traineeship"
        ),
        EmploymentStatus.NOT_SEEKING: QCoreApplication.translate(
            "ResidentLabels", "Not seeking work for now"
        ),
    }
    return labels[status]


def key_group_label(group: KeyGroup) -> str:
    """The full name of a key group (for the form's check boxes and tooltips)."""
    labels = {
        KeyGroup.HARD_TO_EMPLOY: QCoreApplication.translate(
            "ResidentLabels", "Person with employment difficulties"
        ),
        KeyGroup.UNEMPLOYED: QCoreApplication.translate(
            "ResidentLabels", "Registered unemployed person"
        ),
        KeyGroup.RETURNING_GRADUATE: QCoreApplication.translate(
            "ResidentLabels", "Graduate returning to Jieshou"
        ),
        KeyGroup.MIGRANT_WORKER: QCoreApplication.translate("ResidentLabels", "Migrant worker"),
        KeyGroup.POVERTY_ALLEVIATED: QCoreApplication.translate(
            "ResidentLabels", "Labourer lifted out of poverty"
        ),
        KeyGroup.MONITORED_HOUSEHOLD: QCoreApplication.translate(
            "ResidentLabels", "Monitored against relapse into poverty"
        ),
        KeyGroup.VETERAN: QCoreApplication.translate("ResidentLabels", "Veteran"),
        KeyGroup.DISABLED: QCoreApplication.translate("ResidentLabels", "Person with disability"),
        KeyGroup.ZERO_EMPLOYMENT_FAMILY: QCoreApplication.translate(
            "ResidentLabels", "Zero-employment family"
        ),
        KeyGroup.SUBSISTENCE_ALLOWANCE: QCoreApplication.translate(
            "ResidentLabels", "Receives subsistence allowance"
        ),
    }
    return labels[group]


def key_group_short_label(group: KeyGroup) -> str:
    """A short name of a key group, for the table column."""
    labels = {
        KeyGroup.HARD_TO_EMPLOY: QCoreApplication.translate(
            "ResidentLabels", "Difficulties", "key group, short"
        ),
        KeyGroup.UNEMPLOYED: QCoreApplication.translate(
            "ResidentLabels", "Unemployed", "key group, short"
        ),
        KeyGroup.RETURNING_GRADUATE: QCoreApplication.translate(
            "ResidentLabels", "Graduate", "key group, short"
        ),
        KeyGroup.MIGRANT_WORKER: QCoreApplication.translate(
            "ResidentLabels", "Migrant", "key group, short"
        ),
        KeyGroup.POVERTY_ALLEVIATED: QCoreApplication.translate(
            "ResidentLabels", "Ex-poverty", "key group, short"
        ),
        KeyGroup.MONITORED_HOUSEHOLD: QCoreApplication.translate(
            "ResidentLabels", "Monitored", "key group, short"
        ),
        KeyGroup.VETERAN: QCoreApplication.translate(
            "ResidentLabels", "Veteran", "key group, short"
        ),
        KeyGroup.DISABLED: QCoreApplication.translate(
            "ResidentLabels", "Disabled", "key group, short"
        ),
        KeyGroup.ZERO_EMPLOYMENT_FAMILY: QCoreApplication.translate(
            "ResidentLabels", "Zero-employment", "key group, short"
        ),
        KeyGroup.SUBSISTENCE_ALLOWANCE: QCoreApplication.translate(
            "ResidentLabels", "Allowance", "key group, short"
        ),
    }
    return labels[group]


def key_groups_text(groups: frozenset[KeyGroup], *, short: bool = True) -> str:
    """Key groups in enum order, joined by the list separator (、 in Chinese)."""
    label = key_group_short_label if short else key_group_label
    separator = QCoreApplication.translate("ResidentLabels", ", ", "list separator")
    return separator.join(label(g) for g in KeyGroup if g in groups)

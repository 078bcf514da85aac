"""The sections of the resident profile, in the order it shows them (`SECTIONS`).

Another area adds its section by writing a `ProfileSection` subclass (its data is a part of
the profile service, `services/resident_profile.PARTS`) and appending it to `SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from station_app.models import KeyGroup
from station_app.services import code_tables
from station_app.services.resident_profile import ResidentProfile
from station_app.ui.counter.residents.labels import household_label, sex_label, status_label
from station_app.ui.counter.residents.profile.match_section import MatchesSection
from station_app.ui.counter.residents.profile.referral_section import ReferralsSection
from station_app.ui.counter.residents.profile.section_base import (
    FormSection,
    ProfileSection,
    TableSection,
)
from station_app.ui.counter.residents.profile.work_sections import (
    AssistancePlanSection,
    BundleSection,
    FollowUpSection,
    RecognitionSection,
)
from station_app.ui.shared import catalogue


def _date(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


class PersonalSection(FormSection):
    """Who the resident is: name, ID, phone (masked unless the role may see them), address."""

    def title(self) -> str:
        return self.tr("Personal data")

    def rows(self) -> Sequence[tuple[str, str]]:
        return [
            ("name", self.tr("Name")),
            ("sex_age", self.tr("Sex, age")),
            ("id_number", self.tr("ID number")),
            ("phone", self.tr("Phone")),
            ("community", self.tr("Community")),
            ("address", self.tr("Address")),
            ("household", self.tr("Household")),
            ("education", self.tr("Education")),
            ("consent", self.tr("Consent given on")),
            ("notes", self.tr("Notes")),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        v = self.values
        v["name"].setText(profile.name)
        v["sex_age"].setText(
            self.tr("{sex}, {age} years (born {birth})").format(
                sex=sex_label(profile.sex), age=profile.age, birth=_date(profile.birth_date)
            )
        )
        v["id_number"].setText(profile.id_number)
        v["phone"].setText(profile.phone or "")
        hidden = "" if profile.full_data else self.tr("Masked: your role sees part of it only.")
        for name in ("id_number", "phone"):
            v[name].setToolTip(hidden)
        v["community"].setText(profile.community_name)
        v["address"].setText(profile.address or "")
        household = profile.household_type
        v["household"].setText(household_label(household) if household else "")
        education = profile.education
        v["education"].setText(code_tables.education_levels().label(education) if education else "")
        v["consent"].setText(_date(profile.consent_date))
        v["notes"].setText(profile.notes or "")


class KeyGroupsSection(FormSection):
    """The key groups and what work the resident can do and looks for."""

    def title(self) -> str:
        return self.tr("Key groups and wishes")

    def rows(self) -> Sequence[tuple[str, str]]:
        return [
            ("key_groups", self.tr("Key groups")),
            ("skills", self.tr("Skills")),
            ("desired", self.tr("Looks for")),
            ("salary", self.tr("Desired salary")),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        texts = catalogue.current()
        groups = [g for g in KeyGroup if g in profile.key_groups]
        self.values["key_groups"].setText(texts.labels(groups) or self.tr("None"))
        occupations = code_tables.occupations()
        self.values["skills"].setText(
            texts.text("list.separator").join(occupations.label(c) for c in profile.skills)
        )
        desired = profile.desired_occupation
        self.values["desired"].setText(occupations.label(desired) if desired else "")
        salary = profile.desired_salary_fen
        self.values["salary"].setText(
            self.tr("{yuan} yuan a month").format(yuan=salary // 100) if salary else ""
        )


class EmploymentSection(TableSection):
    """The status now and its dated history, newest first, with reason, employer and worker."""

    column = 1

    def __init__(self, parent: ProfileSection | None = None) -> None:
        super().__init__(parent)
        self.current = self.empty  # reuses the line under the table: the status now

    def title(self) -> str:
        return self.tr("Employment status")

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Since"),
            self.tr("Status"),
            self.tr("Reason"),
            self.tr("Employer"),
            self.tr("Recorded by"),
            self.tr("Note"),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        texts = catalogue.current()
        rows = [
            (
                _date(entry.since),
                status_label(entry.status),
                texts.label(entry.reason) if entry.reason else "",
                entry.employer_name or "",
                entry.recorded_by or "",
                entry.note or "",
            )
            for entry in reversed(profile.status_history)
        ]
        self.set_rows(rows, "")
        self.current.setText(
            self.tr("Now: {status}").format(status=status_label(profile.employment_status))
        )
        self.current.show()


class ServicesSection(TableSection):
    """The services given to the resident, newest first."""

    column = 1

    def title(self) -> str:
        return self.tr("Service records")

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Date"),
            self.tr("Service"),
            self.tr("How"),
            self.tr("By"),
            self.tr("Next contact"),
            self.tr("Summary"),
        ]

    def show_profile(self, profile: ResidentProfile) -> None:
        texts = catalogue.current()
        rows = [
            (
                _date(record.occurred_on),
                texts.label(record.kind),
                texts.label(record.channel),
                record.staff or "",
                _date(record.next_contact_on),
                record.summary or "",
            )
            for record in profile.service_records
        ]
        self.set_rows(rows, self.tr("No service recorded yet."))


SECTIONS: list[type[ProfileSection]] = [
    PersonalSection,
    KeyGroupsSection,
    RecognitionSection,
    MatchesSection,
    EmploymentSection,
    FollowUpSection,
    BundleSection,
    ReferralsSection,
    ServicesSection,
    AssistancePlanSection,
]

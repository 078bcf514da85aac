"""Demo residents: plausible people of Jieshou with key groups and a status-history entry."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from station_app.demo.dates import DemoCalendar, office_time, years_before
from station_app.demo.identifiers import DemoIdentifiers
from station_app.demo.names import NameGenerator
from station_app.demo.occupations import SkillPicker
from station_app.demo.places import CommunityPlan, home_address
from station_app.demo.rows import Row, synced
from station_app.models import EmploymentStatus, HouseholdType, KeyGroup, Sex
from station_app.services.name_pinyin import name_keys

OLDEST_AGE = 65  # residents are 17 to 65 years old on the demo's day
YOUNGEST_AGE = 17
REGISTRATION_YEARS = 3

_EDUCATION_CODES = ("10", "20", "30", "40", "60", "70", "80", "90")
_EDUCATION_BY_ERA: dict[str, tuple[float, ...]] = {
    "older": (0.0, 1.0, 3.0, 5.0, 15.0, 50.0, 23.0, 3.0),
    "middle": (0.5, 5.0, 10.0, 12.0, 18.0, 45.0, 8.0, 1.5),
    "young": (1.5, 14.0, 22.0, 18.0, 17.0, 25.0, 2.0, 0.5),
    "school": (0.0, 0.0, 5.0, 30.0, 35.0, 30.0, 0.0, 0.0),
}
_HIGHER_EDUCATION = frozenset(("10", "20", "30"))

_STATUSES = (
    EmploymentStatus.EMPLOYED,
    EmploymentStatus.FLEXIBLE,
    EmploymentStatus.SELF_EMPLOYED,
    EmploymentStatus.PUBLIC_WELFARE,
    EmploymentStatus.IN_TRAINING,
    EmploymentStatus.UNEMPLOYED,
    EmploymentStatus.NOT_SEEKING,
)
_STATUS_BY_AGE: dict[str, tuple[float, ...]] = {
    "young": (25.0, 15.0, 1.0, 0.0, 12.0, 30.0, 17.0),
    "adult": (37.0, 18.0, 8.0, 1.0, 2.0, 20.0, 14.0),
    "senior": (20.0, 20.0, 6.0, 4.0, 1.0, 17.0, 32.0),
}
_WORKING = frozenset(
    (
        EmploymentStatus.EMPLOYED,
        EmploymentStatus.FLEXIBLE,
        EmploymentStatus.SELF_EMPLOYED,
        EmploymentStatus.UNEMPLOYED,
    )
)
_SKILL_COUNTS = (0, 1, 2, 3)
_SKILL_COUNT_WEIGHTS = (15.0, 45.0, 30.0, 10.0)
_NOTES = (
    "希望就近就业，方便照顾家庭",
    "可接受倒班",
    "有驾驶证（C1）",
    "希望参加技能培训",
    "已推荐岗位，待面试",
    "只考虑白班",
    "有创业意向，需了解创业担保贷款政策",
    "电话回访：暂无新的求职意愿变化",
)


def _age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


@dataclass
class ResidentBatch:
    """Rows of some residents for the three tables a resident spans."""

    residents: list[Row] = field(default_factory=list)
    key_groups: list[Row] = field(default_factory=list)
    status_changes: list[Row] = field(default_factory=list)


class ResidentFactory:
    """Makes resident rows one after another from seeded random sources."""

    def __init__(
        self,
        rng: random.Random,
        ids: DemoIdentifiers,
        communities: Sequence[CommunityPlan],
        community_ids: Sequence[str],
        calendar: DemoCalendar,
    ) -> None:
        self._rng = rng
        self._ids = ids
        self._today = calendar.today
        self._first_birth = years_before(calendar.today, OLDEST_AGE + 1) + timedelta(days=1)
        last_birth = years_before(calendar.today, YOUNGEST_AGE)
        self._names = NameGenerator(rng)
        self._skills = SkillPicker(rng)
        self._communities = list(zip(communities, community_ids, strict=True))
        # Urban communities are denser; each community also gets a size of its own.
        weights = [(1.5 if plan.urban else 1.0) * rng.uniform(0.6, 1.4) for plan in communities]
        self._community_cum = list(itertools.accumulate(weights))
        days = (last_birth - self._first_birth).days
        self._birth_offsets = range(days + 1)
        self._birth_cum = list(
            itertools.accumulate(
                self._age_weight(_age_on(self._first_birth + timedelta(days=d), self._today))
                for d in self._birth_offsets
            )
        )

    @staticmethod
    def _age_weight(age: int) -> float:
        if age < 22:
            return 0.5
        if age < 30:
            return 1.0
        if age < 55:
            return 1.1
        return 0.8

    def registration_times(self, count: int) -> list[datetime]:
        """When each resident registered, oldest first, within the last REGISTRATION_YEARS."""
        rng = self._rng
        span = 365 * REGISTRATION_YEARS
        first = self._today - timedelta(days=span)
        days = sorted(rng.randrange(span) for _ in range(count))
        return sorted(office_time(rng, first + timedelta(days=d)) for d in days)

    def add(
        self,
        batch: ResidentBatch,
        registered: datetime,
        *,
        name: str | None = None,
        sex: Sex | None = None,
        status: EmploymentStatus | None = None,
    ) -> None:
        """Appends one resident (with its key groups and status entry) to the batch."""
        rng = self._rng
        plan, community_id = rng.choices(self._communities, cum_weights=self._community_cum)[0]
        sex = sex or (Sex.MALE if rng.random() < 0.51 else Sex.FEMALE)
        offset = rng.choices(self._birth_offsets, cum_weights=self._birth_cum)[0]
        birth_date = self._first_birth + timedelta(days=offset)
        age = _age_on(birth_date, self._today)
        name = name or self._names.full_name(sex.value, birth_date.year)
        keys = name_keys(name)
        rural_share = 0.45 if plan.urban else 0.85
        household = HouseholdType.RURAL if rng.random() < rural_share else HouseholdType.URBAN
        education = self._education(birth_date.year)
        drawn = self._status(age)  # drawn even when given: the draws after stay the same
        status = status or drawn
        groups = self._key_groups(sex, age, household, education, status)
        skills = self._pick_skills(sex.value, education)
        desired: str | None = None
        salary: int | None = None
        if status is not EmploymentStatus.NOT_SEEKING:
            desired = rng.choice(skills) if skills and rng.random() < 0.75 else None
            desired = desired or self._skills.pick(sex.value, education)
            salary = self._desired_salary(education)
        consent = rng.random() < 0.96
        resident_id = self._ids.uuid7(registered)
        row = synced(resident_id, community_id, registered)
        row.update(
            id_number=self._ids.id_number(birth_date, sex.value),
            name=name,
            name_pinyin=keys.full_text,
            name_initials=keys.initials_text,
            sex=sex,
            birth_date=birth_date,
            phone=self._ids.mobile(),
            address=home_address(rng, plan),
            community_id=community_id,
            household_type=household,
            education=education,
            skills=skills,
            desired_occupation=desired,
            desired_salary_fen=salary,
            employment_status=status,
            consent_given=consent,
            consent_date=registered.date() if consent else None,
            notes=rng.choice(_NOTES) if rng.random() < 0.08 else None,
        )
        batch.residents.append(row)
        batch.key_groups.extend({"resident_id": resident_id, "key_group": g} for g in groups)
        change = synced(self._ids.uuid7(registered), community_id, registered)
        change.update(
            resident_id=resident_id, status=status, since=registered.date(), note="求职登记"
        )
        batch.status_changes.append(change)

    def _education(self, birth_year: int) -> str:
        if birth_year >= 2005:
            era = "school"
        elif birth_year >= 1990:
            era = "young"
        elif birth_year >= 1975:
            era = "middle"
        else:
            era = "older"
        return self._rng.choices(_EDUCATION_CODES, weights=_EDUCATION_BY_ERA[era])[0]

    def _status(self, age: int) -> EmploymentStatus:
        band = "young" if age < 23 else "senior" if age >= 55 else "adult"
        return self._rng.choices(_STATUSES, weights=_STATUS_BY_AGE[band])[0]

    def _key_groups(
        self,
        sex: Sex,
        age: int,
        household: HouseholdType,
        education: str,
        status: EmploymentStatus,
    ) -> list[KeyGroup]:
        """Key groups with shares close to a county register's (失业 ~15%, 农民工 ~25% …)."""
        rng = self._rng
        rural = household is HouseholdType.RURAL
        groups: list[KeyGroup] = []
        disabled = rng.random() < 0.02
        poverty = rural and rng.random() < 0.09
        monitored = rural and not poverty and rng.random() < 0.02
        zero_family = not rural and status is EmploymentStatus.UNEMPLOYED and rng.random() < 0.03
        allowance = rng.random() < (0.3 if poverty or disabled else 0.015)
        # 就业困难人员: women from 40 and men from 50 (the "4050" rule), the disabled and
        # families without work are recognised most often; public-welfare posts are theirs.
        hard = 0.02
        if (sex is Sex.FEMALE and age >= 40) or (sex is Sex.MALE and age >= 50):
            hard = 0.06
        if status is EmploymentStatus.UNEMPLOYED:
            hard *= 1.8
        if disabled or zero_family or allowance:
            hard = 0.6
        if status is EmploymentStatus.PUBLIC_WELFARE or rng.random() < hard:
            groups.append(KeyGroup.HARD_TO_EMPLOY)
        if status is EmploymentStatus.UNEMPLOYED and rng.random() < 0.75:
            groups.append(KeyGroup.UNEMPLOYED)
        if 20 <= age <= 30 and education in _HIGHER_EDUCATION and rng.random() < 0.7:
            groups.append(KeyGroup.RETURNING_GRADUATE)
        if rural and 18 <= age <= 60 and status in _WORKING and rng.random() < 0.65:
            groups.append(KeyGroup.MIGRANT_WORKER)
        if poverty:
            groups.append(KeyGroup.POVERTY_ALLEVIATED)
        if monitored:
            groups.append(KeyGroup.MONITORED_HOUSEHOLD)
        veteran = 0.055 if sex is Sex.MALE else 0.003
        if age >= 20 and rng.random() < veteran:
            groups.append(KeyGroup.VETERAN)
        if disabled:
            groups.append(KeyGroup.DISABLED)
        if zero_family:
            groups.append(KeyGroup.ZERO_EMPLOYMENT_FAMILY)
        if allowance:
            groups.append(KeyGroup.SUBSISTENCE_ALLOWANCE)
        return groups

    def _pick_skills(self, sex: str, education: str) -> list[str]:
        rng = self._rng
        count = rng.choices(_SKILL_COUNTS, weights=_SKILL_COUNT_WEIGHTS)[0]
        skills: list[str] = []
        for _ in range(count):
            code = self._skills.pick(sex, education)
            if code not in skills:
                skills.append(code)
        return sorted(skills)

    def _desired_salary(self, education: str) -> int:
        """Monthly wish in fen, whole hundreds of yuan between 2,500 and 8,000 yuan."""
        low, high = (3500, 8000) if education in _HIGHER_EDUCATION else (2500, 6000)
        return self._rng.randrange(low, high + 100, 100) * 100

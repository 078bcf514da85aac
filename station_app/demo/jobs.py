"""Demo jobs: kinds, titles from occupation codes, pay, requirements, validity and status."""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Sequence
from datetime import date, timedelta

from station_app.demo.dates import DemoCalendar, office_time
from station_app.demo.employers import DemoEmployer
from station_app.demo.identifiers import DemoIdentifiers
from station_app.demo.occupations import (
    POLICY_POSTS,
    PUBLIC_WELFARE_POSTS,
    SUPPORT_OCCUPATIONS,
    TRAINEESHIP_OCCUPATIONS,
    terms,
    title,
)
from station_app.demo.rows import Row, synced
from station_app.models import EmployerType, JobKind, JobStatus

_KINDS = tuple(JobKind)
_KIND_WEIGHTS: dict[EmployerType, tuple[float, ...]] = {
    # regular, flexible, public welfare, traineeship, temporary special, policy
    EmployerType.ENTERPRISE: (80.0, 10.0, 0.0, 8.0, 2.0, 0.0),
    EmployerType.INDIVIDUAL_BUSINESS: (70.0, 30.0, 0.0, 0.0, 0.0, 0.0),
    EmployerType.PUBLIC_INSTITUTION: (25.0, 0.0, 40.0, 15.0, 10.0, 10.0),
    EmployerType.SOCIAL_ORGANISATION: (30.0, 10.0, 40.0, 10.0, 10.0, 0.0),
}
_EMPLOYER_WEIGHT = {
    EmployerType.ENTERPRISE: 1.5,
    EmployerType.INDIVIDUAL_BUSINESS: 0.5,
    EmployerType.PUBLIC_INSTITUTION: 0.8,
    EmployerType.SOCIAL_ORGANISATION: 0.6,
}
_STATUSES = tuple(JobStatus)  # open, paused, filled, closed, expired
_STATUS_WEIGHTS = (62.0, 6.0, 10.0, 8.0, 14.0)
_HEADCOUNTS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30)
_HEADCOUNT_WEIGHTS = (20.0, 18.0, 14.0, 8.0, 10.0, 5.0, 5.0, 6.0, 3.0, 4.0, 3.0, 1.5, 2.5)
_SPREADS = (500, 1000, 1000, 1500, 2000, 3000)
_BENEFITS = (
    "缴纳五险",
    "五险一金",
    "包午餐",
    "提供住宿",
    "月休4天",
    "长白班",
    "两班倒",
    "计件工资，多劳多得",
    "就近就业，可照顾家庭",
    "有带薪年假",
    "试用期1个月",
    "技能培训后上岗",
)


class JobFactory:
    """Spreads jobs over employers (more at companies and key enterprises) and makes rows."""

    def __init__(
        self,
        rng: random.Random,
        ids: DemoIdentifiers,
        employers: Sequence[DemoEmployer],
        calendar: DemoCalendar,
    ) -> None:
        self._rng = rng
        self._calendar = calendar
        self._ids = ids
        self._employers = list(employers)
        weights = [
            _EMPLOYER_WEIGHT[e.employer_type] * (3.0 if e.row["key_enterprise"] else 1.0)
            for e in self._employers
        ]
        self._employer_cum = list(itertools.accumulate(weights))
        self._headcount_cum = list(itertools.accumulate(_HEADCOUNT_WEIGHTS))

    def make(self) -> Row:
        rng = self._rng
        employer = rng.choices(self._employers, cum_weights=self._employer_cum)[0]
        kind = rng.choices(_KINDS, weights=_KIND_WEIGHTS[employer.employer_type])[0]
        code, job_title = self._occupation(employer, kind)
        job_terms = terms(code)
        headcount = self._headcount(employer, kind)
        status = rng.choices(_STATUSES, weights=_STATUS_WEIGHTS)[0]
        valid_from, valid_to = self._validity(status, kind)
        salary_min, salary_max = self._salary(job_terms.pay, kind)
        age_min, age_max = self._ages(job_terms.ages, kind)
        education = self._education(job_terms.education, kind)
        created_at = office_time(rng, valid_from)
        employer_row = employer.row
        row = synced(self._ids.uuid7(created_at), str(employer_row["scope_id"]), created_at)
        row.update(
            employer_id=employer.id,
            title=job_title,
            occupation_code=code,
            kind=kind,
            headcount=headcount,
            filled=self._filled(status, headcount),
            salary_min_fen=salary_min,
            salary_max_fen=salary_max,
            age_min=age_min,
            age_max=age_max,
            education_min=education,
            location=employer_row["address"],
            latitude=employer_row["latitude"],
            longitude=employer_row["longitude"],
            valid_from=valid_from,
            valid_to=valid_to,
            status=status,
            description="，".join(rng.sample(_BENEFITS, rng.randint(1, 3))),
        )
        return row

    def _occupation(self, employer: DemoEmployer, kind: JobKind) -> tuple[str, str]:
        rng = self._rng
        if kind is JobKind.PUBLIC_WELFARE:
            post, code = rng.choice(PUBLIC_WELFARE_POSTS)
            return code, post
        if kind is JobKind.POLICY:
            post, code = rng.choice(POLICY_POSTS)
            return code, post
        own_trade = employer.line.occupations
        if kind is JobKind.TRAINEESHIP:
            # Institutions train their own professions (teachers, nurses); firms office work.
            if employer.employer_type is EmployerType.PUBLIC_INSTITUTION:
                code = rng.choice(own_trade)
            else:
                code = rng.choice(TRAINEESHIP_OCCUPATIONS)
        elif rng.random() < 0.75 or employer.employer_type is EmployerType.INDIVIDUAL_BUSINESS:
            code = rng.choice(own_trade)
        else:
            code = rng.choice(SUPPORT_OCCUPATIONS)
        name = title(code)
        if kind is JobKind.TRAINEESHIP:
            return code, f"{name}（见习）"
        if kind is JobKind.TEMPORARY_SPECIAL:
            return code, f"{name}（临时）"
        return code, name

    def _headcount(self, employer: DemoEmployer, kind: JobKind) -> int:
        rng = self._rng
        if employer.employer_type is EmployerType.INDIVIDUAL_BUSINESS:
            return rng.randint(1, 3)
        if kind is JobKind.PUBLIC_WELFARE:
            return rng.randint(1, 10)
        if kind in (JobKind.TRAINEESHIP, JobKind.POLICY, JobKind.TEMPORARY_SPECIAL):
            return rng.randint(1, 5)
        return rng.choices(_HEADCOUNTS, cum_weights=self._headcount_cum)[0]

    def _validity(self, status: JobStatus, kind: JobKind) -> tuple[date, date | None]:
        """Open and paused jobs are still valid on the demo's day, expired ones are not."""
        rng = self._rng
        days_before = functools.partial(self._calendar.days_before, rng)
        if status is JobStatus.EXPIRED:
            valid_to = days_before(365)
            return valid_to - timedelta(days=rng.randint(30, 180)), valid_to
        if status in (JobStatus.OPEN, JobStatus.PAUSED):
            valid_from = days_before(120, 0)
            if kind is JobKind.REGULAR and rng.random() < 0.2:
                return valid_from, None  # recruiting until further notice
            return valid_from, self._calendar.today + timedelta(days=rng.randint(15, 180))
        valid_from = days_before(365, 30)
        return valid_from, valid_from + timedelta(days=rng.randint(30, 180))

    @staticmethod
    def _filled_range(status: JobStatus, headcount: int) -> tuple[int, int]:
        if status is JobStatus.FILLED:
            return headcount, headcount
        if status is JobStatus.CLOSED:
            return 0, headcount
        return 0, headcount - 1

    def _filled(self, status: JobStatus, headcount: int) -> int:
        low, high = self._filled_range(status, headcount)
        return self._rng.randint(low, high)

    def _salary(self, pay: tuple[int, int], kind: JobKind) -> tuple[int | None, int | None]:
        """Monthly pay range in fen; a few regular jobs leave pay to negotiation (面议)."""
        rng = self._rng
        if kind is JobKind.PUBLIC_WELFARE:
            low = rng.randrange(2000, 2400, 100)
            return low * 100, (low + rng.choice((0, 100, 200, 300))) * 100
        if kind is JobKind.TRAINEESHIP:
            low = rng.randrange(2000, 2700, 100)
            return low * 100, (low + rng.choice((0, 300, 500))) * 100
        if kind is JobKind.REGULAR and rng.random() < 0.05:
            return None, None
        low = rng.randrange(pay[0], pay[1] + 100, 100)
        return low * 100, (low + rng.choice(_SPREADS)) * 100

    def _ages(self, ages: tuple[int, int], kind: JobKind) -> tuple[int | None, int | None]:
        rng = self._rng
        if kind is JobKind.TRAINEESHIP:
            return 16, rng.choice((24, 34))
        if kind is JobKind.PUBLIC_WELFARE:
            return 30, 60
        if kind is JobKind.POLICY:
            return 18, 35
        if rng.random() < 0.1:
            return None, None  # no age limit given
        age_min = ages[0] + rng.choice((0, 0, 2))
        age_max = max(age_min + 10, ages[1] - rng.choice((0, 0, 5)))
        return age_min, age_max

    def _education(self, candidates: tuple[str | None, ...], kind: JobKind) -> str | None:
        rng = self._rng
        if kind is JobKind.TRAINEESHIP:
            return rng.choice(("30", "20", "40"))
        if kind is JobKind.POLICY:
            return rng.choice(("30", "20"))
        if kind is JobKind.PUBLIC_WELFARE:
            return rng.choice((None, "70", "80"))
        return rng.choice(candidates)

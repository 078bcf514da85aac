"""Who may be placed in which kind of job: the kinds' eligibility rules as data.

- 公益性岗位 (public welfare posts): only a resident recognised as 就业困难人员 whose
  recognition is approved and not expired on the day.
- 就业见习 (traineeships): a graduate within two years of leaving school, or a young person
  aged 16 to 24 without work; in both cases not in work now.
- 临时性专项岗位 (temporary special posts, for people hit hardest and needing a bridge into
  work): a resident without work who belongs to one of the key groups these posts are for
  (就业困难人员, 失业人员, 返界高校毕业生, 农民工, 脱贫劳动力, 防返贫监测对象).
- Other kinds have no rule of their own. Every kind keeps the job's own age limits.

`facts_of` reads what the rules need; `refusal` is pure, so the rules are tested without a
database; `check_assignment` raises an `EligibilityError` whose code says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import ClassVar

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.errors import UserError
from station_app.models import EmploymentStatus, Job, JobKind, KeyGroup, Resident
from station_app.services import recognition
from station_app.services.recognition_rules import add_years
from station_app.services.residents import age_on

# Statuses of a resident who has no work now.
WITHOUT_WORK = frozenset(
    {EmploymentStatus.UNEMPLOYED, EmploymentStatus.NOT_SEEKING, EmploymentStatus.IN_TRAINING}
)


class EligibilityError(UserError):
    """The resident may not be placed in this job; the code says why."""

    default_code: ClassVar[str] = "error.eligibility"


@dataclass(frozen=True)
class KindRule:
    """Who a kind of job is for; a resident qualifies by any one of the routes it allows."""

    refusal_code: str
    recognised: bool = False  # an approved, unexpired 就业困难人员 recognition
    graduate_years: int | None = None  # left school at most this many years ago, not working
    youth_ages: tuple[int, int] | None = None  # aged within these bounds, not working
    key_groups: frozenset[KeyGroup] = frozenset()  # in one of these groups, not working


KIND_RULES: Mapping[JobKind, KindRule] = MappingProxyType(
    {
        JobKind.PUBLIC_WELFARE: KindRule("eligibility.public_welfare", recognised=True),
        JobKind.TRAINEESHIP: KindRule(
            "eligibility.traineeship", graduate_years=2, youth_ages=(16, 24)
        ),
        JobKind.TEMPORARY_SPECIAL: KindRule(
            "eligibility.temporary_special",
            key_groups=frozenset(
                {
                    KeyGroup.HARD_TO_EMPLOY,
                    KeyGroup.UNEMPLOYED,
                    KeyGroup.RETURNING_GRADUATE,
                    KeyGroup.MIGRANT_WORKER,
                    KeyGroup.POVERTY_ALLEVIATED,
                    KeyGroup.MONITORED_HOUSEHOLD,
                }
            ),
        ),
    }
)


@dataclass(frozen=True)
class Facts:
    """What the rules look at, about one resident on one day."""

    age: int
    status: EmploymentStatus
    key_groups: frozenset[KeyGroup]
    school_left_on: date | None
    recognised_until: date | None  # the approval in force on the day, if any
    lapsed_until: date | None  # else the last one that lapsed, if any


@dataclass(frozen=True)
class JobTerms:
    kind: JobKind
    age_min: int | None
    age_max: int | None


def refusal(facts: Facts, terms: JobTerms, on_day: date) -> tuple[str, dict[str, str]] | None:
    """Why the resident may not take the job (a code and its params), or None."""
    if terms.age_min is not None and facts.age < terms.age_min:
        return "eligibility.too_young", {"min": str(terms.age_min), "age": str(facts.age)}
    if terms.age_max is not None and facts.age > terms.age_max:
        return "eligibility.too_old", {"max": str(terms.age_max), "age": str(facts.age)}
    rule = KIND_RULES.get(terms.kind)
    if rule is None or _qualifies(rule, facts, on_day):
        return None
    if rule.recognised and facts.lapsed_until is not None:
        return "eligibility.recognition_expired", {"valid_until": facts.lapsed_until.isoformat()}
    return rule.refusal_code, {}


def facts_of(rx: ReadTx, resident: Resident, on_day: date) -> Facts:
    return Facts(
        age=age_on(resident.birth_date, on_day),
        status=resident.employment_status,
        key_groups=resident.key_group_set,
        school_left_on=resident.school_left_on,
        recognised_until=recognition.recognised_until(rx, resident.id, on_day),
        lapsed_until=recognition.latest_lapsed_until(rx, resident.id, on_day),
    )


def check_assignment(rx: ReadTx, resident: Resident, job: Job, on_day: date) -> None:
    """Raises EligibilityError when the resident may not be placed in the job on the day."""
    rx.require(Permission.RESIDENT_READ)
    terms = JobTerms(job.kind, job.age_min, job.age_max)
    found = refusal(facts_of(rx, resident, on_day), terms, on_day)
    if found is not None:
        code, params = found
        raise EligibilityError(
            f"{resident.name} may not be placed in this {job.kind.value} job ({code})",
            code=code,
            params=params,
        )


def _qualifies(rule: KindRule, facts: Facts, on_day: date) -> bool:
    if rule.recognised and facts.recognised_until is not None:
        return True
    if facts.status not in WITHOUT_WORK:
        return False
    left = facts.school_left_on
    years = rule.graduate_years
    if years is not None and left is not None and left <= on_day <= add_years(left, years):
        return True
    if rule.youth_ages is not None and rule.youth_ages[0] <= facts.age <= rule.youth_ages[1]:
        return True
    return bool(rule.key_groups & facts.key_groups)

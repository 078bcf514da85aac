"""How often each key group is contacted (定期联系): the rule table, and due dates from it.

A rule applies to a resident in its key group (or to everyone, when it names none) whose
employment status is one of the rule's statuses (or any status, when it names none). When
several rules apply, the strictest — the shortest interval — wins. A resident no rule applies
to has no due date. The table is data: a station's practice changes here, not in the code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from station_app.models import ContactOutcome, EmploymentStatus, KeyGroup

# Not in work: the statuses of someone the station helps find a job.
NOT_WORKING = frozenset(
    {EmploymentStatus.UNEMPLOYED, EmploymentStatus.IN_TRAINING, EmploymentStatus.NOT_SEEKING}
)
WORKING = frozenset(EmploymentStatus) - NOT_WORKING
# A contact that did not reach the resident is tried again this soon, whatever the rules say.
RETRY_AFTER_NOT_REACHED_DAYS = 3


@dataclass(frozen=True)
class ContactRule:
    code: str  # stable: its text is "contact_rule.<code>" in the catalogue
    interval_days: int
    key_group: KeyGroup | None = None  # None: whatever the groups
    statuses: frozenset[EmploymentStatus] | None = None  # None: whatever the status

    def applies(self, groups: frozenset[KeyGroup], status: EmploymentStatus) -> bool:
        in_group = self.key_group is None or self.key_group in groups
        in_status = self.statuses is None or status in self.statuses
        return in_group and in_status


# The station's rules (界首市 practice for the employment stations' regular contacts).
RULES: tuple[ContactRule, ...] = (
    # Everyone registered as not employed and seeking work: at least monthly.
    ContactRule("seeking_work", 30, statuses=frozenset({EmploymentStatus.UNEMPLOYED})),
    ContactRule("registered_unemployed", 30, KeyGroup.UNEMPLOYED, NOT_WORKING),
    # 就业困难人员: every two weeks until placed, then monthly (稳岗回访).
    ContactRule("hard_to_employ", 14, KeyGroup.HARD_TO_EMPLOY, NOT_WORKING),
    ContactRule("hard_to_employ_placed", 30, KeyGroup.HARD_TO_EMPLOY, WORKING),
    # 零就业家庭: weekly until someone in the family works (动态清零).
    ContactRule("zero_employment_family", 7, KeyGroup.ZERO_EMPLOYMENT_FAMILY, NOT_WORKING),
    # Returning graduates: monthly while looking, quarterly once placed.
    ContactRule("returning_graduate", 30, KeyGroup.RETURNING_GRADUATE, NOT_WORKING),
    ContactRule("returning_graduate_placed", 90, KeyGroup.RETURNING_GRADUATE, WORKING),
    # 防返贫监测对象 and 脱贫劳动力: monthly and quarterly, whatever their status.
    ContactRule("monitored_household", 30, KeyGroup.MONITORED_HOUSEHOLD),
    ContactRule("poverty_alleviated", 90, KeyGroup.POVERTY_ALLEVIATED),
    # 低保 and persons with disability who are not in work: monthly.
    ContactRule("subsistence_allowance", 30, KeyGroup.SUBSISTENCE_ALLOWANCE, NOT_WORKING),
    ContactRule("disabled", 30, KeyGroup.DISABLED, NOT_WORKING),
    # 农民工 and veterans: quarterly.
    ContactRule("migrant_worker", 90, KeyGroup.MIGRANT_WORKER),
    ContactRule("veteran", 90, KeyGroup.VETERAN),
)


def strictest_rule(
    groups: Iterable[KeyGroup],
    status: EmploymentStatus,
    rules: Iterable[ContactRule] = RULES,
) -> ContactRule | None:
    """The applicable rule with the shortest interval (the first of equals), or None."""
    group_set = frozenset(groups)
    best: ContactRule | None = None
    for rule in rules:
        if rule.applies(group_set, status) and (
            best is None or rule.interval_days < best.interval_days
        ):
            best = rule
    return best


def default_next_contact(
    contacted_on: date,
    groups: Iterable[KeyGroup],
    status: EmploymentStatus,
    outcome: ContactOutcome | None = None,
    rules: Iterable[ContactRule] = RULES,
) -> date | None:
    """The next date a contact on `contacted_on` suggests: from the rules, sooner if not reached."""
    rule = strictest_rule(groups, status, rules)
    days = None if rule is None else rule.interval_days
    if outcome is ContactOutcome.NOT_REACHED:
        days = min(RETRY_AFTER_NOT_REACHED_DAYS, days or RETRY_AFTER_NOT_REACHED_DAYS)
    return None if days is None else contacted_on + timedelta(days=days)


def due_date(
    last_contact: date | None,
    planned_next: date | None,
    registered_on: date,
    groups: Iterable[KeyGroup],
    status: EmploymentStatus,
    rules: Iterable[ContactRule] = RULES,
) -> date | None:
    """When the resident is due for contact, or None when no rule and no plan asks for one.

    From the last contact (or, before the first, the day of registration) and the strictest
    rule; a next date the worker planned at the last contact counts when it is sooner — the
    rules are the least a resident is contacted, so a later plan does not put them off.
    """
    rule = strictest_rule(groups, status, rules)
    start = last_contact or registered_on
    by_rule = None if rule is None else start + timedelta(days=rule.interval_days)
    dates = [d for d in (by_rule, planned_next) if d is not None]
    return min(dates) if dates else None

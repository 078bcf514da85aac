"""The contact rule table: which rule applies, the strictest wins, and the due dates from it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from station_app.models import ContactOutcome, EmploymentStatus, KeyGroup
from station_app.services import contact_rules
from station_app.services.contact_rules import (
    NOT_WORKING,
    RULES,
    ContactRule,
    default_next_contact,
    due_date,
    strictest_rule,
)
from station_app.texts.sources import SOURCES

DAY = date(2026, 3, 10)
groups_st = st.frozensets(st.sampled_from(list(KeyGroup)))
status_st = st.sampled_from(list(EmploymentStatus))
dates_st = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def interval(groups: set[KeyGroup], status: EmploymentStatus) -> int | None:
    rule = strictest_rule(groups, status)
    return None if rule is None else rule.interval_days


def test_every_registered_unemployed_resident_is_contacted_at_least_monthly() -> None:
    assert interval(set(), EmploymentStatus.UNEMPLOYED) == 30
    assert interval({KeyGroup.UNEMPLOYED}, EmploymentStatus.IN_TRAINING) == 30


def test_hard_to_employ_every_two_weeks_until_placed_then_monthly() -> None:
    assert interval({KeyGroup.HARD_TO_EMPLOY}, EmploymentStatus.UNEMPLOYED) == 14
    assert interval({KeyGroup.HARD_TO_EMPLOY}, EmploymentStatus.NOT_SEEKING) == 14
    assert interval({KeyGroup.HARD_TO_EMPLOY}, EmploymentStatus.EMPLOYED) == 30
    assert interval({KeyGroup.HARD_TO_EMPLOY}, EmploymentStatus.PUBLIC_WELFARE) == 30


def test_the_other_groups_have_their_intervals() -> None:
    assert interval({KeyGroup.RETURNING_GRADUATE}, EmploymentStatus.UNEMPLOYED) == 30
    assert interval({KeyGroup.RETURNING_GRADUATE}, EmploymentStatus.EMPLOYED) == 90
    assert interval({KeyGroup.ZERO_EMPLOYMENT_FAMILY}, EmploymentStatus.UNEMPLOYED) == 7
    assert interval({KeyGroup.MONITORED_HOUSEHOLD}, EmploymentStatus.EMPLOYED) == 30
    assert interval({KeyGroup.POVERTY_ALLEVIATED}, EmploymentStatus.FLEXIBLE) == 90
    assert interval({KeyGroup.SUBSISTENCE_ALLOWANCE}, EmploymentStatus.NOT_SEEKING) == 30
    assert interval({KeyGroup.DISABLED}, EmploymentStatus.IN_TRAINING) == 30
    assert interval({KeyGroup.MIGRANT_WORKER}, EmploymentStatus.EMPLOYED) == 90
    assert interval({KeyGroup.VETERAN}, EmploymentStatus.SELF_EMPLOYED) == 90


def test_no_rule_for_someone_in_work_outside_the_groups() -> None:
    assert strictest_rule(set(), EmploymentStatus.EMPLOYED) is None
    assert strictest_rule({KeyGroup.DISABLED}, EmploymentStatus.EMPLOYED) is None
    assert strictest_rule({KeyGroup.UNEMPLOYED}, EmploymentStatus.EMPLOYED) is None


def test_the_strictest_applicable_rule_wins() -> None:
    groups = {KeyGroup.VETERAN, KeyGroup.HARD_TO_EMPLOY, KeyGroup.MIGRANT_WORKER}
    rule = strictest_rule(groups, EmploymentStatus.UNEMPLOYED)
    assert rule is not None and rule.code == "hard_to_employ"
    rule = strictest_rule(groups | {KeyGroup.ZERO_EMPLOYMENT_FAMILY}, EmploymentStatus.UNEMPLOYED)
    assert rule is not None and rule.code == "zero_employment_family"


def test_a_rule_table_given_as_data_is_used() -> None:
    table = (ContactRule("weekly_veterans", 7, KeyGroup.VETERAN),)
    assert default_next_contact(
        DAY, {KeyGroup.VETERAN}, EmploymentStatus.EMPLOYED, rules=table
    ) == (DAY + timedelta(days=7))
    assert strictest_rule(set(), EmploymentStatus.UNEMPLOYED, table) is None


@given(groups_st, status_st)
def test_the_winner_applies_and_no_applicable_rule_is_stricter(
    groups: frozenset[KeyGroup], status: EmploymentStatus
) -> None:
    winner = strictest_rule(groups, status)
    applicable = [rule for rule in RULES if rule.applies(groups, status)]
    if winner is None:
        assert applicable == []
    else:
        assert winner in applicable
        assert winner.interval_days == min(rule.interval_days for rule in applicable)


@given(groups_st, groups_st, status_st)
def test_more_groups_never_mean_fewer_contacts(
    groups: frozenset[KeyGroup], more: frozenset[KeyGroup], status: EmploymentStatus
) -> None:
    fewer = interval(set(groups), status)
    if fewer is not None:
        wider = interval(set(groups | more), status)
        assert wider is not None and wider <= fewer


@given(groups_st, status_st)
def test_anyone_not_working_and_seeking_has_a_rule(
    groups: frozenset[KeyGroup], status: EmploymentStatus
) -> None:
    if status is EmploymentStatus.UNEMPLOYED:
        assert (interval(set(groups), status) or 99) <= 30
    if status not in NOT_WORKING and not groups:
        assert interval(set(), status) is None


def test_the_default_next_date_follows_the_rule_and_comes_sooner_when_not_reached() -> None:
    groups = {KeyGroup.HARD_TO_EMPLOY}
    status = EmploymentStatus.UNEMPLOYED
    assert default_next_contact(DAY, groups, status) == date(2026, 3, 24)
    assert default_next_contact(DAY, groups, status, ContactOutcome.NOT_REACHED) == date(
        2026, 3, 13
    )
    # Someone no rule covers: no date, unless the contact did not reach them.
    assert default_next_contact(DAY, set(), EmploymentStatus.EMPLOYED) is None
    assert default_next_contact(
        DAY, set(), EmploymentStatus.EMPLOYED, ContactOutcome.NOT_REACHED
    ) == DAY + timedelta(days=contact_rules.RETRY_AFTER_NOT_REACHED_DAYS)


def test_due_date_from_the_last_contact_or_from_registration() -> None:
    status = EmploymentStatus.UNEMPLOYED
    registered = date(2026, 1, 5)
    assert due_date(None, None, registered, set(), status) == date(2026, 2, 4)
    assert due_date(DAY, None, registered, set(), status) == date(2026, 4, 9)
    assert due_date(DAY, None, registered, set(), EmploymentStatus.EMPLOYED) is None


def test_a_sooner_plan_counts_a_later_one_does_not_put_the_rules_off() -> None:
    status = EmploymentStatus.UNEMPLOYED
    registered = date(2026, 1, 5)
    assert due_date(DAY, date(2026, 3, 20), registered, set(), status) == date(2026, 3, 20)
    assert due_date(DAY, date(2026, 6, 1), registered, set(), status) == date(2026, 4, 9)
    # Without a rule, the worker's plan alone sets the date.
    assert due_date(DAY, date(2026, 6, 1), registered, set(), EmploymentStatus.EMPLOYED) == date(
        2026, 6, 1
    )


@given(dates_st, st.one_of(st.none(), dates_st), dates_st, groups_st, status_st)
def test_the_due_date_is_never_later_than_the_rule_allows(
    last: date | None,
    planned: date | None,
    registered: date,
    groups: frozenset[KeyGroup],
    status: EmploymentStatus,
) -> None:
    due = due_date(last, planned, registered, groups, status)
    days = interval(set(groups), status)
    if days is not None:
        assert due is not None
        assert due <= (last or registered) + timedelta(days=days)
    if planned is not None:
        assert due is not None and due <= planned


def test_every_rule_has_a_text_and_a_unique_code() -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert "{days}" in SOURCES[f"contact_rule.{code}"]
    assert all(rule.interval_days > 0 for rule in RULES)

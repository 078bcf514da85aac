"""The rule table of 就业困难人员 recognition: each category, the evidence it needs, its test.

Data, not code paths: a category lists the documents the applicant must show and, where the
register can tell, a test the service applies (an age, a year of unemployment). The workflow's
order is here too: which step may follow which state, and how long the notice and the
recognition last.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from station_app.models.enums import Sex
from station_app.models.recognition import (
    RecognitionCategory,
    RecognitionEvidence,
    RecognitionState,
    RecognitionStepKind,
)

NOTICE_DAYS = 7  # 公示期: the street review may be recorded from the start day + 7 days on
VALIDITY_YEARS = 3  # 认定有效期: valid through the same day three years after approval


@dataclass(frozen=True)
class CategoryRule:
    """One category of 就业困难人员 and what the application must show for it."""

    category: RecognitionCategory
    evidence: tuple[RecognitionEvidence, ...]
    # Age from which a woman / a man qualifies (大龄); None: no age test.
    min_age: Mapping[Sex, int] | None = None
    # Registered unemployed without a break for at least this many years; None: no test.
    unemployed_years: int | None = None


E = RecognitionEvidence
C = RecognitionCategory
RULES: Mapping[RecognitionCategory, CategoryRule] = MappingProxyType(
    {
        rule.category: rule
        for rule in (
            CategoryRule(
                C.OLDER_WORKER,
                (E.ID_CARD, E.HOUSEHOLD_REGISTER),
                min_age=MappingProxyType({Sex.FEMALE: 40, Sex.MALE: 50}),
            ),
            CategoryRule(C.DISABLED, (E.ID_CARD, E.DISABILITY_CERTIFICATE)),
            CategoryRule(C.SUBSISTENCE_ALLOWANCE, (E.ID_CARD, E.SUBSISTENCE_CERTIFICATE)),
            CategoryRule(
                C.ZERO_EMPLOYMENT_FAMILY,
                (E.ID_CARD, E.HOUSEHOLD_REGISTER, E.ZERO_EMPLOYMENT_PROOF),
            ),
            CategoryRule(
                C.LONG_TERM_UNEMPLOYED, (E.ID_CARD, E.EMPLOYMENT_CARD), unemployed_years=1
            ),
            CategoryRule(
                C.LANDLESS_FARMER, (E.ID_CARD, E.HOUSEHOLD_REGISTER, E.LAND_ACQUISITION_PROOF)
            ),
            CategoryRule(C.MONITORED_HOUSEHOLD, (E.ID_CARD, E.MONITORING_LIST)),
            CategoryRule(C.POVERTY_ALLEVIATED, (E.ID_CARD, E.POVERTY_RECORD)),
        )
    }
)

S = RecognitionState
K = RecognitionStepKind
# The workflow: (state, step) -> the state the step leads to. Nothing else may be recorded.
TRANSITIONS: Mapping[tuple[RecognitionState, RecognitionStepKind], RecognitionState] = (
    MappingProxyType(
        {
            (S.APPLIED, K.COMMUNITY_REVIEW): S.COMMUNITY_REVIEWED,
            (S.APPLIED, K.REJECTION): S.REJECTED,
            (S.COMMUNITY_REVIEWED, K.NOTICE): S.IN_NOTICE,
            (S.IN_NOTICE, K.STREET_REVIEW): S.STREET_REVIEWED,
            (S.IN_NOTICE, K.REJECTION): S.REJECTED,
            (S.STREET_REVIEWED, K.APPROVAL): S.APPROVED,
            (S.STREET_REVIEWED, K.REJECTION): S.REJECTED,
            (S.APPROVED, K.EXIT): S.EXITED,
            (S.APPROVED, K.EXPIRY): S.EXPIRED,
        }
    )
)
# States of an application still under way or in force: a resident has at most one.
OPEN_STATES = frozenset({S.APPLIED, S.COMMUNITY_REVIEWED, S.IN_NOTICE, S.STREET_REVIEWED})
# Steps that need the public notice to have run its full term.
AFTER_NOTICE = frozenset({K.STREET_REVIEW, K.REJECTION})


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def notice_end(starts_on: date) -> date:
    """The first day after the public notice: the street review may be recorded from then."""
    return starts_on + timedelta(days=NOTICE_DAYS)


def valid_until(approved_on: date) -> date:
    """The last day an approval is valid."""
    return add_years(approved_on, VALIDITY_YEARS)


def missing_evidence(
    categories: frozenset[RecognitionCategory], evidence: frozenset[RecognitionEvidence]
) -> tuple[RecognitionEvidence, ...]:
    """The documents the chosen categories need that were not shown, in the table's order."""
    chosen = [rule for rule in RULES.values() if rule.category in categories]
    needed = [item for rule in chosen for item in rule.evidence]
    return tuple(dict.fromkeys(item for item in needed if item not in evidence))

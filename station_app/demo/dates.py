"""The fixed calendar of a demo database: its reference day and seeded days and times."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

# Demo content is computed as of this day, never "today", so a seed always gives the same file.
REFERENCE_DATE = date(2026, 1, 1)
# Office hours in China (UTC+8) are 00:30-09:30 UTC; records get timestamps in that window.
_OFFICE_START = time(0, 30)
_OFFICE_SECONDS = 9 * 3600


def days_before(rng: random.Random, most: int, least: int = 1) -> date:
    """A day between `most` and `least` days before the reference day."""
    return REFERENCE_DATE - timedelta(days=rng.randint(least, most))


def office_time(rng: random.Random, day: date) -> datetime:
    """A UTC timestamp during Chinese office hours of `day`."""
    start = datetime.combine(day, _OFFICE_START, tzinfo=UTC)
    return start + timedelta(seconds=rng.randrange(_OFFICE_SECONDS))


def reference_time() -> datetime:
    """The instant the demo is "generated at": office start of the reference day."""
    return datetime.combine(REFERENCE_DATE, _OFFICE_START, tzinfo=UTC)

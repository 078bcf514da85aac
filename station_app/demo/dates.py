"""The calendar of a demo database: the day it is made as of, and seeded days and times."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

# A fixed day for tests and benchmarks that compare two demo files: the same seed and the
# same day always give the same content. The program makes its demos as of today.
REFERENCE_DATE = date(2026, 1, 1)
# Office hours in China (UTC+8) are 00:30-09:30 UTC; records get timestamps in that window.
_OFFICE_START = time(0, 30)
_OFFICE_SECONDS = 9 * 3600


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class DemoCalendar:
    """The demo's "today" and the days and times drawn relative to it."""

    today: date

    def days_before(self, rng: random.Random, most: int, least: int = 1) -> date:
        """A day between `most` and `least` days before today."""
        return self.today - timedelta(days=rng.randint(least, most))

    def reference_time(self) -> datetime:
        """The instant the demo is "generated at": office start of today."""
        return datetime.combine(self.today, _OFFICE_START, tzinfo=UTC)


def office_time(rng: random.Random, day: date) -> datetime:
    """A UTC timestamp during Chinese office hours of `day`."""
    start = datetime.combine(day, _OFFICE_START, tzinfo=UTC)
    return start + timedelta(seconds=rng.randrange(_OFFICE_SECONDS))

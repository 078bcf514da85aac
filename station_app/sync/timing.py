"""When the station syncs next, spread at random so a city's stations don't all call at once.

After a city-wide outage every station's network comes back, or its retry timer fires, within
the same few seconds; without a spread they would all reach the server together, again at
every retry. Each delay here is drawn from a range instead: the regular sync every five
minutes give or take 10 %, a retry after a failure that doubles with each failure in a row
(up to ten minutes) and falls anywhere between half and one and a half of that, and the sync
after the network returns somewhere in its first half minute. A sync the worker asks for is
never delayed.
"""

from __future__ import annotations

import random

INTERVAL_S = 300.0  # a sync every five minutes while all is well
RETRY_S = 60.0  # the first retry after a failure
RETRY_CAP_S = 600.0  # the longest wait between retries
AFTER_CHANGE_S = 20.0  # a local change is sent this soon (changes close together wait)
FIRST_S = 2.0  # the first sync after the window opens
NETWORK_SPREAD_S = 30.0  # the sync after the network returns comes within this


def regular_delay(rng: random.Random) -> float:
    """Seconds until the next regular sync: the interval, give or take 10 %."""
    return INTERVAL_S * rng.uniform(0.9, 1.1)


def retry_delay(failures: int, rng: random.Random) -> float:
    """Seconds until a retry after `failures` failed syncs in a row (1 for the first)."""
    base: float = min(RETRY_S * 2.0 ** max(0, min(failures, 16) - 1), RETRY_CAP_S)
    return base * rng.uniform(0.5, 1.5)


def after_network_delay(rng: random.Random) -> float:
    """Seconds until the sync after the system reports the network back."""
    return rng.uniform(1.0, NETWORK_SPREAD_S)

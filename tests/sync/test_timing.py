"""The sync's delays are spread at random within their ranges, and retries back off."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from station_app.sync.timing import (
    INTERVAL_S,
    NETWORK_SPREAD_S,
    RETRY_CAP_S,
    RETRY_S,
    after_network_delay,
    regular_delay,
    retry_delay,
)

seeds = st.integers(min_value=0, max_value=2**32)


@given(seeds)
def test_the_regular_sync_comes_every_five_minutes_give_or_take_a_tenth(seed: int) -> None:
    assert 0.9 * INTERVAL_S <= regular_delay(random.Random(seed)) <= 1.1 * INTERVAL_S


@given(seeds, st.integers(min_value=1, max_value=10_000))
def test_a_retry_waits_longer_after_each_failure_up_to_the_cap(seed: int, failures: int) -> None:
    delay = retry_delay(failures, random.Random(seed))
    base = min(RETRY_S * 2 ** (failures - 1), RETRY_CAP_S) if failures < 20 else RETRY_CAP_S
    assert 0.5 * base <= delay <= 1.5 * base


def test_the_first_retries_double() -> None:
    means = [
        sum(retry_delay(failures, random.Random(seed)) for seed in range(400)) / 400
        for failures in (1, 2, 3, 4, 5, 6)
    ]
    assert [round(mean / RETRY_S) for mean in means] == [1, 2, 4, 8, 10, 10]


def test_stations_hearing_the_network_return_together_spread_over_half_a_minute() -> None:
    delays = sorted(after_network_delay(random.Random(seed)) for seed in range(200))
    assert delays[0] >= 1.0 and delays[-1] <= NETWORK_SPREAD_S
    # No second holds more than a few of the 200 stations.
    per_second = [sum(1 for d in delays if s <= d < s + 1) for s in range(int(NETWORK_SPREAD_S))]
    assert max(per_second) <= 20

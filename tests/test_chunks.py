"""Cutting a sequence into chunks loses, repeats and reorders nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.chunks import chunks


@given(st.lists(st.integers(), max_size=50), st.integers(min_value=1, max_value=12))
def test_the_chunks_are_the_sequence_in_order(items: list[int], size: int) -> None:
    parts = list(chunks(items, size))
    assert [item for part in parts for item in part] == items
    assert all(len(part) == size for part in parts[:-1])
    assert all(1 <= len(part) <= size for part in parts)


def test_a_chunk_holds_at_least_one_item() -> None:
    with pytest.raises(ValueError):
        list(chunks([1, 2], 0))

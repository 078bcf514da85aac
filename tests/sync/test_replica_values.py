"""A pulled JSON value is stored as the very text SQLAlchemy writes for it (`json.dumps`), so
a row whose values are as stored keeps its version; the remembered texts change nothing."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from station_app.sync import replica

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@given(st.lists(json_values | st.lists(st.sampled_from(["6-31-01-03", "纺织", "x"])), max_size=40))
def test_a_json_value_becomes_json_dumps_text_whatever_came_before(values: list[Any]) -> None:
    text = replica._json_text()
    for value in values:
        assert text(value) == (None if value is None else json.dumps(value))


def test_the_texts_stay_right_after_the_remembered_ones_are_forgotten() -> None:
    text = replica._json_text()
    for n in range(replica.MEMO_LIMIT * 2 + 3):
        assert text([str(n)]) == json.dumps([str(n)])

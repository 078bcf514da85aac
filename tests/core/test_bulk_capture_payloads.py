"""The bulk capture's one-pass payloads and JSON text mean what the per-flush capture's do."""

from __future__ import annotations

import json
import math
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON
from sqlalchemy.dialects import sqlite

from station_app.models import EmploymentStatus
from station_app.models.change_capture import (
    _insert_changes,
    _json_text,
    _JsonModuleOnly,
    _new_rows_fields,
    _sent,
    _shown_fields,
    _special_float,
)
from station_app.models.masking import ID_NUMBER, NAME, PHONE, SECRET, TEXT

MASKED = {"a": ID_NUMBER, "b": PHONE, "c": NAME, "d": TEXT, "e": SECRET}
SCALARS = st.one_of(
    st.none(),
    st.text(),
    st.integers(),
    st.booleans(),
    st.floats(),
    st.dates(),
    st.sampled_from(EmploymentStatus),
)
VALUE = st.one_of(SCALARS, st.lists(st.text(), max_size=3), st.lists(st.floats(), max_size=2))
# Rows of one bulk insert: each has every column the first row has.
ROWS = st.lists(
    st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]), unique=True, max_size=8
).flatmap(
    lambda names: st.lists(st.fixed_dictionaries({name: VALUE for name in names}), max_size=4)
)
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.text(), st.integers(), st.booleans(), st.floats()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=12,
)


def _same(left: Any, right: Any) -> bool:
    """Equal, NaN being equal to NaN."""
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_same, left, right))
    return type(left) is type(right) and left == right


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROWS)
def test_new_rows_payloads_are_the_per_flush_captures(rows: list[dict[str, object]]) -> None:
    columns = {name: [row[name] for row in rows] for name in (rows[0] if rows else {})}
    sents, shown = _new_rows_fields(MASKED, columns, len(rows))
    assert len(sents) == len(shown) == len(rows)
    for row, sent, fields in zip(rows, sents, shown, strict=True):
        changes = _insert_changes(row)
        assert _same(sent, _sent(MASKED, changes))
        assert _same(fields, _shown_fields(MASKED, changes, {}))
        # Only a payload holding NaN or an infinity is left to the json module.
        assert isinstance(sent, _JsonModuleOnly) == _special_float(sent)
        assert isinstance(fields, _JsonModuleOnly) == isinstance(sent, _JsonModuleOnly)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON_VALUES)
def test_the_json_text_reads_back_as_the_json_modules(value: Any) -> None:
    convert = JSON().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())
    assert convert is not None
    payload = {"fields": value}
    [sent], _shown = _new_rows_fields({}, {"x": [value]}, 1)
    text = _json_text(convert, checked=True)(sent)
    assert _same(json.loads(text), json.loads(convert(sent)))
    general = _json_text(convert, checked=False)(payload)
    assert _same(json.loads(general), json.loads(convert(payload)))


def test_chinese_is_written_as_utf8_and_dates_as_iso_text() -> None:
    convert = JSON().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())
    assert convert is not None
    columns = {"name": ["张三"], "since": [date(2024, 1, 5)]}
    [sent], _shown = _new_rows_fields({}, columns, 1)
    assert _json_text(convert, checked=True)(sent) == '{"name":"张三","since":"2024-01-05"}'

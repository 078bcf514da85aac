"""Ledger cells as people type them: widths, spaces, dates, amounts, yes/no, ID numbers."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.ledgers.cells import (
    CellError,
    clean_text,
    id_number_text,
    is_blank,
    parse_count,
    parse_date,
    parse_yes_no,
    parse_yuan,
    split_list,
)


@pytest.mark.parametrize(
    "value",
    [
        "2024-01-05",
        "2024/1/5",
        "2024.1.5",
        "2024年1月5日",
        "２０２４年１月５日",
        " 20240105 ",
        20240105,
        45296,  # Excel's serial of 2024-01-05
        45296.0,
        date(2024, 1, 5),
        datetime(2024, 1, 5, 0, 0),
        "2024-01-05 00:00:00",
    ],
)
def test_every_date_spelling_is_the_fifth_of_january(value: object) -> None:
    assert parse_date(value) == date(2024, 1, 5)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["2024-02-30", "昨天", "5.1", 20241399, -3])
def test_a_cell_that_is_no_date_is_refused(value: object) -> None:
    with pytest.raises(CellError) as error:
        parse_date(value)  # type: ignore[arg-type]
    assert error.value.code == "ledger.date"


def test_an_empty_date_is_none() -> None:
    assert parse_date(None) is None
    assert parse_date("  \u3000") is None


def test_text_is_folded_and_trimmed() -> None:
    assert clean_text("\u3000张　三 \u00a0") == "张 三"
    assert clean_text("ＡＢＣ１２３") == "ABC123"
    assert clean_text(13912345678.0) == "13912345678"


@pytest.mark.parametrize("value", [341282199003070011.0, 341282199003070000, "3.41282E+17"])
def test_an_id_number_excel_stored_as_a_number_is_refused(value: object) -> None:
    with pytest.raises(CellError) as error:
        id_number_text(value)  # type: ignore[arg-type]
    assert error.value.code == "ledger.id_as_number"


def test_an_id_number_typed_as_text_passes_through_folded() -> None:
    assert id_number_text(" ３４１２８２ 19900307001x ") == "34128219900307001x"


@pytest.mark.parametrize(
    ("value", "fen"),
    [("3000", 300000), ("3,000元", 300000), (2500.5, 250050), ("3000元/月", 300000)],
)
def test_amounts_in_yuan(value: object, fen: int) -> None:
    assert parse_yuan(value) == fen  # type: ignore[arg-type]


def test_a_bad_amount_is_refused() -> None:
    with pytest.raises(CellError):
        parse_yuan("面议")
    with pytest.raises(CellError):
        parse_yuan(-5)


def test_counts_and_yes_no() -> None:
    assert parse_count("5人") == 5
    assert parse_count(3.0) == 3
    with pytest.raises(CellError):
        parse_count("若干")
    assert parse_yes_no("是") is True
    assert parse_yes_no("√") is True
    assert parse_yes_no("否") is False
    assert parse_yes_no("N") is False
    with pytest.raises(CellError):
        parse_yes_no("也许")


def test_lists_in_one_cell() -> None:
    assert split_list("就业困难人员、低保对象,退役军人；  残疾人") == [
        "就业困难人员",
        "低保对象",
        "退役军人",
        "残疾人",
    ]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(alphabet=" \t\n\u00a0\u3000\u200b\ufeff\u2028\u1680\u200ax０Ａ张", max_size=6),
        st.text(max_size=4),
    )
)
def test_a_cell_is_blank_when_its_clean_text_is_empty(text: str) -> None:
    assert is_blank(text) is (not clean_text(text))

"""Tests of resident ID number parsing (GB 11643-1999)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.errors import ValidationError
from station_app.validation import (
    IdNumber,
    compute_id_check_character,
    normalize_id_number,
    parse_id_number,
)

TODAY = date(2025, 6, 1)
# A made-up person registered in Jieshou (region code 341282); the check character is computed.
JIESHOU_NUMBER = "341282199003151230"


def problem_code(text: str, *, today: date = TODAY) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_id_number(text, today=today)
    assert len(caught.value.problems) == 1
    problem = caught.value.problems[0]
    assert problem.field == "id_number"
    assert problem.message
    return problem.code


def test_standard_example() -> None:
    # The example number printed in GB 11643-1999.
    parsed = parse_id_number("11010519491231002X", today=TODAY)
    assert parsed == IdNumber(
        number="11010519491231002X",
        region_code="110105",
        birth_date=date(1949, 12, 31),
        sex="F",
    )


def test_jieshou_example() -> None:
    parsed = parse_id_number(JIESHOU_NUMBER, today=TODAY)
    assert parsed.region_code == "341282"
    assert parsed.birth_date == date(1990, 3, 15)
    assert parsed.sex == "M"


def test_check_character_computation() -> None:
    assert compute_id_check_character("11010519491231002") == "X"
    assert compute_id_check_character("34128219900315123") == "0"
    with pytest.raises(ValueError):
        compute_id_check_character("1234")
    with pytest.raises(ValueError):
        compute_id_check_character("1101051949123100X")


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",
        " 110105 19491231 002X ",
        "１１０１０５１９４９１２３１００２ｘ",
        "１１０１０５\u300019491231002Ｘ",
        "\t11010519491231002X\n",
    ],
)
def test_normalization(typed: str) -> None:
    assert parse_id_number(typed, today=TODAY).number == "11010519491231002X"


def test_default_today_accepts_real_numbers() -> None:
    assert parse_id_number("11010519491231002X").birth_date == date(1949, 12, 31)


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty(text: str) -> None:
    assert problem_code(text) == "id_number.empty"


def test_length_reports_actual_length() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id_number("341282900315123", today=TODAY)  # an old 15-digit number
    problem = caught.value.problems[0]
    assert problem.code == "id_number.length"
    assert problem.params == {"length": "15"}


@pytest.mark.parametrize(
    "text",
    ["3412821990031512X0", "34128219900315123A", "3412821990O315123O", "34128219900315-230"],
)
def test_characters(text: str) -> None:
    assert problem_code(text) == "id_number.characters"


@pytest.mark.parametrize("first17", ["01010519491231002", "91010519491231002", "10010519491231002"])
def test_region(first17: str) -> None:
    text = first17 + compute_id_check_character(first17)
    assert problem_code(text) == "id_number.region"


@pytest.mark.parametrize(
    "birth",
    ["19990230", "20230229", "19991301", "19990001", "18991231", "20250602"],
)
def test_birth_date(birth: str) -> None:
    first17 = "341282" + birth + "123"
    assert problem_code(first17 + compute_id_check_character(first17)) == "id_number.birth_date"


def test_birth_date_today_is_accepted() -> None:
    first17 = "341282" + TODAY.strftime("%Y%m%d") + "124"
    assert parse_id_number(first17 + compute_id_check_character(first17), today=TODAY).sex == "F"


def test_check_character() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id_number("341282199003151231", today=TODAY)
    problem = caught.value.problems[0]
    assert problem.code == "id_number.check_character"
    assert problem.params == {"expected": "0"}
    # The message a clerk sees does not give the right answer away.
    assert "0" not in problem.message


# --- property tests -------------------------------------------------------------------------

EARLIEST = date(1900, 1, 1)


@st.composite
def valid_numbers(draw: st.DrawFn) -> str:
    province = draw(st.integers(min_value=11, max_value=82))
    rest_of_region = draw(st.integers(min_value=0, max_value=9999))
    days = draw(st.integers(min_value=0, max_value=(TODAY - EARLIEST).days))
    born = EARLIEST + timedelta(days=days)
    sequence = draw(st.integers(min_value=0, max_value=999))
    first17 = f"{province:02d}{rest_of_region:04d}{born:%Y%m%d}{sequence:03d}"
    return first17 + compute_id_check_character(first17)


@given(valid_numbers())
def test_valid_numbers_round_trip(number: str) -> None:
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.number == number
    assert parsed.region_code == number[:6]
    assert parsed.birth_date.strftime("%Y%m%d") == number[6:14]
    assert parsed.sex == ("M" if int(number[16]) % 2 else "F")
    assert parse_id_number(parsed.number.lower(), today=TODAY) == parsed


@given(valid_numbers(), st.integers(min_value=0, max_value=17), st.data())
def test_any_single_character_change_is_refused(
    number: str, position: int, data: st.DataObject
) -> None:
    allowed = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in allowed if c != number[position]]))
    changed = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(ValidationError):
        parse_id_number(changed, today=TODAY)


_FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789Xx"}


@given(valid_numbers(), st.data())
def test_whitespace_and_full_width_variants_normalize_alike(
    number: str, data: st.DataObject
) -> None:
    typed = []
    for character in number:
        if character == "X" and data.draw(st.booleans()):
            character = "x"
        if data.draw(st.booleans()):
            character = _FULL_WIDTH[character]
        typed.append(character + data.draw(st.sampled_from(["", "", " ", "\u3000", "\t"])))
    variant = "".join(typed)
    assert normalize_id_number(variant) == number
    assert parse_id_number(variant, today=TODAY).number == number

"""Tests of mainland China phone number normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.errors import ValidationError
from station_app.validation import normalize_phone


def problem_code(text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(text)
    assert len(caught.value.problems) == 1
    problem = caught.value.problems[0]
    assert problem.field == "phone"
    assert problem.message
    return problem.code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("13912345678", "13912345678"),
        ("139 1234 5678", "13912345678"),
        ("139-1234-5678", "13912345678"),
        ("+86 139 1234 5678", "13912345678"),
        ("+8613912345678", "13912345678"),
        ("8613912345678", "13912345678"),
        ("0086 13912345678", "13912345678"),
        ("１３９１２３４５６７８", "13912345678"),
        ("＋８６\u3000１３９１２３４５６７８", "13912345678"),
        ("19912345678", "19912345678"),
    ],
)
def test_mobile(typed: str, expected: str) -> None:
    assert normalize_phone(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0558-4812345", "0558-4812345"),
        ("0558 4812345", "0558-4812345"),
        ("05584812345", "0558-4812345"),
        ("(0558)4812345", "0558-4812345"),
        ("(0558) 481-2345", "0558-4812345"),
        ("（０５５８）４８１２３４５", "0558-4812345"),
        ("０５５８－４８１２３４５", "0558-4812345"),
        ("010-88886666", "010-88886666"),
        ("01088886666", "010-88886666"),
        ("021 6234 5678", "021-62345678"),
        ("0558-4812345-123", "0558-4812345-123"),
        ("0558-4812345转123", "0558-4812345-123"),
        ("0558 4812345 转 8", "0558-4812345-8"),
        ("0558-4812345 ext 123", "0558-4812345-123"),
        ("0558-4812345 EXT. 123", "0558-4812345-123"),
        ("0558-4812345分机123", "0558-4812345-123"),
        ("05584812345-123", "0558-4812345-123"),
    ],
)
def test_landline(typed: str, expected: str) -> None:
    assert normalize_phone(typed) == expected


@pytest.mark.parametrize("text", ["", "  ", "\u3000"])
def test_empty(text: str) -> None:
    assert problem_code(text) == "phone.empty"


@pytest.mark.parametrize(("text", "length"), [("1391234567", "10"), ("139123456789", "12")])
def test_mobile_length(text: str, length: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone(text)
    problem = caught.value.problems[0]
    assert problem.code == "phone.mobile_length"
    assert problem.params == {"length": length}


@pytest.mark.parametrize(
    "text",
    [
        "12345678901",  # no mobile prefix starts 12
        "4812345",  # local number without area code
        "0558-0812345",  # local numbers never start with 0
        "0558-1812345",  # ... nor with 1
        "0558-48123",  # too short
        "0558-481234567",  # too long and no plausible extension split
        "phone",
        "139 1234 567a",
        "13912345678 转 12",  # mobile numbers have no extensions
        "0558-4812345-1234567",  # extension too long
        "+86 0558 4812345",
        "+",
    ],
)
def test_invalid(text: str) -> None:
    assert problem_code(text) == "phone.invalid"


def test_invalid_message_explains_forms() -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_phone("4812345")
    message = caught.value.problems[0].message
    assert "mobile" in message
    assert "area code" in message


# --- property tests -------------------------------------------------------------------------

mobiles = st.builds(
    lambda second, rest: f"1{second}{rest:09d}",
    st.sampled_from("3456789"),
    st.integers(min_value=0, max_value=999_999_999),
)
area_codes = st.one_of(
    st.just("010"),
    st.builds(lambda d: f"02{d}", st.sampled_from("0123456789")),
    st.builds(lambda n: f"0{n}", st.integers(min_value=300, max_value=999).map(str)),
)
local_numbers = st.builds(
    lambda first, rest, length: f"{first}{rest:07d}"[:length],
    st.sampled_from("23456789"),
    st.integers(min_value=0, max_value=9_999_999),
    st.sampled_from([7, 8]),
)
landlines = st.builds(
    lambda area, local, extension: f"{area}-{local}" + (f"-{extension}" if extension else ""),
    area_codes,
    local_numbers,
    st.one_of(st.none(), st.integers(min_value=0, max_value=999_999).map(str)),
)
separators = st.sampled_from(["", " ", "-", "\u3000"])


@given(st.one_of(mobiles, landlines))
def test_normalization_is_idempotent(number: str) -> None:
    once = normalize_phone(number)
    assert once == number
    assert normalize_phone(once) == once


@given(mobiles, st.sampled_from(["", "+86", "86", "0086", "+86 "]), separators)
def test_mobile_variants_normalize_alike(number: str, prefix: str, separator: str) -> None:
    typed = prefix + number[:3] + separator + number[3:7] + separator + number[7:]
    full_width = typed.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789+"})
    assert normalize_phone(typed) == number
    assert normalize_phone(full_width) == number


@given(area_codes, local_numbers, st.sampled_from(["{a}-{n}", "({a}){n}", "{a} {n}", "{a}{n}"]))
def test_landline_variants_normalize_alike(area: str, local: str, layout: str) -> None:
    assert normalize_phone(layout.format(a=area, n=local)) == f"{area}-{local}"

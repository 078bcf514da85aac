"""Tests of unified social credit code validation (GB 32100-2015)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.errors import ValidationError
from station_app.validation import (
    compute_credit_check_character,
    normalize_credit_code,
    parse_credit_code,
)
from station_app.validation.credit_code import CHARSET

# The worked example of GB 32100-2015, and codes of real companies as they appear in public
# company-registry data (each found in several independent public sources).
STANDARD_EXAMPLE = "91350100M000100Y43"
REAL_CODES = [
    "914403001922038216",  # 华为技术有限公司
    "91110000802100433B",  # 北京百度网讯科技有限公司
    "91520000214434146R",  # 中航重机股份有限公司
]


def problem(text: str) -> tuple[str, dict[str, str]]:
    with pytest.raises(ValidationError) as caught:
        parse_credit_code(text)
    assert len(caught.value.problems) == 1
    found = caught.value.problems[0]
    assert found.field == "credit_code"
    assert found.message
    return found.code, found.params


@pytest.mark.parametrize("code", [STANDARD_EXAMPLE, *REAL_CODES])
def test_known_codes(code: str) -> None:
    assert parse_credit_code(code) == code
    assert compute_credit_check_character(code[:17]) == code[17]


def test_charset_has_31_characters_without_ambiguous_letters() -> None:
    assert len(CHARSET) == 31
    assert not set("IOZSV") & set(CHARSET)


@pytest.mark.parametrize(
    "typed",
    [
        "91350100m000100y43",
        " 9135 0100 M000 100Y 43 ",
        "９１３５０１００Ｍ０００１００Ｙ４３",
        "９１３５０１００ｍ０００１００ｙ４３",
        "91350100M000100Y43\n",
    ],
)
def test_normalization(typed: str) -> None:
    assert parse_credit_code(typed) == STANDARD_EXAMPLE


def test_check_character_computation_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        compute_credit_check_character("123")
    with pytest.raises(ValueError):
        compute_credit_check_character("91350100I000100Y4")


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty(text: str) -> None:
    assert problem(text)[0] == "credit_code.empty"


def test_length() -> None:
    assert problem("91350100M000100Y4") == ("credit_code.length", {"length": "17"})
    assert problem("91350100M000100Y433")[0] == "credit_code.length"


@pytest.mark.parametrize(
    ("text", "character", "position"),
    [
        ("91350100I000100Y43", "I", "9"),
        ("91350100O000100Y43", "O", "9"),
        ("9135010OM000100Y43", "O", "8"),
        ("91350100M000100Y4Z", "Z", "18"),
        ("S1350100M000100Y43", "S", "1"),
        ("91350100M00010VY43", "V", "15"),
        ("91350100M000-00Y43", "-", "13"),
    ],
)
def test_characters(text: str, character: str, position: str) -> None:
    assert problem(text) == (
        "credit_code.characters",
        {"character": character, "position": position},
    )


def test_check_character() -> None:
    code, params = problem("91350100M000100Y44")
    assert code == "credit_code.check_character"
    assert params == {"expected": "3"}


# --- property tests -------------------------------------------------------------------------

valid_codes = st.text(alphabet=CHARSET, min_size=17, max_size=17).map(
    lambda first17: first17 + compute_credit_check_character(first17)
)


@given(valid_codes)
def test_valid_codes_round_trip(code: str) -> None:
    assert parse_credit_code(code) == code
    assert parse_credit_code(code.lower()) == code


@given(valid_codes, st.integers(min_value=0, max_value=17), st.data())
def test_any_single_character_change_is_refused(
    code: str, position: int, data: st.DataObject
) -> None:
    replacement = data.draw(st.sampled_from([c for c in CHARSET if c != code[position]]))
    changed = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(ValidationError):
        parse_credit_code(changed)


@given(valid_codes, st.data())
def test_whitespace_and_full_width_variants_normalize_alike(code: str, data: st.DataObject) -> None:
    typed = []
    for character in code:
        if character.isalpha() and data.draw(st.booleans()):
            character = character.lower()
        if data.draw(st.booleans()):
            character = chr(ord(character) + 0xFEE0)
        typed.append(character + data.draw(st.sampled_from(["", "", " ", "\u3000", "\t"])))
    variant = "".join(typed)
    assert normalize_credit_code(variant) == code
    assert parse_credit_code(variant) == code

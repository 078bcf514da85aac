"""The check of a translation against its sources, and the one placeholder style {name}."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from station_app.texts import fill, placeholders
from station_app.texts.check import check_language, check_sources, check_translations
from station_app.texts.translations import translated_languages

SOURCES = {"a.plain": "Enter the name.", "a.param": "At most {max} characters, not {length}."}
GOOD = {"a.plain": "请输入姓名。", "a.param": "最多 {max} 个字，不是 {length}。"}


def test_the_shipped_translations_are_complete() -> None:
    assert "zh_CN" in translated_languages()
    for language in translated_languages():
        assert check_language(language) == []


def test_the_sources_use_only_plain_placeholders() -> None:
    assert check_sources() == []


def test_a_good_translation_passes() -> None:
    assert check_translations(GOOD, SOURCES) == []


def test_a_missing_or_empty_translation_is_reported() -> None:
    faults = check_translations({"a.param": GOOD["a.param"]}, SOURCES)
    assert faults == ["a.plain: no translation of 'Enter the name.'"]
    assert check_translations({**GOOD, "a.plain": "  "}, SOURCES)[0].startswith("a.plain:")


def test_a_stray_code_is_reported() -> None:
    assert check_translations({**GOOD, "a.gone": "旧的"}, SOURCES) == [
        "a.gone: no such code in the sources"
    ]


@pytest.mark.parametrize(
    "translation",
    [
        "最多 {max} 个字。",  # one missing
        "最多 {max} 个字，不是 {length}，{extra}。",  # one too many
        "最多 {maximum} 个字，不是 {length}。",  # renamed
        "最多 %1 个字，不是 %2。",  # another style
    ],
)
def test_the_placeholders_must_be_the_sources(translation: str) -> None:
    (fault,) = check_translations({**GOOD, "a.param": translation}, SOURCES)
    assert fault.startswith("a.param: the translation has the placeholders")


@pytest.mark.parametrize("text", ["{0} items", "{} items", "{count:>3} items", "{count!r}", "{"])
def test_only_named_placeholders_are_allowed(text: str) -> None:
    with pytest.raises(ValueError):
        placeholders(text)
    assert check_sources({"a.bad": text})
    (fault,) = check_translations({"a.bad": text}, {"a.bad": "{count} items"})
    assert fault.startswith("a.bad:")


def test_a_source_may_not_show_a_hidden_parameter() -> None:
    assert check_sources({"a.hint": "The check character is {expected}."}) == [
        "a.hint: shows the hidden parameter {expected}"
    ]


def test_fill_replaces_known_placeholders_only() -> None:
    assert fill("{max} of {length}", {"max": 5}) == "5 of {length}"
    assert fill("{{literal}} {max}", {"max": "5"}) == "{literal} 5"
    assert fill("check {expected}", {"expected": "X"}) == "check {expected}"
    assert fill("not {closed", {"closed": "x"}) == "not {closed"


def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "texts_xx.json").write_text(json.dumps({"a.plain": 3}), encoding="utf-8")
    (fault,) = check_language("xx", tmp_path)
    assert fault.startswith("texts_xx.json: cannot be read")
    assert check_language("yy", tmp_path)[0].startswith("texts_yy.json: cannot be read")

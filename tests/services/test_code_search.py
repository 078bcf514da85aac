"""Tests of the code search: by code, by name, by full pinyin and by initials, and its speed."""

from __future__ import annotations

import time

from station_app.services import code_tables
from station_app.services.code_search import (
    CodeSearch,
    occupation_search,
    pinyin_keys,
    selectable_occupations,
)
from station_app.services.code_tables import Code, CodeTable

ELECTRICIAN = "6-31-01-03"  # 电工
CLEANER = "4-09-08-01"  # 保洁员


def codes(found: list[Code]) -> list[str]:
    return [entry.code for entry in found]


def test_pinyin_keys_are_toneless_full_spelling_and_initials() -> None:
    assert pinyin_keys("电工") == ("diangong", "dg")
    assert pinyin_keys("保洁员") == ("baojieyuan", "bjy")
    assert pinyin_keys("军官（警官）") == ("junguanjingguan", "jgjg")


def test_finds_by_full_pinyin_initials_name_and_code() -> None:
    search = occupation_search()
    assert codes(search.search("baojieyuan")) == [CLEANER]
    assert search.search("bjy")[0].code == CLEANER
    assert search.search("BaoJie")[0].code == CLEANER  # case does not matter
    assert search.search("bao jie")[0].code == CLEANER  # nor spaces between syllables
    assert search.search("保洁")[0].code == CLEANER
    assert codes(search.search(CLEANER)) == [CLEANER]
    assert codes(search.search("４－０９－０８－０１")) == [CLEANER]  # full-width digits
    assert search.search("zzzzzz") == []
    assert search.search("  ") == []


def test_a_whole_name_or_its_whole_pinyin_comes_first() -> None:
    search = occupation_search()
    for text in ("电工", "diangong", "dg"):
        assert search.search(text)[0].code == ELECTRICIAN, text
    found = codes(search.search("diangong", limit=None))
    assert "2-02-11-01" in found  # 电工电器工程技术人员 starts with it too


def test_code_prefix_lists_the_group() -> None:
    found = occupation_search().search("6-31-01", limit=None)
    assert found and all(entry.code.startswith("6-31-01-") for entry in found)
    assert ELECTRICIAN in codes(found)


def test_limit_and_unlimited() -> None:
    search = occupation_search()
    assert len(search.search("a", limit=5)) == 5
    assert len(search.search("a", limit=None)) > 50
    assert search.search("a", limit=0) == []
    assert search.codes("bjy")[0] == CLEANER


def test_occupation_search_offers_the_finest_entries_only() -> None:
    table = code_tables.occupations()
    search = occupation_search()
    offered = set(codes(list(search.entries)))
    assert len(search) == len(selectable_occupations(table)) > 1600
    assert ELECTRICIAN in offered
    assert "6-31-01" not in offered  # it has 职业 below it
    assert "4-10-99" in offered  # a catch-all 小类 without 职业 is offered itself
    assert occupation_search() is search


def test_search_over_any_table() -> None:
    table = CodeTable("t", [Code("A", "甲"), Code("B", "重庆", "A", 2)])
    search = CodeSearch(table)
    assert codes(search.search("cq")) == ["B"]  # the phrase reading: chong, not zhong
    assert codes(search.search("a")) == ["A"]


def test_a_keystroke_search_is_instant() -> None:
    search = occupation_search()
    keystrokes = ["d", "di", "dia", "dian", "diang", "b", "bj", "6", "6-", "6-3", "电", "工"]
    worst = 0.0
    for text in keystrokes * 3:
        start = time.perf_counter()
        search.search(text, limit=None)
        worst = max(worst, time.perf_counter() - start)
    assert worst < 0.03, f"slowest keystroke took {worst * 1000:.1f} ms"

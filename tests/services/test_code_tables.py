"""Tests of the bundled national code tables and their loader."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from station_app.paths import data_tables_dir
from station_app.services.code_tables import (
    Code,
    CodeTable,
    education_levels,
    industries,
    occupations,
    read_code_table,
)

TABLE_FILES = ["industries.csv", "education.csv", "occupations.csv"]
OCCUPATION_CODE = re.compile(r"[1-8](-\d{2}){0,3}")


@pytest.mark.parametrize("file_name", TABLE_FILES)
def test_files_are_plain_utf8_with_unique_codes(file_name: str) -> None:
    raw = (data_tables_dir() / file_name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    with (data_tables_dir() / file_name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    duplicates = [code for code, count in Counter(r["code"] for r in rows).items() if count > 1]
    assert duplicates == []
    for row in rows:
        assert row["code"] == row["code"].strip() != ""
        assert row["name"] == row["name"].strip() != ""
        assert " " not in row["name"]


def test_industries() -> None:
    table = industries()
    assert table.name == "industries"
    assert [c.code for c in table] == [chr(c) for c in range(ord("A"), ord("T") + 1)]
    assert table.label("C") == "制造业"
    assert table.label("H") == "住宿和餐饮业"
    assert table.label("O") == "居民服务、修理和其他服务业"
    assert all(c.level == 1 and c.parent is None for c in table)


def test_education_levels() -> None:
    table = education_levels()
    assert [c.code for c in table] == ["10", "20", "30", "40", "60", "70", "80", "90"]
    assert table.label("20") == "大学本科教育"
    assert table.label("60") == "普通高级中学教育"
    assert "50" not in table


def test_occupation_hierarchy() -> None:
    table = occupations()
    majors = table.items(level=1)
    assert [c.code for c in majors] == [str(n) for n in range(1, 9)]
    assert table.children(None) == majors
    assert table.label("4") == "社会生产服务和生活服务人员"
    assert table.label("7") == "军队人员"
    for entry in table:
        assert OCCUPATION_CODE.fullmatch(entry.code), entry
        assert entry.level == entry.code.count("-") + 1
        if entry.level == 1:
            assert entry.parent is None
        else:
            assert entry.parent == entry.code.rsplit("-", 1)[0]
            assert entry.parent in table
    assert len(table.items(level=4)) >= 100


def test_the_whole_2022_edition_is_shipped() -> None:
    table = occupations()
    counts = [len(table.items(level=level)) for level in (1, 2, 3, 4)]
    # The announced 8 / 79 / 450 / 1,639, and 育婴员 added to the transcription (README).
    assert counts == [8, 79, 450, 1640]
    assert len(table) == sum(counts)


def test_siblings_have_distinct_names_and_codes_increase() -> None:
    table = occupations()
    for parent in [None, *(entry.code for entry in table)]:
        children = table.children(parent)
        assert len({c.name for c in children}) == len(children), parent
        tails = [c.code.rsplit("-", 1)[-1] for c in children]
        assert tails == sorted(tails), parent


def test_names_use_the_edition_punctuation() -> None:
    for entry in occupations():
        assert not set(entry.name) & set("()[] \t,;"), entry
    assert occupations().label("7-01") == "军官（警官）"
    assert occupations().label("2-02-30") == "管理（工业）工程技术人员"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        # Corrections of the machine-readable transcription (see resources/data/README.md).
        ("4-10-01-02", "育婴员"),
        ("2-01-06-06", "地球科学研究人员"),
        ("2-01-07-00", "农业科学研究人员"),
        ("2-01-10-00", "文学、艺术学研究人员"),
        # Entries of the 2022 edition a station meets, checked against the transcription.
        ("4-01-06-01", "电子商务师"),
        ("4-10-01-01", "婴幼儿发展引导员"),
        ("4-10-01-03", "保育师"),
        ("4-04-05-05", "人工智能训练师"),
        ("6-11-08-26", "生物质化工产品生产工"),
        ("8-00-00-00", "不便分类的其他从业人员"),
    ],
)
def test_corrected_and_new_entries(code: str, name: str) -> None:
    assert occupations().label(code) == name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("4-03", "住宿和餐饮服务人员"),
        ("4-03-02", "餐饮服务人员"),
        ("4-03-02-01", "中式烹调师"),
        ("4-07-05-01", "保安员"),
        ("4-09-08-01", "保洁员"),
        ("4-02-02-02", "道路货运汽车驾驶员"),
        ("4-01-02-03", "商品营业员"),
        ("4-02-06-01", "仓储管理员"),
        ("4-02-07-08", "快递员"),
        ("4-10-01-05", "养老护理员"),
        ("4-10-01-06", "家政服务员"),
        ("6-05-01-03", "缝纫工"),
        ("6-18-02-04", "焊工"),
        ("6-31-01-03", "电工"),
    ],
)
def test_common_occupations(code: str, name: str) -> None:
    assert occupations().label(code) == name


def test_children_of_an_occupation_group() -> None:
    cooks = occupations().children("4-03-02")
    assert cooks[0] == Code("4-03-02-01", "中式烹调师", parent="4-03-02", level=4)
    assert all(c.parent == "4-03-02" for c in cooks)
    assert occupations().children("4-03-02-01") == []


def test_label_of_unknown_code_raises_key_error() -> None:
    with pytest.raises(KeyError):
        occupations().label("9-99")
    assert occupations().get("9-99") is None
    assert "9-99" not in occupations()
    assert 42 not in occupations()


def test_search_by_name_and_code() -> None:
    table = occupations()
    assert [c.code for c in table.search("烹调")] == ["4-03-02-01", "4-03-02-03"]
    by_code = table.search("4-03-02")
    assert by_code[0].code == "4-03-02"
    prefixed = [c for c in by_code if c.code.startswith("4-03-02")]
    assert by_code[: len(prefixed)] == prefixed  # codes starting with it come first
    assert [c.code for c in table.search("４－０３－０２－０１")] == ["4-03-02-01"]
    assert len(table.search("4", limit=5)) == 5
    assert table.search("   ") == []
    assert table.search("no such thing") == []
    assert industries().search("c")[0].code == "C"
    assert [c.code for c in education_levels().search("中学")] == ["60", "70"]


def test_tables_are_cached() -> None:
    assert industries() is industries()
    assert occupations() is occupations()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_read_infers_levels_without_level_column(tmp_path: Path) -> None:
    table = read_code_table(
        write(tmp_path / "t.csv", "code,name,parent\nA,甲,\nA1,甲一,A\nA11,甲一一,A1\n"), name="t"
    )
    assert [c.level for c in table] == [1, 2, 3]
    assert table.children("A") == [Code("A1", "甲一", "A", 2)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("code,name\nA,甲\nA,乙\n", "duplicate"),
        ("code,name,parent\nA,甲,\nB,乙,X\n", "unknown parent"),
        ("code,name,parent,level\nA,甲,,1\nB,乙,A,3\n", "one level below"),
        ("code,name,parent,level\nA,甲,,2\n", "top-level"),
        ("code,name,parent,level\nA,甲,,one\n", "not a number"),
        ("code,name\nA,\n", "empty"),
        ("id,label\nA,甲\n", "header"),
    ],
)
def test_read_refuses_malformed_tables(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_code_table(write(tmp_path / "bad.csv", content), name="bad")


def test_code_table_repr_and_len() -> None:
    table = CodeTable("demo", [Code("A", "甲")])
    assert len(table) == 1
    assert "demo" in repr(table)

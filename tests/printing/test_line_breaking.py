"""Chinese lines never start with a closing mark nor end with an opening one; nothing is lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth

from station_app.printing.fonts import register_cjk_font
from station_app.printing.line_breaking import CLOSING, OPENING, break_lines, clusters

SIZE = 10.0


def measure(text: str) -> float:
    return float(stringWidth(text, register_cjk_font(), SIZE))


def em(count: float) -> float:
    """The width of `count` Chinese characters."""
    return count * measure("字")


def check_rules(lines: list[str]) -> None:
    for line in lines:
        assert line, lines
        assert line[0] not in CLOSING, (line, lines)
        assert line[-1] not in OPENING, (line, lines)


def test_reportlab_s_own_rules_miss_common_chinese_marks() -> None:
    # Why the documents break lines themselves: ReportLab lets these start a line.
    assert {"，", "；", "：", "？", "！", "》"} - set(ALL_CANNOT_START)


def test_a_comma_goes_with_the_line_before_and_a_bracket_with_the_line_after() -> None:
    # Five characters fit: a greedy cut would start the second line with "，".
    lines = break_lines("我们的岗位，欢迎您（面试）", em(5.5), measure)
    assert lines == ["我们的岗", "位，欢迎您", "（面试）"]
    # Four fit: a greedy cut would end the first line with "（".
    lines = break_lines("一二三（四五六）", em(4.5), measure)
    assert lines == ["一二三", "（四五", "六）"]
    check_rules(lines)


def test_latin_words_and_serials_stay_whole_and_newlines_are_kept() -> None:
    serial = "3F2A9C41-2026-000123"
    lines = break_lines(f"编号{serial}有效\n第二行", measure("编号" + serial) - 1, measure)
    assert lines == ["编号", f"{serial}有", "效", "第二行"]
    assert clusters("距离 3.5 公里。") == ["距", "离", " ", "3.5", " ", "公", "里。"]


def test_a_cluster_wider_than_the_line_is_cut_rather_than_lost() -> None:
    text = "“" * 3 + "字" + "。" * 10
    lines = break_lines(text, em(3), measure)
    assert "".join(lines) == text
    assert all(measure(line) <= em(3) for line in lines)


words = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6
)
closing = st.text(alphabet=sorted(CLOSING - set(",.;:?!)]}%")), max_size=2)
opening = st.text(alphabet=sorted(OPENING - set("([{")), max_size=2)
latin = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,8}", fullmatch=True)
segment = st.tuples(opening, st.one_of(words, words, latin), closing).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(segment, min_size=1, max_size=30), st.floats(min_value=6, max_value=30))
def test_random_chinese_text_follows_the_rules(segments: list[str], chars: float) -> None:
    text = "".join(segments)
    width = em(chars)
    lines = break_lines(text, width, measure)
    assert "".join(lines) == text  # nothing lost, nothing added, order kept
    check_rules(lines)
    assert all(measure(line) <= width for line in lines)

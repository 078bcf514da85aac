"""Pinyin keys of names, including surnames whose dictionary reading is wrong."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.services.name_pinyin import _syllables, name_keys


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张伟", "zhangwei", "zw"),
        ("单田芳", "shantianfang", "stf"),
        ("曾国藩", "zengguofan", "zgf"),
        ("解缙", "xiejin", "xj"),
        ("区志航", "ouzhihang", "ozh"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("万俟卨", "moqixie", "mqx"),
    ],
)
def test_the_surname_reading_comes_first(name: str, full: str, initials: str) -> None:
    keys = name_keys(name)
    assert keys.full[0] == full
    assert keys.initials[0] == initials


def test_the_dictionary_reading_is_kept_as_a_second_spelling() -> None:
    # Workers who don't know the surname reading still find the person.
    assert name_keys("曾国藩").full == ("zengguofan", "cengguofan")
    assert name_keys("单田芳").initials == ("stf", "dtf")


def test_minority_names_with_a_middle_dot() -> None:
    assert name_keys("阿依古丽·买买提").full == ("ayigulimaimaiti",)


def test_keys_are_joined_with_spaces_for_storage() -> None:
    assert name_keys("曾丽").full_text == "zengli cengli"


def test_warm_up_loads_the_dictionaries_ahead_of_the_first_name() -> None:
    import sys

    from station_app.services.name_pinyin import warm_up

    warm_up()
    assert "pypinyin" in sys.modules
    assert name_keys("张伟").full == ("zhangwei",)


CHARACTERS = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国红梅志文斌浩宇欣怡婷"
    "单解区欧阳尉迟万俟卨朴查仇长重乐行藏银行长中国人民大学·· 　aZ9"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=CHARACTERS, min_size=1, max_size=6),
            st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=4),
            st.text(max_size=3),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_the_keys_are_lazy_pinyins_reading_word_for_word(names: list[str]) -> None:
    from pypinyin import Style, lazy_pinyin

    for name in names:
        expected = [
            s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s.isascii()
        ]
        assert _syllables(name) == expected

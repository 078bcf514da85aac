"""Pinyin keys of names, including surnames whose dictionary reading is wrong."""

from __future__ import annotations

import pytest

from station_app.services.name_pinyin import name_keys


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

"""Revision 0002 fills in the pinyin search keys with its own frozen copy of the computation."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
from alembic.script import ScriptDirectory

from station_app import paths
from station_app.database import alembic_config, open_database
from station_app.services import name_pinyin
from station_app.services.name_pinyin import name_keys, surname_readings

STORED = Path(__file__).parent.parent / "data"

# What 0002 writes for these names, pinned when the revision was frozen: polyphonic and
# compound surnames, rare characters (also outside the Basic Multilingual Plane), text that is
# not Chinese, stray spaces and empty names.
PINNED = {
    "张伟": ("zhangwei", "zw"),
    "曾国藩": ("zengguofan cengguofan", "zgf cgf"),
    "曾丽": ("zengli cengli", "zl cl"),
    "曾": ("ceng", "c"),  # a surname alone is not read as a surname
    "单田芳": ("shantianfang dantianfang", "stf dtf"),
    "解缙": ("xiejin jiejin", "xj jj"),
    "解放": ("xiefang jiefang", "xf jf"),
    "区志航": ("ouzhihang quzhihang", "ozh qzh"),
    "朴志勇": ("piaozhiyong puzhiyong", "pzy"),
    "查良镛": ("zhaliangyong chaliangyong", "zly cly"),
    "乐嘉": ("yuejia lejia", "yj lj"),
    "盖聂": ("genie gainie", "gn"),
    "仇英": ("qiuying chouying", "qy cy"),
    "欧阳娜娜": ("ouyangnana", "oynn"),
    "欧阳": ("ouyang", "oy"),
    "尉迟恭": ("yuchigong", "ycg"),
    "万俟卨": ("moqixie", "mqx"),
    "单于琴": ("chanyuqin", "cyq"),
    "单于": ("shanyu chanyu", "sy cy"),
    "长孙无忌": ("zhangsunwuji", "zswj"),
    "司马光": ("simaguang", "smg"),
    "诸葛亮": ("zhugeliang", "zgl"),
    "令狐冲": ("linghuchong", "lhc"),
    "吕布": ("lvbu", "lb"),
    "女娲": ("nvwa", "nw"),
    "重阳": ("chongyang", "cy"),
    "刘䶮": ("liuyan", "ly"),
    "王喆": ("wangzhe", "wz"),
    "李堃": ("likun", "lk"),
    "陈𪚥": ("chenzhe", "cz"),
    "张𠀀": ("zhanghe", "zh"),
    "阿依古丽·买买提": ("ayigulimaimaiti", "ayglmmt"),
    "李A明": ("liming", "lm"),
    "  张伟  ": ("zhangwei", "zw"),
    "John Smith": ("", ""),
    "Анна": ("", ""),
    "123": ("", ""),
    "·": ("", ""),
    "": ("", ""),
}


@pytest.fixture(scope="module")
def revision_0002() -> ModuleType:
    script = ScriptDirectory.from_config(alembic_config()).get_revision("0002")
    assert script is not None
    return script.module


@pytest.mark.parametrize("name", list(PINNED))
def test_the_frozen_copy_writes_the_pinned_keys(revision_0002: ModuleType, name: str) -> None:
    assert revision_0002.name_keys(name) == PINNED[name]


# The two tests below check the freeze against today's code and data. When name_keys or the
# surname table change on purpose they fail: the keys 0002 wrote into upgraded databases then
# differ from those the program computes. Recompute them in a new revision (never by editing
# 0002) and delete these two tests; the test against PINNED above stays.


@pytest.mark.parametrize("name", list(PINNED))
def test_the_frozen_copy_gives_todays_name_keys(revision_0002: ModuleType, name: str) -> None:
    keys = name_keys(name)
    assert revision_0002.name_keys(name) == (keys.full_text, keys.initials_text)


def test_the_frozen_surname_readings_are_todays_table(revision_0002: ModuleType) -> None:
    assert surname_readings() == revision_0002.SURNAME_READINGS


def test_the_upgrade_uses_neither_todays_code_nor_its_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)

    def broken(*args: object) -> object:
        raise AssertionError("revision 0002 used today's code")

    monkeypatch.setattr(name_pinyin, "name_keys", broken)
    monkeypatch.setattr(name_pinyin, "surname_readings", broken)
    monkeypatch.setattr(paths, "data_tables_dir", lambda: tmp_path / "no-data-here")
    open_database(path).close()

    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name, name_pinyin, name_initials FROM residents")
        keys = {name: (full, initials) for name, full, initials in rows}
    assert keys == {name: PINNED[name] for name in ("张伟", "曾丽", "欧阳娜娜")}

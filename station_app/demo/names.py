"""Realistic Chinese personal names: surnames by national frequency, given names by era and sex."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

# (surname, share in per mille of the population), after the national surname rankings;
# the long tail is folded into the listed names. Compound surnames are rare in reality and
# weighted a little up so that a demo register of two thousand people shows a few.
# fmt: off
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71.2), ("李", 70.0), ("张", 67.4), ("刘", 51.0), ("陈", 46.1), ("杨", 32.2),
    ("赵", 24.5), ("黄", 22.3), ("周", 21.2), ("吴", 20.5), ("徐", 16.7), ("孙", 15.4),
    ("胡", 13.1), ("朱", 12.6), ("高", 12.1), ("林", 11.8), ("何", 11.7), ("郭", 11.5),
    ("马", 10.5), ("罗", 8.6), ("梁", 8.4), ("宋", 8.1), ("郑", 7.8), ("谢", 7.2),
    ("韩", 6.8), ("唐", 6.5), ("冯", 6.4), ("于", 6.2), ("董", 6.1), ("肖", 6.0),
    ("程", 5.9), ("曹", 5.8), ("袁", 5.7), ("邓", 5.6), ("许", 5.6), ("付", 5.1),
    ("沈", 5.0), ("曾", 5.0), ("彭", 4.9), ("吕", 4.7), ("苏", 4.6), ("卢", 4.6),
    ("蒋", 4.5), ("蔡", 4.4), ("贾", 4.2), ("丁", 4.2), ("魏", 4.1), ("薛", 4.0),
    ("叶", 3.9), ("闫", 3.8), ("余", 3.7), ("潘", 3.6), ("杜", 3.5), ("戴", 3.4),
    ("夏", 3.4), ("钟", 3.3), ("汪", 3.2), ("田", 3.2), ("任", 3.1), ("姜", 3.1),
    ("范", 3.0), ("方", 2.9), ("石", 2.9), ("姚", 2.8), ("谭", 2.8), ("廖", 2.7),
    ("邹", 2.7), ("熊", 2.6), ("金", 2.6), ("陆", 2.5), ("郝", 2.5), ("孔", 2.4),
    ("白", 2.4), ("崔", 2.3), ("康", 2.3), ("毛", 2.2), ("邱", 2.2), ("秦", 2.1),
    ("江", 2.1), ("史", 2.1), ("顾", 2.0), ("侯", 2.0), ("邵", 2.0), ("孟", 1.9),
    ("龙", 1.9), ("万", 1.8), ("段", 1.8), ("雷", 1.7), ("钱", 1.7), ("汤", 1.7),
    ("尹", 1.6), ("黎", 1.6), ("易", 1.5), ("常", 1.5), ("武", 1.5), ("乔", 1.4),
    ("贺", 1.4), ("赖", 1.3), ("龚", 1.3), ("文", 1.2), ("葛", 1.0), ("牛", 0.8),
    ("岳", 0.8), ("代", 0.7), ("靳", 0.5), ("单", 0.5), ("谷", 0.5), ("邴", 0.2),
    ("解", 0.3), ("仇", 0.2), ("翟", 0.3), ("查", 0.2), ("欧阳", 1.5), ("司马", 0.5),
    ("上官", 0.5), ("诸葛", 0.2), ("皇甫", 0.2), ("司徒", 0.2), ("夏侯", 0.1), ("东方", 0.1),
)
# fmt: on

# Given names by generation. "Whole" names are common real given names; the pools of first
# and second characters add variety. 伟 and 芳 lead their lists, as in the national rankings.
_OLDER_MALE_SINGLE = "伟军强刚平明华勇斌林兵杰峰涛建国东辉忠"
# fmt: off
_OLDER_MALE_WHOLE = (
    "建国", "建军", "国强", "国华", "志强", "志刚", "卫东", "红军", "振华", "德明",
    "文明", "永强", "春生", "金龙", "玉林", "长江", "海军", "建华", "国庆", "明亮",
    "永生", "庆华", "保国", "新民", "德胜", "广明", "家兴", "自强",
)
# fmt: on
_OLDER_FEMALE_SINGLE = "芳英华兰梅红霞萍燕琴敏丽静娟秀玲凤云"
# fmt: off
_OLDER_FEMALE_WHOLE = (
    "秀英", "桂英", "玉兰", "秀兰", "桂兰", "凤英", "玉梅", "淑华", "红梅", "春梅",
    "丽华", "秀珍", "玉珍", "桂芳", "翠兰", "雪梅", "爱华", "小红", "秀云", "玉芳",
    "素英", "桂荣", "金凤", "凤兰", "春兰", "美华", "秀芳", "玉英",
)
# fmt: on
_MIDDLE_MALE_SINGLE = "伟磊涛超鹏浩辉亮飞斌杰勇军波帅龙强明阳鑫"
# fmt: off
_MIDDLE_MALE_WHOLE = (
    "海涛", "志伟", "晓东", "建伟", "文杰", "俊杰", "明亮", "小龙", "国栋", "永亮",
    "大伟", "伟伟", "亚东", "红伟", "新宇", "海洋", "晓峰", "志勇", "永刚", "鹏飞",
    "文龙", "家乐", "振宇", "亚军", "春雷", "冬冬", "明辉", "立新",
)
# fmt: on
_MIDDLE_FEMALE_SINGLE = "娜静丽敏燕艳婷娟洁倩芳颖琳雪丹慧蕾"
# fmt: off
_MIDDLE_FEMALE_WHOLE = (
    "丽娜", "晓燕", "丹丹", "婷婷", "莉莉", "亚楠", "晓丽", "慧敏", "春燕", "文静",
    "海燕", "晶晶", "倩倩", "园园", "娜娜", "晓敏", "雪梅", "艳艳", "丽丽", "静静",
    "小燕", "亚男", "梦洁", "红艳", "晓静", "欢欢", "佳佳", "露露",
)
# fmt: on
_YOUNG_MALE_SINGLE = "浩宇轩杰博阳磊鑫晨鹏凯昊帆旭"
# fmt: off
_YOUNG_MALE_WHOLE = (
    "浩然", "子豪", "宇航", "梓轩", "俊熙", "浩宇", "博文", "一鸣", "天宇", "家豪",
    "晨阳", "锦程", "子轩", "宇轩", "子墨", "皓轩", "思远", "泽宇", "嘉豪", "文博",
    "逸飞", "明轩", "浩轩", "俊豪", "雨泽", "奕辰", "宇豪", "子健",
)
# fmt: on
_YOUNG_FEMALE_SINGLE = "悦琪萱妍璐雯欣瑶倩洁涵怡"
# fmt: off
_YOUNG_FEMALE_WHOLE = (
    "欣怡", "梓涵", "诗涵", "雨欣", "佳怡", "紫涵", "思雨", "梦琪", "雨涵", "可欣",
    "欣悦", "一诺", "梦瑶", "佳琪", "婉婷", "雅婷", "雨萱", "静怡", "子怡", "心怡",
    "诗琪", "语桐", "佳欣", "若汐", "梓萱", "思琪", "雨桐", "嘉怡",
)
# fmt: on
_MALE_FIRST = "志建国文明海永晓俊子浩宇家天嘉思博伟新振春德长金"
_MALE_SECOND = "强伟华明军杰涛龙平峰东辉鹏飞超亮宇轩豪阳博然航林成刚斌"
_FEMALE_FIRST = "秀玉桂丽晓春海雪婷佳欣雨梦诗思紫慧静美小亚雅文"
_FEMALE_SECOND = "英兰梅芳华珍红燕霞娟丽娜静敏婷怡涵琪萱欣雪倩琳颖悦瑶"

# Share of one-character given names among people born in each era.
_SINGLE_SHARE = {"older": 0.35, "middle": 0.40, "young": 0.15}
# Share of curated whole names among two-character given names (the rest are combined).
_WHOLE_SHARE = 0.6


def _era(birth_year: int) -> str:
    if birth_year < 1980:
        return "older"
    if birth_year < 1995:
        return "middle"
    return "young"


def _single_weights(chars: str) -> list[float]:
    # The first character of each pool is the era's favourite (伟, 芳 …): twice as common.
    return [2.0 if index == 0 else 1.0 for index in range(len(chars))]


class _Pool:
    """Given names of one era and sex with the cumulative weights random.choices wants."""

    def __init__(self, single: str, whole: Sequence[str], first: str, second: str) -> None:
        self.single = list(single)
        self.single_cum = list(itertools.accumulate(_single_weights(single)))
        self.whole = list(whole)
        self.combined = [a + b for a in first for b in second if a != b]


_POOLS: dict[tuple[str, str], _Pool] = {
    ("older", "M"): _Pool(_OLDER_MALE_SINGLE, _OLDER_MALE_WHOLE, _MALE_FIRST, _MALE_SECOND),
    ("older", "F"): _Pool(_OLDER_FEMALE_SINGLE, _OLDER_FEMALE_WHOLE, _FEMALE_FIRST, _FEMALE_SECOND),
    ("middle", "M"): _Pool(_MIDDLE_MALE_SINGLE, _MIDDLE_MALE_WHOLE, _MALE_FIRST, _MALE_SECOND),
    ("middle", "F"): _Pool(
        _MIDDLE_FEMALE_SINGLE, _MIDDLE_FEMALE_WHOLE, _FEMALE_FIRST, _FEMALE_SECOND
    ),
    ("young", "M"): _Pool(_YOUNG_MALE_SINGLE, _YOUNG_MALE_WHOLE, _MALE_FIRST, _MALE_SECOND),
    ("young", "F"): _Pool(_YOUNG_FEMALE_SINGLE, _YOUNG_FEMALE_WHOLE, _FEMALE_FIRST, _FEMALE_SECOND),
}


class NameGenerator:
    """Draws full names from one seeded random source, so the same seed gives the same names."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._surnames = [surname for surname, _ in SURNAMES]
        self._surname_cum = list(itertools.accumulate(share for _, share in SURNAMES))

    def surname(self) -> str:
        return self._rng.choices(self._surnames, cum_weights=self._surname_cum)[0]

    def given_name(self, sex: str, birth_year: int) -> str:
        """One or two characters, typical of people of this sex ("M"/"F") born in that year."""
        era = _era(birth_year)
        pool = _POOLS[(era, sex)]
        rng = self._rng
        if rng.random() < _SINGLE_SHARE[era]:
            return rng.choices(pool.single, cum_weights=pool.single_cum)[0]
        if rng.random() < _WHOLE_SHARE:
            return rng.choice(pool.whole)
        return rng.choice(pool.combined)

    def full_name(self, sex: str, birth_year: int) -> str:
        return self.surname() + self.given_name(sex, birth_year)

    def adult(self) -> tuple[str, str]:
        """(surname, given name) of a contact person or cadre of any sex, born 1965–1995."""
        rng = self._rng
        return self.surname(), self.given_name(rng.choice("MF"), rng.randint(1965, 1995))

    def adult_name(self) -> str:
        return "".join(self.adult())

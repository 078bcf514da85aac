"""Occupation codes of the demo: job titles, pay, age and education by code, resident skills."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable
from dataclasses import dataclass

from station_app.services import code_tables

# Occupations of the 大典 table that the demo uses at their 中类 level, with the job title a
# station would write for them.
TITLES: dict[str, str] = {
    "2-02": "工程技术员",
    "2-03": "农技推广员",
    "2-05": "护士",
    "2-06": "会计",
    "2-07": "社会工作者",
    "2-08": "教师",
    "2-10": "文案编辑",
    "3-01": "行政文员",
    "3-02": "安全员",
    "3-99": "办公室职员",
    "6-07": "纸箱包装工",
    "6-09": "工艺品制作工",
    "6-14": "塑料制品操作工",
    "6-24": "电池装配工",
    "6-27": "再生资源分拣工",
}

# Public-welfare posts (公益性岗位): the titles the city uses and the occupation they belong to.
PUBLIC_WELFARE_POSTS: tuple[tuple[str, str], ...] = (
    ("社区就业服务协管员", "3-01"),
    ("社区网格员", "3-01"),
    ("公共环境保洁员", "4-09-08-01"),
    ("治安巡逻员", "4-07-05-01"),
    ("绿化养护员", "4-09-10-01"),
    ("停车秩序管理员", "4-06-01-03"),
    ("居家养老服务员", "4-10-01-05"),
    ("道路交通协管员", "3-02"),
)


# Policy posts (政策性岗位) recruited for the government's employment programmes.
POLICY_POSTS: tuple[tuple[str, str], ...] = (
    ("社区专职工作者", "3-01"),
    ("三支一扶（支农）", "2-03"),
    ("三支一扶（支教）", "2-08"),
    ("三支一扶（支医）", "2-05"),
    ("特岗教师", "2-08"),
    ("基层就业服务专员", "4-07-03-01"),
)
# Traineeships (就业见习) are for young people and graduates: office and technical posts.
TRAINEESHIP_OCCUPATIONS: tuple[str, ...] = (
    "3-01", "2-06", "2-02", "4-01-06-01", "4-01-06-02", "4-07-03-04", "6-31-03-05",
    "4-01-02-01", "4-04-05-03",
)  # fmt: skip
# Jobs every kind of employer has besides its own trade.
# fmt: off
SUPPORT_OCCUPATIONS: tuple[str, ...] = (
    "3-01", "4-02-02-02", "4-07-05-01", "4-09-08-01", "4-02-06-01", "2-06", "6-31-01-03",
)
# fmt: on


@dataclass(frozen=True)
class Terms:
    """What a job of an occupation typically offers and asks, in yuan and years."""

    pay: tuple[int, int]  # range of the monthly minimum pay
    ages: tuple[int, int]
    education: tuple[str | None, ...]  # candidates for the minimum education (None: any)


_MANUAL = (None, "70", "70", "80")
_SCHOOL = ("60", "40", "70")
_COLLEGE = ("30", "30", "20")
# Looked up by the longest matching code prefix.
_TERMS: dict[str, Terms] = {
    "2": Terms((4000, 6500), (22, 45), ("20", "30", "20")),
    "2-05": Terms((4000, 7000), (22, 45), ("30", "20")),
    "2-07": Terms((3000, 4500), (22, 40), _COLLEGE),
    "3": Terms((3000, 4500), (20, 40), ("30", "60", "20")),
    "4": Terms((3000, 4800), (18, 45), _SCHOOL),
    "4-01-06": Terms((3500, 6500), (18, 35), ("30", "60")),
    "4-02": Terms((4000, 6500), (20, 50), _MANUAL),
    "4-02-02": Terms((5000, 8000), (22, 55), ("70", None)),
    "4-03": Terms((2800, 4000), (18, 50), _MANUAL),
    "4-03-02-01": Terms((4500, 7500), (20, 50), _MANUAL),
    "4-03-02-02": Terms((4000, 6000), (20, 50), _MANUAL),
    "4-05": Terms((3500, 5500), (20, 35), ("30", "20")),
    "4-06": Terms((2600, 4000), (25, 60), _MANUAL),
    "4-07-03": Terms((3500, 5500), (22, 40), _COLLEGE),
    "4-07-05": Terms((2500, 3800), (25, 60), _MANUAL),
    "4-09": Terms((2300, 3500), (30, 60), _MANUAL),
    "4-10": Terms((3000, 5000), (20, 50), _MANUAL),
    "4-10-01": Terms((3500, 6000), (25, 55), ("70", "40", None)),
    "4-10-08": Terms((5000, 8000), (20, 50), _MANUAL),
    "4-12": Terms((3800, 6500), (18, 50), ("70", "40")),
    "4-14": Terms((3500, 5500), (22, 55), ("40", "60")),
    "5": Terms((3000, 4800), (20, 60), _MANUAL),
    "5-05-01": Terms((3500, 5500), (22, 50), ("40", "30")),
    "6": Terms((3800, 6000), (18, 50), _MANUAL),
    "6-18-02-04": Terms((5500, 8000), (20, 50), _MANUAL),
    "6-29": Terms((5000, 8000), (20, 58), _MANUAL),
    "6-30": Terms((5000, 8000), (22, 55), _MANUAL),
    "6-31": Terms((4000, 6500), (20, 50), ("70", "40")),
}

# Skills residents report, most of them manual and service trades.
# fmt: off
_COMMON_SKILLS = (
    "6-05-01-03", "6-05-01-02", "6-05-04-01", "6-18-01-01", "6-18-02-04", "6-18-01-12",
    "6-20-01-01", "6-25-04-07", "6-31-03-05", "6-31-01-03", "6-31-01-02", "6-06-03-01",
    "6-02-01-01", "6-02-03-01", "6-01-01-02", "6-29-01-01", "6-29-01-04", "6-29-01-03",
    "6-29-04-01", "6-29-03-02", "6-29-02-15", "6-30-05-05", "4-02-02-02", "4-02-02-01",
    "4-02-05-01", "4-02-06-01", "4-02-06-02", "4-02-07-08", "4-10-08-01", "4-01-02-03",
    "4-01-02-04", "4-01-02-01", "4-01-06-02", "4-03-02-01", "4-03-02-02", "4-03-02-05",
    "4-03-01-02", "4-09-08-01", "4-09-10-01", "4-07-05-01", "4-10-01-05", "4-10-01-06",
    "4-10-01-03", "4-14-01-02", "4-10-03-02", "4-10-03-01", "4-10-02-01", "4-12-01-01",
    "4-12-03-01", "4-12-04-01", "5-01-02-01", "5-01-02-02", "5-01-02-03", "5-03-02-01",
    "5-03-02-02", "5-05-05-01", "6-22-02-01", "6-24-05-04", "4-06-01-03",
)
# fmt: on
# fmt: off
_EDUCATED_SKILLS = (
    "2-02", "2-06", "2-08", "2-05", "2-10", "3-01", "4-01-06-01", "4-07-03-04",
    "4-05-01-01", "4-04-05-03", "4-07-03-01", "4-06-01-01", "4-12-02-01", "5-05-01-01",
)
# fmt: on
# fmt: off
_MALE_LEANING = frozenset(
    (
        "6-18-02-04", "6-29-01-01", "6-29-01-04", "6-29-01-03", "6-29-03-02", "6-29-02-15",
        "6-30-05-05", "4-02-02-02", "4-02-02-01", "4-02-05-01", "4-12-01-01", "6-31-01-03",
        "4-07-05-01", "5-05-05-01", "6-18-01-01",
    )
)
# fmt: on
# fmt: off
_FEMALE_LEANING = frozenset(
    (
        "6-05-01-03", "6-05-01-02", "4-01-02-04", "4-01-02-03", "4-10-01-06", "4-10-01-05",
        "4-10-01-03", "4-10-03-01", "4-03-02-05", "4-03-01-02", "4-14-01-02", "4-10-02-01",
    )
)
# fmt: on
_HIGHER_EDUCATION = frozenset(("10", "20", "30"))


def all_codes() -> Iterable[str]:
    """Every occupation code the demo may write (for the check against the code table)."""
    yield from TITLES
    yield from (code for _, code in PUBLIC_WELFARE_POSTS)
    yield from (code for _, code in POLICY_POSTS)
    yield from SUPPORT_OCCUPATIONS
    yield from TRAINEESHIP_OCCUPATIONS
    yield from _COMMON_SKILLS
    yield from _EDUCATED_SKILLS


def check_codes(extra: Iterable[str] = ()) -> None:
    """Raises ValueError if the demo would write a code missing from the shipped code tables."""
    table = code_tables.occupations()
    unknown = sorted({code for code in itertools.chain(all_codes(), extra) if code not in table})
    if unknown:
        raise ValueError(f"demo occupation codes missing from occupations.csv: {unknown}")


def title(code: str) -> str:
    """The job title for an occupation code: the 大典 name, or the usual title for a 中类."""
    return TITLES.get(code) or code_tables.occupations().label(code)


def terms(code: str) -> Terms:
    parts = code.split("-")
    for length in range(len(parts), 0, -1):
        found = _TERMS.get("-".join(parts[:length]))
        if found is not None:
            return found
    return _TERMS["4"]


class SkillPicker:
    """Draws the occupations a resident can do, leaning to their sex and schooling."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._by_sex: dict[tuple[str, bool], tuple[list[str], list[float]]] = {}
        for sex in "MF":
            for educated in (False, True):
                codes = list(_COMMON_SKILLS) + (list(_EDUCATED_SKILLS) if educated else [])
                weights = [self._weight(code, sex, educated) for code in codes]
                self._by_sex[(sex, educated)] = (codes, list(itertools.accumulate(weights)))

    @staticmethod
    def _weight(code: str, sex: str, educated: bool) -> float:
        if code in _EDUCATED_SKILLS:
            return 6.0
        leaning = _MALE_LEANING if sex == "M" else _FEMALE_LEANING
        other = _FEMALE_LEANING if sex == "M" else _MALE_LEANING
        weight = 3.0 if code in leaning else 0.3 if code in other else 1.0
        return weight * (0.5 if educated else 1.0)

    def pick(self, sex: str, education: str | None) -> str:
        codes, cum = self._by_sex[(sex, education in _HIGHER_EDUCATION)]
        return self._rng.choices(codes, cum_weights=cum)[0]

"""Demo communities of Jieshou: streets and towns, community names, coordinates and addresses."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

CITY = "界首市"
CODE_PREFIX = "DEMO-"
# Every demo community carries this marker in its name, like every demo employer.
DEMO_MARK = "（示例）"
# Communities of a small demo all lie in the station's own street.
SMALL_DEMO_LIMIT = 20
KM_PER_DEGREE_LAT = 111.0


@dataclass(frozen=True)
class Township:
    """A street (街道) or town (镇/乡) of Jieshou with an approximate centre."""

    name: str
    latitude: float
    longitude: float
    urban: bool
    radius_km: float
    weight: float  # share of the communities of a large demo


# The station sits in 东城街道 near the city centre (about 33.26 N, 115.37 E). The three
# streets form the urban area along the 颍河; towns and townships lie around it, the territory
# stretching about 50 km north-south and 10-25 km east-west. Town centres are approximate
# positions for demo maps, not surveyed coordinates. 邴集 and 任寨 became towns in 2025.
STATION_TOWNSHIP = Township("东城街道", 33.257, 115.372, True, 2.5, 14.0)
TOWNSHIPS: tuple[Township, ...] = (
    STATION_TOWNSHIP,
    Township("西城街道", 33.262, 115.348, True, 2.0, 12.0),
    Township("颍南街道", 33.238, 115.372, True, 2.0, 10.0),
    Township("光武镇", 33.345, 115.335, False, 3.0, 5.0),
    Township("泉阳镇", 33.105, 115.322, False, 3.0, 5.0),
    Township("芦村镇", 33.142, 115.418, False, 3.0, 4.0),
    Township("新马集镇", 33.392, 115.362, False, 3.0, 4.0),
    Township("大黄镇", 33.330, 115.430, False, 3.0, 4.0),
    Township("田营镇", 33.288, 115.452, False, 3.0, 5.0),
    Township("陶庙镇", 33.172, 115.300, False, 3.0, 4.0),
    Township("王集镇", 33.198, 115.462, False, 3.0, 4.0),
    Township("砖集镇", 33.420, 115.308, False, 3.0, 3.0),
    Township("顾集镇", 33.440, 115.400, False, 3.0, 4.0),
    Township("代桥镇", 33.212, 115.418, False, 3.0, 4.0),
    Township("舒庄镇", 33.180, 115.362, False, 3.0, 3.0),
    Township("邴集镇", 33.370, 115.282, False, 3.0, 3.0),
    Township("靳寨乡", 33.458, 115.348, False, 3.0, 3.0),
    Township("任寨镇", 33.302, 115.298, False, 3.0, 3.0),
)

# Community name stems: two characters, combined from common auspicious first and second
# characters; the first stems are the classic names of urban communities.
# fmt: off
_CLASSIC_STEMS = (
    "人民", "新华", "和平", "文化", "光明", "建设", "胜利", "团结", "幸福", "友谊",
    "育才", "东风", "振兴", "朝阳", "颍河", "阳光", "锦绣", "春华", "民主", "新城",
)
# fmt: on
_STEM_FIRST = "东西南北中新和安康富兴华振永长福民乐文育"
_STEM_SECOND = "华兴和安康乐阳光丰荣园苑城桥湖河庄集"
# fmt: off
_URBAN_ROADS = (
    "人民路", "建设路", "胜利路", "和平路", "文化路", "光明路", "振兴路", "工业路",
    "颍河路", "中原路", "东城大道", "新华路", "团结路", "民主路", "朝阳路", "兴业路",
    "富民路", "健康路", "迎宾大道", "交通路", "育才路", "幸福路", "南环路", "北环路",
)
# fmt: on
_TOWN_ROADS = ("府前路", "中心街", "商贸街", "兴业路", "文化路", "建设路", "农贸街", "新街")
_ESTATES = ("家园", "花园", "小区", "新村", "公寓", "名苑", "雅居", "嘉园")


@dataclass(frozen=True)
class CommunityPlan:
    """One demo community: code, name, street and centre, with the roads its addresses use."""

    code: str
    name: str
    stem: str
    street: str
    latitude: float
    longitude: float
    urban: bool
    roads: tuple[str, ...]
    radius_km: float


def community_stems() -> list[str]:
    """All candidate stems in a fixed order: classic ones first, then combined ones."""
    stems = list(_CLASSIC_STEMS)
    for first in _STEM_FIRST:
        for second in _STEM_SECOND:
            stem = first + second
            if first != second and stem not in stems:
                stems.append(stem)
    return stems


def offset(
    rng: random.Random, latitude: float, longitude: float, radius_km: float
) -> tuple[float, float]:
    """A point spread evenly over a disc of radius_km around (latitude, longitude)."""
    distance = radius_km * math.sqrt(rng.random())
    angle = rng.random() * 2.0 * math.pi
    d_lat = distance * math.cos(angle) / KM_PER_DEGREE_LAT
    d_lon = distance * math.sin(angle) / (KM_PER_DEGREE_LAT * math.cos(math.radians(latitude)))
    return round(latitude + d_lat, 6), round(longitude + d_lon, 6)


def _allocate(count: int) -> list[Township]:
    """The township of each community, in order: the station's street first."""
    if count <= SMALL_DEMO_LIMIT:
        return [STATION_TOWNSHIP] * count
    total = sum(t.weight for t in TOWNSHIPS)
    exact = [count * t.weight / total for t in TOWNSHIPS]
    shares = [max(1, math.floor(x)) for x in exact]
    # Largest remainders get the communities still unassigned (or lose the surplus).
    by_remainder = sorted(range(len(TOWNSHIPS)), key=lambda i: exact[i] - shares[i], reverse=True)
    position = 0
    while sum(shares) != count:
        index = by_remainder[position % len(by_remainder)]
        if sum(shares) < count:
            shares[index] += 1
        elif shares[index] > 1:
            shares[index] -= 1
        position += 1
    result: list[Township] = []
    for township, share in zip(TOWNSHIPS, shares, strict=True):
        result.extend([township] * share)
    return result


def plan_communities(rng: random.Random, count: int) -> list[CommunityPlan]:
    """`count` demo communities; the first, at the station's street centre, hosts the station.

    Up to SMALL_DEMO_LIMIT communities all lie in 东城街道 within a few km; more are spread
    over all streets and towns of Jieshou, each town's communities around its centre.
    """
    if count < 1:
        raise ValueError("a demo needs at least one community")
    stems = community_stems()
    if count > len(stems):
        raise ValueError(f"at most {len(stems)} demo communities are supported")
    plans: list[CommunityPlan] = []
    for index, township in enumerate(_allocate(count)):
        stem = stems[index]
        if index == 0:
            latitude, longitude = township.latitude, township.longitude
        else:
            latitude, longitude = offset(
                rng, township.latitude, township.longitude, township.radius_km
            )
        pool = _URBAN_ROADS if township.urban else _TOWN_ROADS
        roads = tuple(rng.sample(pool, 3))
        plans.append(
            CommunityPlan(
                code=f"{CODE_PREFIX}{index + 1:03d}",
                name=f"{stem}社区{DEMO_MARK}",
                stem=stem,
                street=township.name,
                latitude=latitude,
                longitude=longitude,
                urban=township.urban,
                roads=roads,
                radius_km=0.8 if township.urban else 1.5,
            )
        )
    return plans


def home_address(rng: random.Random, community: CommunityPlan) -> str:
    """A resident's address inside the community: a flat in town, a house number in villages."""
    road = rng.choice(community.roads)
    number = rng.randint(1, 399)
    if community.urban or rng.random() < 0.3:
        estate = community.stem + rng.choice(_ESTATES)
        building, unit = rng.randint(1, 24), rng.randint(1, 4)
        room = rng.randint(1, 18) * 100 + rng.randint(1, 4)
        return f"{CITY}{community.street}{road}{number}号{estate}{building}栋{unit}单元{room}室"
    group = rng.randint(1, 12)
    return f"{CITY}{community.street}{community.stem}社区{group}组{number}号"


def business_address(rng: random.Random, community: CommunityPlan) -> str:
    """A street address for an employer in the community."""
    return f"{CITY}{community.street}{rng.choice(community.roads)}{rng.randint(1, 999)}号"

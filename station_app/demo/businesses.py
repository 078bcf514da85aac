"""Kinds of demo employers: their line of business, GB/T 4754 section, name and usual jobs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from station_app.models import EmployerType

# fmt: off
_CONSTRUCTION = (
    "6-29-01-01", "6-29-01-03", "6-29-01-04", "6-29-01-05", "6-29-01-06", "6-29-02-15",
    "6-30-05-05", "6-30-05-02",
)
# fmt: on


@dataclass(frozen=True)
class BusinessLine:
    """A line of business: its section, the word in the employer's name and its usual jobs."""

    section: str  # GB/T 4754-2017 门类
    word: str
    occupations: tuple[str, ...]
    weight: float = 1.0


# Companies: 界首市 + trade name + word + legal form, e.g. 界首市恒达食品有限公司.
ENTERPRISE_LINES: tuple[BusinessLine, ...] = (
    BusinessLine("C", "食品", ("6-02-01-01", "6-02-03-01", "6-31-03-05", "4-02-06-01"), 2.0),
    BusinessLine("C", "粮油", ("6-01-01-01", "6-01-01-02", "6-01-01-03", "6-31-03-05")),
    BusinessLine("C", "面业", ("6-01-01-02", "6-02-03-01", "4-02-05-01")),
    BusinessLine("C", "服饰", ("6-05-01-03", "6-05-01-02", "6-05-01-04", "6-05-01-01"), 2.0),
    BusinessLine("C", "鞋业", ("6-05-04-01", "6-05-01-03", "6-31-03-05")),
    BusinessLine("C", "塑业", ("6-14", "6-31-03-05", "6-31-01-02", "4-02-05-01"), 3.0),
    BusinessLine("C", "再生资源", ("6-27", "4-02-05-01", "6-30-05-01"), 2.0),
    BusinessLine("C", "机械制造", ("6-18-01-01", "6-18-01-02", "6-18-02-04", "6-20-01-01")),
    BusinessLine("C", "电子科技", ("6-25-04-07", "6-31-03-05", "6-24-05-04")),
    BusinessLine("C", "家具", ("6-06-03-01", "6-06-03-02", "6-18-03-03")),
    BusinessLine("C", "彩陶工艺品", ("6-09", "4-01-06-02")),
    BusinessLine("C", "新能源科技", ("6-24", "6-31-01-03", "6-31-03-05"), 2.0),
    BusinessLine("C", "汽车配件", ("6-22-02-01", "6-18-01-12", "6-18-02-04", "6-18-01-11")),
    BusinessLine("C", "包装", ("6-07", "6-31-03-05", "4-02-05-01")),
    BusinessLine("F", "商贸", ("4-01-02-01", "4-01-02-03", "4-02-06-02"), 2.0),
    BusinessLine("F", "超市", ("4-01-02-03", "4-01-02-04", "4-02-06-02")),
    BusinessLine("F", "农资", ("4-01-05-01", "4-01-02-01")),
    BusinessLine("F", "建材", ("4-01-02-01", "4-02-05-01", "4-02-02-02")),
    BusinessLine("F", "电子商务", ("4-01-06-01", "4-01-06-02", "4-04-05-03"), 2.0),
    BusinessLine("F", "汽车销售", ("4-01-02-01", "4-12-01-01")),
    BusinessLine("F", "医药连锁", ("4-01-02-03", "4-01-02-04")),
    BusinessLine("E", "建筑工程", _CONSTRUCTION, 2.0),
    BusinessLine("E", "装饰工程", ("6-29-04-01", "6-29-04-02", "6-29-02-08")),
    BusinessLine("E", "安装工程", ("6-29-03-01", "6-29-03-02", "6-29-03-04", "6-31-01-03")),
    BusinessLine("G", "物流", ("4-02-05-01", "4-02-06-01", "4-02-06-02", "4-02-02-02"), 2.0),
    BusinessLine("G", "运输", ("4-02-02-01", "4-02-02-02", "4-02-02-04")),
    BusinessLine("G", "快递", ("4-02-07-08", "4-02-07-09")),
    BusinessLine("H", "餐饮管理", ("4-03-02-01", "4-03-02-02", "4-03-02-05", "4-03-02-06")),
    BusinessLine("H", "酒店管理", ("4-03-01-01", "4-03-01-02", "4-03-02-01", "4-03-02-05")),
    BusinessLine("I", "网络科技", ("4-01-06-02", "4-04-05-03", "4-12-02-01", "2-02"), 0.5),
    BusinessLine("J", "保险代理", ("4-01-02-01", "4-05-03-03"), 0.3),
    BusinessLine("K", "物业服务", ("4-06-01-01", "4-06-01-03", "4-09-08-01", "4-07-05-01")),
    BusinessLine("K", "房地产开发", ("4-01-02-01", "2-02"), 0.5),
    BusinessLine("L", "人力资源", ("4-07-03-04", "4-07-03-06", "4-07-03-07"), 0.7),
    BusinessLine("L", "保安服务", ("4-07-05-01", "4-07-05-02", "4-07-05-03"), 0.7),
    BusinessLine("L", "会展服务", ("4-07-07-01", "3-01"), 0.3),
    BusinessLine("M", "检测技术", ("6-31-03-05", "2-02"), 0.4),
    BusinessLine("N", "环境卫生", ("4-09-08-01", "4-09-08-02"), 0.5),
    BusinessLine("N", "园林绿化", ("4-09-10-01",), 0.5),
    BusinessLine("O", "家政服务", ("4-10-01-06", "4-10-01-05", "4-10-01-01")),
    BusinessLine("O", "汽车服务", ("4-12-01-01", "4-12-01-02", "4-10-08-02"), 0.6),
    BusinessLine("P", "职业技能培训", ("2-08", "4-07-03-01"), 0.4),
    BusinessLine("Q", "养老服务", ("4-10-01-05", "4-14-01-03", "4-03-02-01"), 0.5),
    BusinessLine("A", "农业科技", ("5-01-02-01", "5-05-01-01", "5-05-02-01", "5-05-01-02")),
    BusinessLine("A", "生态养殖", ("5-03-02-01", "5-03-02-02")),
    BusinessLine("A", "中药材种植", ("5-01-02-05", "5-01-02-02", "5-01-02-03"), 0.5),
    BusinessLine("A", "农机服务", ("5-05-05-01", "5-05-05-02"), 0.4),
)
# fmt: off
LEGAL_FORMS: tuple[tuple[str, float], ...] = (
    ("有限公司", 80.0), ("有限责任公司", 15.0), ("股份有限公司", 5.0),
)
# fmt: on

# Individual businesses (个体工商户): 界首市 + trade name or "张记" + shop.
SHOP_LINES: tuple[BusinessLine, ...] = (
    BusinessLine("F", "超市", ("4-01-02-03", "4-01-02-04"), 2.0),
    BusinessLine("F", "便利店", ("4-01-02-03", "4-01-02-04")),
    BusinessLine("F", "五金店", ("4-01-02-03",)),
    BusinessLine("F", "农资店", ("4-01-05-01", "4-01-02-03")),
    BusinessLine("F", "服装店", ("4-01-02-03",)),
    BusinessLine("F", "手机店", ("4-01-02-01", "4-12-02-01")),
    BusinessLine("F", "网店", ("4-01-06-02", "4-02-06-02")),
    BusinessLine("H", "餐馆", ("4-03-02-01", "4-03-02-05"), 2.0),
    BusinessLine("H", "面馆", ("4-03-02-02", "4-03-02-05"), 1.5),
    BusinessLine("H", "饭店", ("4-03-02-01", "4-03-02-05", "4-03-02-02")),
    BusinessLine("H", "小吃店", ("4-03-02-02", "4-03-02-05")),
    BusinessLine("H", "早餐店", ("4-03-02-02",)),
    BusinessLine("O", "理发店", ("4-10-03-02", "4-10-03-01")),
    BusinessLine("O", "汽车修理部", ("4-12-01-01",)),
    BusinessLine("O", "家电维修部", ("4-12-03-01",)),
    BusinessLine("O", "电动车维修部", ("4-12-04-01",)),
    BusinessLine("O", "家政服务部", ("4-10-01-06", "4-10-01-05")),
    BusinessLine("O", "缝纫店", ("4-10-02-01",)),
    BusinessLine("C", "馒头坊", ("6-02-03-01",)),
    BusinessLine("C", "服装加工坊", ("6-05-01-03", "6-05-01-02")),
)

# Public institutions (事业单位): 界首市 + place + kind, e.g. 界首市新华小学.
INSTITUTION_LINES: tuple[BusinessLine, ...] = (
    BusinessLine("P", "小学", ("2-08", "4-07-05-01", "4-03-02-06"), 2.0),
    BusinessLine("P", "幼儿园", ("2-08", "4-10-01-03", "4-03-02-06"), 2.0),
    BusinessLine("P", "初级中学", ("2-08", "4-07-05-01")),
    BusinessLine("Q", "社区卫生服务中心", ("2-05", "4-14-01-02", "4-09-08-01"), 1.5),
    BusinessLine("S", "便民服务中心", ("3-01", "4-07-03-01"), 1.5),
    BusinessLine("R", "综合文化站", ("3-01", "2-10"), 0.7),
    BusinessLine("N", "环境卫生管理所", ("4-09-08-01", "4-09-08-02"), 0.7),
    BusinessLine("M", "农业技术推广站", ("2-03", "5-05-01-01"), 0.5),
)

# Social organisations (民办非企业单位 and associations).
SOCIAL_LINES: tuple[BusinessLine, ...] = (
    BusinessLine("Q", "养老服务中心", ("4-10-01-05", "4-14-01-03", "4-03-02-01"), 2.0),
    BusinessLine("S", "社会工作服务中心", ("2-07", "3-01"), 1.5),
    BusinessLine("P", "托育服务中心", ("4-10-01-01", "4-10-01-03")),
    BusinessLine("P", "职业培训学校", ("2-08", "4-07-03-01")),
    BusinessLine("S", "协会", ("3-01",)),
)
# What an association (协会) is about.
# fmt: off
ASSOCIATION_TOPICS = (
    "餐饮行业", "电子商务", "家政服务", "个体劳动者", "物流行业", "再生资源行业",
    "养老服务", "农民专业合作", "人力资源服务", "返乡创业",
)
# fmt: on

LINES: dict[EmployerType, tuple[BusinessLine, ...]] = {
    EmployerType.ENTERPRISE: ENTERPRISE_LINES,
    EmployerType.INDIVIDUAL_BUSINESS: SHOP_LINES,
    EmployerType.PUBLIC_INSTITUTION: INSTITUTION_LINES,
    EmployerType.SOCIAL_ORGANISATION: SOCIAL_LINES,
}

# Share of each kind of employer among those a station keeps in touch with.
TYPE_WEIGHTS: tuple[tuple[EmployerType, float], ...] = (
    (EmployerType.ENTERPRISE, 62.0),
    (EmployerType.INDIVIDUAL_BUSINESS, 28.0),
    (EmployerType.PUBLIC_INSTITUTION, 6.0),
    (EmployerType.SOCIAL_ORGANISATION, 4.0),
)

# Trade names (字号): two characters combined from those Chinese businesses favour.
_BRAND_FIRST = "恒华金鑫宏天瑞盛永嘉新佳汇博泰丰宇正中兴万利隆顺达祥福源昌旺"
_BRAND_SECOND = "达盛源泰丰利隆顺昌兴茂鑫辉宇诚信安康发祥旺通宏华泽"


# Combinations that are, or sound like, well-known companies, banks and insurers.
_FAMOUS = frozenset(
    ("顺丰", "中兴", "中信", "永辉", "华泰", "中泰", "恒丰", "泰康", "新华", "永安",
     "天安", "华安", "中华", "万达", "恒安", "中通", "汇通", "嘉华", "华信", "兴业")
)  # fmt: skip


def brands() -> list[str]:
    """All trade names in a fixed order."""
    combined = (a + b for a in _BRAND_FIRST for b in _BRAND_SECOND if a != b)
    return [brand for brand in combined if brand not in _FAMOUS]


def all_occupation_codes() -> Iterable[str]:
    for lines in LINES.values():
        for line in lines:
            yield from line.occupations


def all_sections() -> Iterable[str]:
    for lines in LINES.values():
        for line in lines:
            yield line.section

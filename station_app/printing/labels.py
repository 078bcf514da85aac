"""The words printed documents use for codes and dates: the catalogue's Chinese, one format."""

from __future__ import annotations

from datetime import date
from enum import Enum
from functools import lru_cache

from station_app.texts.catalogue import Catalogue

DOCUMENT_LANGUAGE = "zh_CN"  # printed forms are Chinese whatever the UI's language
BLANK = "—"
CITY = "界首市"


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return Catalogue.load(DOCUMENT_LANGUAGE)


def label(member: Enum | None) -> str:
    return BLANK if member is None else catalogue().label(member)


def text(code: str, /, **params: object) -> str:
    return catalogue().text(code, **params)


def day(value: date | None) -> str:
    """2026年3月5日."""
    return BLANK if value is None else f"{value.year}年{value.month}月{value.day}日"


def distance(km: float | None) -> str:
    return BLANK if km is None else f"约 {km:.1f} 公里"


def or_blank(value: str | None) -> str:
    return value.strip() if value and value.strip() else BLANK


def station_title(street: str, community_name: str) -> str:
    """界首市东城街道人民路社区就业驿站."""
    return f"{CITY}{street}{community_name}就业驿站"

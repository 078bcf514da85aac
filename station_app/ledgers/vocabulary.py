"""Words a ledger uses for the closed vocabularies: enum labels and code tables, both ways.

Ledgers are written in Chinese: an enum cell holds its Chinese label (单位就业), a short label,
a common synonym, or the stored value; a code-table cell holds the code or its name.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache, lru_cache
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from station_app.ledgers.cells import CellError, CellValue, clean_text, squeezed
from station_app.models import Community, EmploymentStatus, JobStatus
from station_app.services.code_tables import CodeTable
from station_app.texts import Catalogue

E = TypeVar("E", bound=StrEnum)

LEDGER_LANGUAGE = "zh_CN"

# What ledgers write besides the labels.
_SYNONYMS: dict[str, StrEnum] = {
    "未就业": EmploymentStatus.UNEMPLOYED,
    "失业": EmploymentStatus.UNEMPLOYED,
    "待业": EmploymentStatus.UNEMPLOYED,
    "就业": EmploymentStatus.EMPLOYED,
    "已就业": EmploymentStatus.EMPLOYED,
    "自主创业": EmploymentStatus.SELF_EMPLOYED,
    "个体经营": EmploymentStatus.SELF_EMPLOYED,
    "无就业意愿": EmploymentStatus.NOT_SEEKING,
    "开放": JobStatus.OPEN,
}


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The texts ledgers are written in (Chinese)."""
    return Catalogue.load(LEDGER_LANGUAGE)


def label(member: StrEnum) -> str:
    return catalogue().label(member)


@cache
def _enum_words(kind: type[StrEnum]) -> dict[str, StrEnum]:
    english = Catalogue()
    words: dict[str, StrEnum] = {}
    for member in kind:
        for word in (
            member.value,
            member.name,
            english.label(member),
            catalogue().label(member),
            catalogue().label(member, short=True),
        ):
            words.setdefault(squeezed(word).lower(), member)
    for word, member in _SYNONYMS.items():
        if isinstance(member, kind):
            words.setdefault(word, member)
    return words


def enum_member(kind: type[E], text: str) -> E:
    """The member a cell names; CellError listing the choices for any other word."""
    member = _enum_words(kind).get(squeezed(text).lower())
    if member is None:
        choices = "、".join(label(m) for m in kind)
        raise CellError(
            "ledger.choice",
            f"{text} is not one of: {choices}.",
            value=text,
            choices=choices,
        )
    return member  # type: ignore[return-value]


def table_code(table: CodeTable, text: str) -> str:
    """The code a cell names by its code or by its exact name."""
    word = squeezed(text)
    if word in table:
        return word
    upper = word.upper()
    if upper in table:
        return upper
    for entry in table:
        if squeezed(entry.name) == word:
            return entry.code
    raise CellError("ledger.unknown_code", f"{text} is not in the code table.", value=text)


class CommunityNames:
    """The communities a ledger names by their name, code or id, and the name it writes."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(Community.id, Community.code, Community.name).where(Community.deleted.is_(False))
        ).all()
        self._names: dict[str, str] = {row.id: row.name for row in rows}
        self._ids: dict[str, str] = {}
        for row in rows:
            for word in (row.id, row.code, row.name):
                self._ids.setdefault(clean_text(word), row.id)

    def id_of(self, value: CellValue) -> str:
        text = clean_text(value)
        community = self._ids.get(text)
        if community is None:
            raise CellError("ledger.community", f"There is no community {text}.", value=text)
        return community

    def name_of(self, community_id: str | None) -> str:
        if not community_id:
            return ""
        return self._names.get(community_id, community_id)

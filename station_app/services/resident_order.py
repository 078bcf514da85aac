"""The residents list in another order than the register's: by sex, age, ID number, phone,
community or employment status, either way, computed in SQL.

The page searches with the index and shows its answer in this order (`ResidentOrder.rank`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import Community, Resident


class SortKey(StrEnum):
    NAME = "name"  # the register's order (by pinyin)
    SEX = "sex"
    AGE = "age"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    COMMUNITY = "community"
    STATUS = "status"


@dataclass(frozen=True)
class ResidentOrder:
    """Every resident of the scope in one order, and each one's position in it."""

    key: SortKey
    descending: bool
    ids: Sequence[str]
    positions: dict[str, int]

    def rank(self, ids: Sequence[str]) -> list[str]:
        """These ids in this order; ones it does not know yet (just registered) come last."""
        last = len(self.positions)
        return sorted(ids, key=lambda resident_id: self.positions.get(resident_id, last))


def resident_order(rx: ReadTx, key: SortKey, *, descending: bool = False) -> ResidentOrder:
    """The scope's residents by `key`, then in register order; a missing value comes last."""
    rx.require(Permission.RESIDENT_READ)
    query = select(Resident.id).where(
        Resident.deleted.is_(False), Resident.scope_id.in_(rx.scope.ids)
    )
    column: Any
    if key is SortKey.COMMUNITY:
        query = query.join(Community, Community.id == Resident.community_id)
        column = Community.name
    else:
        column = {
            SortKey.NAME: Resident.name_pinyin,
            SortKey.SEX: Resident.sex,
            # Ascending by age is the latest birth date first.
            SortKey.AGE: Resident.birth_date,
            SortKey.ID_NUMBER: Resident.id_number,
            SortKey.PHONE: Resident.phone,
            SortKey.STATUS: Resident.employment_status,
        }[key]
    by_age = key is SortKey.AGE
    first = column.desc() if descending != by_age else column.asc()
    query = query.order_by(
        column.is_(None), first, Resident.name_pinyin, Resident.name, Resident.id
    )
    ids = list(rx.session.scalars(query))
    return ResidentOrder(key, descending, ids, {rid: n for n, rid in enumerate(ids)})

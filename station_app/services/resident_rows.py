"""Rows of the residents table, fetched a page at a time for the ids the view shows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import (
    Community,
    EmploymentStatus,
    KeyGroup,
    Resident,
    ResidentKeyGroup,
    Sex,
)


@dataclass(frozen=True)
class ResidentRow:
    id: str
    name: str
    sex: Sex
    birth_date: date
    id_number: str
    phone: str | None
    community_name: str
    employment_status: EmploymentStatus
    key_groups: frozenset[KeyGroup]


def register_ids(rx: ReadTx) -> list[str]:
    """Every resident's id of the station's scope in register order, from a covering index.

    Fast enough (well under 0.1 s for 200,000) to fill the table before the search index loads.
    """
    rx.require(Permission.RESIDENT_READ)
    return list(
        rx.session.scalars(
            select(Resident.id)
            .where(Resident.deleted.is_(False), Resident.scope_id.in_(rx.scope.ids))
            .order_by(Resident.name_pinyin, Resident.name, Resident.id)
        )
    )


def fetch_rows(rx: ReadTx, ids: Sequence[str]) -> dict[str, ResidentRow]:
    """The rows for these ids (missing, deleted or out-of-scope ids are absent)."""
    rx.require(Permission.RESIDENT_READ)
    if not ids:
        return {}
    wanted = list(ids)
    scope = rx.scope
    session = rx.session
    groups: dict[str, set[KeyGroup]] = defaultdict(set)
    for resident_id, group in session.execute(
        select(ResidentKeyGroup.resident_id, ResidentKeyGroup.key_group).where(
            ResidentKeyGroup.resident_id.in_(wanted)
        )
    ):
        groups[resident_id].add(group)
    rows = session.execute(
        select(
            Resident.id,
            Resident.name,
            Resident.sex,
            Resident.birth_date,
            Resident.id_number,
            Resident.phone,
            Community.name,
            Resident.employment_status,
            Resident.deleted,
            Resident.scope_id,
        )
        .join(Community, Community.id == Resident.community_id)
        # Only the primary key in SQL: a `deleted` filter there made SQLite walk the
        # register-order index over every resident; the rest is checked per row below.
        .where(Resident.id.in_(wanted))
    ).all()
    return {
        row[0]: ResidentRow(*row[:8], key_groups=frozenset(groups.get(row[0], ())))
        for row in rows
        if not row[8] and scope.covers(row[9])
    }

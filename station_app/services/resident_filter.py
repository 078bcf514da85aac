"""The residents list's filters (community, status, key group, age band), applied in SQL.

The page searches with the index and keeps, of its answer, the ids this filter lets through.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import EmploymentStatus, KeyGroup, Resident, ResidentKeyGroup


class AgeBand(StrEnum):
    """Age bands of the labour statistics (the youth band as for traineeships)."""

    YOUTH = "16-24"
    PRIME = "25-39"
    MIDDLE = "40-49"
    OLDER = "50-59"
    SENIOR = "60+"


# (lowest, highest) age of each band, inclusive; None: no upper bound.
AGE_BANDS: dict[AgeBand, tuple[int, int | None]] = {
    AgeBand.YOUTH: (16, 24),
    AgeBand.PRIME: (25, 39),
    AgeBand.MIDDLE: (40, 49),
    AgeBand.OLDER: (50, 59),
    AgeBand.SENIOR: (60, None),
}


@dataclass(frozen=True)
class ResidentFilter:
    community_id: str | None = None
    status: EmploymentStatus | None = None
    key_group: KeyGroup | None = None
    age_band: AgeBand | None = None

    @property
    def is_empty(self) -> bool:
        return self == ResidentFilter()


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def filtered_ids(
    rx: ReadTx, wanted: ResidentFilter, *, today: date | None = None
) -> frozenset[str]:
    """The ids of the scope's residents this filter lets through (all for an empty one)."""
    rx.require(Permission.RESIDENT_READ)
    today = today or date.today()
    query = select(Resident.id).where(
        Resident.deleted.is_(False), Resident.scope_id.in_(rx.scope.ids)
    )
    if wanted.community_id is not None:
        query = query.where(Resident.community_id == wanted.community_id)
    if wanted.status is not None:
        query = query.where(Resident.employment_status == wanted.status)
    if wanted.key_group is not None:
        query = query.where(
            Resident.id.in_(
                select(ResidentKeyGroup.resident_id).where(
                    ResidentKeyGroup.key_group == wanted.key_group
                )
            )
        )
    if wanted.age_band is not None:
        lowest, highest = AGE_BANDS[wanted.age_band]
        # Aged at least `lowest`: born on or before today `lowest` years ago.
        query = query.where(Resident.birth_date <= _years_before(today, lowest))
        if highest is not None:  # and younger than highest + 1
            query = query.where(Resident.birth_date > _years_before(today, highest + 1))
    return frozenset(rx.session.scalars(query))

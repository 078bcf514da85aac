"""The communities a resident can belong to, for choosing one in a form."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import Community


@dataclass(frozen=True)
class CommunityOption:
    id: str
    name: str
    street: str  # 街道/乡镇


def list_communities(rx: ReadTx, *, served_only: bool = False) -> list[CommunityOption]:
    """Every community not deleted (`served_only`: those this station serves), by code."""
    rx.require(Permission.COMMUNITY_READ)
    query = (
        select(Community.id, Community.name, Community.street)
        .where(Community.deleted.is_(False))
        .order_by(Community.code)
    )
    if served_only:
        query = query.where(Community.id.in_(rx.scope.communities))
    rows = rx.session.execute(query).all()
    return [CommunityOption(id=row[0], name=row[1], street=row[2]) for row in rows]

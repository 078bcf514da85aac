"""The communities a resident can belong to, for choosing one in a form."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from station_app.database import Database
from station_app.models import Community


@dataclass(frozen=True)
class CommunityOption:
    id: str
    name: str
    street: str  # 街道/乡镇


def list_communities(db: Database) -> list[CommunityOption]:
    """Every community not deleted, ordered by its code."""
    with db.session() as session:
        rows = session.execute(
            select(Community.id, Community.name, Community.street)
            .where(Community.deleted.is_(False))
            .order_by(Community.code)
        ).all()
    return [CommunityOption(id=row[0], name=row[1], street=row[2]) for row in rows]

"""Community (社区): the unit a station serves and the scope most records belong to."""

from __future__ import annotations

import uuid

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin

# A community's id is made from its code, so every station and the city give it the same one
# (the city server derives the same ids from the codes of a station's communities).
COMMUNITY_NAMESPACE = uuid.UUID("6f0c1d3e-2b7a-5c4e-9a51-3e2f7d8b9c10")


def community_id_for(code: str) -> str:
    """The id of the community with this code (a UUIDv5 of the code)."""
    return str(uuid.uuid5(COMMUNITY_NAMESPACE, code.strip()))


class Community(SyncedMixin, Base):
    __tablename__ = "communities"
    __entity__ = "community"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    street: Mapped[str] = mapped_column(String(64))  # 街道/乡镇
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

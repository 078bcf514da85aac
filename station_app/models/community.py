"""Community (社区): the unit a station serves and the scope most records belong to."""

from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin


class Community(SyncedMixin, Base):
    __tablename__ = "communities"
    __entity__ = "community"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    street: Mapped[str] = mapped_column(String(64))  # 街道/乡镇
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

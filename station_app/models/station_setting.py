"""StationSetting: local key/value facts about this station's database (not synced)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base


class StationSetting(Base):
    __tablename__ = "station_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)

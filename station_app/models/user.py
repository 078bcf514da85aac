"""User: a station worker or admin who logs in (argon2 password hash, never the password)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import ClassVar

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin, UtcDateTime
from station_app.models.enums import UserRole, enum_column


class User(SyncedMixin, Base):
    __tablename__ = "users"
    __entity__ = "user"
    __masked_fields__: ClassVar[Mapping[str, str]] = {"password_hash": "secret"}

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

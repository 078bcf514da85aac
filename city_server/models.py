"""The city server's tables: the enrolled stations, their communities, codes and signing key.

Times are UTC, stored without a zone (SQLite keeps none), from `utc_now`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import DateTime, Enum, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from city_server.database import Base


def utc_now() -> datetime:
    """Now, in UTC, without a zone: how the server's tables keep times."""
    return datetime.now(UTC).replace(tzinfo=None)


class StationStatus(StrEnum):
    PENDING = "pending"  # added; its enrolment code not yet used
    ACTIVE = "active"
    REVOKED = "revoked"


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    status: Mapped[StationStatus] = mapped_column(
        Enum(StationStatus, native_enum=False, length=16, values_callable=_values)
    )
    secret_hash: Mapped[str | None] = mapped_column(String(64))  # sha256 of its secret
    created_at: Mapped[datetime] = mapped_column(DateTime())
    enrolled_at: Mapped[datetime | None] = mapped_column(DateTime())
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime())
    app_version: Mapped[str | None] = mapped_column(String(32))
    communities: Mapped[list[StationCommunity]] = relationship(
        cascade="all, delete-orphan", order_by="StationCommunity.community_code"
    )

    @property
    def community_codes(self) -> tuple[str, ...]:
        return tuple(c.community_code for c in self.communities)


class StationCommunity(Base):
    """A community a station serves: its residents are the station's scope (with the city's)."""

    __tablename__ = "station_communities"

    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id"), primary_key=True)
    community_code: Mapped[str] = mapped_column(String(32), primary_key=True)


class EnrolmentCode(Base):
    """A one-time code that lets a station fetch its credentials once."""

    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the code
    station_id: Mapped[str] = mapped_column(ForeignKey("stations.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime())
    used_at: Mapped[datetime | None] = mapped_column(DateTime())


class SigningKey(Base):
    """The key access tokens are signed with, shared by every worker process (one row)."""

    __tablename__ = "signing_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary(64))

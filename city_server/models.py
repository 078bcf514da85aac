"""The city server's tables: the stations and their keys, and the city's copy of the synced data.

Times are UTC, stored without a zone (SQLite keeps none), from `utc_now`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
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
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime())  # last push or full pull
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


class SyncCounter(Base):
    """The last sequence number handed out (one row). A push takes its numbers from it at its
    end and keeps it locked until it commits, so numbers become visible in commit order."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    # Tombstones and exits at or below this were compacted: a cursor below it must resync.
    horizon: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncRecord(Base):
    """The city's current state of one synced row, with the sequence number of its last change.

    Pulls read the records whose `seq` is after a station's cursor: the table is its own
    change feed (only the latest state of a row travels). `fields` holds every field's value;
    `field_seq` and `field_origin` the sequence number and the station of each field's last
    change, from which a push with an older base finds a conflict; `field_by` its worker.
    """

    __tablename__ = "sync_records"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    scope_id: Mapped[str] = mapped_column(String(36))
    rank: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True)
    natural_key: Mapped[str | None] = mapped_column(String(64))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_seq: Mapped[dict[str, int]] = mapped_column(JSON)
    field_origin: Mapped[dict[str, str]] = mapped_column(JSON)
    # Who changed each field last and when, as the station said (for showing a conflict).
    field_by: Mapped[dict[str, list[str | None]]] = mapped_column(JSON, default=dict)
    origin_station: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(DateTime())

    __table_args__ = (
        Index("ix_sync_records_scope_seq", "scope_id", "seq"),
        Index("ix_sync_records_snapshot", "scope_id", "rank", "entity", "id"),
        Index("ix_sync_records_natural_key", "entity", "natural_key"),
    )


class SyncExit(Base):
    """A row that left a scope (its resident moved): stations of that scope drop it."""

    __tablename__ = "sync_exits"

    scope_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_sync_exits_scope_seq", "scope_id", "seq"),)


class AppliedChange(Base):
    """A pushed change already applied, with its answer: a repeated push gets the same one."""

    __tablename__ = "sync_applied_changes"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(String(36))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    applied_at: Mapped[datetime] = mapped_column(DateTime())


class PurgedRecord(Base):
    """A tombstone compacted away: a late change to it is refused, it never comes back."""

    __tablename__ = "sync_purged"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)

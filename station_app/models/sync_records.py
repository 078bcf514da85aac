"""What the sync keeps at the station: its progress, and the city's conflicts and merge cases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin, UtcDateTime


class SyncState(Base):
    """The station's progress with the city server (one row, id 1; not synced)."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The city's sequence number up to which every change of the scope has been applied.
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    # The scopes (community ids and "city") the station held at its last sync.
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    # A snapshot under way: the scopes left, `upto`, where it is in the first (`after`), and
    # whether it is a resync (`sweep`: then rows it did not bring are dropped, see SyncSeen).
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Every row that predates the change log has been put in the outbox once.
    seeded: Mapped[bool] = mapped_column(Boolean, default=False)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The last failure (None after a success): a catalogue code, its params, the English text.
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    last_error_params: Mapped[dict[str, str] | None] = mapped_column(JSON)
    last_error: Mapped[str | None] = mapped_column(String(500))


class SyncSeen(Base):
    """The rows a resync's snapshot has brought so far; afterwards the others are dropped."""

    __tablename__ = "sync_seen"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)


class SyncConflict(SyncedMixin, Base):
    """A field two sides changed: the city kept one value, a worker checks it (made by the city).

    Times are the stations' own, as text: for showing, never for ordering.
    """

    __tablename__ = "sync_conflicts"
    __entity__ = "sync_conflict"

    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(40))
    kept_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_by: Mapped[str | None] = mapped_column(String(64))
    kept_station: Mapped[str | None] = mapped_column(String(36))
    kept_at: Mapped[str | None] = mapped_column(String(40))
    other_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_by: Mapped[str | None] = mapped_column(String(64))
    other_station: Mapped[str | None] = mapped_column(String(36))
    other_at: Mapped[str | None] = mapped_column(String(40))
    detected_at: Mapped[str | None] = mapped_column(String(40))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    resolution: Mapped[str | None] = mapped_column(String(16))  # "kept" or "other"
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[str | None] = mapped_column(String(40))


class MergeCase(SyncedMixin, Base):
    """Two records with one ID number (or credit code) from two stations (made by the city)."""

    __tablename__ = "merge_cases"
    __entity__ = "merge_case"

    entity: Mapped[str] = mapped_column(String(32))
    first_id: Mapped[str] = mapped_column(String(36), index=True)
    second_id: Mapped[str] = mapped_column(String(36), index=True)
    key_field: Mapped[str | None] = mapped_column(String(40))
    detected_at: Mapped[str | None] = mapped_column(String(40))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    resolution: Mapped[str | None] = mapped_column(String(200))
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[str | None] = mapped_column(String(40))

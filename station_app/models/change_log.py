"""ChangeLogEntry: one row per row changed in a transaction, in local order; the sync's outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, UtcDateTime


class ChangeLogEntry(Base):
    """What one transaction did to one synced row: the fields it changed and on which version.

    Written by the change capture only. The sync pushes the entries not yet acknowledged by the
    city server (`pushed_seq` empty) in `seq` order, each with `change_id` as its idempotency
    key; `base_version` is the row version the change was made on (0 for a new row).
    """

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    transaction_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    scope_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # "create", "update" or "delete"
    # The changed fields with their new values (real values: the city may hold them).
    fields: Mapped[dict[str, object]] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(Integer)
    row_version: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The server's sequence number once it has acknowledged the change (set by the sync).
    pushed_seq: Mapped[int | None] = mapped_column(Integer, index=True)
    # What the city answered ("applied", "conflict", "ignored: …", "rejected: …"); 0 is the
    # `pushed_seq` of a change the city did not apply and of one that never leaves the station.
    push_result: Mapped[str | None] = mapped_column(String(200))

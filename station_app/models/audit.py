"""AuditEvent: an append-only line of who did what to which record, and when."""

from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin


class AuditEvent(SyncedMixin, Base):
    __tablename__ = "audit_events"
    __entity__ = "audit_event"

    # Not indexed but by the record it names: every import writes two events a row, and an
    # index nobody reads would cost each of them (revision 0011).
    scope_id: Mapped[str] = mapped_column(String(36))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))  # e.g. "resident.create"
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(36), index=True)
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)

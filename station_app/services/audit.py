"""Writes audit events inside the caller's transaction (never commits by itself)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from station_app.models import AuditEvent
from station_app.services.actor import Actor


def record_event(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: dict[str, object] | None = None,
) -> None:
    session.add(
        AuditEvent(
            scope_id=actor.scope_id,
            actor=actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail or {},
            updated_by=actor.username,
        )
    )

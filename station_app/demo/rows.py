"""The bookkeeping columns every synchronised demo row carries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

DEMO_USERNAME = "demo"

Row = dict[str, Any]


def synced(row_id: str, scope_id: str, created_at: datetime) -> Row:
    """id, scope and bookkeeping of a new, never edited row written by the demo user."""
    return {
        "id": row_id,
        "scope_id": scope_id,
        "row_version": 1,
        "deleted": False,
        "created_at": created_at,
        "updated_at": created_at,
        "updated_by": DEMO_USERNAME,
    }

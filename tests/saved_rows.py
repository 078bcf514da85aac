"""Rows two databases saved, comparable: without the ids each save makes afresh, and with
each database's own ids replaced by names of what they are."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select

from station_app.core.station_session import StationSession

# Ids that differ between two databases, and the columns made afresh by each save.
FRESH = frozenset({"id", "seq", "change_id", "transaction_id"})


def saved_rows(station: StationSession, table: Table, *where: Any) -> list[dict[str, Any]]:
    """The table's rows in the order they were written (the change log's `seq`)."""
    order = table.c.seq if "seq" in table.c else table.c[next(iter(table.primary_key)).name]
    with station.read() as rx:
        rows = rx.session.execute(select(table).where(*where).order_by(order)).mappings().all()
    return [{k: v for k, v in row.items() if k not in FRESH} for row in rows]


def renamed(value: Any, names: dict[str, str]) -> Any:
    """The value with each database's own ids replaced by what they are."""
    if isinstance(value, dict):
        return {k: renamed(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, names) for v in value]
    return names.get(value, value) if isinstance(value, str) else value

"""The outbox: the change log's entries not yet acknowledged by the city, as the push sends them.

Every entry is sent with its `change_id` (the city applies each once), the changed fields and
the base: the city's version of the row this station last synced (0 for a row it never did).
The answers are recorded in the same transaction that marks the entries sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from station_app.models import ChangeLogEntry, ResidentKeyGroup, new_id, utc_now
from station_app.models.change_capture import BOOKKEEPING, INSERT, SYSTEM_ACTOR, plain
from station_app.models.synced import SYNCED

ACCEPTED = frozenset({"applied", "conflict"})
LOCAL_ONLY = "local"  # the push_result of an entry that never leaves the station


def pending_count(session: Session) -> int:
    """How many changes wait to be sent (those of local-only tables not counted)."""
    count = session.scalar(
        select(func.count())
        .select_from(ChangeLogEntry)
        .where(ChangeLogEntry.pushed_seq.is_(None), ChangeLogEntry.entity.in_(list(SYNCED)))
    )
    return int(count or 0)


def has_unsent(session: Session) -> bool:
    """Whether any change log entry waits (a quick read, before a push takes the write lock)."""
    first = session.scalar(
        select(ChangeLogEntry.seq).where(ChangeLogEntry.pushed_seq.is_(None)).limit(1)
    )
    return first is not None


def rejected_count(session: Session) -> int:
    """How many sent changes the city refused (they stay in the log, with the reason)."""
    count = session.scalar(
        select(func.count())
        .select_from(ChangeLogEntry)
        .where(ChangeLogEntry.pushed_seq == 0, ChangeLogEntry.push_result.like("rejected%"))
    )
    return int(count or 0)


def seed_unsent_rows(session: Session) -> int:
    """Puts every synced row that has no change log entry (older than the log) in the outbox.

    Done once, before a station's first push, so the city gets what was there before.
    """
    added = 0
    now = utc_now()
    for entity, model in SYNCED.items():
        table = model.__table__  # type: ignore[attr-defined]
        logged = exists().where(
            ChangeLogEntry.entity == entity, ChangeLogEntry.entity_id == table.c.id
        )
        columns = [c for c in table.c if c.key not in BOOKKEEPING]
        rows = session.execute(
            select(table.c.id, *columns)
            .where(table.c.server_version.is_(None), ~logged)
            .order_by(table.c.id)
        ).all()
        groups = _key_groups(session, [row[0] for row in rows]) if entity == "resident" else {}
        for row in rows:
            values: dict[str, object] = {
                c.key: plain(v) for c, v in zip(columns, row[1:], strict=True)
            }
            if entity == "resident":
                values["key_groups"] = groups.get(row[0], [])
            session.add(
                ChangeLogEntry(
                    change_id=new_id(),
                    transaction_id="seed",
                    entity=entity,
                    entity_id=row[0],
                    scope_id=str(values["scope_id"]),
                    op=INSERT,
                    fields=values,
                    base_version=0,
                    row_version=1,
                    actor=SYSTEM_ACTOR,
                    changed_at=now,
                )
            )
            added += 1
        session.flush()
    return added


def _key_groups(session: Session, ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if not ids:
        return found
    rows = session.execute(
        select(ResidentKeyGroup.resident_id, ResidentKeyGroup.key_group).order_by(
            ResidentKeyGroup.resident_id
        )
    ).all()
    wanted = set(ids)
    for resident_id, group in rows:
        if resident_id in wanted:
            found.setdefault(resident_id, []).append(str(plain(group)))
    return {key: sorted(values) for key, values in found.items()}


def next_batch(session: Session, limit: int) -> list[ChangeLogEntry]:
    """The oldest unsent entries; those of local-only tables are marked as never sent."""
    entries = list(
        session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.pushed_seq.is_(None))
            .order_by(ChangeLogEntry.seq)
            .limit(limit)
        )
    )
    sent = []
    for entry in entries:
        if entry.entity in SYNCED:
            sent.append(entry)
        else:
            entry.pushed_seq, entry.push_result = 0, LOCAL_ONLY
    return sent


def wire_changes(session: Session, entries: Sequence[ChangeLogEntry]) -> list[dict[str, Any]]:
    """The entries as the push sends them, each based on its row's last synced version."""
    bases = _server_versions(session, entries)
    return [
        {
            "change_id": entry.change_id,
            "entity": entry.entity,
            "id": entry.entity_id,
            "scope_id": entry.scope_id,
            "op": entry.op,
            "fields": entry.fields,
            "base_version": bases.get((entry.entity, entry.entity_id)) or 0,
            "actor": entry.actor,
            "changed_at": entry.changed_at.isoformat(),
        }
        for entry in entries
    ]


def _server_versions(
    session: Session, entries: Iterable[ChangeLogEntry]
) -> dict[tuple[str, str], int | None]:
    by_entity: dict[str, set[str]] = {}
    for entry in entries:
        by_entity.setdefault(entry.entity, set()).add(entry.entity_id)
    found: dict[tuple[str, str], int | None] = {}
    for entity, ids in by_entity.items():
        table = SYNCED[entity].__table__  # type: ignore[attr-defined]
        rows = session.execute(
            select(table.c.id, table.c.server_version).where(table.c.id.in_(sorted(ids)))
        ).all()
        found.update({(entity, row[0]): row[1] for row in rows})
    return found


def acknowledge(
    session: Session, entries: Sequence[ChangeLogEntry], results: Sequence[dict[str, Any]]
) -> dict[str, int]:
    """Records the city's answers; returns how many were applied, conflicting or refused."""
    counts = {"applied": 0, "conflict": 0, "ignored": 0, "rejected": 0}
    for entry, result in zip(entries, results, strict=True):
        status = str(result.get("status"))
        if status == "duplicate":
            status = str(result.get("first_status") or "applied")
        seq = result.get("seq")
        if status in ACCEPTED and isinstance(seq, int):
            entry.pushed_seq, entry.push_result = seq, status
        else:
            status = status if status in counts else "rejected"
            reason = str(result.get("reason") or "")
            entry.pushed_seq, entry.push_result = 0, f"{status}: {reason}"[:200]
        counts[status] += 1
    session.flush()
    return counts


def refuse(session: Session, entry: ChangeLogEntry, reason: str) -> None:
    """Marks one entry the city cannot take at all (it stays in the log, with why)."""
    entry.pushed_seq, entry.push_result = 0, f"rejected: {reason}"[:200]
    session.flush()


def pending_fields(session: Session) -> dict[tuple[str, str], set[str]]:
    """The fields of each row that have unsent local changes (a pull leaves them alone)."""
    rows = session.execute(
        select(
            ChangeLogEntry.entity,
            ChangeLogEntry.entity_id,
            ChangeLogEntry.op,
            ChangeLogEntry.fields,
        ).where(ChangeLogEntry.pushed_seq.is_(None))
    ).all()
    found: dict[tuple[str, str], set[str]] = {}
    for entity, entity_id, op, fields in rows:
        names = found.setdefault((entity, entity_id), set())
        names.update(fields or {})
        if op == "delete":
            names.add("deleted")
    return found

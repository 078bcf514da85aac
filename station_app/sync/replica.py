"""Applies what the city sends to the station's tables: whole records, tombstones and exits.

A page is applied in one transaction with the cursor that follows it, so a page applied twice
changes nothing. A field with unsent local edits is left as it is (its change is pushed, and
the city decides); a row that changed gets a new local `row_version`, so a form opened on it
before asks to reload, while a row that comes back as it is (the echo of this station's own
change) only learns its city version. Rows that left the station's scope are deleted here
with everything about them. Foreign keys are not checked while applying: the city sends rows
in the order they last changed, which may put a service record before its resident.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Table, case, delete, or_, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from station_app.database import Database
from station_app.models import ResidentKeyGroup, SyncSeen, SyncState, utc_now
from station_app.models.change_capture import BOOKKEEPING
from station_app.sync.entities import RESIDENT_CHILDREN, SYNCED
from station_app.sync.outbox import pending_fields

SYNC_ACTOR = "sync"
ROW_COLUMNS = frozenset({"id", "scope_id", "deleted", "server_version"})


@dataclass
class Applied:
    """What one page did, by entity: rows written and rows removed."""

    written: dict[str, set[str]] = field(default_factory=dict)
    removed: dict[str, set[str]] = field(default_factory=dict)

    def touched(self) -> dict[str, set[str]]:
        every: dict[str, set[str]] = {}
        for source in (self.written, self.removed):
            for entity, ids in source.items():
                every.setdefault(entity, set()).update(ids)
        return every

    def count(self) -> int:
        return sum(len(ids) for ids in self.written.values()) + sum(
            len(ids) for ids in self.removed.values()
        )


@contextmanager
def sync_transaction(db: Database) -> Iterator[Session]:
    """One write transaction of the sync, holding the write lock from its start."""
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, so it holds
        try:
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                # Take the write lock now: a transaction that reads first and writes later
                # could otherwise find another writer was quicker and fail.
                session.execute(update(SyncState).where(SyncState.id == 1).values(id=1))
                yield session
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def load_state(session: Session) -> SyncState:
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, cursor=0, scopes=[], seeded=False)
        session.add(state)
        session.flush()
    return state


def apply_items(session: Session, items: Sequence[Mapping[str, Any]]) -> Applied:
    """Applies one page of records (`put`) and exits in their order."""
    applied = Applied()
    pending = pending_fields(session)
    run: list[Mapping[str, Any]] = []
    for item in items:
        if item.get("op") == "exit":
            _upsert(session, run, pending, applied)
            run = []
            _remove(session, str(item["entity"]), [str(item["id"])], applied)
        else:
            run.append(item)
    _upsert(session, run, pending, applied)
    return applied


def remove_scopes(session: Session, scopes: Iterable[str]) -> Applied:
    """Deletes every record of these scopes (the station no longer serves them)."""
    applied = Applied()
    wanted = sorted(set(scopes))
    for entity, model in SYNCED.items():
        table = _table(model)
        ids = session.scalars(select(table.c.id).where(table.c.scope_id.in_(wanted))).all()
        _remove(session, entity, list(ids), applied)
    return applied


def remember_seen(session: Session, items: Sequence[Mapping[str, Any]]) -> None:
    """Notes the rows a resync's snapshot brought."""
    rows = [
        {"entity": str(i["entity"]), "id": str(i["id"])} for i in items if i.get("op") != "exit"
    ]
    if rows:
        session.execute(insert(SyncSeen).on_conflict_do_nothing(), rows)


def sweep_unseen(session: Session) -> Applied:
    """After a resync: drops the synced rows the city did not send (unless edited here)."""
    applied = Applied()
    pending = pending_fields(session)
    for entity, model in SYNCED.items():
        table = _table(model)
        seen = select(SyncSeen.id).where(SyncSeen.entity == entity)
        rows = session.scalars(
            select(table.c.id).where(table.c.server_version.is_not(None), table.c.id.not_in(seen))
        ).all()
        _remove(session, entity, [row for row in rows if (entity, row) not in pending], applied)
    session.execute(delete(SyncSeen))
    return applied


def _remove(session: Session, entity: str, ids: list[str], applied: Applied) -> None:
    model = SYNCED.get(entity)
    if model is None or not ids:
        return
    if entity == "resident":
        for child in RESIDENT_CHILDREN:
            table = _table(child)
            gone = session.scalars(select(table.c.id).where(table.c.resident_id.in_(ids))).all()
            _remove(session, child.__entity__, list(gone), applied)
        session.execute(delete(ResidentKeyGroup).where(ResidentKeyGroup.resident_id.in_(ids)))
    table = _table(model)
    session.execute(delete(table).where(table.c.id.in_(ids)))
    applied.removed.setdefault(entity, set()).update(ids)


def _upsert(
    session: Session,
    items: Sequence[Mapping[str, Any]],
    pending: Mapping[tuple[str, str], set[str]],
    applied: Applied,
) -> None:
    groups: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
    key_groups: dict[str, list[str]] = {}
    now = utc_now()
    for item in items:
        entity = str(item["entity"])
        model = SYNCED.get(entity)
        if model is None:
            continue  # an entity of a newer app: nothing here holds it
        record_id = str(item["id"])
        mine = pending.get((entity, record_id), set())
        table = _table(model)
        row = _row(table, item, mine)
        if row is None:
            continue
        if entity == "resident" and "key_groups" not in mine:
            groups_value = (item.get("fields") or {}).get("key_groups")
            if isinstance(groups_value, list):
                key_groups[record_id] = [str(value) for value in groups_value]
        row.update(row_version=1, created_at=now, updated_at=now, updated_by=SYNC_ACTOR)
        groups.setdefault((entity, frozenset(row)), []).append(row)
        applied.written.setdefault(entity, set()).add(record_id)
    for (entity, keys), rows in groups.items():
        _write_rows(session, _table(SYNCED[entity]), keys, rows)
    if key_groups:
        ids = sorted(key_groups)
        session.execute(delete(ResidentKeyGroup).where(ResidentKeyGroup.resident_id.in_(ids)))
        links = [
            {"resident_id": resident_id, "key_group": group}
            for resident_id, values in key_groups.items()
            for group in sorted(set(values))
        ]
        if links:
            session.execute(insert(ResidentKeyGroup), links)


def _row(table: Table, item: Mapping[str, Any], mine: set[str]) -> dict[str, Any] | None:
    """The columns to write for one record, or None when there is nothing to store."""
    fields: Mapping[str, Any] = item.get("fields") or {}
    deleted = bool(item.get("deleted"))
    row: dict[str, Any] = {"id": str(item["id"])}
    if "scope_id" not in mine:
        row["scope_id"] = str(item["scope_id"])
    if "deleted" not in mine:
        row["deleted"] = deleted
    if not mine:
        row["server_version"] = int(item["seq"])  # a row with unsent edits keeps its base
    convert = _converters(table)
    for name, value in fields.items():
        if name in mine or name in ROW_COLUMNS or name in BOOKKEEPING or name not in convert:
            continue
        row[name] = convert[name](value)
    if deleted and len(row) <= len(ROW_COLUMNS):
        return None  # a tombstone of a row this station never had, without its fields
    return row


def _write_rows(
    session: Session, table: Table, keys: frozenset[str], rows: list[dict[str, Any]]
) -> None:
    statement = insert(table)
    data = sorted(keys - {"id", "row_version", "created_at", "updated_at", "updated_by"})
    compared = [name for name in data if name != "server_version"]
    differs = or_(*(table.c[name].is_distinct_from(statement.excluded[name]) for name in compared))
    changes: dict[str, Any] = {name: statement.excluded[name] for name in data}
    if compared:
        changes["row_version"] = case((differs, table.c.row_version + 1), else_=table.c.row_version)
        changes["updated_at"] = case(
            (differs, statement.excluded.updated_at), else_=table.c.updated_at
        )
        changes["updated_by"] = case(
            (differs, statement.excluded.updated_by), else_=table.c.updated_by
        )
    upsert = statement.on_conflict_do_update(index_elements=["id"], set_=changes)
    session.execute(upsert, rows)


_CONVERTERS: dict[str, dict[str, Callable[[Any], Any]]] = {}


def _converters(table: Table) -> dict[str, Callable[[Any], Any]]:
    """For each data column of the table, how a JSON value becomes the column's value."""
    known = _CONVERTERS.get(table.name)
    if known is None:
        known = {column.key: _converter(column) for column in table.c}
        _CONVERTERS[table.name] = known
    return known


def _converter(column: Column[Any]) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, DateTime) or getattr(kind, "impl", None).__class__ is DateTime:
        return _datetime
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Boolean):
        return lambda value: None if value is None else bool(value)
    return lambda value: value


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value)[:10])


def _datetime(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table

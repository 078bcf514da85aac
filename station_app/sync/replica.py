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
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from station_app.database import Database
from station_app.models import ResidentKeyGroup, SyncSeen, SyncState, utc_now
from station_app.models.change_capture import BOOKKEEPING
from station_app.models.synced import RESIDENT_CHILDREN, SYNCED
from station_app.sync.client import SyncError
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
    # Rows of one shape (the same columns) are written together, as tuples in column order.
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
    key_groups: dict[str, list[str]] = {}
    now = stored_time(utc_now())
    stamp = (1, now, now, SYNC_ACTOR)
    for item in items:
        entity = item["entity"]
        model = SYNCED.get(entity)
        if model is None:
            continue  # an entity of a newer app: nothing here holds it
        record_id = item["id"]
        mine = pending.get((entity, record_id))
        fields: Mapping[str, Any] = item.get("fields") or {}
        if mine:
            columns, values = _row(_table(model), item, mine)
        else:
            columns, converted = _plan(_table(model), tuple(fields))
            if item.get("deleted") and len(columns) == len(HEAD + TAIL):
                continue  # a tombstone of a row this station never had, without its fields
            values = (record_id, item["scope_id"], bool(item.get("deleted")), item["seq"])
            values += tuple(
                fields[name] if change is None else change(fields[name])
                for name, change in converted
            )
        if entity == "resident" and not (mine and "key_groups" in mine):
            groups_value = fields.get("key_groups")
            if isinstance(groups_value, list):
                key_groups[record_id] = [str(value) for value in groups_value]
        groups.setdefault((entity, columns), []).append(values + stamp)
        applied.written.setdefault(entity, set()).add(record_id)
    for (entity, columns), rows in groups.items():
        _write_rows(session, _table(SYNCED[entity]), columns, rows)
    if key_groups:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        # One statement for the page's residents (an IN list of thousands costs more to build).
        raw.execute(
            "DELETE FROM resident_key_groups WHERE resident_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(key_groups)),),
        )
        allowed = frozenset(ResidentKeyGroup.__table__.c.key_group.type.enums)  # type: ignore[attr-defined]
        links = [
            (resident_id, _member(group, allowed, "key_groups"))
            for resident_id, values in key_groups.items()
            for group in sorted(set(values))
        ]
        raw.executemany(
            "INSERT INTO resident_key_groups (resident_id, key_group) VALUES (?, ?)", links
        )


HEAD = ("id", "scope_id", "deleted", "server_version")
TAIL = ("row_version", "created_at", "updated_at", "updated_by")
_PLANS: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], list[tuple[str, Any]]]] = {}


def _plan(table: Table, names: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple[str, Any]]]:
    """For records sent with these fields: the columns written, and each field's converter."""
    key = (table.name, names)
    plan = _PLANS.get(key)
    if plan is None:
        writable, convert = _converters(table)
        kept = [(name, convert.get(name)) for name in names if name in writable]
        plan = _PLANS[key] = (HEAD + tuple(name for name, _ in kept) + TAIL, kept)
    return plan


def _row(
    table: Table, item: Mapping[str, Any], mine: set[str]
) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """A record with unsent local edits: its columns and values, those edited left out."""
    fields: Mapping[str, Any] = item.get("fields") or {}
    row: dict[str, Any] = {"id": str(item["id"])}
    if "scope_id" not in mine:
        row["scope_id"] = str(item["scope_id"])
    if "deleted" not in mine:
        row["deleted"] = bool(item.get("deleted"))
    # No server_version: the row keeps the base its unsent change was made on.
    writable, convert = _converters(table)
    for name, value in fields.items():
        if name not in writable or name in mine:
            continue
        change = convert.get(name)
        row[name] = value if change is None else change(value)
    return tuple(row) + TAIL, tuple(row.values())


def _write_rows(
    session: Session, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Upserts rows of one shape with the driver itself (the ORM's per-value work cost more
    than SQLite's); a row whose values are all as stored keeps its local version."""
    data = [c for c in columns if c not in ("id", *TAIL)]
    compared = [c for c in data if c != "server_version"]
    name = table.name
    sets = [f"{c} = excluded.{c}" for c in data]
    if compared:
        differs = " OR ".join(f"{name}.{c} IS NOT excluded.{c}" for c in compared)
        sets.append(
            f"row_version = CASE WHEN {differs} THEN {name}.row_version + 1 "
            f"ELSE {name}.row_version END"
        )
        for c in ("updated_at", "updated_by"):
            sets.append(f"{c} = CASE WHEN {differs} THEN excluded.{c} ELSE {name}.{c} END")
    sql = (
        f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT (id) DO UPDATE SET {', '.join(sets)}"
    )
    raw = session.connection().connection.driver_connection
    assert raw is not None
    raw.executemany(sql, rows)


_CONVERTERS: dict[str, tuple[frozenset[str], dict[str, Callable[[Any], Any]]]] = {}


def _converters(table: Table) -> tuple[frozenset[str], dict[str, Callable[[Any], Any]]]:
    """The data columns a pull writes, and for those not stored as JSON gives them, how a
    JSON value becomes what SQLite stores (the text SQLAlchemy writes: ISO dates, JSON, 0/1)."""
    known = _CONVERTERS.get(table.name)
    if known is None:
        skipped = ROW_COLUMNS | BOOKKEEPING
        writable = frozenset(c.key for c in table.c if c.key not in skipped)
        convert = {c.key: f for c in table.c if c.key in writable and (f := _converter(c))}
        known = _CONVERTERS[table.name] = (writable, convert)
    return known


def _converter(column: Column[Any]) -> Callable[[Any], Any] | None:
    kind = column.type
    if isinstance(kind, DateTime) or getattr(kind, "impl", None).__class__ is DateTime:
        return _datetime
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Boolean):
        return lambda value: None if value is None else int(bool(value))
    if isinstance(kind, JSON):
        return _json_text()
    if isinstance(kind, Enum):
        allowed = frozenset(kind.enums)
        return lambda value: _member(value, allowed, column.key)
    return None  # text and numbers are stored as JSON gives them


def _json_text() -> Callable[[Any], Any]:
    """A JSON value as the column's text, as SQLAlchemy writes it (`json.dumps`), remembered
    for lists of text (skills, say), whose few combinations repeat over a snapshot's rows."""
    memo: dict[tuple[str, ...], str] = {}

    def text(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is not list or not all(type(item) is str for item in value):
            return json.dumps(value)
        key = tuple(value)
        found = memo.get(key)
        if found is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            found = memo[key] = json.dumps(value)
        return found

    return text


MEMO_LIMIT = 4096


def _member(value: Any, allowed: frozenset[str], name: str) -> Any:
    if value is None or value in allowed:
        return value
    raise SyncError(
        f"the city sent {value!r} for {name}, which this version does not know: update it",
        code="sync.upgrade",
        params={"reason": f"{name}={value}"},
    )


def _date(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)[:10]
    dt.date.fromisoformat(text)  # a ValueError for anything that is not a date
    return text


def _datetime(value: Any) -> str | None:
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(str(value))
    return stored_time(moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))


def stored_time(moment: dt.datetime) -> str:
    """A UTC time as the station's tables store it."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table

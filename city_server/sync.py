"""The server's side of the sync protocol: hello, push, pull and snapshot (docs/sync.md).

The city's sequence number is the only order. A push numbers its changes at its end and
holds the counter row's lock from then until it commits, so numbers become visible in commit
order: a pull that has read up to the counter's value has seen every change numbered so far.
Pushes that touch one record, natural key or change wait for each other (`push`). A push is
one transaction; each change in it is remembered by its id with its answer, so a push
repeated after a lost answer changes nothing and gets the same answers.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Table,
    Text,
    bindparam,
    cast,
    false,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    text,
    tuple_,
    union_all,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from city_server.entities import (
    CHILDREN,
    CITY_SCOPE,
    ENTITIES,
    FIELD_NAME,
    JOB_STATUS_RANK,
    EntitySpec,
    community_id_for,
)
from city_server.models import (
    AppliedChange,
    PurgedRecord,
    SyncCounter,
    SyncExit,
    SyncRecord,
    utc_now,
)
from city_server.stations import RegistryError

PROTOCOL_VERSION = 1
SUPPORTED_PROTOCOLS = frozenset({1})
MAX_PUSH = 500  # changes in one push
MAX_PAGE = 5000  # records in one pull or snapshot page
PUSH_ATTEMPTS = 20  # a push that finds a record busy starts again, waiting for it first
PRELOAD_CHUNK = 250  # keys in one IN (…) of a push's first reads
COUNTER_ID = 1
# Fields a change carries that are the record's own columns here, not its fields.
ROW_FIELDS = frozenset({"scope_id", "deleted"})

APPLIED, CONFLICT, DUPLICATE, IGNORED, REJECTED = (
    "applied",
    "conflict",
    "duplicate",
    "ignored",
    "rejected",
)


class ResyncNeeded(RegistryError):
    """The station's cursor is older than what the server still keeps: it must resync."""


class OutsideScope(RegistryError):
    """A station asked for a scope that is not its own."""


@dataclass(frozen=True)
class StationScope:
    """The calling station and the scopes it may read and write (from the register)."""

    station_id: str
    communities: tuple[str, ...]
    scopes: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        ids = {community_id_for(code) for code in self.communities}
        object.__setattr__(self, "scopes", frozenset(ids | {CITY_SCOPE}))

    def covers(self, scope_id: str) -> bool:
        return scope_id in self.scopes


@dataclass(frozen=True)
class IncomingChange:
    """One entry of a station's change log, as pushed."""

    change_id: str
    entity: str
    id: str
    scope_id: str
    op: str  # "create", "update" or "delete"
    fields: Mapping[str, Any]
    base_version: int
    actor: str = ""
    changed_at: datetime | None = None


@dataclass(frozen=True)
class Hello:
    action: str  # "ok", "upgrade" or "resync"
    message: str
    server_seq: int
    horizon: int


def ensure_counter(session: Session) -> None:
    """Makes the counter row if there is none (at start; workers may race, one wins)."""
    if session.get(SyncCounter, COUNTER_ID) is not None:
        return
    session.add(SyncCounter(id=COUNTER_ID, value=0, horizon=0))
    try:
        session.commit()
    except IntegrityError:  # another worker made it meanwhile
        session.rollback()


def _counter(session: Session, *, lock: bool = False) -> SyncCounter:
    """The counter; with `lock`, this transaction holds the write lock on it until it ends."""
    if lock and session.get_bind().dialect.name == "sqlite":
        # SQLite has no SELECT ... FOR UPDATE, and its driver begins a transaction only at
        # the first write: a write first takes the database's write lock (waiting for
        # another writer), so the counter read next is current and stays so until the commit.
        session.execute(
            update(SyncCounter).where(SyncCounter.id == COUNTER_ID).values(value=SyncCounter.value)
        )
    counter = session.get(SyncCounter, COUNTER_ID, with_for_update=lock, populate_existing=True)
    if counter is None:
        raise RuntimeError("the sync counter is missing: the app makes it at start")
    return counter


def _read_counter(session: Session) -> tuple[int, int]:
    """The counter's value and horizon, read without a lock (one Core query)."""
    row = session.connection().execute(_COUNTER_READ).first()
    if row is None:
        raise RuntimeError("the sync counter is missing: the app makes it at start")
    return int(row[0]), int(row[1])


_COUNTERS: Table = SyncCounter.__table__  # type: ignore[assignment]
_COUNTER_READ = select(_COUNTERS.c.value, _COUNTERS.c.horizon).where(_COUNTERS.c.id == COUNTER_ID)


def hello(session: Session, protocol: int, cursor: int) -> Hello:
    """Whether the station may sync as it is, must upgrade first, or must resync."""
    value, horizon = _read_counter(session)
    if protocol not in SUPPORTED_PROTOCOLS:
        return Hello(
            "upgrade",
            f"this server speaks sync protocol {PROTOCOL_VERSION}, the station {protocol}: "
            "update the station app",
            value,
            horizon,
        )
    if 0 < cursor < horizon or cursor > value:
        return Hello(
            "resync",
            "the station's copy is older than what the server keeps (or from another server): "
            "it sends its changes, then loads the city's data afresh",
            value,
            horizon,
        )
    return Hello("ok", "", value, horizon)


# --- push -------------------------------------------------------------------------------------

# The numbers a push hands out while it applies its changes, before it takes its real ones
# from the counter at its end: above every real number and every base version a station may
# send (the API refuses more than 2**62), so comparing them with stored numbers gives the
# answer the real ones will. `_Applier.number` turns them into real numbers, in order.
LOCAL = 2**62 + 1


class StillBusy(RegistryError):
    """A push found its records busy at every attempt: the station tries again later (503)."""


class Busy(Exception):
    """A push found, after reading, that it needs a lock another push holds: the caller rolls
    its transaction back and pushes again with `locks` (it then waits for them first)."""

    def __init__(self, locks: frozenset[int]) -> None:
        super().__init__("a record this push needs is being changed by another push")
        self.locks = locks


def push(
    session: Session,
    station: StationScope,
    changes: Sequence[IncomingChange],
    *,
    locks: frozenset[int] = frozenset(),
) -> list[dict[str, Any]]:
    """Applies the changes in order, in the caller's transaction; one answer per change.

    The records are read and written with Core statements (a few per push, whatever its
    size): read in one query per kind, changed in memory, written with `executemany`.

    On PostgreSQL, pushes run side by side: each first takes a lock (`pg_advisory_xact_lock`)
    on every record, natural key and change id it names, in one order, then reads. A record
    it only finds by reading (a resident of a record about them, another record with the
    same ID number) is locked then without waiting; if another push holds it, `Busy` asks
    the caller to start again with those locks taken first. Whoever writes a record holds its
    lock (a resident's history: the resident's), so what a push read stays true until it
    commits. The counter is locked only at the end, to number the changes, until the commit.
    On SQLite (one writer) a push takes the write lock first and runs alone.
    """
    connection = session.connection()
    advisory = connection.dialect.name == "postgresql"
    if not advisory:
        connection.execute(_COUNTER_LOCK)
    applier = _Applier(connection, station, utc_now())
    held = set(locks)
    if advisory:
        held |= _lock_ids(_names_of(changes))
        connection.execute(_LOCK_WAIT, {"keys": sorted(held)})
    stored = applier.preload(changes)
    while advisory:
        missing = _lock_ids(applier.names_read()) - held
        if not missing:
            break
        held |= missing
        if not connection.execute(_LOCK_TRY, {"keys": sorted(missing)}).scalar():
            raise Busy(frozenset(held))
        applier = _Applier(connection, station, applier.now)  # read again, under the locks
        stored = applier.preload(changes)
    now = applier.now
    answered: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    applied: list[dict[str, Any]] = []
    for change in changes:
        prior = answered.get(change.change_id) or stored.get(change.change_id)
        if prior is not None:
            results.append({**prior, "status": DUPLICATE, "first_status": prior["status"]})
            continue
        result = applier.apply(change)
        answered[change.change_id] = result
        applied.append(result)
        results.append(result)
    real = applier.number()
    for result in results:
        result["seq"] = real(result["seq"])
    applier.write()
    if applied:
        connection.execute(
            insert(_APPLIED),
            [
                {
                    "change_id": result["change_id"],
                    "station_id": station.station_id,
                    "result": result,
                    "applied_at": now,
                }
                for result in applied
            ],
        )
    return results


def push_when_free(
    session: Session,
    station: StationScope,
    changes: Sequence[IncomingChange],
    *,
    before_each: Callable[[], None] = lambda: None,
    attempts: int = PUSH_ATTEMPTS,
) -> list[dict[str, Any]]:
    """`push`, rolled back and started again (waiting first for the locks it found busy)
    while another push holds a record it needs; `StillBusy` after `attempts`. `before_each`
    runs at the start of every attempt, in its transaction. The caller commits."""
    locks: frozenset[int] = frozenset()
    for _attempt in range(attempts):
        before_each()
        try:
            return push(session, station, changes, locks=locks)
        except Busy as busy:
            session.rollback()
            locks = busy.locks
    raise StillBusy(
        "sync.busy", "other pushes are changing the records of this push; send it again shortly"
    )


def _answer(
    change: IncomingChange,
    status: str,
    *,
    seq: int | None = None,
    reason: str = "",
    conflicts: Iterable[str] = (),
) -> dict[str, Any]:
    return {
        "change_id": change.change_id,
        "status": status,
        "seq": seq,
        "reason": reason,
        "conflicts": sorted(conflicts),
    }


def _names_of(changes: Sequence[IncomingChange]) -> set[str]:
    """The locks a push takes before it reads: its change ids, the records its changes name
    (with the residents they name) and the natural keys they set."""
    names = set()
    for change in changes:
        names.add(f"change:{change.change_id}")
        names.add(_record_name(change.entity, change.id))
        if change.fields.get("resident_id"):
            names.add(_record_name("resident", str(change.fields["resident_id"])))
        spec = ENTITIES.get(change.entity)
        if spec is not None and spec.natural_key and change.fields.get(spec.natural_key):
            names.add(f"key:{change.entity}:{str(change.fields[spec.natural_key])[:64]}")
    return names


def _natural_keys(changes: Sequence[IncomingChange]) -> set[tuple[str, str]]:
    """The natural keys the changes set: (entity, value)."""
    wanted: set[tuple[str, str]] = set()
    for change in changes:
        spec = ENTITIES.get(change.entity)
        if spec is not None and spec.natural_key and spec.natural_key in change.fields:
            value = change.fields[spec.natural_key]
            if value is not None:
                wanted.add((change.entity, str(value)[:64]))
    return wanted


def _record_name(entity: str, record_id: str) -> str:
    return f"record:{entity}:{record_id}"


def _lock_ids(names: Iterable[str]) -> set[int]:
    """The advisory lock numbers of these names (64-bit hashes: a collision only makes two
    pushes wait for each other)."""
    return {
        int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)
        for name in names
    }


@dataclass(slots=True, eq=False)
class _Row:
    """A row of `sync_records` as a push reads and changes it (a plain object, not the ORM's)."""

    entity: str
    id: str
    scope_id: str
    rank: int
    seq: int
    deleted: bool
    parent_id: str | None
    natural_key: str | None
    fields: dict[str, Any]
    field_seq: dict[str, int]
    field_origin: dict[str, str]
    field_by: dict[str, list[str | None]]
    origin_station: str | None
    updated_at: datetime
    new: bool = False  # not in the database yet
    changed: bool = False  # to be written

    @classmethod
    def read(cls, row: Any) -> _Row:
        values = row._mapping
        return cls(
            **{name: values[name] for name in _RECORD_COLUMNS if name != "field_by"},
            field_by=values["field_by"] or {},
        )

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _RECORD_COLUMNS}


class _Applier:
    def __init__(self, connection: Connection, station: StationScope, now: datetime) -> None:
        self.connection = connection
        self.station = station
        self.now = now
        self.used = 0  # numbers handed out: LOCAL, LOCAL + 1, …

        self.records: dict[tuple[str, str], _Row | None] = {}
        self.purged: set[tuple[str, str]] = set()
        # (scope, entity, id) → [seq, in the database already, changed]
        self.exits: dict[tuple[str, str, str], list[Any]] = {}
        # The live records of each natural key the push names, found in one query.
        self.by_key: dict[tuple[str, str], list[_Row]] = {}

    def preload(self, changes: Sequence[IncomingChange]) -> dict[str, dict[str, Any]]:
        """Reads in two queries what the changes touch; returns the answers given before.

        One query brings the answers given before and which records were purged, the other
        the records the changes name and the live records of the natural keys they set.
        """
        ids = sorted({change.change_id for change in changes})
        keys = {(change.entity, change.id) for change in changes}
        keys |= {
            ("resident", str(change.fields["resident_id"]))
            for change in changes
            if change.fields.get("resident_id")
        }
        ordered = sorted(keys)
        natural = sorted(_natural_keys(changes))
        for key in natural:
            self.by_key[key] = []
        stored: dict[str, dict[str, Any]] = {}
        for start in range(0, max(len(ids), len(ordered)), PRELOAD_CHUNK):
            chunk = slice(start, start + PRELOAD_CHUNK)
            rows = self.connection.execute(
                _PRELOAD_SEEN, {"ids": ids[chunk], "keys": ordered[chunk]}
            ).all()
            stored.update({row[1]: row[3] for row in rows if row[0] == "answer"})
            self.purged.update((row[1], row[2]) for row in rows if row[0] == "purged")
        for start in range(0, max(len(ordered), len(natural)), PRELOAD_CHUNK):
            chunk = slice(start, start + PRELOAD_CHUNK)
            self.records.update({key: None for key in ordered[chunk]})
            self._read(_PRELOAD_RECORDS, {"keys": ordered[chunk], "natural": natural[chunk]})
        # The residents of the records about a resident that the changes do not name.
        parents = {
            ("resident", record.parent_id)
            for record in self.records.values()
            if record is not None and record.parent_id
        }
        missing = sorted(parents - self.records.keys())
        for start in range(0, len(missing), PRELOAD_CHUNK):
            chunk = slice(start, start + PRELOAD_CHUNK)
            self.records.update({key: None for key in missing[chunk]})
            self._read(_PRELOAD_RECORDS, {"keys": missing[chunk], "natural": []})
        return stored

    def _read(self, query: Any, parameters: dict[str, Any]) -> None:
        for row in self.connection.execute(query, parameters):
            key = (row.entity, row.id)
            record = self.records.get(key) or _Row.read(row)
            self.records[key] = record
            if row.kind == "key":
                self.by_key[(record.entity, str(row.natural_key))].append(record)

    def names_read(self) -> set[str]:
        """The locks the records read rely on: each record's, and its resident's."""
        names = set()
        for record in self.records.values():
            if record is not None:
                names.add(_record_name(record.entity, record.id))
                if record.parent_id:
                    names.add(_record_name("resident", record.parent_id))
        return names

    def record(self, entity: str, record_id: str) -> _Row | None:
        key = (entity, record_id)
        if key not in self.records:
            row = self.connection.execute(
                select(_RECORDS).where(_RECORDS.c.entity == entity, _RECORDS.c.id == record_id)
            ).first()
            self.records[key] = _Row.read(row) if row is not None else None
        return self.records[key]

    def next_seq(self) -> int:
        self.used += 1
        return LOCAL + self.used - 1

    def number(self) -> Callable[[int | None], int | None]:
        """Takes the push's real numbers from the counter; how a local number becomes real.

        The counter row stays locked until the push commits, so the numbers become visible
        in the order they were handed out (`docs/sync.md`).
        """
        first = 0
        if self.used:
            top = self.connection.execute(_COUNTER_ADD, {"used": self.used}).scalar_one()
            first = int(top) - self.used + 1

        def real(seq: int | None) -> int | None:
            return seq - LOCAL + first if seq is not None and seq >= LOCAL else seq

        self.real = real
        return real

    def write(self) -> None:
        """Writes what the push changed, numbered: a few `executemany` statements."""
        real = self.real
        changed = sorted(
            (record for record in self.records.values() if record is not None and record.changed),
            key=lambda record: (record.entity, record.id),
        )
        for record in changed:
            record.seq = real(record.seq)  # type: ignore[assignment]
            record.field_seq = {name: real(seq) for name, seq in record.field_seq.items()}  # type: ignore[misc]
        new = [record.values() for record in changed if record.new]
        if new:
            self.connection.execute(insert(_RECORDS), new)
        updated = [
            {**record.values(), "key_entity": record.entity, "key_id": record.id}
            for record in changed
            if not record.new
        ]
        if updated:
            self.connection.execute(_RECORD_UPDATE, updated)
        exits = sorted(self.exits.items())
        new_exits = [
            {"scope_id": key[0], "entity": key[1], "id": key[2], "seq": real(seq)}
            for key, (seq, stored, changed_) in exits
            if not stored and changed_
        ]
        if new_exits:
            self.connection.execute(insert(_EXITS), new_exits)
        for key, (seq, stored, changed_) in exits:
            if stored and changed_:
                row = {"key_scope": key[0], "key_entity": key[1], "key_id": key[2]}
                done = self.connection.execute(_EXIT_UPDATE, {**row, "seq": real(seq)})
                if done.rowcount == 0:  # compacted meanwhile (compaction locks no record)
                    self.connection.execute(
                        insert(_EXITS),
                        {"scope_id": key[0], "entity": key[1], "id": key[2], "seq": real(seq)},
                    )

    def apply(self, change: IncomingChange) -> dict[str, Any]:
        spec = ENTITIES.get(change.entity)
        if spec is None:
            return _answer(change, REJECTED, reason=f"unknown entity {change.entity!r}")
        bad = [name for name in change.fields if not FIELD_NAME.fullmatch(name)]
        if bad:
            return _answer(change, REJECTED, reason=f"not a field name: {bad[0]!r}")
        if (change.entity, change.id) in self.purged:
            return _answer(change, IGNORED, reason="the record was deleted long ago")
        record = self.record(change.entity, change.id)
        if record is not None and record.deleted:
            # A deletion wins over an edit that crossed it: the record never comes back.
            return _answer(change, IGNORED, reason="the record has been deleted")
        fields = {k: v for k, v in change.fields.items() if k not in ROW_FIELDS}
        if spec.server_made:
            if record is None or change.op == "delete":
                return _answer(change, REJECTED, reason="only the city makes or deletes these")
            fields = {k: v for k, v in fields.items() if k in spec.station_fields}
        scope = self._scope(spec, change, record, fields)
        if scope is None:
            return _answer(change, REJECTED, reason="outside this station's scope")
        deleting = change.op == "delete" or change.fields.get("deleted") is True
        return self._write(spec, change, record, scope, fields, deleting=deleting)

    def _scope(
        self,
        spec: EntitySpec,
        change: IncomingChange,
        record: _Row | None,
        fields: Mapping[str, Any],
    ) -> str | None:
        """The record's scope after the change, or None when the station may not make it.

        A station changes a record of its scope; also one that left its scope after the
        version the change was based on (it was edited before the station knew of the move).
        The scope moves only when the change itself moves it.
        """
        if not spec.scoped:
            return CITY_SCOPE
        if spec.server_made:
            return record.scope_id if record is not None else None
        outside = record is not None and not self.station.covers(record.scope_id)
        if outside and not self._left_after(record, change.base_version):  # type: ignore[arg-type]
            return None
        if spec.parent_field:
            parent_id = fields.get(spec.parent_field) or (record.parent_id if record else None)
            parent = self.record("resident", str(parent_id or ""))
            if parent is not None:
                return parent.scope_id  # it lives where its resident lives
        if record is not None and "scope_id" not in change.fields:
            return record.scope_id
        scope = str(change.fields.get("scope_id") or change.scope_id)
        if scope == CITY_SCOPE or (record is None and not self.station.covers(scope)):
            return None  # a resident always belongs to a community
        return scope

    def _left_after(self, record: _Row, base_version: int) -> bool:
        """Whether the record left one of the station's scopes after `base_version`."""
        scopes = sorted(self.station.scopes)
        left = self.connection.execute(
            select(func.max(_EXITS.c.seq)).where(
                _EXITS.c.entity == record.entity,
                _EXITS.c.id == record.id,
                _EXITS.c.scope_id.in_(scopes),
            )
        ).scalar()
        # Exits this push made count too (with their local numbers, above every base).
        here = [
            seq
            for (scope, entity, record_id), (seq, _stored, _changed) in self.exits.items()
            if entity == record.entity and record_id == record.id and scope in self.station.scopes
        ]
        latest = max([left or 0, *here])
        return latest > base_version if (left is not None or here) else False

    def _write(
        self,
        spec: EntitySpec,
        change: IncomingChange,
        record: _Row | None,
        scope: str,
        fields: dict[str, Any],
        *,
        deleting: bool,
    ) -> dict[str, Any]:
        clashes: list[tuple[str, object, str | None, list[str | None]]] = []
        if record is None:
            record = _Row(
                entity=spec.name,
                id=change.id,
                scope_id=scope,
                rank=spec.rank,
                seq=0,
                deleted=False,
                parent_id=None,
                natural_key=None,
                fields={},
                field_seq={},
                field_origin={},
                field_by={},
                origin_station=None,
                updated_at=self.now,
                new=True,
            )
            self.records[(spec.name, change.id)] = record
            old_scope = None
        else:
            old_scope = record.scope_id
        values = dict(record.fields)
        field_seq = dict(record.field_seq)
        field_origin = dict(record.field_origin)
        field_by = dict(record.field_by)
        stamp = [change.actor, change.changed_at.isoformat() if change.changed_at else None]
        if old_scope is not None and old_scope != scope:
            self._exit(spec.name, change.id, old_scope)
        seq = self.next_seq()
        for name, value in fields.items():
            current = values.get(name)
            if name in values and current == value:
                continue
            if spec.name == "job" and name == "status" and _backwards(current, value):
                continue  # a job's status only moves forward
            someone_else = field_origin.get(name) not in (None, self.station.station_id)
            clash = field_seq.get(name, 0) > change.base_version and someone_else
            if name in values and clash and name not in spec.derived_fields:
                clashes.append((name, current, field_origin.get(name), field_by.get(name, [])))
            values[name] = value
            field_seq[name] = seq
            field_origin[name] = self.station.station_id
            field_by[name] = stamp
        record.scope_id = scope
        record.seq = seq
        record.deleted = deleting
        record.fields = values
        record.field_seq = field_seq
        record.field_origin = field_origin
        record.field_by = field_by
        record.origin_station = self.station.station_id
        record.updated_at = self.now
        record.parent_id = str(values[spec.parent_field]) if spec.parent_field else None
        key = values.get(spec.natural_key) if spec.natural_key else None
        record.natural_key = str(key)[:64] if key is not None else None
        record.changed = True
        for name, lost, lost_station, lost_by in clashes:
            self._conflict(record, change, name, lost, lost_station, lost_by)
        if spec.name == "resident" and old_scope is not None and old_scope != scope:
            self._move_children(record.id, scope)
        if record.natural_key and not deleting and spec.natural_key in fields:
            self._find_duplicates(spec, record)
        status = CONFLICT if clashes else APPLIED
        return _answer(change, status, seq=seq, conflicts=(clash[0] for clash in clashes))

    def _exit(self, entity: str, record_id: str, scope: str) -> None:
        """Records that a row left `scope`, with its own sequence number."""
        seq = self.next_seq()
        key = (scope, entity, record_id)
        if key not in self.exits:
            stored = self.connection.execute(
                select(_EXITS.c.seq).where(
                    _EXITS.c.scope_id == scope, _EXITS.c.entity == entity, _EXITS.c.id == record_id
                )
            ).first()
            self.exits[key] = [seq, stored is not None, True]
        else:
            self.exits[key][0] = seq
            self.exits[key][2] = True

    def _move_children(self, resident_id: str, scope: str) -> None:
        """A resident's history moves with them (with the records about them this push made)."""
        rows = self.connection.execute(
            select(_RECORDS).where(
                _RECORDS.c.parent_id == resident_id, _RECORDS.c.entity.in_(_CHILD_NAMES)
            )
        ).all()
        for row in rows:
            key = (row.entity, row.id)
            if self.records.get(key) is None:
                self.records[key] = _Row.read(row)
        children = sorted(
            (
                record
                for record in self.records.values()
                if record is not None
                and record.parent_id == resident_id
                and record.entity in _CHILD_NAMES
                and record.scope_id != scope
            ),
            key=lambda record: (record.entity, record.id),
        )
        for child in children:
            self._exit(child.entity, child.id, child.scope_id)
            child.scope_id = scope
            child.seq = self.next_seq()
            child.updated_at = self.now
            child.changed = True

    def _conflict(
        self,
        record: _Row,
        change: IncomingChange,
        name: str,
        lost: object,
        lost_station: str | None,
        lost_by: list[str | None],
    ) -> None:
        """Both values of a field two sides changed: the later arrival is kept, the other shown."""
        conflict_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"conflict:{change.change_id}:{name}"))
        self._add_case(
            "sync_conflict",
            conflict_id,
            record.scope_id,
            {
                "entity": record.entity,
                "entity_id": record.id,
                "field": name,
                "kept_value": record.fields.get(name),
                "kept_by": change.actor,
                "kept_station": self.station.station_id,
                "kept_at": change.changed_at.isoformat() if change.changed_at else None,
                "other_value": lost,
                "other_station": lost_station,
                "other_by": lost_by[0] if lost_by else None,
                "other_at": lost_by[1] if len(lost_by) > 1 else None,
            },
        )

    def _add_case(self, entity: str, case_id: str, scope: str, fields: dict[str, Any]) -> None:
        """A record the server makes for a worker to resolve (a conflict, a merge case)."""
        if self.record(entity, case_id) is not None:
            return
        unresolved = {
            "resolved": False,
            "resolution": None,
            "resolved_by": None,
            "resolved_at": None,
        }
        case = _Row(
            entity=entity,
            id=case_id,
            scope_id=scope,
            rank=ENTITIES[entity].rank,
            seq=self.next_seq(),
            deleted=False,
            parent_id=None,
            natural_key=None,
            fields=fields | {"detected_at": self.now.isoformat()} | unresolved,
            field_seq={},
            field_origin={},
            field_by={},
            origin_station=None,
            updated_at=self.now,
            new=True,
            changed=True,
        )
        self.records[(entity, case_id)] = case

    def _find_duplicates(self, spec: EntitySpec, record: _Row) -> None:
        """Two live records with one natural key: a merge case in each one's scope."""
        key = (spec.name, str(record.natural_key))
        known = self.by_key.setdefault(key, [])
        if record not in known:
            known.append(record)
        others = [
            other
            for other in known
            if other.id != record.id and not other.deleted and other.natural_key == key[1]
        ]
        for other in others:
            pair = sorted([record.id, other.id])
            for scope in sorted({record.scope_id, other.scope_id}):
                case_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"merge:{':'.join(pair)}:{scope}"))
                fields = {
                    "entity": spec.name,
                    "first_id": pair[0],
                    "second_id": pair[1],
                    "key_field": spec.natural_key,
                }
                self._add_case("merge_case", case_id, scope, fields)


def _backwards(current: object, new: object) -> bool:
    old_rank = JOB_STATUS_RANK.get(str(current))
    new_rank = JOB_STATUS_RANK.get(str(new))
    return old_rank is not None and new_rank is not None and new_rank < old_rank


_RECORDS: Table = SyncRecord.__table__  # type: ignore[assignment]
_EXITS: Table = SyncExit.__table__  # type: ignore[assignment]
_APPLIED: Table = AppliedChange.__table__  # type: ignore[assignment]
_PURGED: Table = PurgedRecord.__table__  # type: ignore[assignment]
_RECORD_COLUMNS = tuple(column.name for column in _RECORDS.columns)
_CHILD_NAMES = tuple(spec.name for spec in CHILDREN)
# Takes the counter row's write lock (SQLite: the database's write lock) until the commit.
_COUNTER_LOCK = (
    update(_COUNTERS).where(_COUNTERS.c.id == COUNTER_ID).values(value=_COUNTERS.c.value)
)
_COUNTER_ADD = (
    update(_COUNTERS)
    .where(_COUNTERS.c.id == COUNTER_ID)
    .values(value=_COUNTERS.c.value + bindparam("used"))
    .returning(_COUNTERS.c.value)
)
# The answers given before to these change ids, and which of these records were purged.
_PRELOAD_SEEN = union_all(
    select(
        literal("answer", Text).label("kind"),
        _APPLIED.c.change_id.label("first"),
        literal("", Text).label("second"),
        _APPLIED.c.result,
    ).where(_APPLIED.c.change_id.in_(bindparam("ids", expanding=True))),
    select(
        literal("purged", Text),
        _PURGED.c.entity,
        _PURGED.c.id,
        cast(null(), _APPLIED.c.result.type),
    ).where(tuple_(_PURGED.c.entity, _PURGED.c.id).in_(bindparam("keys", expanding=True))),
)
# These records, and the live records of these natural keys (a record may come twice).
_PRELOAD_RECORDS = union_all(
    select(literal("record", Text).label("kind"), *_RECORDS.c).where(
        tuple_(_RECORDS.c.entity, _RECORDS.c.id).in_(bindparam("keys", expanding=True))
    ),
    select(literal("key", Text), *_RECORDS.c).where(
        tuple_(_RECORDS.c.entity, _RECORDS.c.natural_key).in_(bindparam("natural", expanding=True)),
        _RECORDS.c.deleted.is_(False),
    ),
).order_by(literal_column("entity"), literal_column("id"))
# Waits for each lock in the order given (sorted: two pushes never wait for each other in a
# circle); the other takes them only if free, and says whether it got all.
_LOCK_WAIT = text(
    "SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) WITH ORDINALITY"
    " AS t(k, n) ORDER BY n"
)
_LOCK_TRY = text(
    "SELECT bool_and(pg_try_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k"
)
_RECORD_UPDATE = update(_RECORDS).where(
    _RECORDS.c.entity == bindparam("key_entity"), _RECORDS.c.id == bindparam("key_id")
)
_EXIT_UPDATE = update(_EXITS).where(
    _EXITS.c.scope_id == bindparam("key_scope"),
    _EXITS.c.entity == bindparam("key_entity"),
    _EXITS.c.id == bindparam("key_id"),
)


# --- pull and snapshot ------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One record as a station receives it: its whole state, or that it left the scope.

    `fields` is the JSON text as stored: pages are written out without decoding it.
    """

    seq: int
    entity: str
    id: str
    scope_id: str
    op: str  # "put" or "exit"
    deleted: bool
    fields: str


@dataclass(frozen=True)
class Page:
    items: list[Item]
    cursor: int  # where the next pull starts
    more: bool


def pull(session: Session, station: StationScope, cursor: int, limit: int) -> Page:
    """The changes in the station's scopes after `cursor`, oldest first, at most `limit`."""
    top, horizon = _read_counter(session)  # first: everything numbered up to it has committed
    if 0 < cursor < horizon:
        raise ResyncNeeded("sync.resync", "the cursor is older than what the server keeps")
    # The records and the exits in one query (each side limited, then the two merged).
    rows = session.connection().execute(
        _PULL, {"scopes": sorted(station.scopes), "cursor": cursor, "top": top, "limit": limit}
    )
    items = [
        Item(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6] or "{}") for row in rows
    ]
    if len(items) >= limit:
        return Page(items, items[-1].seq, True)
    return Page(items, top, False)


def _pull_query() -> Any:
    """A page of records and exits in the station's scopes numbered after the cursor, up to
    the counter's value read first; each side limited before they are merged."""

    def after_cursor(table: Table, op: str, deleted: Any, fields: Any) -> Any:
        return (
            select(
                table.c.seq,
                table.c.entity,
                table.c.id,
                table.c.scope_id,
                literal(op, Text).label("op"),
                deleted.label("deleted"),
                fields.label("fields"),
            )
            .where(
                table.c.scope_id.in_(bindparam("scopes", expanding=True)),
                table.c.seq > bindparam("cursor"),
                table.c.seq <= bindparam("top"),
            )
            .order_by(table.c.seq)
            .limit(bindparam("limit"))
            .subquery()
        )

    records = after_cursor(_RECORDS, "put", _RECORDS.c.deleted, cast(_RECORDS.c.fields, Text))
    exits = after_cursor(_EXITS, "exit", false(), literal("{}", Text))
    both = union_all(select(records), select(exits)).subquery()
    return select(both).order_by(both.c.seq).limit(bindparam("limit"))


_PULL = _pull_query()


@dataclass(frozen=True)
class SnapshotKey:
    rank: int
    entity: str
    id: str


@dataclass(frozen=True)
class Snapshot:
    upto: int
    items: list[Item]
    next: SnapshotKey | None  # None: the scope is complete


def snapshot(
    session: Session,
    station: StationScope,
    scope: str,
    upto: int | None,
    after: SnapshotKey | None,
    limit: int,
) -> Snapshot:
    """One page of the live records of `scope` as of sequence number `upto` (now if None).

    A record changed after `upto` is not in it: the pull from `upto` brings it.
    """
    if not station.covers(scope):
        raise OutsideScope("sync.outside_scope", "that scope is not this station's")
    counter = _counter(session)
    top = counter.value if upto is None else upto
    if top > counter.value:
        raise ResyncNeeded("sync.resync", "that snapshot is from another server")
    if 0 < top < counter.horizon:
        raise ResyncNeeded("sync.resync", "that snapshot is older than what the server keeps")
    query = _ITEM_COLUMNS.add_columns(SyncRecord.rank).where(
        SyncRecord.scope_id == scope, SyncRecord.deleted.is_(False), SyncRecord.seq <= top
    )
    if after is not None:
        key = tuple_(SyncRecord.rank, SyncRecord.entity, SyncRecord.id)
        query = query.where(key > tuple_(after.rank, after.entity, after.id))
    records = session.execute(
        query.order_by(SyncRecord.rank, SyncRecord.entity, SyncRecord.id).limit(limit)
    ).all()
    items = [_item(record) for record in records]
    last = records[-1] if len(records) >= limit else None
    next_key = SnapshotKey(last.rank, last.entity, last.id) if last is not None else None
    return Snapshot(top, items, next_key)


# A record as pages carry it, its fields as the stored JSON text (never decoded here).
_ITEM_COLUMNS = select(
    SyncRecord.seq,
    SyncRecord.entity,
    SyncRecord.id,
    SyncRecord.scope_id,
    SyncRecord.deleted,
    cast(SyncRecord.fields, Text),
)


def _item(row: Any) -> Item:
    return Item(row[0], row[1], row[2], row[3], "put", bool(row[4]), row[5] or "{}")


# --- upkeep -----------------------------------------------------------------------------------


def compact(session: Session, *, before: datetime) -> int:
    """Forgets tombstones and exits last changed before `before`; returns the new horizon.

    Their ids are kept, so a late change to one is ignored and it never comes back; a
    station whose cursor is older than the horizon is told to resync.
    """
    counter = _counter(session, lock=True)
    horizon = session.scalar(
        select(func.max(SyncRecord.seq)).where(
            SyncRecord.deleted.is_(True), SyncRecord.updated_at < before
        )
    )
    if horizon is None:
        return counter.horizon
    gone = session.scalars(
        select(SyncRecord).where(SyncRecord.deleted.is_(True), SyncRecord.seq <= horizon)
    ).all()
    for record in gone:
        session.merge(PurgedRecord(entity=record.entity, id=record.id, seq=record.seq))
        session.delete(record)
    for row in session.scalars(select(SyncExit).where(SyncExit.seq <= horizon)).all():
        session.delete(row)
    counter.horizon = max(counter.horizon, horizon)
    session.flush()
    return counter.horizon


def unresolved_conflicts(session: Session, scopes: Iterable[str]) -> int:
    """How many conflicts and merge cases in these scopes wait for a worker."""
    rows = session.scalars(
        select(SyncRecord).where(
            SyncRecord.entity.in_(["sync_conflict", "merge_case"]),
            SyncRecord.scope_id.in_(sorted(scopes)),
            SyncRecord.deleted.is_(False),
        )
    ).all()
    return sum(1 for row in rows if not row.fields.get("resolved"))

"""Change capture: every flush stamps the synced rows it writes and records what changed.

One hook on every ORM session (SQLAlchemy's `before_flush`), so no service can forget it and
an edit made with the ORM directly is captured too. For each synced row a transaction inserts,
changes or deletes, it

- bumps `row_version` once per transaction and stamps `updated_at`/`updated_by`;
- writes one `AuditEvent` naming the changed fields with old and new values, personal data
  masked (`__masked_fields__`); a new row's event names only the fields given a value
  (an empty field did not change);
- writes one `ChangeLogEntry` with the changed fields' new values and the base version, the
  sync's outbox (secrets such as a password hash are left out: they never leave the station).

A second flush in the same transaction merges into that transaction's entries. Who changed
it and in which use case come from `session.info` (set by the station session's `write()`);
a session without them records the change as the system's.

`insert_new_rows` is the bulk entry point (ledger imports): it inserts new rows with Core
statements and writes the same stamps, audit events and change-log entries as a flush of them,
built by the same functions. Other bulk statements (`update()`, `insert()` on a connection)
bypass the ORM and are not captured: only the demo generator and migrations use them.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import orjson
from sqlalchemy import JSON, Column, Table, event, inspect, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session, UOWTransaction

from station_app.models.audit import AuditEvent
from station_app.models.base import SyncedMixin, new_id, utc_now
from station_app.models.change_log import ChangeLogEntry
from station_app.models.masking import SECRET, mask

ACTOR_KEY = "station.actor"  # session.info: the user name of who is writing
OPERATION_KEY = "station.operation"  # session.info: the use case, e.g. "register_resident"
_STATE_KEY = "station.captured"
SYSTEM_ACTOR = "system"
BOOKKEEPING = frozenset(
    {"id", "row_version", "created_at", "updated_at", "updated_by", "server_version"}
)

INSERT, UPDATE, DELETE = "create", "update", "delete"


@dataclass
class _Captured:
    entry: ChangeLogEntry
    audit: AuditEvent
    obj: SyncedMixin


@dataclass
class _TransactionState:
    transaction_id: str = field(default_factory=new_id)
    rows: dict[tuple[str, str], _Captured] = field(default_factory=dict)
    # The rows each `insert_new_rows` call wrote: (entity, ids, their change-log change ids,
    # their audit event ids). A row's are loaded as a `_Captured` only if a later flush of the
    # transaction changes it again, found through `bulk_index` (built when first needed).
    inserted: list[tuple[str, list[str], list[str], list[str]]] = field(default_factory=list)
    bulk_index: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    indexed: int = 0  # how many of `inserted` are in `bulk_index`
    # The rows the current flush captured: only they can have values the flush filled in
    # (visiting every row of the transaction at each flush made big imports quadratic).
    flushing: list[_Captured] = field(default_factory=list)


def captured_changes(session: Session) -> dict[str, frozenset[str]]:
    """The ids of the rows the session's open transaction has changed, by entity so far."""
    state: _TransactionState | None = session.info.get(_STATE_KEY)
    if state is None:
        return {}
    found: dict[str, set[str]] = {}
    for entity, entity_id in state.rows:
        found.setdefault(entity, set()).add(entity_id)
    for entity, ids, _changes, _audits in state.inserted:
        found.setdefault(entity, set()).update(ids)
    return {entity: frozenset(ids) for entity, ids in found.items()}


def record_event(
    session: Session, *, action: str, entity: str, entity_id: str, scope_id: str, actor: str
) -> None:
    """An audit event of something that changed no row (a log-out), in the session's
    transaction: the capture keeps every audit event, also these."""
    session.add(_audit_event(session, action, entity, entity_id, scope_id, actor, utc_now()))


def _audit_event(
    session: Session,
    action: str,
    entity: str,
    entity_id: str,
    scope_id: str,
    actor: str,
    now: dt.datetime,
) -> AuditEvent:
    """An audit event with no field changes yet (a capture adds them as the flushes go)."""
    return AuditEvent(**_audit_values(session, action, entity, entity_id, scope_id, actor, now))


def _audit_values(
    session: Session,
    action: str,
    entity: str,
    entity_id: str,
    scope_id: str,
    actor: str,
    now: dt.datetime,
) -> dict[str, Any]:
    operation = str(session.info.get(OPERATION_KEY) or "")
    return _audit_row(action, entity, entity_id, scope_id, actor, now, operation, {})


def _audit_row(
    action: str,
    entity: str,
    entity_id: str,
    scope_id: str,
    actor: str,
    now: dt.datetime,
    operation: str,
    shown: dict[str, Any],
) -> dict[str, Any]:
    return {
        "id": new_id(),
        "scope_id": scope_id,
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "detail": {"operation": operation, "fields": shown},
        "row_version": 1,
        "deleted": False,
        "created_at": now,
        "updated_at": now,
        "updated_by": actor,
    }


_JSON_SCALARS = frozenset({str, int, float, bool})


def plain(value: object) -> object:
    """A value as JSON can hold it (dates as ISO text, enums as their values)."""
    if value is None or type(value) in _JSON_SCALARS:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(item) for item in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context: UOWTransaction, _instances: object) -> None:
    actor = str(session.info.get(ACTOR_KEY) or SYSTEM_ACTOR)
    now = utc_now()
    rows: list[tuple[SyncedMixin, str]] = []
    rows += [(obj, INSERT) for obj in _synced(session.new)]
    rows += [(obj, UPDATE) for obj in _synced(session.dirty)]
    rows += [(obj, DELETE) for obj in _synced(session.deleted)]
    rows += [(owner, UPDATE) for owner in _owners_of_changed_children(session)]
    seen: set[int] = set()
    for obj, op in rows:
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        _capture(session, obj, op, actor, now)


@event.listens_for(Session, "after_flush_postexec")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    """Fills in the values the flush itself set: a new row's foreign keys from its relations."""
    state: _TransactionState | None = session.info.get(_STATE_KEY)
    if state is None:
        return
    flushed, state.flushing = state.flushing, []
    for captured in flushed:
        fields = captured.entry.fields
        known = {
            key: plain(getattr(captured.obj, key))
            for key, value in fields.items()
            if value is None and key in _column_key_set(type(captured.obj))
        }
        known = {key: value for key, value in known.items() if value is not None}
        if known:
            captured.entry.fields = {**fields, **known}


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_STATE_KEY, None)


def _synced(objects: Iterable[object]) -> list[SyncedMixin]:
    return [o for o in objects if isinstance(o, SyncedMixin) and not isinstance(o, AuditEvent)]


def _owners_of_changed_children(session: Session) -> list[SyncedMixin]:
    """Synced rows whose owned collection (e.g. a resident's key groups) gained or lost rows."""
    owners: list[SyncedMixin] = []
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, SyncedMixin):
            continue
        for relationship in inspect(type(obj)).relationships:
            owner = getattr(obj, relationship.key, None)
            if isinstance(owner, SyncedMixin) and _owned_collections(type(owner)):
                owners.append(owner)
    return owners


def _owned_collections(cls: type[Any]) -> dict[str, str]:
    return dict(getattr(cls, "__owned_collections__", {}))


def _capture(session: Session, obj: SyncedMixin, op: str, actor: str, now: dt.datetime) -> None:
    changes: dict[str, tuple[object, object]]
    cls = type(obj)
    if op == INSERT:
        for name, value in _unset_defaults(cls, lambda name: getattr(obj, name)).items():
            setattr(obj, name, value)
        if obj.id is None:
            obj.id = new_id()
        changes = _insert_changes(_current_values(obj))
    elif op == DELETE:
        changes = {}
    else:
        changes = _changed_fields(obj)
        if not changes:
            return
        if "deleted" in changes and changes["deleted"][1] is True:
            op = DELETE
    state = session.info.setdefault(_STATE_KEY, _TransactionState())
    key = (obj.__entity__, obj.id)
    captured = state.rows.get(key)
    inserted = _bulk_inserted(state, key) if state.inserted else None
    if captured is None and inserted is not None:
        captured = state.rows[key] = _inserted_capture(session, inserted, obj)
    if captured is None:
        base = 0 if op == INSERT else obj.row_version
        created_at = obj.created_at if op == INSERT else None
        for name, value in _stamps(op, base, created_at, actor, now).items():
            setattr(obj, name, value)
        captured = _new_capture(session, state, obj, op, base, actor, now)
        state.rows[key] = captured
    state.flushing.append(captured)
    _merge(captured, obj, op, changes)


def insert_new_rows(
    session: Session, model: type[SyncedMixin], rows: Sequence[Mapping[str, Any]]
) -> list[str]:
    """Inserts new rows of a synced model with Core statements, captured as a flush of them.

    Each row maps column keys to values (unset columns get their defaults, `id` a new id) and
    each owned collection (`__owned_collections__`) to its members' values, whose rows are
    inserted too. The stamps, audit events and change-log entries are those the per-row capture
    writes for the same new rows, in the session's transaction: their fields made by the same
    functions, their rows column by column (`tests/ledgers/test_bulk_import_capture.py`
    compares an imported resident's rows with a form save's). Returns the new rows' ids in
    order.
    """
    if not rows:
        return []
    session.flush()  # pending ORM changes first, captured as ever
    actor = str(session.info.get(ACTOR_KEY) or SYSTEM_ACTOR)
    now = utc_now()
    state = session.info.setdefault(_STATE_KEY, _TransactionState())
    entity, masked = model.__entity__, model.__masked_fields__
    owned = _owned_rows(model)
    # Column by column: each column's values row by row (given, else its default).
    values: dict[str, list[Any]] = {
        key: [given.get(key) for given in rows] for key, _column in _column_pairs(model)
    }
    for key, default in _defaults(model):
        if any(value is None for value in values[key]):
            values[key] = [_default_value(default) if v is None else v for v in values[key]]
    values["id"] = [new_id() if value is None else value for value in values["id"]]
    ids, scopes = values["id"], values["scope_id"]
    count = len(ids)
    shown_values = {key: values[key] for key in _column_keys(model)}
    for collection in _owned_collections(model):
        shown_values[collection] = [_member_values(g.get(collection, ())) for g in rows]
    sents, shown = _new_rows_fields(masked, shown_values, count)
    # The rows' shared values are those the per-row capture's functions give; only the
    # columns that differ from row to row are lists.
    operation = str(session.info.get(OPERATION_KEY) or "")
    audit = _audit_row(f"{entity}.{INSERT}", entity, "", "", actor, now, operation, {})
    details: list[dict[str, Any]] = []
    for fields in shown:
        detail = {**audit["detail"], "fields": fields}
        details.append(_JsonModuleOnly(detail) if isinstance(fields, _JsonModuleOnly) else detail)
    shared = _stamps(INSERT, 0, None, actor, now)
    stamps: dict[str, _Column] = {key: _Same(value) for key, value in shared.items()}
    if any(values["created_at"]):  # a given one is kept
        stamps["created_at"] = [created_at or now for created_at in values["created_at"]]
    columns: dict[str, _Column] = {
        column: stamps.get(key) or values[key] for key, column in _column_pairs(model)
    }
    _insert_columns(session, _table(model), count, columns)
    for collection, (table, owner_column, owner_key, value_column) in owned.items():
        pairs = [
            (owner, member)
            for owner, given in zip(values[owner_key], rows, strict=True)
            for member in given.get(collection, ())
        ]
        members = {owner_column: [p[0] for p in pairs], value_column: [p[1] for p in pairs]}
        _insert_columns(session, table, len(pairs), members)
    change_ids = [new_id() for _ in range(count)]
    entry = _entry_values(state, entity, "", "", INSERT, 0, shared["row_version"])
    entry.update(actor=actor, changed_at=now)
    entries: dict[str, _Column] = {key: _Same(value) for key, value in entry.items()}
    entries.update(change_id=change_ids, entity_id=ids, scope_id=scopes, fields=sents)
    _insert_columns(session, _table(ChangeLogEntry), count, entries, frozenset({"fields"}))
    audit_ids = [new_id() for _ in range(count)]
    audits: dict[str, _Column] = {key: _Same(value) for key, value in audit.items()}
    audits.update(id=audit_ids, scope_id=scopes, entity_id=ids, detail=details)
    _insert_columns(session, _table(AuditEvent), count, audits, frozenset({"detail"}))
    state.inserted.append((entity, ids, change_ids, audit_ids))
    return ids


def _bulk_inserted(state: _TransactionState, key: tuple[str, str]) -> tuple[str, str] | None:
    """The change-log change id and audit event id `insert_new_rows` wrote for this row, if it
    did (once: the row's entries are then the transaction's captured ones)."""
    for entity, ids, change_ids, audit_ids in state.inserted[state.indexed :]:
        logged = zip(change_ids, audit_ids, strict=True)
        state.bulk_index.update(zip(((entity, row_id) for row_id in ids), logged, strict=True))
    state.indexed = len(state.inserted)
    return state.bulk_index.pop(key, None)


@dataclass(frozen=True)
class _Same:
    """One value every row of a bulk insert has (converted for the driver once)."""

    value: Any


_Column = list[Any] | _Same  # a column's values, row by row, or the one they all share


def _insert_columns(
    session: Session,
    table: Table,
    count: int,
    columns: Mapping[str, _Column],
    checked: frozenset[str] = frozenset(),
) -> None:
    """One INSERT of `count` rows given column by column, executed for every row by the
    driver, each value converted by its column's type as SQLAlchemy converts it (an
    `insert()` spends most of its time on its own bookkeeping per row). `checked` names the
    JSON columns whose payloads `_new_rows_fields` built (see `_json_text`)."""
    if not count:
        return
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(table.c[key].name) for key in columns)
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
    by_column: list[Iterable[Any]] = []
    for key, values in columns.items():
        convert = _converter(table.c[key], dialect, key in checked)
        if isinstance(values, _Same):
            value = values.value if convert is None else convert(values.value)
            by_column.append(repeat(value, count))
        else:
            by_column.append(values if convert is None else map(convert, values))
    params = list(zip(*by_column, strict=True))
    connection.exec_driver_sql(statement, params)


def _column_pairs(model: type[Any]) -> list[tuple[str, str]]:
    """Each column's attribute key and column key, in the table's order."""
    pairs = _COLUMN_PAIRS.get(model)
    if pairs is None:
        mapper = inspect(model)
        pairs = _COLUMN_PAIRS[model] = [
            (attr.key, attr.columns[0].key) for attr in mapper.column_attrs
        ]
    return pairs


_COLUMN_PAIRS: dict[type[Any], list[tuple[str, str]]] = {}


def _converter(
    column: Column[Any], dialect: Dialect, checked: bool = False
) -> Callable[[Any], Any] | None:
    """The column type's conversion of a value for the driver; remembered per value where
    values repeat (the stamps' one time, enums, dates), not for JSON (see `_json_text`)."""
    convert = column.type.dialect_impl(dialect).bind_processor(dialect)
    if convert is None:
        return convert
    if isinstance(column.type, JSON):
        return _json_text(convert, checked=checked)
    memo: dict[Any, Any] = {}

    def converted(value: Any) -> Any:
        found = memo.get(value, memo)
        if found is memo:
            found = memo[value] = convert(value)
        return found

    return converted


def _json_text(convert: Callable[[Any], Any], *, checked: bool) -> Callable[[Any], Any]:
    """A JSON column's text made by orjson (several times faster than the json module): the
    same JSON values, written compactly and with Chinese as UTF-8 rather than \\u escapes.

    None, what orjson refuses (a non-text key, a huge integer, a `_JsonModuleOnly` payload)
    and a value holding NaN or an infinity (which orjson writes as null) go through the
    column type's own conversion. `checked` payloads were looked at for those floats when
    they were built (`_new_rows_fields` marks them): only the others are searched here.
    """

    def dumped(value: Any) -> Any:
        if value is None:
            return convert(value)
        try:
            text = orjson.dumps(value, option=orjson.OPT_PASSTHROUGH_SUBCLASS).decode()
        except TypeError:
            return convert(value)
        if not checked and "null" in text and _special_float(value):
            return convert(value)
        return text

    return dumped


class _JsonModuleOnly(dict[str, Any]):
    """A JSON payload holding NaN or an infinity, which only the json module writes as such."""


def _special_float(value: object) -> bool:
    """NaN or an infinity in a value, or in the lists and mappings it holds."""
    if type(value) is float:
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(_special_float(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(type(item) is not str and _special_float(item) for item in value)
    return False


def _table(model: type[Any]) -> Table:
    table = inspect(model).local_table
    assert isinstance(table, Table)
    return table


def _owned_rows(model: type[Any]) -> dict[str, tuple[Table, str, str, str]]:
    """Each owned collection's table, its column naming the owner, the owner's attribute it
    holds, and its column holding the member's value."""
    mapper = inspect(model)
    found: dict[str, tuple[Table, str, str, str]] = {}
    for collection, value_attr in _owned_collections(model).items():
        relationship = mapper.relationships[collection]
        ((local, remote),) = relationship.local_remote_pairs
        owner_key = mapper.get_property_by_column(local).key
        value_column = relationship.mapper.column_attrs[value_attr].columns[0].key
        found[collection] = (
            _table(relationship.mapper.class_),
            remote.key,
            owner_key,
            value_column,
        )
    return found


def _inserted_capture(session: Session, ids: tuple[str, str], obj: SyncedMixin) -> _Captured:
    """The entries `insert_new_rows` wrote for a row this flush changes again: merged into."""
    change_id, audit_id = ids
    with session.no_autoflush:
        entry = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.change_id == change_id)
        ).one()
        audit = session.get(AuditEvent, audit_id)
    assert audit is not None
    return _Captured(entry, audit, obj)


def _stamps(
    op: str, base: int, created_at: dt.datetime | None, actor: str, now: dt.datetime
) -> dict[str, Any]:
    """The bookkeeping a row gets the first time a transaction changes it."""
    stamps: dict[str, Any] = {"row_version": base + 1}
    if op == INSERT:
        stamps["created_at"] = created_at or now
    stamps.update(updated_at=now, updated_by=actor)
    return stamps


def _new_capture(
    session: Session,
    state: _TransactionState,
    obj: SyncedMixin,
    op: str,
    base: int,
    actor: str,
    now: dt.datetime,
) -> _Captured:
    entity = obj.__entity__
    values = _entry_values(state, entity, obj.id, obj.scope_id, op, base, obj.row_version)
    entry = ChangeLogEntry(**values, fields={}, actor=actor, changed_at=now)
    audit = _audit_event(session, f"{entity}.{op}", entity, obj.id, obj.scope_id, actor, now)
    session.add_all([entry, audit])
    return _Captured(entry, audit, obj)


def _entry_values(
    state: _TransactionState,
    entity: str,
    entity_id: str,
    scope_id: str,
    op: str,
    base: int,
    row_version: int,
) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "transaction_id": state.transaction_id,
        "entity": entity,
        "entity_id": entity_id,
        "scope_id": scope_id,
        "op": op,
        "base_version": base,
        "row_version": row_version,
    }


def _merge(
    captured: _Captured, obj: SyncedMixin, op: str, changes: dict[str, tuple[object, object]]
) -> None:
    """Adds this flush's changes to the transaction's entries (JSON columns are reassigned)."""
    masked = type(obj).__masked_fields__
    entry, audit = captured.entry, captured.audit
    if op == DELETE and entry.op != INSERT:
        entry.op = DELETE
        audit.action = f"{obj.__entity__}.{DELETE}"
    entry.fields = {**entry.fields, **_sent(masked, changes)}
    shown = dict(audit.detail.get("fields", {}))  # type: ignore[call-overload]
    audit.detail = {**audit.detail, "fields": _shown_fields(masked, changes, shown)}
    entry.row_version = obj.row_version
    entry.scope_id = obj.scope_id


def _sent(
    masked: Mapping[str, str], changes: Mapping[str, tuple[object, object]]
) -> dict[str, object]:
    """The change log's new values; secrets (a password hash) never leave the station."""
    return {k: plain(new) for k, (_old, new) in changes.items() if masked.get(k) != SECRET}


def _shown_fields(
    masked: Mapping[str, str],
    changes: Mapping[str, tuple[object, object]],
    shown: dict[str, Any],
) -> dict[str, Any]:
    """The audit event's fields: `shown` (earlier flushes) with these changes, masked."""
    for name, (old, new) in changes.items():
        kind = masked.get(name)
        if name in shown:
            first_old = shown[name]["old"]
        elif old is None:
            first_old = None
        else:
            first_old = plain(old) if kind is None else mask(kind, plain(old))
        if new is None and first_old is None:
            shown.pop(name, None)  # no net change: a new row's empty field, say
            continue
        if new is not None:
            new = plain(new) if kind is None else mask(kind, plain(new))
        shown[name] = {"old": first_old, "new": new}
    return shown


def _new_rows_fields(
    masked: Mapping[str, str], columns: Mapping[str, Sequence[object]], count: int
) -> tuple[list[dict[str, object]], list[dict[str, Any]]]:
    """New rows' change-log fields and audit fields, from their shown values column by column:
    for each row, what `_sent` and `_shown_fields` give for its changes (every old value None,
    no earlier flush). A row holding NaN or an infinity gets `_JsonModuleOnly` payloads."""
    names = list(columns)
    sent_names: list[str] = []
    sent_columns: list[list[object]] = []
    shown_columns: list[list[object]] = []
    special: set[int] = set()
    for name, column in columns.items():
        plain_column = [v if type(v) in _SIMPLE else plain(v) for v in column]
        kind = masked.get(name)
        shown_columns.append(
            plain_column if kind is None else [mask(kind, v) for v in plain_column]
        )
        if kind == SECRET:
            continue
        sent_names.append(name)
        sent_columns.append(plain_column)
        special.update(
            row
            for row, value in enumerate(plain_column)
            if type(value) not in _SIMPLE and _special_float(value)
        )
    sents = [dict(zip(sent_names, row, strict=True)) for row in _by_row(sent_columns, count)]
    shown = [
        {
            name: {"old": None, "new": new}
            for name, new in zip(names, row, strict=True)
            if new is not None
        }
        for row in _by_row(shown_columns, count)
    ]
    for row in special:
        sents[row], shown[row] = _JsonModuleOnly(sents[row]), _JsonModuleOnly(shown[row])
    return sents, shown


def _by_row(columns: list[list[object]], count: int) -> Iterable[tuple[object, ...]]:
    """The columns' values row by row (`count` empty rows when there are no columns)."""
    return zip(*columns, strict=True) if columns else repeat((), count)


_SIMPLE = frozenset({str, int, bool, type(None)})


def _column_key_set(cls: type[Any]) -> frozenset[str]:
    keys = _COLUMN_KEYS.get(cls)
    if keys is None:
        keys = _COLUMN_KEYS[cls] = frozenset(attr.key for attr in inspect(cls).column_attrs)
    return keys


_COLUMN_KEYS: dict[type[Any], frozenset[str]] = {}


def _column_keys(cls: type[Any]) -> list[str]:
    """The columns whose values the change log and the audit event show (no bookkeeping)."""
    keys = _SHOWN_KEYS.get(cls)
    if keys is None:
        columns = inspect(cls).column_attrs
        keys = _SHOWN_KEYS[cls] = [a.key for a in columns if a.key not in BOOKKEEPING]
    return keys


_SHOWN_KEYS: dict[type[Any], list[str]] = {}


def _unset_defaults(cls: type[Any], value_of: Callable[[str], object]) -> dict[str, object]:
    """The defaults of the columns a new row leaves unset, filled in now so the change log
    shows them."""
    return {
        key: _default_value(default) for key, default in _defaults(cls) if value_of(key) is None
    }


def _default_value(default: Any) -> object:
    """A column default's value for one new row (a callable one is called for each)."""
    return default.arg if default.is_scalar else default.arg({})


def _defaults(cls: type[Any]) -> list[tuple[str, Any]]:
    """The columns with a default the capture fills in (not the bookkeeping ones)."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = [
            (attr.key, attr.columns[0].default)
            for attr in inspect(cls).column_attrs
            if attr.key not in BOOKKEEPING
            and attr.key != "id"
            and attr.columns[0].default is not None
            and (attr.columns[0].default.is_scalar or attr.columns[0].default.is_callable)
        ]
    return found


_DEFAULTS: dict[type[Any], list[tuple[str, Any]]] = {}


def _current_values(obj: SyncedMixin) -> dict[str, object]:
    """A new row's shown values: its columns, and its owned collections' member values."""
    cls = type(obj)
    values: dict[str, object] = {key: getattr(obj, key) for key in _column_keys(cls)}
    for collection, value_attr in _owned_collections(cls).items():
        members = getattr(obj, collection)
        values[collection] = _member_values(getattr(item, value_attr) for item in members)
    return values


def _member_values(found: Iterable[object]) -> list[str]:
    """An owned collection's members as the change log and the audit event show them."""
    return sorted(str(plain(value)) for value in found)


def _insert_changes(values: Mapping[str, object]) -> dict[str, tuple[object, object]]:
    return {key: (None, value) for key, value in values.items()}


def _changed_fields(obj: SyncedMixin) -> dict[str, tuple[object, object]]:
    """Old and new value of every column (and owned collection) this flush changes."""
    state = inspect(obj)
    changes: dict[str, tuple[object, object]] = {}
    for key in _column_keys(type(obj)):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old != new:
            changes[key] = (old, new)
    for collection, value_attr in _owned_collections(type(obj)).items():
        history = state.attrs[collection].history
        if not history.has_changes():
            continue
        kept = list(history.unchanged)
        old_values = sorted(str(plain(getattr(i, value_attr))) for i in (*kept, *history.deleted))
        new_values = sorted(str(plain(getattr(i, value_attr))) for i in (*kept, *history.added))
        if old_values != new_values:
            changes[collection] = (old_values, new_values)
    return changes

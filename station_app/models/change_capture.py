"""Change capture: every flush stamps the synced rows it writes and records what changed.

One hook on every ORM session (SQLAlchemy's `before_flush`), so no service can forget it and
an edit made with the ORM directly is captured too. For each synced row a transaction inserts,
changes or deletes, it

- bumps `row_version` once per transaction and stamps `updated_at`/`updated_by`;
- writes one `AuditEvent` naming the changed fields with old and new values, personal data
  masked (`__masked_fields__`);
- writes one `ChangeLogEntry` with the changed fields' new values and the base version, the
  sync's outbox (secrets such as a password hash are left out: they never leave the station).

A second flush in the same transaction merges into that transaction's entries. Who changed
it and in which use case come from `session.info` (set by the station session's `write()`);
a session without them records the change as the system's. Bulk statements (`update()`,
`insert()` on a connection) bypass the ORM and are not captured: only the demo generator and
migrations use them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
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
    # The rows the current flush captured: only they can have values the flush filled in
    # (visiting every row of the transaction at each flush made big imports quadratic).
    flushing: list[_Captured] = field(default_factory=list)


def captured_changes(session: Session) -> dict[str, frozenset[str]]:
    """The ids of the rows the session's open transaction has changed, by entity so far."""
    state: _TransactionState | None = session.info.get(_STATE_KEY)
    found: dict[str, set[str]] = {}
    for entity, entity_id in state.rows if state is not None else ():
        found.setdefault(entity, set()).add(entity_id)
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
    return AuditEvent(
        id=new_id(),
        scope_id=scope_id,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail={"operation": str(session.info.get(OPERATION_KEY) or ""), "fields": {}},
        row_version=1,
        deleted=False,
        created_at=now,
        updated_at=now,
        updated_by=actor,
    )


def plain(value: object) -> object:
    """A value as JSON can hold it (dates as ISO text, enums as their values)."""
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
    if op == INSERT:
        _apply_defaults(obj)
        if obj.id is None:
            obj.id = new_id()
        changes = {key: (None, value) for key, value in _current_values(obj).items()}
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
    if captured is None:
        base = 0 if op == INSERT else obj.row_version
        obj.row_version = base + 1
        if op == INSERT:
            obj.created_at = obj.created_at or now
        obj.updated_at = now
        obj.updated_by = actor
        captured = _new_capture(session, state, obj, op, base, actor, now)
        state.rows[key] = captured
    state.flushing.append(captured)
    _merge(captured, obj, op, changes)


def _new_capture(
    session: Session,
    state: _TransactionState,
    obj: SyncedMixin,
    op: str,
    base: int,
    actor: str,
    now: dt.datetime,
) -> _Captured:
    entry = ChangeLogEntry(
        change_id=new_id(),
        transaction_id=state.transaction_id,
        entity=obj.__entity__,
        entity_id=obj.id,
        scope_id=obj.scope_id,
        op=op,
        fields={},
        base_version=base,
        row_version=obj.row_version,
        actor=actor,
        changed_at=now,
    )
    audit = _audit_event(
        session, f"{obj.__entity__}.{op}", obj.__entity__, obj.id, obj.scope_id, actor, now
    )
    session.add_all([entry, audit])
    return _Captured(entry, audit, obj)


def _merge(
    captured: _Captured, obj: SyncedMixin, op: str, changes: dict[str, tuple[object, object]]
) -> None:
    """Adds this flush's changes to the transaction's entries (JSON columns are reassigned)."""
    masked = type(obj).__masked_fields__
    entry, audit = captured.entry, captured.audit
    if op == DELETE and entry.op != INSERT:
        entry.op = DELETE
        audit.action = f"{obj.__entity__}.{DELETE}"
    # Secrets (a password hash) never leave the station, not even in the outbox.
    sent = {k: plain(new) for k, (_old, new) in changes.items() if masked.get(k) != SECRET}
    entry.fields = {**entry.fields, **sent}
    shown = dict(audit.detail.get("fields", {}))  # type: ignore[call-overload]
    for name, (old, new) in changes.items():
        first_old = shown[name]["old"] if name in shown else _shown(masked, name, old)
        shown[name] = {"old": first_old, "new": _shown(masked, name, new)}
    audit.detail = {**audit.detail, "fields": shown}
    entry.row_version = obj.row_version
    entry.scope_id = obj.scope_id


def _shown(masked: Any, name: str, value: object) -> object:
    kind = masked.get(name)
    return plain(value) if kind is None else mask(kind, plain(value))


def _column_key_set(cls: type[Any]) -> frozenset[str]:
    keys = _COLUMN_KEYS.get(cls)
    if keys is None:
        keys = _COLUMN_KEYS[cls] = frozenset(attr.key for attr in inspect(cls).column_attrs)
    return keys


_COLUMN_KEYS: dict[type[Any], frozenset[str]] = {}


def _column_keys(obj: SyncedMixin) -> list[str]:
    return [attr.key for attr in inspect(type(obj)).column_attrs if attr.key not in BOOKKEEPING]


def _apply_defaults(obj: SyncedMixin) -> None:
    """Fills unset columns with their scalar defaults now, so the change log shows them."""
    for attr in inspect(type(obj)).column_attrs:
        if attr.key in BOOKKEEPING or getattr(obj, attr.key) is not None:
            continue
        default = attr.columns[0].default
        if default is not None and default.is_scalar:
            setattr(obj, attr.key, default.arg)
        elif default is not None and default.is_callable and attr.key != "id":
            setattr(obj, attr.key, default.arg({}))


def _current_values(obj: SyncedMixin) -> dict[str, object]:
    values: dict[str, object] = {key: getattr(obj, key) for key in _column_keys(obj)}
    for collection, value_attr in _owned_collections(type(obj)).items():
        values[collection] = sorted(
            str(plain(getattr(i, value_attr))) for i in getattr(obj, collection)
        )
    return values


def _changed_fields(obj: SyncedMixin) -> dict[str, tuple[object, object]]:
    """Old and new value of every column (and owned collection) this flush changes."""
    state = inspect(obj)
    changes: dict[str, tuple[object, object]] = {}
    for key in _column_keys(obj):
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

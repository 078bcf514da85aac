"""The city's conflicts and merge cases at this station: listed for a worker, and resolved.

A conflict is a field two sides changed: the city kept the value that reached it last. The
worker keeps it, or takes the other value, which is then an ordinary edit of the record (and
syncs as one). A merge case is two records with one ID number (or credit code) registered at
two stations: the worker keeps one, the other becomes a deleted record and everything about
it moves to the one kept. Resolving a case syncs too, so it is resolved at every station.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Date, Enum, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import UserError
from station_app.models import (
    Employer,
    Job,
    MergeCase,
    Resident,
    ResidentKeyGroup,
    SyncConflict,
    utc_now,
)
from station_app.models.synced import RESIDENT_CHILDREN, SYNCED

RESIDENT_ENTITIES = frozenset({"resident", *(m.__entity__ for m in RESIDENT_CHILDREN)})


class CaseError(UserError):
    default_code = "error.sync_case"


@dataclass(frozen=True)
class CaseRow:
    """One open case as the conflicts page shows it."""

    id: str
    kind: str  # "conflict" or "merge"
    entity: str
    record_id: str
    record_label: str  # the record's name, or its id when it is not here
    field: str
    kept_value: str
    kept_by: str
    kept_at: str
    other_value: str
    other_by: str
    other_at: str
    other_id: str = ""  # a merge case: the second record
    other_label: str = ""
    both_here: bool = True  # a merge case: both records are at this station


def list_open_cases(rx: ReadTx) -> list[CaseRow]:
    """The unresolved conflicts and merge cases of this station's scope, oldest first."""
    rx.require(Permission.RESIDENT_READ)
    session = rx.session
    rows: list[CaseRow] = []
    conflicts = session.scalars(
        select(SyncConflict)
        .where(SyncConflict.resolved.is_(False), SyncConflict.deleted.is_(False))
        .order_by(SyncConflict.detected_at, SyncConflict.id)
    )
    for c in conflicts:
        rows.append(
            CaseRow(
                id=c.id,
                kind="conflict",
                entity=c.entity,
                record_id=c.entity_id,
                record_label=_label(rx, c.entity, c.entity_id),
                field=c.field,
                kept_value=_shown(c.kept_value),
                kept_by=c.kept_by or "",
                kept_at=_when(c.kept_at),
                other_value=_shown(c.other_value),
                other_by=c.other_by or "",
                other_at=_when(c.other_at),
            )
        )
    cases = session.scalars(
        select(MergeCase)
        .where(MergeCase.resolved.is_(False), MergeCase.deleted.is_(False))
        .order_by(MergeCase.detected_at, MergeCase.id)
    )
    for m in cases:
        first, second = _label(rx, m.entity, m.first_id), _label(rx, m.entity, m.second_id)
        rows.append(
            CaseRow(
                id=m.id,
                kind="merge",
                entity=m.entity,
                record_id=m.first_id,
                record_label=first,
                field=m.key_field or "",
                kept_value="",
                kept_by="",
                kept_at="",
                other_value="",
                other_by="",
                other_at=_when(m.detected_at),
                other_id=m.second_id,
                other_label=second,
                both_here=_here(rx, m.entity, m.first_id) and _here(rx, m.entity, m.second_id),
            )
        )
    return rows


def resolve_conflict(tx: WriteTx, conflict_id: str, *, use_other: bool) -> None:
    """Keeps the city's value, or writes the other one to the record; the case is closed."""
    conflict = tx.session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.deleted or conflict.resolved:
        raise CaseError("the conflict is resolved already or gone", code="sync.case_gone")
    tx.require(_write_permission(conflict.entity))
    if use_other:
        model = SYNCED.get(conflict.entity)
        record = tx.session.get(model, conflict.entity_id) if model is not None else None
        if record is None or record.deleted:
            raise CaseError("the record is no longer here", code="sync.case_record_gone")
        _set_field(record, conflict.field, conflict.other_value)
    conflict.resolved = True
    conflict.resolution = "other" if use_other else "kept"
    conflict.resolved_by = tx.actor.username
    conflict.resolved_at = utc_now().isoformat()


def resolve_merge(tx: WriteTx, case_id: str, keep_id: str) -> None:
    """Keeps one of the two records; the other is deleted and what was about it moves over."""
    case = tx.session.get(MergeCase, case_id)
    if case is None or case.deleted or case.resolved:
        raise CaseError("the merge case is resolved already or gone", code="sync.case_gone")
    tx.require(_write_permission(case.entity))
    if keep_id not in (case.first_id, case.second_id):
        raise CaseError("keep one of the case's two records", code="sync.case_gone")
    drop_id = case.second_id if keep_id == case.first_id else case.first_id
    model = SYNCED.get(case.entity)
    kept = tx.session.get(model, keep_id) if model is not None else None
    dropped = tx.session.get(model, drop_id) if model is not None else None
    if kept is None or dropped is None or kept.deleted:
        raise CaseError(
            "the other record is held by another station: resolve the case there",
            code="sync.merge_elsewhere",
        )
    if case.entity == "resident":
        for child in RESIDENT_CHILDREN:
            for row in tx.session.scalars(select(child).where(child.resident_id == drop_id)):  # type: ignore[attr-defined]
                row.resident_id = keep_id  # type: ignore[attr-defined]
    elif case.entity == "employer":
        for job in tx.session.scalars(select(Job).where(Job.employer_id == drop_id)):
            job.employer_id = keep_id
    dropped.deleted = True
    case.resolved = True
    case.resolution = f"kept {keep_id}"
    case.resolved_by = tx.actor.username
    case.resolved_at = utc_now().isoformat()


def _write_permission(entity: str) -> Permission:
    return Permission.RESIDENT_WRITE if entity in RESIDENT_ENTITIES else Permission.EMPLOYER_WRITE


def _set_field(record: Any, name: str, value: Any) -> None:
    """Writes a value as the city sends it (JSON) to the record's field, as an edit."""
    if isinstance(record, Resident) and name == "key_groups":
        wanted = {str(v) for v in value or []}
        record.key_groups = [link for link in record.key_groups if link.key_group in wanted]
        present = {link.key_group.value for link in record.key_groups}
        for group in sorted(wanted - present):
            record.key_groups.append(ResidentKeyGroup(key_group=group))
        return
    column = type(record).__table__.c.get(name)
    if column is None:
        raise CaseError(f"this version cannot write the field {name}", code="sync.upgrade")
    kind = column.type
    if value is not None and isinstance(kind, Date):
        value = dt.date.fromisoformat(str(value)[:10])
    elif value is not None and isinstance(kind, Enum) and kind.enum_class is not None:
        value = kind.enum_class(value)
    elif value is not None and isinstance(kind, Boolean):
        value = bool(value)
    setattr(record, name, value)


def _label(rx: ReadTx, entity: str, record_id: str) -> str:
    if entity == "resident":
        name = rx.session.scalar(select(Resident.name).where(Resident.id == record_id))
    elif entity == "employer":
        name = rx.session.scalar(select(Employer.name).where(Employer.id == record_id))
    elif entity == "job":
        name = rx.session.scalar(select(Job.title).where(Job.id == record_id))
    else:
        name = None
    return name or record_id[:8]


def _here(rx: ReadTx, entity: str, record_id: str) -> bool:
    model = SYNCED.get(entity)
    if model is None:
        return False
    table = model.__table__  # type: ignore[attr-defined]
    found = rx.session.scalar(
        select(table.c.id).where(table.c.id == record_id, table.c.deleted.is_(False))
    )
    return found is not None


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _when(text: str | None) -> str:
    """A station's time as it said it, in local time to the minute (for showing only)."""
    if not text:
        return ""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")

"""Every change of a synced row is stamped, audited with its fields and logged, however made."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import (
    AuditEvent,
    ChangeLogEntry,
    EmploymentStatus,
    KeyGroup,
    Resident,
    ResidentKeyGroup,
)
from station_app.services.residents import (
    ResidentInput,
    get_resident,
    register_resident,
    update_resident,
)
from station_app.validation import compute_id_check_character

TODAY = date(2026, 3, 2)


def _id_number(serial: str = "011") -> str:
    body = f"34128219880512{serial}"
    return body + compute_id_check_character(body)


def _resident(station: StationSession, **changes: object) -> ResidentInput:
    base = ResidentInput(
        id_number=_id_number(),
        name="李秀英",
        community_id=station.station.community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
        phone="13912345678",
        address="人民路8号",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _events(db: Database, resident_id: str) -> list[AuditEvent]:
    with db.session() as session:
        query = select(AuditEvent).where(AuditEvent.entity_id == resident_id)
        return list(session.scalars(query.order_by(AuditEvent.created_at, AuditEvent.id)))


def _log(db: Database, resident_id: str) -> list[ChangeLogEntry]:
    with db.session() as session:
        query = select(ChangeLogEntry).where(ChangeLogEntry.entity_id == resident_id)
        return list(session.scalars(query.order_by(ChangeLogEntry.seq)))


def test_an_edit_of_two_fields_is_audited_and_logged_with_exactly_those_fields(
    station: StationSession, db: Database
) -> None:
    resident_id = station.perform(register_resident, _resident(station), today=TODAY)
    data = _resident(station, phone="13800001111", address="光明路3号")
    station.perform(update_resident, resident_id, 1, data, today=TODAY)

    create, update = _events(db, resident_id)
    assert (create.action, update.action) == ("resident.create", "resident.update")
    assert update.actor == station.actor.username
    assert update.detail["operation"] == "update_resident"
    # Personal data is masked in the audit trail: phone keeps its ends, an address is hidden.
    assert update.detail["fields"] == {
        "phone": {"old": "139****5678", "new": "138****1111"},
        "address": {"old": "***", "new": "***"},
    }
    first, second = _log(db, resident_id)
    assert (first.op, first.base_version, first.row_version) == ("create", 0, 1)
    assert first.fields["id_number"] == _id_number()  # the outbox holds the real values
    assert (second.op, second.base_version, second.row_version) == ("update", 1, 2)
    assert second.fields == {"phone": "13800001111", "address": "光明路3号"}
    assert second.scope_id == station.station.community_id
    assert second.transaction_id != first.transaction_id
    assert second.pushed_seq is None
    assert station.query(get_resident, resident_id).row_version == 2


def test_an_edit_made_with_the_orm_directly_is_captured_the_same_way(
    station: StationSession, db: Database
) -> None:
    resident_id = station.perform(register_resident, _resident(station), today=TODAY)
    with db.session() as session, session.begin():  # no service, no doorway
        resident = session.get(Resident, resident_id)
        assert resident is not None
        resident.phone = "13800001111"
        resident.address = "光明路3号"

    update = _events(db, resident_id)[-1]
    assert update.action == "resident.update"
    assert update.actor == "system"  # nobody logged in wrote it
    assert set(update.detail["fields"]) == {"phone", "address"}
    entry = _log(db, resident_id)[-1]
    assert (entry.op, entry.base_version, entry.row_version) == ("update", 1, 2)
    assert entry.fields == {"phone": "13800001111", "address": "光明路3号"}
    with db.session() as session:
        stored = session.get(Resident, resident_id)
        assert stored is not None
        assert (stored.row_version, stored.updated_by) == (2, "system")


def test_several_flushes_in_one_transaction_are_one_change(
    station: StationSession, db: Database
) -> None:
    resident_id = station.perform(register_resident, _resident(station), today=TODAY)
    with station.write("two_steps") as tx:
        resident = tx.session.get(Resident, resident_id)
        assert resident is not None
        resident.phone = "13800001111"
        tx.session.flush()
        resident.phone = "13700002222"
        resident.notes = "回访"
    entries = _log(db, resident_id)
    assert len(entries) == 2  # the registration and this one transaction
    assert entries[-1].fields == {"phone": "13700002222", "notes": "回访"}
    assert entries[-1].row_version == 2
    audit = _events(db, resident_id)[-1]
    assert audit.detail["fields"]["phone"] == {"old": "139****5678", "new": "137****2222"}


def test_a_new_rows_audit_event_names_only_the_fields_given_a_value(
    station: StationSession, db: Database
) -> None:
    resident_id = station.perform(
        register_resident, _resident(station, phone="", notes=""), today=TODAY
    )
    [create] = _events(db, resident_id)
    shown = create.detail["fields"]
    assert isinstance(shown, dict)
    assert shown["name"] == {"old": None, "new": "李**"}
    assert "phone" not in shown and "notes" not in shown and "education" not in shown
    # The change log still carries every field of the new row, empty ones as null.
    [entry] = _log(db, resident_id)
    assert entry.fields["phone"] is None and entry.fields["education"] is None


def test_key_groups_are_a_field_of_the_resident(station: StationSession, db: Database) -> None:
    resident_id = station.perform(register_resident, _resident(station), today=TODAY)
    groups = frozenset({KeyGroup.VETERAN, KeyGroup.DISABLED})
    station.perform(
        update_resident, resident_id, 1, _resident(station, key_groups=groups), today=TODAY
    )
    entry = _log(db, resident_id)[-1]
    assert entry.fields == {"key_groups": sorted(g.value for g in groups)}
    assert _events(db, resident_id)[-1].detail["fields"]["key_groups"]["old"] == []


def test_saving_unchanged_values_records_nothing(station: StationSession, db: Database) -> None:
    resident_id = station.perform(register_resident, _resident(station), today=TODAY)
    station.perform(update_resident, resident_id, 1, _resident(station), today=TODAY)
    assert len(_log(db, resident_id)) == 1
    assert len(_events(db, resident_id)) == 1
    assert station.query(get_resident, resident_id).row_version == 1


def test_a_tombstone_is_a_delete(station: StationSession, db: Database) -> None:
    resident_id = station.perform(register_resident, _resident(station), today=TODAY)
    with station.write("delete_resident") as tx:
        resident = tx.session.get(Resident, resident_id)
        assert resident is not None
        resident.deleted = True
    entry = _log(db, resident_id)[-1]
    assert (entry.op, entry.fields) == ("delete", {"deleted": True})
    assert _events(db, resident_id)[-1].action == "resident.delete"


BOOKKEEPING = {"row_version", "updated_by", "updated_at", "created_at"}


def test_no_service_writes_the_bookkeeping_by_hand() -> None:
    """Row versions, `updated_by`, audit events and the change log belong to the capture."""
    import ast
    from pathlib import Path

    import station_app

    package = Path(station_app.__file__).resolve().parent
    sources = [*(package / "services").rglob("*.py"), *(package / "core").rglob("*.py")]
    offenders = []
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            stored = isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
            if stored and node.attr in BOOKKEEPING:  # type: ignore[attr-defined]
                offenders.append(f"{path.name}: sets {node.attr}")  # type: ignore[attr-defined]
            if isinstance(node, ast.Name) and node.id in {"AuditEvent", "ChangeLogEntry"}:
                offenders.append(f"{path.name}: uses {node.id}")
    assert len(sources) > 10
    assert offenders == []


_EDITABLE = {
    "phone": st.one_of(st.none(), st.sampled_from(["13912345678", "13800001111", "15000000000"])),
    "address": st.one_of(st.none(), st.sampled_from(["人民路8号", "光明路3号", "东城"])),
    "notes": st.one_of(st.none(), st.sampled_from(["回访", "已联系", ""])),
    "key_groups": st.frozensets(st.sampled_from(list(KeyGroup)), max_size=3),
}


_SERIALS = itertools.count(100)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=st.lists(st.fixed_dictionaries({}, optional=_EDITABLE), min_size=1, max_size=4))
def test_the_change_log_replays_to_the_stored_row(
    station: StationSession, db: Database, edits: list[dict[str, object]]
) -> None:
    """Whatever the edits, each transaction logs exactly the fields it changed, and applying
    the logged values in order gives the row as stored."""
    serial = str(next(_SERIALS))  # one database serves every example: a new person each
    resident_id = station.perform(
        register_resident, _resident(station, id_number=_id_number(serial)), today=TODAY
    )
    for edit in edits:
        with station.write("edit") as tx:
            resident = tx.session.get(Resident, resident_id)
            assert resident is not None
            before = _state(resident)
            for name, value in edit.items():
                if name == "key_groups":
                    resident.key_groups = [
                        ResidentKeyGroup(key_group=g)
                        for g in sorted(value)  # type: ignore[attr-defined]
                    ]
                else:
                    setattr(resident, name, value)
            tx.session.flush()
            expected = {k for k, v in _state(resident).items() if before[k] != v}
        entries = _log(db, resident_id)
        audit = _events(db, resident_id)[-1]
        if expected:
            assert set(entries[-1].fields) == expected
            assert set(audit.detail["fields"]) == expected
    replayed: dict[str, object] = {}
    for entry in _log(db, resident_id):
        replayed.update(entry.fields)
    with db.session() as session:
        stored = session.get(Resident, resident_id)
        assert stored is not None
        final = _state(stored)
        assert stored.row_version == max(e.row_version for e in _log(db, resident_id))
    assert {k: replayed[k] for k in final} == final


def _state(resident: Resident) -> dict[str, object]:
    return {
        "phone": resident.phone,
        "address": resident.address,
        "notes": resident.notes,
        "key_groups": sorted(link.key_group.value for link in resident.key_groups),
    }


def test_a_password_hash_never_reaches_the_change_log(
    station: StationSession, db: Database
) -> None:
    from station_app.models import User
    from station_app.services.passwords import hash_password

    with station.write("reset_password") as tx:
        user = tx.session.get(User, station.actor.user_id)
        assert user is not None
        user.password_hash = hash_password("another-secret")
    with db.session() as session:
        entry = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity_id == station.actor.user_id)
            .order_by(ChangeLogEntry.seq.desc())
        ).first()
        audit = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_id == station.actor.user_id)
            .order_by(AuditEvent.created_at.desc())
        ).first()
    assert entry is not None and audit is not None
    assert entry.op == "update" and "password_hash" not in entry.fields
    assert audit.detail["fields"]["password_hash"] == {"old": "***", "new": "***"}

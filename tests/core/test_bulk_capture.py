"""Rows inserted in bulk through the change capture: stamped, audited and logged as one flush."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import AuditEvent, ChangeLogEntry, EmploymentStatus, KeyGroup, Resident
from station_app.models.change_capture import captured_changes
from station_app.services.residents import ResidentInput, register_residents
from station_app.validation import compute_id_check_character


def _input(station: StationSession, serial: str) -> ResidentInput:
    body = f"34128219880512{serial}"
    return ResidentInput(
        id_number=body + compute_id_check_character(body),
        name="李秀英",
        community_id=station.station.community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
        key_groups=frozenset({KeyGroup.MIGRANT_WORKER}),
    )


def test_a_later_change_in_the_same_transaction_merges_into_the_bulk_entries(
    db: Database, station: StationSession
) -> None:
    with station.write("import_residents") as tx:
        first, second = register_residents(tx, [_input(station, "011"), _input(station, "021")])
        assert first in captured_changes(tx.session)["resident"]
        resident = tx.session.get(Resident, first)
        assert resident is not None
        resident.phone = "13912345678"
        tx.session.flush()
    with db.session() as session:
        log = list(session.scalars(select(ChangeLogEntry).where(ChangeLogEntry.entity_id == first)))
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.entity_id == first)))
        stored = session.get(Resident, first)
        assert stored is not None and stored.row_version == 1
    assert [(e.op, e.base_version, e.row_version) for e in log] == [("create", 0, 1)]
    assert log[0].fields["phone"] == "13912345678"
    assert log[0].fields["key_groups"] == [KeyGroup.MIGRANT_WORKER.value]
    [event] = events
    assert event.action == "resident.create"
    assert event.detail["fields"]["phone"] == {"old": None, "new": "139****5678"}  # type: ignore[index]
    assert second != first


def test_a_bulk_insert_without_rows_writes_nothing(station: StationSession) -> None:
    with station.write() as tx:
        assert register_residents(tx, [], today=date(2026, 3, 2)) == []
        assert captured_changes(tx.session) == {}

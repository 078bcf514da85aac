"""The doorway: use cases compose in one write transaction, and writes publish what changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from station_app.core.changes import ChangeSet
from station_app.core.station_session import StationSession, WriteTx
from station_app.database import Database
from station_app.errors import DuplicateError
from station_app.models import (
    AuditEvent,
    ChangeLogEntry,
    Employer,
    EmployerType,
    EmploymentStatus,
    Resident,
)
from station_app.services.employers import EmployerInput, register_employer
from station_app.services.residents import ResidentInput, register_resident
from station_app.validation import compute_credit_check_character, compute_id_check_character

TODAY = date(2026, 3, 2)
BODY = "91341282MA2N0A1B3"


def _resident(station: StationSession, serial: str = "011") -> ResidentInput:
    body = f"34128219880512{serial}"
    return ResidentInput(
        id_number=body + compute_id_check_character(body),
        name="李秀英",
        community_id=station.station.community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
    )


def _employer() -> EmployerInput:
    return EmployerInput(
        name="界首市恒信食品有限公司",
        credit_code=BODY + compute_credit_check_character(BODY),
        employer_type=EmployerType.ENTERPRISE,
    )


def _count(db: Database, entity: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(entity)) or 0


def _counts(db: Database) -> tuple[int, ...]:
    return tuple(_count(db, e) for e in (Resident, Employer, AuditEvent, ChangeLogEntry))


def test_two_use_cases_compose_in_one_transaction(station: StationSession, db: Database) -> None:
    published: list[ChangeSet] = []
    station.events.subscribe(published.append)
    with station.write("register_both") as tx:
        resident_id = register_resident(tx, _resident(station), today=TODAY)
        employer_id = register_employer(tx, _employer())
    assert len(published) == 1  # one transaction, one change set
    assert published[0].of("resident") == {resident_id}
    assert published[0].of("employer") == {employer_id}
    with db.session() as session:
        transactions = set(session.scalars(select(ChangeLogEntry.transaction_id)).all())
    assert len(transactions) >= 2  # the set-up's and this one


def test_a_failure_in_the_second_use_case_leaves_no_trace_of_the_first(
    station: StationSession, db: Database
) -> None:
    station.perform(register_employer, _employer())
    before = _counts(db)
    published: list[ChangeSet] = []
    station.events.subscribe(published.append)

    def register_resident_and_employer(tx: WriteTx) -> None:
        register_resident(tx, _resident(station), today=TODAY)  # succeeds, then
        register_employer(tx, _employer())  # a second record for one credit code

    with pytest.raises(DuplicateError):
        station.perform(register_resident_and_employer)
    assert _counts(db) == before  # no resident, no audit event, no change-log row
    assert published == []  # nothing was committed, so nothing is announced


def test_writes_do_not_nest(station: StationSession) -> None:
    with station.write() as _tx, pytest.raises(RuntimeError), station.write():
        pass


def test_a_read_only_block_publishes_nothing(station: StationSession) -> None:
    published: list[ChangeSet] = []
    station.events.subscribe(published.append)
    with station.write("nothing"):
        pass
    assert published == []


def test_a_failing_listener_does_not_undo_the_write(
    station: StationSession, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_changes: ChangeSet) -> None:
        raise RuntimeError("a view broke")

    station.events.subscribe(broken)
    station.perform(register_employer, _employer())
    assert _count(db, Employer) == 1
    assert "a change listener failed" in caplog.text


def test_unsubscribing_stops_the_events(station: StationSession) -> None:
    published: list[ChangeSet] = []
    unsubscribe = station.events.subscribe(published.append)
    unsubscribe()
    station.perform(register_employer, _employer())
    assert published == []


def test_changes_can_be_built_for_a_sync_pull() -> None:
    changes = ChangeSet.of_rows({"resident": ["a", "b"], "employer": []}, source="sync")
    assert changes.touches("resident") and not changes.touches("employer")
    assert changes.source == "sync"
    assert not ChangeSet()
    assert replace(changes, ids={}) == ChangeSet(source="sync")

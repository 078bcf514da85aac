"""Registering and editing residents: validation, duplicates, conflicts, history and audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import ConflictError, DuplicateError, NotFoundError, ValidationError
from station_app.models import (
    AuditEvent,
    EmploymentStatus,
    EmploymentStatusChange,
    HouseholdType,
    KeyGroup,
    Resident,
)
from station_app.services.resident_rows import fetch_rows
from station_app.services.residents import (
    ResidentInput,
    find_by_id_number,
    get_resident,
    register_resident,
    resident_input,
    resident_inputs,
    update_resident,
)
from station_app.validation import compute_id_check_character

TODAY = date(2025, 6, 1)


def id_number(birth: str = "19900307", serial: str = "001") -> str:
    body = f"341282{birth}{serial}"
    return body + compute_id_check_character(body)


def resident(actor: Actor, **changes: object) -> ResidentInput:
    base = ResidentInput(
        id_number=id_number(),
        name="张伟",
        community_id=actor.scope_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
        phone="139 1234 5678",
        address="人民路12号",
        household_type=HouseholdType.URBAN,
        education="30",
        skills=("6-31-01-03", "6-18-02-04"),
        desired_occupation="6-31-01-03",
        key_groups=frozenset({KeyGroup.VETERAN}),
        desired_salary_fen=350_000,
        consent_given=True,
        consent_date=date(2025, 5, 20),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def count(db: Database, entity: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(entity)) or 0


def actions(db: Database) -> list[str]:
    """The audit actions on residents, oldest first."""
    with db.session() as session:
        return list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity == "resident")
                .order_by(AuditEvent.created_at)
            )
        )


def test_register_derives_birth_date_sex_and_keys(
    station: StationSession, db: Database, actor: Actor
) -> None:
    resident_id = station.perform(register_resident, resident(actor), today=TODAY)
    detail = station.query(get_resident, resident_id)
    assert detail.row_version == 1
    assert detail.birth_date == date(1990, 3, 7)
    assert detail.sex == "M"  # the 17th digit (1) is odd
    assert detail.data.phone == "13912345678"
    assert detail.data.key_groups == frozenset({KeyGroup.VETERAN})
    assert detail.data.skills == ("6-18-02-04", "6-31-01-03")  # sorted, no duplicates
    assert [(e.status, e.since) for e in detail.status_history] == [
        (EmploymentStatus.UNEMPLOYED, TODAY)
    ]
    with db.session() as session:
        stored = session.get(Resident, resident_id)
        assert stored is not None
        assert (stored.name_pinyin, stored.name_initials) == ("zhangwei", "zw")
    assert actions(db)[-1] == "resident.create"
    assert station.query(find_by_id_number, id_number().lower()) == resident_id


def test_every_problem_is_reported_and_nothing_written(
    station: StationSession, db: Database, actor: Actor
) -> None:
    residents, events = count(db, Resident), count(db, AuditEvent)
    bad = resident(
        actor,
        id_number="341282199902300011",
        name="",
        phone="12345",
        community_id="",
        education="99",
        desired_occupation="no-such-code",
        desired_salary_fen=-1,
        consent_date=date(2030, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        station.perform(register_resident, bad, today=TODAY)
    codes = {p.code for p in caught.value.problems}
    assert codes == {
        "resident.name_empty",
        "id_number.birth_date",
        "phone.mobile_length",
        "resident.community",
        "resident.education",
        "resident.occupation",
        "resident.salary",
        "resident.consent_future",
    }
    assert (count(db, Resident), count(db, AuditEvent)) == (residents, events)


def test_unknown_community_is_refused(station: StationSession, db: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError) as caught:
        station.perform(register_resident, resident(actor, community_id="nope"), today=TODAY)
    assert [p.code for p in caught.value.problems] == ["resident.community"]
    assert count(db, Resident) == 0


def test_a_second_record_for_one_id_number_is_refused(
    station: StationSession, db: Database, actor: Actor
) -> None:
    first = station.perform(register_resident, resident(actor), today=TODAY)
    # The same number typed with a full-width digit group and spaces.
    spelled = " ３４１２８２ " + id_number()[6:].lower()
    with pytest.raises(DuplicateError) as caught:
        station.perform(
            register_resident, resident(actor, id_number=spelled, name="李娜"), today=TODAY
        )
    assert caught.value.existing_id == first
    assert caught.value.field == "id_number"
    assert count(db, Resident) == 1
    assert actions(db).count("resident.create") == 1


def test_update_bumps_version_and_appends_status_history(
    station: StationSession, db: Database, actor: Actor
) -> None:
    resident_id = station.perform(register_resident, resident(actor), today=TODAY)
    changed = resident(
        actor,
        name="张 伟伟",
        employment_status=EmploymentStatus.EMPLOYED,
        key_groups=frozenset({KeyGroup.DISABLED, KeyGroup.UNEMPLOYED}),
        consent_given=False,
    )
    later = date(2025, 7, 1)
    station.perform(update_resident, resident_id, 1, changed, today=later)
    detail = station.query(get_resident, resident_id)
    assert detail.row_version == 2
    assert detail.data.key_groups == frozenset({KeyGroup.DISABLED, KeyGroup.UNEMPLOYED})
    assert detail.data.consent_date is None  # no consent, no date kept
    assert [(e.status, e.since) for e in detail.status_history] == [
        (EmploymentStatus.UNEMPLOYED, TODAY),
        (EmploymentStatus.EMPLOYED, later),
    ]
    # Saving again without a status change adds no history entry.
    station.perform(update_resident, resident_id, 2, replace(changed, notes="回访"), today=later)
    assert len(station.query(get_resident, resident_id).status_history) == 2
    assert count(db, EmploymentStatusChange) == 2
    assert actions(db)[-2:] == ["resident.update", "resident.update"]


def test_a_stale_version_is_a_conflict_and_changes_nothing(
    station: StationSession, db: Database, actor: Actor
) -> None:
    resident_id = station.perform(register_resident, resident(actor), today=TODAY)
    station.perform(update_resident, resident_id, 1, resident(actor, name="张伟民"), today=TODAY)
    events = count(db, AuditEvent)
    with pytest.raises(ConflictError):
        station.perform(update_resident, resident_id, 1, resident(actor, name="王五"), today=TODAY)
    detail = station.query(get_resident, resident_id)
    assert (detail.data.name, detail.row_version) == ("张伟民", 2)
    assert count(db, AuditEvent) == events


def test_an_edit_cannot_take_another_residents_number(
    station: StationSession, db: Database, actor: Actor
) -> None:
    first = station.perform(register_resident, resident(actor), today=TODAY)
    other_number = id_number(serial="002")
    second = station.perform(
        register_resident, resident(actor, id_number=other_number, name="李娜"), today=TODAY
    )
    with pytest.raises(DuplicateError) as caught:
        station.perform(update_resident, second, 1, resident(actor, name="李娜"), today=TODAY)
    assert caught.value.existing_id == first
    assert station.query(get_resident, second).data.id_number == other_number


def test_invalid_edit_writes_nothing(station: StationSession, db: Database, actor: Actor) -> None:
    resident_id = station.perform(register_resident, resident(actor), today=TODAY)
    with pytest.raises(ValidationError):
        station.perform(update_resident, resident_id, 1, resident(actor, name="张3"), today=TODAY)
    assert station.query(get_resident, resident_id).row_version == 1


def test_missing_resident(station: StationSession, db: Database, actor: Actor) -> None:
    with pytest.raises(NotFoundError):
        station.query(get_resident, "missing")
    with pytest.raises(NotFoundError):
        station.perform(update_resident, "missing", 1, resident(actor), today=TODAY)
    assert station.query(find_by_id_number, id_number()) is None
    assert station.query(find_by_id_number, "not a number") is None


def test_too_young_to_register(station: StationSession, db: Database, actor: Actor) -> None:
    child = resident(actor, id_number=id_number(birth="20150101"))
    with pytest.raises(ValidationError) as caught:
        station.perform(register_resident, child, today=TODAY)
    assert [p.code for p in caught.value.problems] == ["resident.too_young"]


def test_rows_of_the_table(station: StationSession, db: Database, actor: Actor) -> None:
    resident_id = station.perform(register_resident, resident(actor), today=TODAY)
    rows = station.query(fetch_rows, [resident_id, "missing"])
    assert list(rows) == [resident_id]
    row = rows[resident_id]
    assert (row.name, row.community_name, row.phone) == ("张伟", "人民路社区", "13912345678")
    assert row.key_groups == frozenset({KeyGroup.VETERAN})
    assert station.query(fetch_rows, []) == {}


def test_residents_read_as_rows_are_the_forms_inputs(
    station: StationSession, db: Database, actor: Actor
) -> None:
    full = resident(actor, key_groups=frozenset({KeyGroup.VETERAN, KeyGroup.MIGRANT_WORKER}))
    bare = ResidentInput(
        id_number=id_number(serial="002"),
        name="李娜",
        community_id=actor.scope_id,
        employment_status=EmploymentStatus.EMPLOYED,
    )
    ids = [station.perform(register_resident, data, today=TODAY) for data in (full, bare)]
    with station.read() as rx:
        found = resident_inputs(rx, [*ids, "no-such-resident"])
        loaded = {i: resident_input(rx.session.get(Resident, i)) for i in ids}  # type: ignore[arg-type]
    assert found == loaded
    assert found[ids[0]].key_groups == {KeyGroup.VETERAN, KeyGroup.MIGRANT_WORKER}
    assert found[ids[1]].key_groups == frozenset() and found[ids[1]].skills == ()

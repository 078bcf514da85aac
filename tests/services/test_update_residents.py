"""Edits saved in bulk (a ledger's re-import) are saved, and refused, as one by one."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import ConflictError, DuplicateError, ValidationError
from station_app.models import (
    AuditEvent,
    ChangeLogEntry,
    EmploymentStatus,
    EmploymentStatusChange,
    KeyGroup,
    Resident,
    ResidentKeyGroup,
)
from station_app.models.base import fixed_ids_and_times
from station_app.services.residents import (
    Edit,
    ResidentInput,
    get_resident,
    register_resident,
    update_resident,
    update_residents,
)
from station_app.validation import compute_id_check_character
from tests.conftest import make_station
from tests.saved_rows import renamed, saved_rows

TODAY = date(2025, 6, 1)
NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def _number(serial: str) -> str:
    body = f"34128219900307{serial}"
    return body + compute_id_check_character(body)


def _inputs(community_id: str) -> list[ResidentInput]:
    return [
        ResidentInput(
            id_number=_number(f"{n:03d}"),
            name=name,
            community_id=community_id,
            employment_status=EmploymentStatus.UNEMPLOYED,
            phone="13912345678",
            key_groups=frozenset({KeyGroup.UNEMPLOYED}),
        )
        for n, name in enumerate(("张伟", "李娜", "王芳"), start=1)
    ]


def _edits(ids: list[str], inputs: list[ResidentInput]) -> list[Edit]:
    """A new phone; a new status with other key groups; nothing new."""
    first, second, third = inputs
    return [
        (ids[0], 1, replace(first, phone="13800001111")),
        (
            ids[1],
            1,
            replace(
                second,
                employment_status=EmploymentStatus.EMPLOYED,
                key_groups=frozenset({KeyGroup.MIGRANT_WORKER}),
            ),
        ),
        (ids[2], 1, third),
    ]


def _saved(station: StationSession) -> dict[str, Any]:
    """Every row the edits touched, each database's own ids replaced by what they name."""
    with station.read() as rx:
        names = {r.id: f"<{r.name}>" for r in rx.session.scalars(select(Resident))}
        for entry in rx.session.scalars(select(EmploymentStatusChange)):
            names[entry.id] = f"<status {entry.status} of {names[entry.resident_id]}>"
    about_residents = ("resident", "employment_status_change")  # not the station's set-up
    found = {
        "residents": saved_rows(station, Resident.__table__),  # type: ignore[arg-type]
        "status": saved_rows(station, EmploymentStatusChange.__table__),  # type: ignore[arg-type]
        "key groups": saved_rows(station, ResidentKeyGroup.__table__),  # type: ignore[arg-type]
        "change log": saved_rows(
            station,
            ChangeLogEntry.__table__,  # type: ignore[arg-type]
            ChangeLogEntry.entity.in_(about_residents),
        ),
        "audit": saved_rows(
            station,
            AuditEvent.__table__,  # type: ignore[arg-type]
            AuditEvent.entity.in_(about_residents),
        ),
    }
    # In the order of their contents: the two saves write them in different orders.
    return {name: sorted(renamed(rows, names), key=repr) for name, rows in found.items()}


def _edited(tmp_path: Path, how: str, save: Callable[..., None]) -> dict[str, Any]:
    db, station = make_station(tmp_path / how)
    counter = itertools.count()
    try:
        with fixed_ids_and_times(lambda: f"id-{next(counter):06d}", lambda: NOW):
            inputs = _inputs(station.station.community_id)
            ids = [station.perform(register_resident, data, today=TODAY) for data in inputs]
            with station.write("import_residents") as tx:
                save(tx, _edits(ids, inputs))
        return _saved(station)
    finally:
        db.close()


def test_edits_in_bulk_are_saved_as_one_by_one(tmp_path: Path) -> None:
    def one_by_one(tx: Any, edits: list[Edit]) -> None:
        for resident_id, version, data in edits:
            update_resident(tx, resident_id, version, data, today=TODAY)

    def in_bulk(tx: Any, edits: list[Edit]) -> None:
        update_residents(tx, edits, today=TODAY)

    single, bulk = _edited(tmp_path, "single", one_by_one), _edited(tmp_path, "bulk", in_bulk)
    assert bulk == single
    statuses = [(r["status"], r["resident_id"]) for r in bulk["status"]]
    assert (EmploymentStatus.EMPLOYED, "<李娜>") in statuses and len(statuses) == 4
    versions = {r["name"]: r["row_version"] for r in bulk["residents"]}
    assert versions == {"张伟": 2, "李娜": 2, "王芳": 1}  # the unchanged one is not touched


def _registered(station: StationSession) -> tuple[list[str], list[ResidentInput]]:
    inputs = _inputs(station.station.community_id)
    return [station.perform(register_resident, d, today=TODAY) for d in inputs], inputs


def _refused(station: StationSession, edits: list[Edit], error: type[Exception]) -> None:
    with pytest.raises(error):
        station.perform(update_residents, edits, today=TODAY)


def test_the_first_edit_refused_one_by_one_refuses_the_batch_and_nothing_is_saved(
    station: StationSession, db: Database
) -> None:
    ids, inputs = _registered(station)
    fine = (ids[0], 1, replace(inputs[0], phone="13800001111"))
    stale = (ids[1], 7, replace(inputs[1], phone="13800002222"))
    bad = (ids[2], 1, replace(inputs[2], name="王2"))
    _refused(station, [fine, stale, bad], ConflictError)
    _refused(station, [fine, bad, stale], ValidationError)
    with station.read() as rx:
        assert get_resident(rx, ids[0]).data.phone == "13912345678"
        assert {get_resident(rx, i).row_version for i in ids} == {1}


def test_an_id_number_is_refused_only_while_another_resident_holds_it(
    station: StationSession,
) -> None:
    ids, inputs = _registered(station)
    taken = (ids[0], 1, replace(inputs[0], id_number=inputs[1].id_number))
    _refused(station, [taken], DuplicateError)
    # The second resident leaves the number earlier in the batch: the first may take it.
    moved = (ids[1], 1, replace(inputs[1], id_number=_number("009")))
    station.perform(update_residents, [moved, taken], today=TODAY)
    with station.read() as rx:
        assert get_resident(rx, ids[0]).data.id_number == inputs[1].id_number
    # Two residents given one new number in one batch: the second is refused.
    first = (ids[2], 1, replace(inputs[2], id_number=_number("010")))
    second = (ids[1], 2, replace(inputs[1], id_number=_number("010")))
    _refused(station, [first, second], DuplicateError)


def test_a_second_edit_of_one_resident_in_a_batch_meets_the_first_ones_version(
    station: StationSession,
) -> None:
    ids, inputs = _registered(station)
    first = (ids[0], 1, replace(inputs[0], phone="13800001111"))
    again = (ids[0], 1, replace(inputs[0], phone="13800002222"))
    _refused(station, [first, again], ConflictError)
    unchanged = (ids[0], 1, inputs[0])
    station.perform(update_residents, [unchanged, again], today=TODAY)
    with station.read() as rx:
        assert get_resident(rx, ids[0]).data.phone == "13800002222"

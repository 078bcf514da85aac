"""Convergence under faults (hypothesis): 2–5 stations and the city, random edits, partial syncs.

Stations create, edit, delete and move residents and edit the city's employers, and sync at
random through a transport that loses requests and answers, answers 5xx and cuts bodies
short. After the network heals, every station must hold exactly the city's records of its
scope, with no update lost without a conflict, no duplicate and no deleted record back.
"""

from __future__ import annotations

import os
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from city_server.database import make_engine, session_factory
from city_server.entities import CITY_SCOPE
from city_server.models import AppliedChange, PurgedRecord, SyncCounter, SyncExit, SyncRecord
from city_server.schema import drop_schema
from station_app.models import (
    Community,
    Employer,
    EmployerType,
    EmploymentStatus,
    KeyGroup,
    Resident,
    ResidentKeyGroup,
    Sex,
)
from station_app.models.change_capture import plain
from station_app.models.community import community_id_for
from station_app.sync.client import SyncError
from tests.city_server.server_process import running_server
from tests.sync.faults import faulty_client
from tests.sync.sync_helpers import City, Station

CODES = ("341282001001", "341282001002")
EXAMPLES = int(os.environ.get("SYNC_PROPERTY_EXAMPLES", "12"))
POSTGRES_ENV = "CITY_SERVER_TEST_POSTGRES_URL"

station_sets = st.lists(st.sampled_from([(CODES[0],), (CODES[1],), CODES]), min_size=2, max_size=5)
steps = st.lists(
    st.tuples(
        st.sampled_from(
            ["create", "edit", "edit", "edit", "delete", "move", "employer", "employer_edit"]
            + ["sync"] * 4
        ),
        st.integers(0, 4),  # the station (modulo how many there are)
        st.integers(0, 1000),  # which record, which field, which fault sequence
    ),
    min_size=5,
    max_size=40,
)


@dataclass
class Edit:
    entity: str
    record_id: str
    name: str
    value: object
    saw: object  # the value the station had when it made the edit


@dataclass
class World:
    city: City
    stations: list[Station]
    rng: random.Random
    serial: int = 0
    edits: list[Edit] = field(default_factory=list)
    created: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)

    def unique(self) -> int:
        self.serial += 1
        return self.serial


def _scopes(station: Station) -> set[str]:
    return {community_id_for(code) for code in station.credentials.communities}


def _visible(station: Station, model: type[Any]) -> list[Any]:
    with station.db.session() as session:
        query = select(model).where(model.deleted.is_(False)).order_by(model.id)
        if model is Resident:
            query = query.where(model.scope_id.in_(sorted(_scopes(station))))
        return list(session.scalars(query))


def _create(world: World, station: Station, pick: int) -> None:
    # Into a community of its scope that it knows already (one it has not synced yet is not
    # there to choose).
    known = sorted(_scopes(station) & {c.id for c in _visible(station, Community)})
    scope = known[pick % len(known)]
    n = world.unique()
    with station.session.write("create") as tx:
        resident = Resident(
            scope_id=scope,
            community_id=scope,
            id_number=f"3412821990{n:08d}",
            name=f"居民{n}",
            sex=Sex.MALE,
            birth_date=date(1990, 1, 1),
            employment_status=EmploymentStatus.UNEMPLOYED,
            phone=f"139{n:08d}",
        )
        resident.key_groups.append(ResidentKeyGroup(key_group=KeyGroup.VETERAN))
        tx.session.add(resident)
        tx.session.flush()
        world.created.add(resident.id)


def _edit(world: World, station: Station, pick: int, model: type[Any], names: list[str]) -> None:
    rows = _visible(station, model)
    if not rows:
        return
    row_id = rows[pick % len(rows)].id
    name = names[(pick // 7) % len(names)]
    value = f"{name[:2]}{world.unique()}"
    with station.session.write("edit") as tx:
        row = tx.session.get(model, row_id)
        saw = getattr(row, name)
        setattr(row, name, value)
    world.edits.append(Edit(model.__entity__, row_id, name, value, saw))


def _delete(world: World, station: Station, pick: int) -> None:
    rows = _visible(station, Resident)
    if rows:
        row_id = rows[pick % len(rows)].id
        with station.session.write("delete") as tx:
            tx.session.get(Resident, row_id).deleted = True  # type: ignore[union-attr]
        world.deleted.add(row_id)


def _move(world: World, station: Station, pick: int) -> None:
    rows = _visible(station, Resident)
    if not rows:
        return
    row = rows[pick % len(rows)]
    # To the other community, once this station knows it (any community, served or not).
    others = [c.id for c in _visible(station, Community) if c.id != row.scope_id]
    if not others:
        return
    target = others[0]
    with station.session.write("move") as tx:
        resident = tx.session.get(Resident, row.id)
        assert resident is not None
        saw = resident.community_id
        resident.community_id = target
        resident.scope_id = target
    world.edits.append(Edit("resident", row.id, "community_id", target, saw))


def _new_employer(world: World, station: Station) -> None:
    n = world.unique()
    with station.session.write("employer") as tx:
        tx.session.add(
            Employer(
                scope_id=CITY_SCOPE,
                name=f"企业{n}",
                credit_code=f"91341282MA{n:08d}",
                employer_type=EmployerType.ENTERPRISE,
            )
        )


def _sync(world: World, station: Station, seed: int, *, rate: float) -> None:
    http = faulty_client(station.http, random.Random(seed), rate) if rate else None
    try:
        station.sync(http, page_size=3, push_batch=2)
    except SyncError:
        pass  # the network failed: the next sync goes on from where this one stopped
    finally:
        if http is not None:
            http.close()


def _run(world: World, plan: list[tuple[str, int, int]]) -> None:
    for action, who, pick in plan:
        station = world.stations[who % len(world.stations)]
        if action == "create":
            _create(world, station, pick)
        elif action == "edit":
            _edit(world, station, pick, Resident, ["name", "phone", "address"])
        elif action == "delete":
            _delete(world, station, pick)
        elif action == "move":
            _move(world, station, pick)
        elif action == "employer":
            _new_employer(world, station)
        elif action == "employer_edit":
            _edit(world, station, pick, Employer, ["name", "address"])
        else:
            _sync(world, station, pick, rate=0.4)
    for _round in range(3):  # the network heals
        for station in world.stations:
            _sync(world, station, 0, rate=0)


def _city_records(world: World) -> dict[tuple[str, str], SyncRecord]:
    engine = make_engine(world.city.settings.database_url)
    with session_factory(engine)() as session:
        records = {(r.entity, r.id): r for r in session.scalars(select(SyncRecord))}
    engine.dispose()
    return records


def _check(world: World) -> None:
    records = _city_records(world)
    live = {key: r for key, r in records.items() if not r.deleted}
    # Every replica equals the city for its scope, field by field.
    for station in world.stations:
        scopes = _scopes(station) | {CITY_SCOPE}
        expected = {key: r for key, r in live.items() if r.scope_id in scopes}
        rows = station.rows()
        assert set(rows) == set(expected), station.data_dir.name
        for key, record in expected.items():
            assert rows[key]["scope_id"] == record.scope_id
            for name, value in record.fields.items():
                assert plain(rows[key][name]) == value, (key, name)
    # No duplicate, nothing lost: each resident created is at the city exactly once.
    residents = {key[1] for key in records if key[0] == "resident"}
    assert world.created <= residents
    # No deleted record comes back.
    for resident_id in world.deleted:
        assert ("resident", resident_id) not in live
    # Every update is kept, knowingly replaced, or shown in a conflict.
    conflicts = [r.fields for key, r in live.items() if key[0] == "sync_conflict"]
    for edit in world.edits:
        record = live.get((edit.entity, edit.record_id))
        if record is None or record.fields.get(edit.name) == edit.value:
            continue
        replaced = any(
            later.record_id == edit.record_id
            and later.name == edit.name
            and later.saw == edit.value
            for later in world.edits
        )
        shown = any(
            c["entity_id"] == edit.record_id
            and c["field"] == edit.name
            and edit.value in (c["kept_value"], c["other_value"])
            for c in conflicts
        )
        assert replaced or shown, f"lost update: {edit}"


def _converge(
    sets: list[tuple[str, ...]],
    plan: list[tuple[str, int, int]],
    *,
    database_url: str | None = None,
    base_url: str | None = None,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        world = World(City(Path(folder), database_url, base_url=base_url), [], random.Random(0))
        with world.city.client() as http:
            world.stations = [
                world.city.station(http, f"s{n}", *codes) for n, codes in enumerate(sets)
            ]
            try:
                _run(world, plan)
                _check(world)
            finally:
                for station in world.stations:
                    station.db.close()


EXAMPLE_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@EXAMPLE_SETTINGS
@given(sets=station_sets, plan=steps)
def test_stations_converge_with_the_city_whatever_the_network_does(
    sets: list[tuple[str, ...]], plan: list[tuple[str, int, int]]
) -> None:
    _converge(sets, plan)


@pytest.fixture(scope="module")
def postgres_server() -> Iterator[tuple[str, str]]:
    """A real city server with two workers on PostgreSQL (CI provides the database)."""
    url = os.environ.get(POSTGRES_ENV, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: CI runs the sync on PostgreSQL")
        pytest.skip(f"PostgreSQL: set {POSTGRES_ENV} (see scripts/postgres-for-tests)")
    engine = make_engine(url)
    drop_schema(engine)
    engine.dispose()
    with running_server(url, workers=2) as base_url:
        yield url, base_url


@EXAMPLE_SETTINGS
@given(sets=station_sets, plan=steps)
def test_stations_converge_through_two_server_workers_on_postgresql(
    postgres_server: tuple[str, str], sets: list[tuple[str, ...]], plan: list[tuple[str, int, int]]
) -> None:
    database_url, base_url = postgres_server
    _forget_synced_data(database_url)
    _converge(sets, plan, database_url=database_url, base_url=base_url)


def _forget_synced_data(database_url: str) -> None:
    """Each example starts from an empty city (the stations registered stay, unused)."""
    engine = make_engine(database_url)
    with session_factory(engine)() as session, session.begin():
        for model in (SyncRecord, SyncExit, AppliedChange, PurgedRecord):
            session.execute(delete(model))
        session.execute(update(SyncCounter).values(value=0, horizon=0))
    engine.dispose()

"""Stations syncing through a real city server: they converge, keep unsent edits, see conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from station_app.models import (
    ChangeLogEntry,
    EmployerType,
    EmploymentStatus,
    KeyGroup,
    MergeCase,
    Resident,
    SyncConflict,
    SyncState,
)
from station_app.models.community import community_id_for
from station_app.services.employers import EmployerInput, register_employer, update_employer
from station_app.services.residents import ResidentInput, register_resident, update_resident
from station_app.sync import outbox
from station_app.sync.engine import SyncReport
from station_app.validation.credit_code import compute_credit_check_character
from station_app.validation.id_number import compute_id_check_character
from tests.sync.sync_helpers import City, Station

NORTH, SOUTH = "341282001001", "341282001002"


def id_number(serial: int) -> str:
    body = f"34128219900307{serial:03d}"
    return body + compute_id_check_character(body)


@contextmanager
def two_stations(tmp_path: Path) -> Iterator[tuple[Station, Station]]:
    """Two stations of the north community and their city, in this process."""
    city = City(tmp_path)
    with city.client() as http:
        yield city.station(http, "a", NORTH), city.station(http, "b", NORTH)


def register(station: Station, serial: int = 1, code: str = NORTH, **changes: object) -> str:
    data = ResidentInput(
        id_number=id_number(serial),
        name="张伟",
        community_id=community_id_for(code),
        employment_status=EmploymentStatus.UNEMPLOYED,
        phone="13912345678",
        key_groups=frozenset({KeyGroup.VETERAN}),
        skills=("6-31-01-03",),
        consent_given=True,
        consent_date=date(2025, 5, 20),
    )
    return station.session.perform(register_resident, replace(data, **changes))  # type: ignore[arg-type]


def edit(station: Station, resident_id: str, **changes: object) -> None:
    from station_app.services.residents import get_resident

    detail = station.session.query(get_resident, resident_id)
    station.session.perform(
        update_resident,
        resident_id,
        detail.row_version,
        replace(detail.data, **changes),  # type: ignore[arg-type]
    )


def employer(station: Station, name: str = "界首纺织有限公司") -> str:
    body = "91341282MA2N0000X"
    data = EmployerInput(
        name=name,
        credit_code=body + compute_credit_check_character(body),
        employer_type=EmployerType.ENTERPRISE,
    )
    return station.session.perform(register_employer, data)


def test_two_stations_of_one_community_converge_and_the_others_see_only_the_citys(
    tmp_path: Path,
) -> None:
    city = City(tmp_path)
    with city.client() as http:
        a = city.station(http, "a", NORTH)
        b = city.station(http, "b", NORTH)
        c = city.station(http, "c", SOUTH)
        resident_id = register(a)
        first = a.sync()
        assert first.pushed >= 3  # the community, the resident, its status history
        b.sync()
        c.sync()
        assert a.rows() == b.rows()
        assert ("resident", resident_id) in b.rows()
        assert ("resident", resident_id) not in c.rows()
        assert {key[0] for key in c.rows()} == {"community"}
        # What the pull brought in reached the views, as a sync's change.
        assert any(cs.source == "sync" and resident_id in cs.of("resident") for cs in b.published)
        # A sync with nothing new sends and brings nothing new.
        b.sync()  # the south community, which c brought to the city
        again = b.sync()
        assert again.pushed == 0 and again.pulled == 0


def test_a_pull_never_overwrites_a_field_with_unsent_edits_and_the_city_records_the_clash(
    tmp_path: Path,
) -> None:
    with two_stations(tmp_path) as (a, b):
        resident_id = register(a)
        a.sync()
        b.sync()
        edit(a, resident_id, phone="13800000001", address="东城路1号")
        edit(b, resident_id, phone="13800000002")
        a.sync()
        # b has not pushed yet: its pull would bring a's phone, but b's own edit stays.
        b.engine()._pull_all(SyncReport())
        with b.db.session() as session:
            row = session.get(Resident, resident_id)
            assert row is not None
            assert row.phone == "13800000002" and row.address == "东城路1号"
        b.sync()
        a.sync()
        assert a.rows() == b.rows()
        resident = a.rows()[("resident", resident_id)]
        assert resident["phone"] == "13800000002"  # the later arrival at the city is kept
        [conflict] = [row for key, row in a.rows().items() if key[0] == "sync_conflict"]
        assert conflict["entity_id"] == resident_id and conflict["field"] == "phone"
        assert conflict["kept_value"] == "13800000002" and conflict["other_value"] == "13800000001"
        assert conflict["resolved"] is False


def test_a_resident_who_moves_leaves_the_old_station_and_arrives_with_their_history(
    tmp_path: Path,
) -> None:
    city = City(tmp_path)
    with city.client() as http:
        north = city.station(http, "north", NORTH)
        both = city.station(http, "both", NORTH, SOUTH)  # serves the new community too
        south = city.station(http, "south", SOUTH)
        resident_id = register(north)
        edit(north, resident_id, employment_status=EmploymentStatus.EMPLOYED)
        north.sync()
        south.sync()  # knows the south community, so the move may name it
        north.sync()
        edit(north, resident_id, community_id=community_id_for(SOUTH))
        north.sync()
        south.sync()
        both.sync()
        assert ("resident", resident_id) not in north.rows()
        moved = south.rows()
        assert moved[("resident", resident_id)]["scope_id"] == community_id_for(SOUTH)
        history = [row for key, row in moved.items() if key[0] == "employment_status_change"]
        assert len(history) == 2 and {row["resident_id"] for row in history} == {resident_id}
        assert not [key for key in north.rows() if key[0] == "employment_status_change"]
        assert south.rows() == {k: v for k, v in both.rows().items() if k in south.rows()}


def test_one_id_number_at_two_stations_is_a_merge_case_not_a_crash(tmp_path: Path) -> None:
    with two_stations(tmp_path) as (a, b):
        first, second = register(a), register(b)
        a.sync()
        b.sync()
        a.sync()
        for station in (a, b):
            rows = station.rows()
            assert ("resident", first) in rows and ("resident", second) in rows
            with station.db.session() as session:
                [case] = session.scalars(select(MergeCase)).all()
                assert {case.first_id, case.second_id} == {first, second}
                assert case.resolved is False


def test_a_new_station_gets_the_city_by_snapshot_and_a_station_with_old_data_sends_it(
    tmp_path: Path,
) -> None:
    city = City(tmp_path)
    with city.client() as http:
        a = city.station(http, "a", NORTH)
        ids = [register(a, serial=n) for n in range(1, 8)]
        # Rows that predate the change log (as the demo's, or an old database's) are sent too.
        with a.db.session() as session, session.begin():
            session.query(ChangeLogEntry).delete()
        report = a.sync(page_size=3, push_batch=4)
        assert report.seeded > 7
        b = city.station(http, "b", NORTH)
        shot = b.sync(page_size=3)
        assert shot.snapshot >= 7
        assert {("resident", i) for i in ids} <= set(b.rows())
        assert a.rows() == b.rows()
        with b.db.session() as session:
            assert session.get(SyncState, 1).cursor > 0  # type: ignore[union-attr]
            assert outbox.pending_count(session) == 0


def test_a_conflict_resolved_at_one_station_is_resolved_at_all(tmp_path: Path) -> None:
    with two_stations(tmp_path) as (a, b):
        employer_id = employer(a)
        a.sync()
        b.sync()
        for station, name in ((a, "界首纺织甲"), (b, "界首纺织乙")):
            from station_app.services.employers import get_employer

            version, data = station.session.query(get_employer, employer_id)
            station.session.perform(update_employer, employer_id, version, replace(data, name=name))
        a.sync()
        b.sync()
        a.sync()
        with a.db.session() as session, session.begin():
            [conflict] = session.scalars(select(SyncConflict)).all()
            conflict.resolved = True
            conflict.resolution = "kept"
        a.sync()
        b.sync()
        with b.db.session() as session:
            [conflict] = session.scalars(select(SyncConflict)).all()
            assert conflict.resolved is True and conflict.resolution == "kept"


def test_a_station_clock_days_off_changes_nothing(tmp_path: Path, monkeypatch: Any) -> None:
    import datetime as dt

    from station_app.models import change_capture

    city = City(tmp_path)
    with city.client() as http:
        fast = city.station(http, "fast", NORTH)
        slow = city.station(http, "slow", NORTH)
        resident_id = register(fast)
        fast.sync()
        slow.sync()
        real_now = change_capture.utc_now
        # The fast station's clock is four days ahead, the slow one's ten days behind.
        monkeypatch.setattr(change_capture, "utc_now", lambda: real_now() + dt.timedelta(days=4))
        edit(fast, resident_id, phone="13800000004")
        monkeypatch.setattr(change_capture, "utc_now", lambda: real_now() - dt.timedelta(days=10))
        edit(slow, resident_id, phone="13800000010", address="西城路10号")
        fast.sync()
        slow.sync()  # arrives last: its value is kept, whatever its clock said
        fast.sync()
        monkeypatch.setattr(change_capture, "utc_now", real_now)
        assert fast.rows() == slow.rows()
        resident = fast.rows()[("resident", resident_id)]
        assert resident["phone"] == "13800000010" and resident["address"] == "西城路10号"
        [conflict] = [row for key, row in fast.rows().items() if key[0] == "sync_conflict"]
        assert conflict["other_value"] == "13800000004"
        # The stations' times are kept for showing who changed what when, as they said.
        assert conflict["kept_at"] < conflict["other_at"]


def test_a_worker_takes_the_other_value_of_a_conflict_and_every_station_gets_it(
    tmp_path: Path,
) -> None:
    from station_app.services.sync_cases import list_open_cases, resolve_conflict

    with two_stations(tmp_path) as (a, b):
        resident_id = register(a)
        a.sync()
        b.sync()
        edit(a, resident_id, phone="13800000001")
        edit(b, resident_id, phone="13800000002")
        a.sync()
        b.sync()
        a.sync()
        [case] = a.session.query(list_open_cases)
        assert case.kind == "conflict" and case.record_label == "张伟" and case.field == "phone"
        assert (case.kept_value, case.other_value) == ("13800000002", "13800000001")
        a.session.perform(resolve_conflict, case.id, use_other=True)
        assert a.session.query(list_open_cases) == []
        a.sync()
        b.sync()
        assert b.rows()[("resident", resident_id)]["phone"] == "13800000001"
        assert b.session.query(list_open_cases) == []
        assert a.rows() == b.rows()


def test_a_merge_case_keeps_one_record_and_moves_the_history_to_it(tmp_path: Path) -> None:
    from station_app.services.sync_cases import list_open_cases, resolve_merge

    with two_stations(tmp_path) as (a, b):
        first, second = register(a), register(b)
        a.sync()
        b.sync()
        a.sync()
        [case] = a.session.query(list_open_cases)
        assert case.kind == "merge" and case.both_here
        a.session.perform(resolve_merge, case.id, first)
        a.sync()
        b.sync()
        rows = b.rows()
        assert ("resident", first) in rows and ("resident", second) not in rows
        history = [r for k, r in rows.items() if k[0] == "employment_status_change"]
        assert {r["resident_id"] for r in history} == {first} and len(history) == 2
        assert b.session.query(list_open_cases) == []


def test_a_settled_station_folds_its_hello_into_its_first_request(tmp_path: Path) -> None:
    with two_stations(tmp_path) as (a, b):
        engine = a.engine()
        engine.run()  # the first sync: hello, snapshot, pull
        paths: list[str] = []
        a.http.event_hooks["request"].append(lambda request: paths.append(request.url.path))
        register(b, 1)
        b.sync()
        paths.clear()
        report = engine.run()
        assert paths == ["/v1/sync/pull"]
        assert report.pulled >= 1 and a.rows() == b.rows()
        edit(a, next(iter(k[1] for k in a.rows() if k[0] == "resident")), phone="13800000009")
        paths.clear()
        report = engine.run()  # something to send: the push (with the hello), then the pull
        assert paths == ["/v1/sync/push", "/v1/sync/pull"] and report.pushed == 1
        b.sync()
        assert a.rows() == b.rows()


def test_key_groups_changed_at_one_station_replace_the_others_and_leave_the_rest(
    tmp_path: Path,
) -> None:
    with two_stations(tmp_path) as (a, b):
        changed = register(a, 1)
        kept = register(a, 2)
        a.sync()
        b.sync()
        edit(a, changed, key_groups=frozenset({KeyGroup.DISABLED, KeyGroup.MIGRANT_WORKER}))
        a.sync()
        b.sync()
        rows = b.rows()
        assert rows[("resident", changed)]["key_groups"] == sorted(
            [KeyGroup.DISABLED.value, KeyGroup.MIGRANT_WORKER.value]
        )
        assert rows[("resident", kept)]["key_groups"] == [KeyGroup.VETERAN.value]
        assert rows == a.rows()

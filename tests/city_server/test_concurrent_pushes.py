"""Pushes that run at the same time on one database still number every change once, in order,
lose no field of a record they share and find every record with one natural key."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from sqlalchemy import func, select

from city_server import sync
from city_server.api import create_app
from city_server.database import make_engine, session_factory
from city_server.entities import CITY_SCOPE, community_id_for
from city_server.models import SyncRecord
from city_server.settings import ServerSettings

THREADS, PUSHES, CHANGES = 4, 12, 3


def _employer_change() -> sync.IncomingChange:
    return sync.IncomingChange(
        change_id=str(uuid.uuid4()),
        entity="employer",
        id=str(uuid.uuid4()),
        scope_id=CITY_SCOPE,
        op="create",
        fields={"name": "界首纺织有限公司"},
        base_version=0,
        actor="worker",
        changed_at=None,
    )


def test_concurrent_pushes_hand_out_each_sequence_number_once(
    server_settings: ServerSettings,
) -> None:
    create_app(server_settings)  # the tables and the counter
    engine = make_engine(server_settings.database_url)
    sessions = session_factory(engine)

    def station(n: int) -> None:
        scope = sync.StationScope(f"station-{n}", ())
        for _ in range(PUSHES):
            with sessions() as session:
                results = sync.push(session, scope, [_employer_change() for _ in range(CHANGES)])
                session.commit()
            seqs = [result["seq"] for result in results]
            assert seqs == sorted(seqs) and len(set(seqs)) == CHANGES

    _run_at_once(THREADS, station)
    with sessions() as session:
        seqs = session.scalars(select(SyncRecord.seq)).all()
        total = session.scalar(select(func.count()).select_from(SyncRecord))
        top = session.scalar(select(func.max(SyncRecord.seq)))
    engine.dispose()
    assert total == THREADS * PUSHES * CHANGES
    assert len(set(seqs)) == total and top == total  # every number once, none skipped


def _push_as_the_api_does(sessions: Any, scope: sync.StationScope, changes: list[Any]) -> None:
    """One push in its own transaction, started again when it finds a record busy."""
    with sessions() as session:
        sync.push_when_free(session, scope, changes, attempts=1000)
        session.commit()


def _run_at_once(count: int, work: Any) -> None:
    start = threading.Barrier(count)
    failures: list[BaseException] = []

    def run(n: int) -> None:
        try:
            start.wait()
            work(n)
        except BaseException as error:  # reported below, on the test thread
            failures.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures


def test_concurrent_edits_of_one_record_keep_every_field(server_settings: ServerSettings) -> None:
    create_app(server_settings)
    engine = make_engine(server_settings.database_url)
    sessions = session_factory(engine)
    employer = _employer_change()
    _push_as_the_api_does(sessions, sync.StationScope("station-0", ()), [employer])

    def station(n: int) -> None:
        scope = sync.StationScope(f"station-{n}", ())
        for i in range(PUSHES):
            edit = sync.IncomingChange(
                change_id=str(uuid.uuid4()),
                entity="employer",
                id=employer.id,
                scope_id=CITY_SCOPE,
                op="update",
                fields={f"note_{n}_{i}": f"{n}-{i}"},
                base_version=0,
            )
            _push_as_the_api_does(sessions, scope, [edit])

    _run_at_once(THREADS, station)
    with sessions() as session:
        record = session.get(SyncRecord, ("employer", employer.id))
        assert record is not None
        fields = record.fields
    engine.dispose()
    expected = {f"note_{n}_{i}" for n in range(THREADS) for i in range(PUSHES)}
    assert expected <= set(fields)  # no push wrote over another's field


def test_one_id_number_pushed_at_once_by_many_stations_makes_every_merge_case(
    server_settings: ServerSettings,
) -> None:
    create_app(server_settings)
    engine = make_engine(server_settings.database_url)
    sessions = session_factory(engine)

    def station(n: int) -> None:
        scope = sync.StationScope(f"station-{n}", (f"COMMUNITY-{n}",))
        community = community_id_for(f"COMMUNITY-{n}")
        resident = sync.IncomingChange(
            change_id=str(uuid.uuid4()),
            entity="resident",
            id=str(uuid.uuid4()),
            scope_id=community,
            op="create",
            fields={"id_number": "341282199001011234", "name": f"居民{n}"},
            base_version=0,
        )
        _push_as_the_api_does(sessions, scope, [resident])

    _run_at_once(THREADS, station)
    with sessions() as session:
        cases = session.scalars(select(SyncRecord).where(SyncRecord.entity == "merge_case")).all()
        seqs = session.scalars(select(SyncRecord.seq)).all()
    engine.dispose()
    pairs = {(case.fields["first_id"], case.fields["second_id"]) for case in cases}
    assert len(pairs) == THREADS * (THREADS - 1) // 2  # every two of them
    assert len(cases) == 2 * len(pairs)  # in the scope of each
    assert sorted(seqs) == list(range(1, len(seqs) + 1))  # every number once, none skipped

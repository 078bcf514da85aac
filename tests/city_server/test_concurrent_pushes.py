"""Pushes that run at the same time on one database still number every change once, in order."""

from __future__ import annotations

import threading
import uuid

from sqlalchemy import func, select

from city_server import sync
from city_server.api import create_app
from city_server.database import make_engine, session_factory
from city_server.entities import CITY_SCOPE
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
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def station(n: int) -> None:
        scope = sync.StationScope(f"station-{n}", ())
        try:
            start.wait()
            for _ in range(PUSHES):
                with sessions() as session:
                    results = sync.push(
                        session, scope, [_employer_change() for _ in range(CHANGES)]
                    )
                    session.commit()
                seqs = [result["seq"] for result in results]
                assert seqs == sorted(seqs) and len(set(seqs)) == CHANGES
        except BaseException as error:  # reported below, on the test thread
            failures.append(error)

    threads = [threading.Thread(target=station, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    with sessions() as session:
        seqs = session.scalars(select(SyncRecord.seq)).all()
        total = session.scalar(select(func.count()).select_from(SyncRecord))
        top = session.scalar(select(func.max(SyncRecord.seq)))
    engine.dispose()
    assert total == THREADS * PUSHES * CHANGES
    assert len(set(seqs)) == total and top == total  # every number once, none skipped

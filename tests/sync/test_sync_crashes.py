"""The station process killed at each commit point of a sync: the next sync repairs it all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from city_server.database import make_engine, session_factory
from city_server.models import SyncRecord
from station_app import paths
from station_app.database import open_database
from station_app.models import ChangeLogEntry, Resident
from tests.sync.sync_helpers import City, Station
from tests.sync.test_sync_engine import NORTH, edit, register

RUNNER = Path(__file__).with_name("crash_runner.py")
PUSH_BATCH, PAGE_SIZE = 2, 2


def _world(tmp_path: Path) -> tuple[City, Station, Station, list[str]]:
    """Station a has unsent residents and edits; b has sent some that a has yet to pull."""
    city = City(tmp_path)
    with city.client() as http:
        a = city.station(http, "a", NORTH)
        b = city.station(http, "b", NORTH)
        theirs = [register(b, serial) for serial in range(1, 4)]
        b.sync()
        a.sync()
        edit(b, theirs[0], name="李四")
        b.sync()
        mine = [register(a, serial) for serial in range(10, 14)]
        edit(a, theirs[1], phone="13800000009")
    a.db.close()
    return city, a, b, mine


def _run_until(city: City, station: Station, stop_at: int) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, str(RUNNER), city.settings.database_url, str(station.data_dir)]
    command += [str(stop_at), str(PUSH_BATCH), str(PAGE_SIZE)]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )


def _count_residents(city: City) -> int:
    engine = make_engine(city.settings.database_url)
    with session_factory(engine)() as session:
        count = session.scalar(
            select(func.count()).select_from(SyncRecord).where(SyncRecord.entity == "resident")
        )
    engine.dispose()
    return int(count or 0)


def test_a_sync_killed_at_any_commit_point_is_repaired_by_the_next(tmp_path: Path) -> None:
    # How many commit points one whole sync of this world passes.
    city, a, _b, _mine = _world(tmp_path / "count")
    whole = _run_until(city, a, 10**6)
    assert whole.returncode == 0, whole.stderr
    points = int(whole.stdout.split()[-1])
    assert points >= 6
    for stop_at in range(1, points + 1):
        city, a, b, mine = _world(tmp_path / f"stop{stop_at}")
        stopped = _run_until(city, a, stop_at)
        assert stopped.returncode == 17, stopped.stderr
        a.db = open_database(paths.database_path(a.data_dir))
        with city.client() as http:
            a.http = b.http = http
            a.sync()
            b.sync()
            a.sync()
        assert a.rows() == b.rows(), f"diverged after stopping at {stopped.stdout.strip()}"
        assert _count_residents(city) == 7  # each once: no duplicate from a repeated push
        with a.db.session() as session:
            unsent = session.scalar(
                select(func.count())
                .select_from(ChangeLogEntry)
                .where(ChangeLogEntry.pushed_seq.is_(None))
            )
            assert unsent == 0
            assert {r.id for r in session.scalars(select(Resident))} >= set(mine)
        a.db.close()
        b.db.close()

"""Builds the benchmark-size demo database once and reuses it (benchmarks/.cache/)."""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from station_app.database import open_database, stored_revision
from station_app.demo import SCALE, generate_demo_database
from station_app.migrations import HEAD_REVISION

CACHE = Path(__file__).resolve().parent / ".cache"


def scale_data_dir() -> Path:
    """The data dir holding the scale database; generated on first use (under two minutes)."""
    data_dir = CACHE / "scale"
    database = data_dir / "station.sqlite"
    if not database.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        partial = data_dir / "station.partial.sqlite"
        partial.unlink(missing_ok=True)
        started = time.perf_counter()
        generate_demo_database(
            partial, SCALE, progress=lambda m: print("  " + m, file=sys.stderr)
        ).close()
        partial.rename(database)
        print(f"built the scale database in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    elif stored_revision(database) != HEAD_REVISION:
        # Built by an older version: upgraded once here, not in every benchmark's copy of it.
        with tempfile.TemporaryDirectory() as backups:
            open_database(database, backups=Path(backups)).close()
    return data_dir


def matching_data_dir() -> Path:
    """A copy of the scale database where every job is open (for bench_matching.py).

    The demo's 50,000 jobs are 62 % open (the rest paused, filled, closed or expired, as a
    real ledger is); the matching target speaks of 50,000 open jobs, so this copy reopens
    the others: open, valid today, with at least one place left. Nothing else changes.
    Built once, after the scale database (the triggers of migration 0010 index them).
    """
    data_dir = CACHE / "matching"
    database = data_dir / "station.sqlite"
    if database.exists():
        return data_dir
    source = scale_data_dir() / "station.sqlite"
    data_dir.mkdir(parents=True, exist_ok=True)
    partial = data_dir / "station.partial.sqlite"
    shutil.copyfile(source, partial)
    open_database(partial, backups=data_dir / "backups").close()  # brings it to the head
    today = date.today()
    with sqlite3.connect(partial) as con:
        con.execute(
            "UPDATE jobs SET status = 'open', "
            "filled = min(filled, headcount - 1), "
            "valid_from = min(valid_from, ?), "
            "valid_to = CASE WHEN valid_to IS NULL OR valid_to >= ? THEN valid_to ELSE ? END "
            "WHERE status != 'open' OR filled >= headcount",
            (today.isoformat(), today.isoformat(), (today + timedelta(days=90)).isoformat()),
        )
    partial.rename(database)
    return data_dir


if __name__ == "__main__":
    print(scale_data_dir())

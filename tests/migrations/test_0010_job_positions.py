"""Revision 0010: the R*Tree of open jobs filled from the jobs there, kept by triggers whoever
writes (an upsert as the sync's replica does, a delete, an employer that moves)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect

from tests.migrations.revisions import migrate

EMPLOYER = (
    "INSERT INTO employers (id, scope_id, row_version, deleted, created_at, updated_at, name, "
    "name_pinyin, credit_code, employer_type, key_enterprise, latitude, longitude) "
    "VALUES (?, 'city', 1, 0, '2026-12-01 00:00:00', '2026-12-01 00:00:00', ?, '', ?, "
    "'enterprise', 0, ?, ?)"
)
JOB = (
    "INSERT INTO jobs (id, scope_id, row_version, deleted, created_at, updated_at, employer_id, "
    "title, occupation_code, kind, headcount, filled, valid_from, status, latitude, longitude) "
    "VALUES (?, 'city', 1, 0, '2026-12-01 00:00:00', '2026-12-01 00:00:00', ?, 'job', "
    "'4-01-02-03', 'regular', 2, ?, '2026-11-01', ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET status = excluded.status, filled = excluded.filled"
)


def _indexed(con: sqlite3.Connection) -> dict[str, tuple[float, float, int]]:
    rows = con.execute(
        "SELECT k.job_id, p.min_lat, p.min_lon, p.min_occupation "
        "FROM job_positions p JOIN job_positions_key k ON k.key = p.key"
    )
    return {job: (lat, lon, int(occupation)) for job, lat, lon, occupation in rows}


def test_the_upgrade_indexes_the_open_jobs_and_the_triggers_keep_them(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    migrate(path, "0007")
    with sqlite3.connect(path) as con:
        con.execute(EMPLOYER, ("e1", "甲", "c1", 33.25, 115.37))
        con.execute(EMPLOYER, ("e2", "乙", "c2", None, None))
        con.execute(JOB, ("open", "e1", 0, "open", None, None))
        con.execute(JOB, ("own", "e2", 1, "open", 33.3, 115.4))
        con.execute(JOB, ("nowhere", "e2", 0, "open", None, None))
        con.execute(JOB, ("closed", "e1", 0, "closed", None, None))
        con.execute(JOB, ("full", "e1", 2, "open", None, None))
    migrate(path, "0010")
    with sqlite3.connect(path) as con:
        indexed = _indexed(con)
        assert set(indexed) == {"open", "own"}
        assert indexed["open"][2] == 4010203
        assert abs(indexed["open"][0] - 33.25) < 3e-5 and abs(indexed["own"][1] - 115.4) < 3e-5
        # The sync's replica writes with an upsert: a job filled and one reopened.
        con.execute(JOB, ("open", "e1", 2, "open", None, None))
        con.execute(JOB, ("closed", "e1", 0, "open", None, None))
        assert set(_indexed(con)) == {"own", "closed"}
        # An employer moves: its jobs without their own position move with it.
        con.execute("UPDATE employers SET latitude = 33.2 WHERE id = 'e1'")
        assert abs(_indexed(con)["closed"][0] - 33.2) < 3e-5
        con.execute("UPDATE employers SET latitude = 33.2, longitude = 115.3 WHERE id = 'e2'")
        assert set(_indexed(con)) == {"own", "closed", "nowhere"}
        assert abs(_indexed(con)["own"][0] - 33.3) < 3e-5  # its own position stays
        con.execute("UPDATE jobs SET deleted = 1 WHERE id = 'own'")
        con.execute("DELETE FROM jobs WHERE id = 'nowhere'")
        assert set(_indexed(con)) == {"closed"}
        keys = {row[0] for row in con.execute("SELECT job_id FROM job_positions_key")}
        assert keys == {"open", "own", "closed", "full"}
        columns = {row[1] for row in con.execute("PRAGMA table_info(service_records)")}
        assert "job_id" in columns


def test_downgrade_to_0007_drops_them(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    migrate(path, "0010")
    migrate(path, "0007", down=True)
    engine = create_engine(f"sqlite:///{path}")
    try:
        inspector = inspect(engine)
        assert not {"job_positions", "job_positions_key"} & set(inspector.get_table_names())
        assert "job_id" not in {c["name"] for c in inspector.get_columns("service_records")}
    finally:
        engine.dispose()
    with sqlite3.connect(path) as con:
        triggers = con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    assert triggers == []

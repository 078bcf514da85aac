"""Revision 0006 adds recognitions and their steps and the day a resident left school."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from station_app.database import upgrade

STORED = Path(__file__).parent.parent / "data"


def test_upgrade_from_0008_keeps_the_data_and_adds_the_new_tables(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        upgrade(engine, "0008")
        with sqlite3.connect(path) as connection:
            residents = connection.execute("SELECT id, name FROM residents ORDER BY id").fetchall()
            history = connection.execute(
                "SELECT id, status, since FROM employment_status_changes ORDER BY id"
            ).fetchall()
        assert residents and history
        upgrade(engine, "0006")
    finally:
        engine.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT id, name FROM residents ORDER BY id").fetchall() == (
            residents
        )
        assert connection.execute("SELECT school_left_on FROM residents").fetchall() == [
            (None,)
        ] * len(residents)
        assert (
            connection.execute(
                "SELECT id, status, since FROM employment_status_changes ORDER BY id"
            ).fetchall()
            == history
        )
        resident_id = residents[0][0]
        connection.execute(
            "INSERT INTO recognitions (id, scope_id, row_version, deleted, created_at, "
            "updated_at, resident_id, categories, evidence, state, applied_on) VALUES "
            "('r1', 'c', 1, 0, '2025-01-01', '2025-01-01', ?, '[]', '[]', 'applied', "
            "'2025-01-01')",
            (resident_id,),
        )
        connection.execute(
            "INSERT INTO recognition_steps (id, scope_id, row_version, deleted, created_at, "
            "updated_at, recognition_id, resident_id, kind, on_day, recorded_by) VALUES "
            "('s1', 'c', 1, 0, '2025-01-01', '2025-01-01', 'r1', ?, 'application', "
            "'2025-01-01', 'admin')",
            (resident_id,),
        )
        assert connection.execute("SELECT kind FROM recognition_steps").fetchall() == [
            ("application",)
        ]

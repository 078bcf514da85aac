"""Revision 0009 adds the reason, employer and worker to the status history, keeping every entry."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from station_app.database import create_sqlite_engine, current_revision, upgrade

STORED = Path(__file__).parent.parent / "data"


def test_the_upgrade_from_0005_keeps_the_history(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    engine = create_sqlite_engine(path)
    try:
        upgrade(engine, "0005")
        with sqlite3.connect(path) as connection:
            before = connection.execute(
                "SELECT id, resident_id, status, since FROM employment_status_changes ORDER BY id"
            ).fetchall()
        assert before
        upgrade(engine, "0009")
        assert current_revision(engine) == "0009"
    finally:
        engine.dispose()
    with sqlite3.connect(path) as connection:
        after = connection.execute(
            "SELECT id, resident_id, status, since, reason, employer_id, recorded_by "
            "FROM employment_status_changes ORDER BY id"
        ).fetchall()
        indexes = {
            row[1] for row in connection.execute("PRAGMA index_list(employment_status_changes)")
        }
    assert [row[:4] for row in after] == before
    assert {row[4:] for row in after} == {(None, None, None)}
    assert "ix_employment_status_changes_history" in indexes
    assert "ix_employment_status_changes_employer_id" in indexes

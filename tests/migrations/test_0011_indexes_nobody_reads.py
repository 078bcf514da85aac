"""Revision 0011 drops five indexes; the lookups they served still read an index."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from station_app.database import create_sqlite_engine, current_revision, upgrade
from tests.migrations.revisions import migrate

STORED = Path(__file__).parent.parent / "data"
DROPPED = {
    "ix_audit_events_action",
    "ix_audit_events_scope_id",
    "ix_change_log_transaction_id",
    "ix_residents_community_id",
    "ix_employment_status_changes_resident_id",
}


def _indexes(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    return {name for (name,) in rows}


def _plan(connection: sqlite3.Connection, sql: str) -> str:
    return " ".join(row[-1] for row in connection.execute("EXPLAIN QUERY PLAN " + sql))


def test_the_upgrade_drops_the_indexes_and_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    tables = ("residents", "employment_status_changes", "audit_events", "change_log")
    engine = create_sqlite_engine(path)
    try:
        upgrade(engine, "0010")
        with sqlite3.connect(path) as connection:
            before = {t: connection.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
            assert _indexes(connection) >= DROPPED
        upgrade(engine, "0011")
        assert current_revision(engine) == "0011"
    finally:
        engine.dispose()
    with sqlite3.connect(path) as connection:
        after = {t: connection.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
        assert not DROPPED & _indexes(connection)
        by_community = _plan(connection, "SELECT id FROM residents WHERE community_id = 'c'")
        by_resident = _plan(
            connection, "SELECT status FROM employment_status_changes WHERE resident_id = 'r'"
        )
    assert after == before and before["residents"]
    assert "ix_residents_matching" in by_community
    assert "ix_employment_status_changes_history" in by_resident


def test_the_downgrade_builds_them_again(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    migrate(path, "0011")
    migrate(path, "0010", down=True)
    with sqlite3.connect(path) as connection:
        assert _indexes(connection) >= DROPPED

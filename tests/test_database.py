"""Opening a station database: pragmas, creation, upgrade in place with a backup, refusals."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from station_app.database import current_revision, head_revision, open_database
from station_app.errors import DatabaseError
from station_app.models import UserRole
from station_app.services.resident_search import ResidentSearchIndex

STORED = Path(__file__).parent / "data"


def test_new_database_is_created_at_head_with_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "station.sqlite")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    finally:
        db.close()
    assert not (tmp_path / "backups").exists()  # nothing to back up for a new file


def test_revision_0001_database_is_upgraded_in_place_without_loss(
    tmp_path: Path, session_as: Any
) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    before = _table_contents(path)

    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
        after = _table_contents(path)
        for table, rows in before.items():
            if table == "alembic_version":
                continue
            columns_before = rows["columns"]
            kept = [
                tuple(row[after[table]["columns"].index(c)] for c in columns_before)
                for row in after[table]["rows"]
            ]
            assert sorted(kept, key=repr) == sorted(rows["rows"], key=repr), table
        # The new search keys were filled in for the residents already registered.
        index = session_as(db, UserRole.ADMIN).query(ResidentSearchIndex.load)
        assert len(index) == 3
        assert len(index.search("zw")) == 1
        assert len(index.search("zengli")) == 1  # 曾 as a surname reads zeng
        assert len(index.search("oynn")) == 1
    finally:
        db.close()

    backups = list((tmp_path / "backups").glob("station-*-0001.sqlite"))
    assert len(backups) == 1
    assert _table_contents(backups[0]) == before


def test_database_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    original = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == original


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    path.write_bytes(b"this is not an SQLite file at all" * 100)
    with pytest.raises(DatabaseError):
        open_database(path)


def _table_contents(path: Path) -> dict[str, dict[str, list]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        result: dict[str, dict[str, list]] = {}
        for table in tables:
            cursor = con.execute(f'SELECT * FROM "{table}"')
            result[table] = {
                "columns": [d[0] for d in cursor.description],
                "rows": cursor.fetchall(),
            }
        return result
    finally:
        con.close()


def test_a_database_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()
    original = path.read_bytes()
    with pytest.raises(DatabaseError, match="another program"):
        open_database(path)
    assert path.read_bytes() == original


def test_the_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from station_app.models import Base

    db = open_database(tmp_path / "station.sqlite")
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_head_revision_constant_names_the_newest_migration() -> None:
    from station_app.migrations import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_a_failed_upgrade_is_a_clear_error_and_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypinyin

    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    before = _table_contents(path)

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("disk full")

    # Revision 0002 fails after it has altered the residents table, while filling it in.
    monkeypatch.setattr(pypinyin, "lazy_pinyin", broken)
    with pytest.raises(
        DatabaseError, match=r"could not be upgraded.*disk full.*a copy from before"
    ):
        open_database(path)
    assert _table_contents(path) == before  # the whole upgrade was rolled back
    (backup,) = (tmp_path / "backups").glob("station-*-0001.sqlite")
    assert _table_contents(backup) == before

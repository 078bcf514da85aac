"""Opening a station database: pragmas, creation, upgrade in place with a backup, refusals."""

from __future__ import annotations

import ast
import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from station_app import database
from station_app.database import current_revision, head_revision, open_database, stored_revision
from station_app.errors import DatabaseError
from station_app.models import UserRole
from station_app.models.community import community_id_for
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
        # Revision 0005 gives each community the id made from its code, everywhere it appears.
        communities = before["communities"]
        code_at, id_at = communities["columns"].index("code"), communities["columns"].index("id")
        moved = {row[id_at]: community_id_for(row[code_at]) for row in communities["rows"]}
        for table, rows in before.items():
            if table == "alembic_version":
                continue
            columns_before = rows["columns"]
            kept = [
                tuple(row[after[table]["columns"].index(c)] for c in columns_before)
                for row in after[table]["rows"]
            ]
            expected = [tuple(_moved(value, moved) for value in row) for row in rows["rows"]]
            assert sorted(kept, key=repr) == sorted(expected, key=repr), table
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


def _moved(value: object, moved: dict[str, str]) -> object:
    if not isinstance(value, str):
        return value
    for old, new in moved.items():
        value = value.replace(old, new)
    return value


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


def _not_job_positions(name: str | None, kind: str, _parents: object) -> bool:
    return not (kind == "table" and (name or "").startswith("job_positions"))


def test_the_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from station_app.models import Base

    db = open_database(tmp_path / "station.sqlite")
    try:
        with db.engine.connect() as connection:
            # The R*Tree of job positions and its key table are SQL only (triggers keep them).
            opts = {"compare_type": True, "include_name": _not_job_positions}
            context = MigrationContext.configure(connection, opts=opts)
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


def _listing(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: equal listings mean nothing was changed."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _backup_copy(folder: Path, stamp: str) -> Path:
    backups = folder / "backups"
    backups.mkdir(exist_ok=True)
    copy = backups / f"station-{stamp}-0001.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", copy)
    return copy


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(64 * 1024))


def _truncated(path: Path) -> None:
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('shopping list')")
    con.commit()
    con.close()


BAD_FILES = {"random bytes": _random_bytes, "truncated": _truncated, "foreign": _foreign}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_an_unusable_file_is_refused_untouched_naming_the_latest_backup(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "station.sqlite"
    BAD_FILES[kind](path)
    _backup_copy(tmp_path, "20240101T080000000000Z")
    latest = _backup_copy(tmp_path, "20250301T080000000000Z")
    before = _listing(tmp_path)
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"the latest backup copy is at {latest}" in message
    assert caught.value.code in {"database.damaged", "database.foreign"}
    assert caught.value.params == {"path": str(path), "backup": str(latest)}
    assert _listing(tmp_path) == before  # the file, and everything beside it, as it was


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_an_unusable_file_without_a_backup_says_only_where_it_is(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "station.sqlite"
    BAD_FILES[kind](path)
    before = _listing(tmp_path)
    with pytest.raises(DatabaseError, match="left as it is") as caught:
        open_database(path)
    assert str(path) in str(caught.value)
    assert "backup" not in str(caught.value)
    assert "backup" not in caught.value.params
    assert _listing(tmp_path) == before
    assert not (tmp_path / "backups").exists()


def test_a_damaged_file_is_told_apart_from_a_foreign_one(tmp_path: Path) -> None:
    damaged, foreign = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    _truncated(damaged)
    _foreign(foreign)
    with pytest.raises(DatabaseError, match="damaged") as caught:
        stored_revision(damaged)
    assert caught.value.code == "database.damaged"
    with pytest.raises(DatabaseError, match="another program") as caught:
        stored_revision(foreign)
    assert caught.value.code == "database.foreign"


def test_every_open_of_the_file_goes_through_connect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Engine, backup copy and revision check: one function to hook encryption into."""
    opened: list[tuple[str, bool]] = []
    real_connect = database.connect

    def spy(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
        opened.append((Path(path).parent.name + "/" + Path(path).name, read_only))
        return real_connect(path, read_only=read_only)

    monkeypatch.setattr(database, "connect", spy)
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    db = open_database(path)  # an old revision: revision check, backup copy, upgrade
    try:
        with db.session() as session:
            assert session.execute(text("SELECT count(*) FROM residents")).scalar() == 3
    finally:
        db.close()
    (copy,) = (tmp_path / "backups").iterdir()
    name = f"{tmp_path.name}/station.sqlite"
    assert opened[0] == (name, True)  # the revision check only reads
    assert opened[1:3] == [(name, False), (f"backups/{copy.name}", False)]
    assert opened[3:] and set(opened[3:]) == {(name, False)}  # the engine's connections


def test_only_connect_calls_sqlite3_connect() -> None:
    package = Path(database.__file__).resolve().parent
    callers = []
    for source in sorted(package.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr == "connect"
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "sqlite3"
                ):
                    callers.append(f"{source.relative_to(package)}:{function.name}")
    assert sorted(set(callers)) == ["database.py:connect"]


def test_connect_read_only_writes_nothing_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "odd name #1?.sqlite"  # characters a URI would misread
    _foreign(path)
    before = _listing(tmp_path)
    con = database.connect(path, read_only=True)
    try:
        assert con.execute("SELECT body FROM notes").fetchone() == ("shopping list",)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            con.execute("INSERT INTO notes VALUES ('x')")
    finally:
        con.close()
    assert _listing(tmp_path) == before
    with pytest.raises(sqlite3.OperationalError):
        database.connect(tmp_path / "missing.sqlite", read_only=True).execute("SELECT 1")
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_backup_that_cannot_be_written_stops_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    before = path.read_bytes()
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    with pytest.raises(DatabaseError, match="no backup copy could be written") as caught:
        open_database(path)
    assert caught.value.code == "database.backup_failed"
    assert path.read_bytes() == before

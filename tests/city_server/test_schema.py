"""The city server's schema: built by its migrations, earlier databases stamped, one upgrade."""

from __future__ import annotations

import ast
import multiprocessing
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect, select, text

from city_server.api import create_app
from city_server.cli import main
from city_server.database import Base, make_engine, session_factory
from city_server.models import Station
from city_server.schema import (
    BASELINE_REVISION,
    SchemaError,
    Upgrade,
    current_revision,
    head_revision,
    migrations_dir,
    upgrade_schema,
)
from city_server.settings import ServerSettings

# A database the city server made with `create_all` before it had migrations (one station).
STORED = Path(__file__).resolve().parents[1] / "data" / "city-server-create-all.sqlite"
STORED_STATION_ID = "4c0c3d2e-5a0e-4d39-9a43-6f3f2ad0e001"


def _differences(engine: Engine) -> list[object]:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import city_server.models  # noqa: F401  (the tables register with Base)

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return current_revision(connection)


def test_the_migrations_build_exactly_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    done = upgrade_schema(engine)
    assert done == Upgrade(before=None, after=head_revision(), migrated=True)
    assert _revision(engine) == head_revision()
    assert _differences(engine) == []
    assert upgrade_schema(engine) == Upgrade(before=head_revision(), after=head_revision())
    engine.dispose()


def test_a_database_made_by_create_all_is_stamped_and_then_works(database_url: str) -> None:
    engine = make_engine(database_url)
    import city_server.models  # noqa: F401

    Base.metadata.create_all(engine)  # what the server did on start before its migrations
    settings = ServerSettings(database_url=database_url)
    assert main(["--db", database_url, "station", "add", "--community", "DEMO-001"]) == 0
    assert _revision(engine) == head_revision()
    assert _differences(engine) == []
    with TestClient(create_app(settings)) as client:
        assert client.get("/v1/health").json()["status"] == "ok"
    with session_factory(engine)() as session:
        assert len(session.scalars(select(Station)).all()) == 1
    engine.dispose()


def test_a_stored_database_of_the_previous_version_is_stamped_and_keeps_its_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "city.sqlite"
    shutil.copy(STORED, path)
    url = f"sqlite:///{path}"
    assert main(["--db", url, "db", "current"]) == 0
    assert "no revision: tables of an earlier version" in capsys.readouterr().out
    assert main(["--db", url, "db", "upgrade"]) == 0
    assert "tables of an earlier version recognised" in capsys.readouterr().out
    assert main(["--db", url, "station", "list"]) == 0
    assert STORED_STATION_ID in capsys.readouterr().out
    engine = make_engine(url)
    assert _revision(engine) == head_revision()
    assert _differences(engine) == []
    engine.dispose()


def test_tables_that_are_not_the_baselines_are_refused_and_left_as_they_are(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE stations (id VARCHAR(36) PRIMARY KEY)"))
    with pytest.raises(SchemaError, match=f"not those of revision {BASELINE_REVISION}"):
        upgrade_schema(engine)
    assert main(["--db", database_url, "station", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("city-server: error: the database has tables of the city server")
    assert "table stations lacks name, status" in err and "no table sync_records" in err
    assert set(inspect(engine).get_table_names()) == {"stations"}
    engine.dispose()


def test_an_unknown_newer_revision_is_refused_with_one_clear_line(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(database_url)
    upgrade_schema(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    assert main(["--db", database_url, "station", "list"]) == 2
    assert capsys.readouterr().err == (
        "city-server: error: the database is at revision 9999, which this version of the city "
        "server does not know (a newer version migrated it); it was left as it is: run the "
        "newer version, or restore a copy made before it\n"
    )
    assert main(["--db", database_url, "serve", "--port", "1"]) == 2
    assert "revision 9999" in capsys.readouterr().err
    assert main(["--db", database_url, "db", "current"]) == 0
    assert "revision 9999, unknown to this version" in capsys.readouterr().out
    with pytest.raises(SchemaError, match="revision 9999"):
        create_app(ServerSettings(database_url=database_url))
    assert _revision(engine) == "9999"
    engine.dispose()


def test_db_current_and_db_upgrade(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    head = head_revision()
    assert main(["--db", database_url, "db", "current"]) == 0
    assert (
        capsys.readouterr().out
        == f"no revision: an empty database (a start creates it at {head})\n"
    )
    assert main(["--db", database_url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out == f"the database was upgraded from nothing to revision {head}\n"
    assert main(["--db", database_url, "db", "current"]) == 0
    assert capsys.readouterr().out == f"revision {head} (the newest)\n"
    assert main(["--db", database_url, "db", "upgrade"]) == 0
    assert capsys.readouterr().out == f"the database is at the newest revision, {head}\n"


def _upgrade_at(database_url: str, start: float) -> Upgrade:
    """One process starting: waits for the common start time, then upgrades."""
    engine = make_engine(database_url)
    time.sleep(max(0.0, start - time.time()))
    try:
        return upgrade_schema(engine)
    finally:
        engine.dispose()


def test_processes_starting_at_once_migrate_once(database_url: str) -> None:
    processes = 4
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=spawn) as pool:
        # Started (and their imports done) before the common start time.
        list(pool.map(time.sleep, [0.1] * processes))
        start = time.time() + 1.0
        outcomes = list(pool.map(_upgrade_at, [database_url] * processes, [start] * processes))
    assert [o.after for o in outcomes] == [head_revision()] * processes
    assert sum(o.migrated for o in outcomes) == 1
    engine = make_engine(database_url)
    assert _differences(engine) == []
    with engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    assert versions == [(head_revision(),)]
    engine.dispose()


def test_revision_scripts_are_frozen_importing_no_server_code() -> None:
    """A revision must do the same in ten years as today: it carries its own table copies."""
    allowed = ("__future__", "alembic", "sqlalchemy", *sys.stdlib_module_names)
    scripts = sorted((migrations_dir() / "versions").glob("*.py"))
    assert [p.name for p in scripts][:1] == ["0001_baseline.py"]
    offenders = []
    for path in scripts:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or "."] if node.level == 0 else ["."]
            else:
                continue
            offenders += [f"{path.name}: {m}" for m in modules if m.split(".")[0] not in allowed]
    assert offenders == []

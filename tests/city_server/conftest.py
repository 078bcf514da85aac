"""Fixtures of the city server tests: each runs on SQLite and on a real PostgreSQL server.

PostgreSQL comes from CITY_SERVER_TEST_POSTGRES_URL (`scripts/postgres-for-tests` starts one
and prints it; CI does so). Without it the PostgreSQL runs are skipped, except under CI,
where they fail: the server must be tested on the database it runs on in production.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from city_server.api import create_app
from city_server.database import make_engine
from city_server.schema import drop_schema
from city_server.settings import ServerSettings

POSTGRES_ENV = "CITY_SERVER_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'city.sqlite'}"
    url = os.environ.get(POSTGRES_ENV, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: CI tests the server on PostgreSQL")
        pytest.skip(f"PostgreSQL: set {POSTGRES_ENV} (see scripts/postgres-for-tests)")
    engine = make_engine(url)
    drop_schema(engine)
    engine.dispose()
    return url


@pytest.fixture
def server_settings(database_url: str) -> ServerSettings:
    return ServerSettings(database_url=database_url)


@pytest.fixture
def client(server_settings: ServerSettings) -> Iterator[TestClient]:
    with TestClient(create_app(server_settings)) as test_client:
        yield test_client

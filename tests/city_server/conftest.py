"""Fixtures of the city server tests: settings over a fresh SQLite file, the app, a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from city_server.api import create_app
from city_server.settings import ServerSettings


@pytest.fixture
def server_settings(tmp_path: Path) -> ServerSettings:
    return ServerSettings(database_url=f"sqlite:///{tmp_path / 'city.sqlite'}")


@pytest.fixture
def client(server_settings: ServerSettings) -> Iterator[TestClient]:
    with TestClient(create_app(server_settings)) as test_client:
        yield test_client

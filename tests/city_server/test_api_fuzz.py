"""Schemathesis against the published OpenAPI: whatever a station sends, never a 500.

The calls carry a real station's token, so they get past the door to the sync endpoints.
The server runs on PostgreSQL when the tests have one (CI does), else on SQLite.
"""

from __future__ import annotations

import functools
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from city_server.api import create_app
from city_server.database import make_engine, session_factory
from city_server.settings import ServerSettings
from city_server.stations import add_station

DATABASE_URL = os.environ.get("CITY_SERVER_TEST_POSTGRES_URL") or (
    f"sqlite:///{Path(tempfile.mkdtemp(prefix='city-fuzz-')) / 'city.sqlite'}"
)
APP = create_app(ServerSettings(database_url=DATABASE_URL))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@functools.cache
def token() -> str:
    engine = make_engine(DATABASE_URL)
    with session_factory(engine)() as session, session.begin():
        _summary, code = add_station(session, ["NORTH"], code_ttl=timedelta(days=1))
    engine.dispose()
    with TestClient(APP) as client:
        body = client.post("/v1/enrol", json={"code": code}).json()
        return str(client.post("/v1/token", json=body).json()["access_token"])


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_the_server_fail(case: Any) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token()}"}, checks=[not_a_server_error]
    )

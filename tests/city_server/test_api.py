"""The HTTP API: enrol, get a token, call with it; every refusal a clear 4xx in JSON."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from city_server import tokens
from city_server.api import create_app
from city_server.database import make_engine, session_factory
from city_server.models import utc_now
from city_server.settings import ServerSettings
from city_server.stations import add_station, revoke_station


def _add(settings: ServerSettings, *communities: str) -> str:
    engine = make_engine(settings.database_url)
    with session_factory(engine)() as session, session.begin():
        _summary, code = add_station(session, communities, code_ttl=timedelta(days=1))
    return code


def _revoke(settings: ServerSettings, station_id: str) -> None:
    with session_factory(make_engine(settings.database_url))() as session, session.begin():
        revoke_station(session, station_id)


def _token(client: TestClient, settings: ServerSettings, *communities: str) -> tuple[str, str]:
    enrolled = client.post("/v1/enrol", json={"code": _add(settings, *communities)})
    assert enrolled.status_code == 200, enrolled.text
    body = enrolled.json()
    issued = client.post(
        "/v1/token",
        json={"station_id": body["station_id"], "secret": body["secret"], "app_version": "0.1.0"},
    )
    assert issued.status_code == 200, issued.text
    return body["station_id"], issued.json()["access_token"]


def test_health_needs_no_credentials(client: TestClient) -> None:
    answer = client.get("/v1/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"


def test_a_station_enrols_and_its_scope_comes_from_the_register(
    client: TestClient, server_settings: ServerSettings
) -> None:
    station_id, token = _token(client, server_settings, "DEMO-001", "DEMO-002")
    answer = client.get("/v1/station", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    assert answer.json() == {"station_id": station_id, "communities": ["DEMO-001", "DEMO-002"]}


def test_a_code_enrols_only_once(client: TestClient, server_settings: ServerSettings) -> None:
    code = _add(server_settings, "DEMO-001")
    assert client.post("/v1/enrol", json={"code": code}).status_code == 200
    again = client.post("/v1/enrol", json={"code": code})
    assert again.status_code == 401
    assert again.json()["code"] == "enrol.bad_code"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer v1.abc.def"},
        {"Authorization": "Bearer "},
    ],
)
def test_a_call_without_a_valid_token_is_refused(
    client: TestClient, headers: dict[str, str]
) -> None:
    answer = client.get("/v1/station", headers=headers)
    assert answer.status_code == 401
    assert answer.json()["code"].startswith("auth.")


def test_a_forged_token_is_refused(client: TestClient, server_settings: ServerSettings) -> None:
    _station_id, token = _token(client, server_settings, "DEMO-001")
    prefix, payload, _signature = token.split(".")
    forged = f"{prefix}.{payload}.{'A' * 43}"
    answer = client.get("/v1/station", headers={"Authorization": f"Bearer {forged}"})
    assert answer.status_code == 401


def test_an_expired_token_is_refused(server_settings: ServerSettings) -> None:
    short = ServerSettings(server_settings.database_url, token_ttl_s=1)
    with TestClient(create_app(short)) as client:
        _station_id, token = _token(client, short, "DEMO-001")
        sessions = session_factory(make_engine(short.database_url))
        with sessions() as session, pytest.raises(tokens.NotEnrolled) as caught:
            tokens.verify(session, token, now=utc_now() + timedelta(seconds=2))
        assert caught.value.code == "auth.expired_token"


def test_a_revoked_station_is_refused_at_once_even_with_a_live_token(
    client: TestClient, server_settings: ServerSettings
) -> None:
    station_id, token = _token(client, server_settings, "DEMO-001")
    _revoke(server_settings, station_id)
    answer = client.get("/v1/station", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 403
    assert answer.json() == {
        "code": "station.revoked",
        "message": "this station has been revoked by the city",
    }


@pytest.mark.parametrize(
    "body", [{}, {"code": ""}, {"code": "x" * 201}, {"code": 12}, [1, 2], "not json"]
)
def test_a_malformed_request_gets_a_4xx_with_a_message(client: TestClient, body: object) -> None:
    if isinstance(body, str):
        answer = client.post(
            "/v1/enrol", content=body, headers={"Content-Type": "application/json"}
        )
    else:
        answer = client.post("/v1/enrol", json=body)
    assert answer.status_code == 422
    assert answer.json()["code"] == "request.invalid"
    assert answer.json()["message"]


def test_the_openapi_document_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/health", "/v1/enrol", "/v1/token", "/v1/station"} <= set(paths)


def test_an_unknown_path_or_method_answers_in_the_same_form(client: TestClient) -> None:
    missing = client.get("/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.json() == {"code": "http.404", "message": "Not Found"}
    wrong = client.get("/v1/enrol")
    assert wrong.status_code == 405
    assert wrong.json()["code"] == "http.405"

"""Enrolling a station: the code for credentials, kept safely; every failure says why."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from city_server.api import create_app
from city_server.database import make_engine, session_factory
from city_server.settings import ServerSettings
from city_server.stations import add_station
from station_app.sync import credentials as credentials_module
from station_app.sync.client import SyncError
from station_app.sync.credentials import CredentialsError, load_credentials
from station_app.sync.enrolment import enroll_station

SERVER = "http://city.test"


@pytest.fixture
def settings(tmp_path: Path) -> ServerSettings:
    return ServerSettings(database_url=f"sqlite:///{tmp_path / 'city.sqlite'}")


@pytest.fixture
def http(settings: ServerSettings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), base_url=SERVER) as client:
        yield client


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STATION_APP_NO_KEYRING", "1")
    folder = tmp_path / "station"
    folder.mkdir()
    return folder


def _code(settings: ServerSettings, *communities: str) -> str:
    with session_factory(make_engine(settings.database_url))() as session, session.begin():
        return add_station(session, communities, code_ttl=timedelta(days=1))[1]


def test_a_station_enrols_and_keeps_its_secret_for_its_owner_only(
    settings: ServerSettings, http: TestClient, data_dir: Path
) -> None:
    code = _code(settings, "DEMO-001")
    credentials, where = enroll_station(data_dir, SERVER + "/", code, http=http)
    assert credentials.server_url == SERVER
    assert credentials.communities == ("DEMO-001",)
    assert where == str(data_dir / "sync-secret")
    if os.name == "posix":
        assert stat.S_IMODE((data_dir / "sync-secret").stat().st_mode) == 0o600
    assert credentials.secret not in (data_dir / "sync.json").read_text(encoding="utf-8")
    assert load_credentials(data_dir) == credentials


def test_with_a_keyring_the_secret_never_touches_the_disk(
    settings: ServerSettings,
    http: TestClient,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kept: dict[tuple[str, str], str] = {}
    keyring = SimpleNamespace(
        set_password=lambda service, user, secret: kept.__setitem__((service, user), secret),
        get_password=lambda service, user: kept.get((service, user)),
    )
    monkeypatch.setattr(credentials_module, "_usable_keyring", lambda: keyring)
    credentials, where = enroll_station(data_dir, SERVER, _code(settings, "DEMO-001"), http=http)
    assert where == "keyring"
    assert not (data_dir / "sync-secret").exists()
    assert list(kept.values()) == [credentials.secret]
    assert load_credentials(data_dir) == credentials


def test_a_refused_code_keeps_nothing(http: TestClient, data_dir: Path) -> None:
    with pytest.raises(SyncError) as caught:
        enroll_station(data_dir, SERVER, "AAAA-BBBB-CCCC", http=http)
    assert caught.value.code == "sync.bad_code"
    assert list(data_dir.iterdir()) == []
    assert load_credentials(data_dir) is None


def test_an_unreachable_server_is_said_so(data_dir: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SyncError) as caught:
        enroll_station(data_dir, f"http://127.0.0.1:{port}", "AAAA-BBBB-CCCC")
    assert caught.value.code == "sync.unreachable"
    assert caught.value.params == {"server": f"http://127.0.0.1:{port}"}
    assert list(data_dir.iterdir()) == []


@pytest.mark.parametrize("url", ["", "  ", "city.test", "ftp://city.test", "http://"])
def test_a_bad_address_is_said_so(data_dir: Path, url: str) -> None:
    with pytest.raises(SyncError) as caught:
        enroll_station(data_dir, url, "AAAA-BBBB-CCCC")
    assert caught.value.code == "sync.bad_url"


def test_unreadable_settings_ask_for_a_new_enrolment(data_dir: Path) -> None:
    (data_dir / "sync.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CredentialsError) as caught:
        load_credentials(data_dir)
    assert caught.value.code == "sync.credentials_unreadable"
    (data_dir / "sync.json").write_text(
        '{"server_url": "http://x", "station_id": "s", "secret_in": "file"}', encoding="utf-8"
    )
    with pytest.raises(CredentialsError):  # the secret file is missing
        load_credentials(data_dir)

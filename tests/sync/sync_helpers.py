"""Stations and a city server in one process, for the sync tests: real databases, real HTTP."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import select

from city_server.api import create_app
from city_server.database import make_engine, session_factory
from city_server.settings import ServerSettings
from city_server.stations import add_station
from station_app import paths
from station_app.core.changes import ChangeHub, ChangeSet
from station_app.core.station_session import StationSession
from station_app.database import Database, open_database
from station_app.models import SyncedMixin
from station_app.models.synced import SYNCED
from station_app.services.station import AdminInput, CommunityInput, set_up_station
from station_app.sync.client import CityClient
from station_app.sync.credentials import StationCredentials
from station_app.sync.engine import SyncEngine, SyncReport
from station_app.sync.enrolment import enroll_station

SERVER = "http://city.test"
PASSWORD = "secret-123"


def community(code: str, name: str = "") -> CommunityInput:
    return CommunityInput(code=code, name=name or f"{code}社区", street="东城街道")


@dataclass
class Station:
    """One station: its folder, database, admin session, change hub and sync."""

    data_dir: Path
    db: Database
    session: StationSession
    hub: ChangeHub
    credentials: StationCredentials
    http: httpx.Client
    published: list[ChangeSet]

    def engine(self, http: httpx.Client | None = None, **options: Any) -> SyncEngine:
        client = CityClient(self.credentials.server_url, http or self.http)
        return SyncEngine(self.db, client, self.credentials, events=self.hub, **options)

    def sync(self, http: httpx.Client | None = None, **options: Any) -> SyncReport:
        return self.engine(http, **options).run()

    def rows(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Every live synced row here, without the local bookkeeping."""
        return live_rows(self.db)


def live_rows(db: Database) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    skip = {"row_version", "created_at", "updated_at", "updated_by", "server_version"}
    with db.session() as session:
        for entity, model in SYNCED.items():
            for row in session.scalars(select(model)):
                assert isinstance(row, SyncedMixin)
                if row.deleted:
                    continue
                values = {
                    c.key: getattr(row, c.key)
                    for c in model.__table__.columns  # type: ignore[attr-defined]
                    if c.key not in skip
                }
                if entity == "resident":
                    values["key_groups"] = sorted(g.key_group.value for g in row.key_groups)  # type: ignore[attr-defined]
                found[(entity, row.id)] = values
    return found


@contextmanager
def _secret_in_a_file() -> Iterator[None]:
    """Keeps the test stations' secrets out of this machine's keyring."""
    before = os.environ.get("STATION_APP_NO_KEYRING")
    os.environ["STATION_APP_NO_KEYRING"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["STATION_APP_NO_KEYRING"]
        else:
            os.environ["STATION_APP_NO_KEYRING"] = before


class City:
    """The city server over a database, with a station register and a client to it.

    In this process (the default), or a running server at `base_url` over the same database.
    """

    def __init__(
        self, tmp_path: Path, database_url: str | None = None, *, base_url: str | None = None
    ) -> None:
        self.tmp_path = tmp_path
        self.settings = ServerSettings(
            database_url=database_url or f"sqlite:///{tmp_path / 'city.sqlite'}"
        )
        self.base_url = base_url or SERVER
        self.app = None if base_url else create_app(self.settings)

    @contextmanager
    def client(self) -> Iterator[httpx.Client]:
        if self.app is None:
            with httpx.Client(base_url=self.base_url, timeout=60) as real:
                yield real
            return
        with TestClient(self.app, base_url=SERVER) as http:
            yield http

    def add_station(self, *codes: str) -> str:
        engine = make_engine(self.settings.database_url)
        with session_factory(engine)() as session, session.begin():
            _summary, code = add_station(session, codes, code_ttl=timedelta(days=1))
        engine.dispose()
        return code

    def station(self, http: httpx.Client, name: str, *codes: str, served: str = "") -> Station:
        data_dir = self.tmp_path / name
        data_dir.mkdir()
        db = open_database(paths.database_path(data_dir), backups=paths.backups_dir(data_dir))
        hub = ChangeHub()
        published: list[ChangeSet] = []
        hub.subscribe(published.append)
        admin = AdminInput(
            username="admin", display_name="王芳", password=PASSWORD, password_again=PASSWORD
        )
        session = set_up_station(db, community(served or codes[0]), admin, events=hub)
        with _secret_in_a_file():
            code = self.add_station(*codes)
            credentials, _where = enroll_station(data_dir, self.base_url, code, http=http)
        return Station(data_dir, db, session, hub, credentials, http, published)

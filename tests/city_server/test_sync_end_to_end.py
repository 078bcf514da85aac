"""Real processes on loopback: `city-server serve` and `station-app sync` converge, offline too."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from server_process import free_port, running_server

from city_server.cli import main as city_server
from station_app import paths
from station_app.database import open_database
from station_app.models import EmploymentStatus
from station_app.models.community import community_id_for
from station_app.services.auth import log_in
from station_app.services.residents import (
    ResidentInput,
    get_resident,
    register_resident,
    update_resident,
)
from station_app.services.station import AdminInput, CommunityInput, set_up_station
from station_app.validation.id_number import compute_id_check_character
from tests.sync.sync_helpers import live_rows

CODE = "341282001001"
PASSWORD = "secret-123"


def _station_app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station_app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "STATION_APP_NO_KEYRING": "1"},
        timeout=120,
        check=False,
    )


def _set_up(data_dir: Path) -> None:
    db = open_database(paths.database_path(data_dir), backups=paths.backups_dir(data_dir))
    admin = AdminInput("admin", "王芳", PASSWORD, PASSWORD)
    set_up_station(db, CommunityInput(CODE, "人民路社区", "东城街道"), admin)
    db.close()


def _register(data_dir: Path, serial: int) -> str:
    body = f"34128219900307{serial:03d}"
    db = open_database(paths.database_path(data_dir))
    try:
        station = log_in(db, "admin", PASSWORD)
        data = ResidentInput(
            id_number=body + compute_id_check_character(body),
            name="张伟",
            community_id=community_id_for(CODE),
            employment_status=EmploymentStatus.UNEMPLOYED,
            consent_given=True,
            consent_date=date(2025, 5, 20),
        )
        return station.perform(register_resident, data)
    finally:
        db.close()


def _rename(data_dir: Path, resident_id: str, name: str) -> None:
    db = open_database(paths.database_path(data_dir))
    try:
        station = log_in(db, "admin", PASSWORD)
        detail = station.query(get_resident, resident_id)
        changed = replace(detail.data, name=name)
        station.perform(update_resident, resident_id, detail.row_version, changed)
    finally:
        db.close()


def _rows(data_dir: Path) -> dict[tuple[str, str], dict[str, object]]:
    db = open_database(paths.database_path(data_dir))
    try:
        return live_rows(db)
    finally:
        db.close()


def test_two_stations_converge_through_a_running_server_and_work_while_it_is_down(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    codes = []
    for _ in range(2):
        assert city_server(["--db", database_url, "station", "add", "--community", CODE]) == 0
        codes.append(capsys.readouterr().out.strip().rsplit(" ", 1)[-1])
    a, b = tmp_path / "a", tmp_path / "b"
    workers = 1 if database_url.startswith("sqlite") else 2
    port = free_port()
    with running_server(database_url, workers=workers, port=port) as server:
        for data_dir, code in ((a, codes[0]), (b, codes[1])):
            _set_up(data_dir)
            enrolled = _station_app(
                "enroll", "--server", server, "--code", code, "--data-dir", str(data_dir)
            )
            assert enrolled.returncode == 0, enrolled.stderr
        resident_id = _register(a, 1)
        first = _station_app("sync", "--data-dir", str(a))
        assert first.returncode == 0, first.stderr
        assert first.stdout.startswith(f"Synced with {server}: sent ")
        assert _station_app("sync", "--data-dir", str(b)).returncode == 0
        assert ("resident", resident_id) in _rows(b)
        _rename(b, resident_id, "张伟华")
        assert _station_app("sync", "--data-dir", str(b)).returncode == 0
        assert _station_app("sync", "--data-dir", str(a)).returncode == 0
        assert _rows(a) == _rows(b)
        assert _rows(a)[("resident", resident_id)]["name"] == "张伟华"
    # The server is down: the station goes on working, and the sync says why it cannot run.
    offline_id = _register(a, 2)
    down = _station_app("sync", "--data-dir", str(a))
    assert down.returncode == 2
    assert "cannot be reached" in down.stderr and "Traceback" not in down.stderr
    assert ("resident", offline_id) in _rows(a)
    with running_server(database_url, workers=workers, port=port):
        back = _station_app("sync", "--data-dir", str(a))
        assert back.returncode == 0, back.stderr
        assert _station_app("sync", "--data-dir", str(b)).returncode == 0
    assert ("resident", offline_id) in _rows(b)
    assert _rows(a) == _rows(b)


def test_syncing_a_station_that_never_enrolled_says_what_to_do(tmp_path: Path) -> None:
    _set_up(tmp_path)
    result = _station_app("sync", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "not enrolled with a city server yet" in result.stderr
    assert "Traceback" not in result.stderr

"""Two real processes: `city-server serve`, and `station-app enroll` with the code it gave."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from server_process import free_port, running_server

from city_server.cli import main as city_server


def _enroll(server: str, code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return _station_app("enroll", "--server", server, "--code", code, "--data-dir", str(data_dir))


def _station_app(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STATION_APP_NO_KEYRING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "station_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_a_station_enrols_with_a_running_server(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert city_server(["--db", database_url, "station", "add", "--community", "DEMO-001"]) == 0
    code = capsys.readouterr().out.strip().rsplit(" ", 1)[-1]
    data_dir = tmp_path / "station"
    with running_server(database_url) as base_url:
        enrolled = _station_app(
            "enroll", "--server", base_url, "--code", code, "--data-dir", str(data_dir)
        )
        assert enrolled.returncode == 0, enrolled.stderr
        assert f"Enrolled with {base_url} as station " in enrolled.stdout
        assert "for DEMO-001" in enrolled.stdout
        again = _station_app(
            "enroll", "--server", base_url, "--code", code, "--data-dir", str(data_dir)
        )
    assert again.returncode == 2
    assert "the enrolment code is unknown, used or expired" in again.stderr
    assert "Traceback" not in again.stderr
    assert city_server(["--db", database_url, "station", "list"]) == 0
    assert " active " in capsys.readouterr().out


def test_enrolling_while_the_server_is_down_says_so(tmp_path: Path) -> None:

    down = f"http://127.0.0.1:{free_port()}"
    result = _station_app(
        "enroll", "--server", down, "--code", "AAAA-BBBB-CCCC", "--data-dir", str(tmp_path)
    )
    assert result.returncode == 2
    assert f"the city server {down} cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr

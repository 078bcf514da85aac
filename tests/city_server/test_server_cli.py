"""`city-server`: stations added, listed and revoked from the command line; a real server."""

from __future__ import annotations

import pytest
from server_process import free_port, get_json, running_server

from city_server.cli import main


def test_add_list_and_revoke_a_station(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database_url
    assert main(["--db", db, "station", "list"]) == 0
    assert "no stations yet" in capsys.readouterr().out
    assert main(["--db", db, "station", "add", "--community", "DEMO-001", "--name", "人民"]) == 0
    added = capsys.readouterr().out
    station_id = added.split()[1]
    assert "one-time enrolment code (valid 7 days): " in added
    assert main(["--db", db, "station", "list"]) == 0
    listed = capsys.readouterr().out
    assert station_id in listed and "pending" in listed and "人民" in listed
    assert "last contact never" in listed
    assert main(["--db", db, "station", "revoke", station_id]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["--db", db, "station", "list"]) == 0
    assert "revoked" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["station", "add", "--community", "a b"],
            "not a community code: 'a b' (1-32 letters, digits, '-' or '_')",
        ),
        (["station", "revoke", "nobody"], "no station has the id 'nobody'"),
    ],
)
def test_a_mistake_is_one_clear_line(
    database_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["--db", database_url, *argv]) == 2
    err = capsys.readouterr().err
    assert err == f"city-server: error: {message}\n"


def test_a_bad_database_url_or_setting_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--db", "no url at all", "station", "list"]) == 2
    assert capsys.readouterr().err == "city-server: error: not a database URL: 'no url at all'\n"
    assert main(["--db", "postgresql+nodriver://h/db", "station", "list"]) == 2
    assert "cannot use the database 'postgresql+nodriver://h/db'" in capsys.readouterr().err
    nobody_there = f"postgresql+psycopg://nobody:x@127.0.0.1:{free_port()}/db"
    assert main(["--db", nobody_there, "station", "list"]) == 2
    assert "city-server: error: cannot use the database: " in capsys.readouterr().err
    monkeypatch.setenv("CITY_SERVER_TOKEN_TTL_S", "soon")
    monkeypatch.setenv("CITY_SERVER_DB", "sqlite://")
    assert main(["station", "list"]) == 2
    assert "CITY_SERVER_TOKEN_TTL_S must be a whole number of seconds" in capsys.readouterr().err


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_on_loopback(database_url: str, workers: int) -> None:
    with running_server(database_url, workers=workers) as base_url:
        assert get_json(f"{base_url}/v1/health")["status"] == "ok"

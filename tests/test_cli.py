"""The command line: data dir choice, the demo database's safety rules, the headless tour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from env_helpers import deny_writing, listing

from station_app import app, cli, paths
from station_app.data_folder import LOCK_FILE, DataFolderLock
from station_app.database import Database, open_database
from station_app.services.station import AdminInput, CommunityInput, set_up_station, station_info

DEMO_USERNAME, DEMO_PASSWORD = "demo", "demo1234"
NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _fake_generator(path: Path, size: object = None, **_kwargs: object) -> Database:
    """Stands in for the demo generator: a demo station without residents, made in a moment."""
    if path.exists():
        raise AssertionError("the CLI must remove the old database first")
    db = open_database(path)
    set_up_station(
        db,
        CommunityInput(code="341282999999", name="演示社区", street="东城街道"),
        AdminInput(DEMO_USERNAME, "演示用户", DEMO_PASSWORD, DEMO_PASSWORD),
        demo=True,
    )
    return db


@pytest.fixture
def fake_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    from station_app import demo

    monkeypatch.setattr(demo, "generate_demo_database", _fake_generator)


def _community(data_dir: Path) -> str:
    db = open_database(paths.database_path(data_dir))
    try:
        info = station_info(db)
        assert info is not None
        return info.community_name
    finally:
        db.close()


def test_demo_never_replaces_a_real_station(
    db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["--data-dir", str(data_dir), "demo", "--replace"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USER_ERROR
    assert "never replaced" in err
    assert "Traceback" not in err
    assert _community(data_dir) == "人民路社区"  # untouched


@pytest.mark.usefixtures("fake_generator")
def test_demo_keeps_an_existing_demo_database_unless_asked(
    demo_db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_db.close()
    assert cli.main(["demo", "--data-dir", str(data_dir)]) == 0
    assert "kept" in capsys.readouterr().out
    assert _community(data_dir) == "人民路社区"


@pytest.mark.usefixtures("fake_generator")
def test_demo_replace_recreates_a_demo_database(
    demo_db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_db.close()
    assert cli.main(["demo", "--replace", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "demo1234" in out
    assert _community(data_dir) == "演示社区"


@pytest.mark.usefixtures("fake_generator")
def test_demo_creates_a_new_database(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--data-dir", str(data_dir), "demo"]) == 0
    assert f"user name {DEMO_USERNAME!r}" in capsys.readouterr().out
    assert _community(data_dir) == "演示社区"


def test_demo_asks_before_replacing_a_database_never_set_up(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(paths.database_path(data_dir)).close()
    assert cli.main(["--data-dir", str(data_dir), "demo"]) == cli.EXIT_USER_ERROR
    assert "--replace" in capsys.readouterr().err


def test_data_dir_option_is_honoured_before_and_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["--data-dir", str(tmp_path), "screenshots"],
        ["screenshots", "--data-dir", str(tmp_path)],
    ):
        assert cli.main(argv) == cli.EXIT_USER_ERROR
        err = capsys.readouterr().err
        assert str(tmp_path) in err
        assert "station-app demo" in err


def test_data_dir_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert cli.main(["screenshots"]) == cli.EXIT_USER_ERROR
    assert str(tmp_path / "from-env") in capsys.readouterr().err


def test_the_option_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert cli.main(["--data-dir", str(tmp_path / "option"), "screenshots"]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "option") in err
    assert "from-env" not in err


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {}, False),
        ("linux", {"DISPLAY": ":0"}, True),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, True),
        ("linux", {"QT_QPA_PLATFORM": "offscreen"}, True),
        ("win32", {}, True),
        ("darwin", {}, True),
    ],
)
def test_gui_available(
    monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], expected: bool
) -> None:
    for name in NO_DISPLAY:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert app.gui_available() is expected


def _run_headless(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY and k != paths.DATA_DIR_ENV}
    return subprocess.run(
        [sys.executable, "-m", "station_app", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.gui
def test_gui_without_a_display_renders_the_tour(db: Database, data_dir: Path) -> None:
    db.close()
    result = _run_headless("--data-dir", str(data_dir), "gui")
    assert result.returncode == 0, result.stderr
    assert "no display" in result.stdout
    shots = sorted(p.name for p in paths.screenshots_dir(data_dir).glob("*.png"))
    assert shots == ["01-login.png", "02-setup.png"]  # not a demo station: no login
    assert str(paths.screenshots_dir(data_dir)) in result.stdout


def test_gui_without_a_display_or_station_says_what_to_do(tmp_path: Path) -> None:
    result = _run_headless("--data-dir", str(tmp_path))
    assert result.returncode == cli.EXIT_USER_ERROR
    assert "station-app demo" in result.stderr
    assert "Traceback" not in result.stderr


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


@pytest.mark.gui
def test_demo_then_the_tour_renders_every_screen(tmp_path: Path) -> None:
    created = _run_headless("--data-dir", str(tmp_path), "demo")
    assert created.returncode == 0, created.stderr
    assert "demo1234" in created.stdout
    out = tmp_path / "shots"
    result = _run_headless("--data-dir", str(tmp_path), "screenshots", "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [
        "01-login.png",
        "02-setup.png",
        "03-today.png",
        "04-contact-dialog.png",
        "05-main-window.png",
        "06-search.png",
        "07-register-form.png",
        "08-register-form-invalid.png",
        "09-employers.png",
        "10-employer-form-invalid.png",
        "11-sync.png",
        "12-resident-profile.png",
        "13-recognition.png",
        "14-placement.png",
        "15-status-change.png",
        "16-ledger-import.png",
        "17-jobs.png",
        "18-job-form.png",
        "19-job-status.png",
        "20-employer-jobs-contacts.png",
        "21-profile-matches.png",
        "22-profile-referrals.png",
        "23-referral.png",
        "24-referral-outcome.png",
        "25-referral-slip.png",
        "26-residents-who-fit.png",
    ]
    assert _png_size(out / "05-main-window.png") == (1366, 768)
    assert "propagateSizeHints" not in result.stderr  # Qt noise is filtered


# Bad environments: one clear `error:` line on stderr, exit code 2, nothing changed.


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in NO_DISPLAY:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("fake_generator", "no_display")
@pytest.mark.parametrize("command", [["demo"], ["screenshots"], ["gui"], []])
@pytest.mark.parametrize("where", ["the folder itself", "a parent"])
def test_a_file_given_as_data_dir_is_an_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], where: str
) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("not a folder")
    data_dir = file if where == "the folder itself" else file / "data"
    before = listing(tmp_path)
    assert cli.main(["--data-dir", str(data_dir), *command]) == cli.EXIT_USER_ERROR
    line = _one_error_line(capsys.readouterr().err)
    assert str(data_dir) in line
    assert "is a file, not a folder" in line
    assert listing(tmp_path) == before


@pytest.mark.usefixtures("fake_generator", "no_display")
@pytest.mark.parametrize("command", [["demo"], ["screenshots"], []])
def test_a_data_dir_that_cannot_be_written_is_an_error_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    data_dir = tmp_path / "share"
    data_dir.mkdir()
    deny_writing(monkeypatch, data_dir)
    assert cli.main(["--data-dir", str(data_dir), *command]) == cli.EXIT_USER_ERROR
    line = _one_error_line(capsys.readouterr().err)
    assert str(data_dir) in line
    assert "may not write" in line
    assert list(data_dir.iterdir()) == []


def _corrupt_with_a_backup(data_dir: Path) -> Path:
    paths.database_path(data_dir).write_bytes(b"\x00garbage, not SQLite" * 500)
    backups = paths.backups_dir(data_dir)
    backups.mkdir()
    for stamp in ("20240105T101500000000Z", "20250105T101500000000Z"):
        copy = backups / f"station-{stamp}-0001.sqlite"
        copy.write_bytes(b"an older copy")
    return copy


@pytest.mark.usefixtures("fake_generator")
def test_demo_on_a_damaged_database_names_it_and_the_latest_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latest = _corrupt_with_a_backup(data_dir)
    before = listing(data_dir)
    assert cli.main(["--data-dir", str(data_dir), "demo", "--replace"]) == cli.EXIT_USER_ERROR
    line = _one_error_line(capsys.readouterr().err)
    assert str(paths.database_path(data_dir)) in line
    assert f"the latest backup copy is at {latest}" in line
    after = listing(data_dir)
    assert after.pop(LOCK_FILE) == b""  # the demo's lock: the only new entry
    assert after == before


@pytest.mark.usefixtures("fake_generator")
def test_demo_while_another_copy_runs_on_the_folder_is_refused(
    demo_db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_db.close()
    with DataFolderLock(data_dir):
        before = listing(data_dir)
        assert cli.main(["--data-dir", str(data_dir), "demo", "--replace"]) == 2
        line = _one_error_line(capsys.readouterr().err)
        assert f"already running on the data folder {data_dir}" in line
        assert listing(data_dir) == before
    assert _community(data_dir) == "人民路社区"  # not replaced


def test_a_second_process_is_refused_while_the_folder_is_locked(
    demo_db: Database, data_dir: Path
) -> None:
    demo_db.close()
    with DataFolderLock(data_dir):
        before = listing(data_dir)
        result = _run_headless("--data-dir", str(data_dir), "demo", "--replace")
        assert result.returncode == cli.EXIT_USER_ERROR
        assert _one_error_line(result.stderr).startswith("error: the program is already running")
        assert listing(data_dir) == before


def test_gui_without_a_display_on_a_damaged_database_changes_nothing(data_dir: Path) -> None:
    latest = _corrupt_with_a_backup(data_dir)
    before = listing(data_dir)
    result = _run_headless("--data-dir", str(data_dir))
    assert result.returncode == cli.EXIT_USER_ERROR
    line = _one_error_line(result.stderr)
    assert "is damaged or is not a database" in line
    assert str(latest) in line
    assert listing(data_dir) == before

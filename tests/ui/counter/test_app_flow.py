"""run_gui: the window paints first; a broken database is a clear message; login opens pages."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from env_helpers import deny_writing, listing
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from station_app import app, paths
from station_app.config import load_settings
from station_app.core.station_session import StationSession
from station_app.data_folder import LOCK_FILE, DataFolderLock
from station_app.database import Database
from station_app.errors import AlreadyRunningError, DatabaseError, DataFolderError, UserError
from station_app.ui.counter import login_dialog, main_window, setup_dialog
from station_app.ui.shared import application

REAL_FILE_LOGGING = application.set_up_file_logging
REAL_SHOW_USER_ERROR = application.show_user_error


class _Recorder:
    def __init__(self) -> None:
        self.errors: list[UserError] = []
        self.windows: list[Any] = []


class _FakeApp:
    """The real QApplication's stand-in for exec(): runs the start until it ends, then returns.

    The database opens on the task runner's thread: the events are processed until the window
    has its pages or was closed.
    """

    def __init__(self, seen: _Recorder) -> None:
        self._seen = seen

    def exec(self) -> int:
        QTest.qWait(20)  # lets the zero-delay timer that opens the session fire
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
            window.closed or window.context is not None for window in self._seen.windows
        ):
            QTest.qWait(5)
        return 0


class _PaintedAtOnce:
    """Stands in for MainWindow.first_painted: calls back from the event loop."""

    def connect(self, slot: Any) -> None:
        QTimer.singleShot(0, slot)


class _NeverEmitted:
    """Stands in for MainWindow.logged_out: nobody logs out in these tests."""

    def connect(self, slot: Any) -> None:
        pass


class _FakeWindow:
    """Records what run_gui does with the main window."""

    def __init__(self) -> None:
        self.first_painted = _PaintedAtOnce()
        self.logged_out = _NeverEmitted()
        self.context: Any = None
        self.shown = False
        self.closed = False
        self.progress: list[str] = []

    def tr(self, text: str) -> str:
        return text

    def show(self) -> None:
        self.shown = True

    def show_progress(self, text: str) -> None:
        self.progress.append(text)

    def open_session(self, context: Any) -> None:
        self.context = context

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def recorder(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    """Keeps run_gui from touching the shared test QApplication (translators, handlers)."""
    seen = _Recorder()
    monkeypatch.setattr(application, "create_application", lambda: _FakeApp(seen))
    monkeypatch.setattr(application, "install_translators", lambda _app, _lang: [])
    monkeypatch.setattr(application, "route_qt_messages", lambda: None)
    monkeypatch.setattr(application, "set_up_file_logging", lambda d: d / "station.log")
    monkeypatch.setattr(application, "show_user_error", lambda _p, e: seen.errors.append(e))

    def window() -> _FakeWindow:
        made = _FakeWindow()
        seen.windows.append(made)
        return made

    monkeypatch.setattr(main_window, "MainWindow", window)
    return seen


def test_a_broken_database_is_a_message_and_exit_code_2(
    recorder: _Recorder, data_dir: Path
) -> None:
    paths.database_path(data_dir).write_bytes(b"this is not a database" * 100)
    assert app.run_gui(data_dir) == app.EXIT_DATABASE_ERROR
    assert len(recorder.errors) == 1
    assert isinstance(recorder.errors[0], DatabaseError)
    (window,) = recorder.windows
    assert window.shown  # painted before the database was opened
    assert window.progress[0] == "Opening the station database…"
    assert window.context is None
    assert window.closed


def test_first_start_runs_the_set_up_and_can_be_cancelled(
    recorder: _Recorder, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Database] = []
    monkeypatch.setattr(
        setup_dialog, "run_setup_dialog", lambda db, _parent, **_k: calls.append(db)
    )
    assert app.run_gui(data_dir) == 0
    assert len(calls) == 1
    (window,) = recorder.windows
    assert window.context is None
    assert window.closed


def test_login_leads_to_the_main_window(
    recorder: _Recorder,
    db: Database,
    station: StationSession,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    languages: list[object] = []

    runners: list[object] = []

    def log_in(
        *_args: object, running_language: object = None, runner: object = None
    ) -> StationSession:
        languages.append(running_language)
        runners.append(runner)
        return station

    monkeypatch.setattr(login_dialog, "run_login_dialog", log_in)
    assert app.run_gui(data_dir, language="en") == 0
    assert languages == ["en"]
    (window,) = recorder.windows
    assert window.shown
    # One database thread for the whole app: the login's runner is the pages' runner.
    assert runners == [window.context.runner]
    assert window.context.actor == station.actor
    assert window.context.station.community_name == "人民路社区"
    assert load_settings(paths.settings_path(data_dir)).language == "zh_CN"  # --lang not saved


def test_cancelled_login_quits(
    recorder: _Recorder, db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(login_dialog, "run_login_dialog", lambda *_a, **_k: None)
    assert app.run_gui(data_dir) == 0
    (window,) = recorder.windows
    assert window.context is None
    assert window.closed


# Bad environments: a message (in Chinese, see below), exit code 2, nothing created or changed.


@pytest.fixture
def real_file_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real log file set-up: a refused start must not even reach it (it would write)."""
    monkeypatch.setattr(application, "set_up_file_logging", REAL_FILE_LOGGING)


@pytest.mark.usefixtures("real_file_logging")
@pytest.mark.parametrize("where", ["the folder itself", "a parent"])
def test_a_file_as_data_folder_is_a_message_and_nothing_is_created(
    recorder: _Recorder, tmp_path: Path, where: str
) -> None:
    file = tmp_path / "station.txt"
    file.write_text("not a folder")
    data_dir = file if where == "the folder itself" else file / "data"
    before = listing(tmp_path)
    assert app.run_gui(data_dir) == app.EXIT_DATABASE_ERROR
    (error,) = recorder.errors
    assert isinstance(error, DataFolderError)
    assert error.code == "data_folder.not_a_folder"
    assert recorder.windows == []  # refused before the window
    assert listing(tmp_path) == before


@pytest.mark.usefixtures("real_file_logging")
def test_a_data_folder_that_cannot_be_written_is_a_message_and_nothing_is_created(
    recorder: _Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    deny_writing(monkeypatch, share)  # chmod would not stop root; see env_helpers
    for data_dir in (share, share / "station"):
        assert app.run_gui(data_dir) == app.EXIT_DATABASE_ERROR
        assert recorder.errors.pop().code == "data_folder.not_writable"
    assert recorder.windows == []
    assert list(share.iterdir()) == []


@pytest.mark.usefixtures("real_file_logging")
def test_a_second_copy_on_the_same_data_folder_is_refused(
    recorder: _Recorder, db: Database, data_dir: Path
) -> None:
    db.close()
    with DataFolderLock(data_dir):  # the copy that is already running
        before = listing(data_dir)
        assert app.run_gui(data_dir) == app.EXIT_DATABASE_ERROR
        assert listing(data_dir) == before  # not even a line in the log
    (error,) = recorder.errors
    assert isinstance(error, AlreadyRunningError)
    assert error.params == {"path": str(data_dir)}
    assert recorder.windows == []


def test_the_gui_holds_the_data_folder_for_its_whole_run(
    recorder: _Recorder,
    db: Database,
    station: StationSession,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused: list[UserError] = []

    def log_in(*_args: object, **_kwargs: object) -> StationSession:
        with pytest.raises(AlreadyRunningError) as caught:
            DataFolderLock(data_dir).acquire()
        refused.append(caught.value)
        return station

    monkeypatch.setattr(login_dialog, "run_login_dialog", log_in)
    assert app.run_gui(data_dir) == 0
    assert len(refused) == 1
    with DataFolderLock(data_dir):  # released when the window closed
        pass


@pytest.mark.parametrize("kind", ["damaged", "foreign"])
def test_an_unusable_database_is_left_as_it_is_and_the_latest_backup_named(
    recorder: _Recorder, data_dir: Path, kind: str
) -> None:
    database = paths.database_path(data_dir)
    if kind == "damaged":
        database.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    else:
        con = sqlite3.connect(database)
        con.execute("CREATE TABLE notes (body TEXT)")
        con.commit()
        con.close()
    backups = paths.backups_dir(data_dir)
    backups.mkdir()
    latest = backups / "station-20250301T080000000000Z-0001.sqlite"
    latest.write_bytes(b"a copy")
    before = listing(data_dir)
    assert app.run_gui(data_dir) == app.EXIT_DATABASE_ERROR
    (error,) = recorder.errors
    assert isinstance(error, DatabaseError)
    assert error.code == f"database.{kind}"
    assert error.params == {"path": str(database), "backup": str(latest)}
    after = listing(data_dir)
    assert after.pop(LOCK_FILE) == b""  # the running copy's lock, empty
    assert after == before
    (window,) = recorder.windows
    assert window.context is None
    assert window.closed


@pytest.mark.usefixtures("chinese")
def test_the_message_box_says_it_in_chinese(
    recorder: _Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(application, "show_user_error", REAL_SHOW_USER_ERROR)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text))
    )
    file = tmp_path / "station.txt"
    file.write_text("not a folder")
    assert app.run_gui(file) == app.EXIT_DATABASE_ERROR
    ((title, text),) = shown
    assert title == "智慧就业驿站"
    assert text.startswith(f"数据文件夹 {file} 无法使用")
    assert "not a folder" not in text

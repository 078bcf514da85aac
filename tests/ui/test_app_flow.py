"""run_gui: the window paints first; a broken database is a clear message; login opens pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from station_app import app, paths
from station_app.config import load_settings
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import DatabaseError, UserError
from station_app.ui import application, login_dialog, main_window, setup_dialog


class _Recorder:
    def __init__(self) -> None:
        self.errors: list[UserError] = []
        self.windows: list[Any] = []


class _FakeApp:
    """The real QApplication's stand-in for exec(): runs the queued start, then returns."""

    def exec(self) -> int:
        QTest.qWait(20)  # lets the zero-delay timer that opens the session fire
        return 0


class _PaintedAtOnce:
    """Stands in for MainWindow.first_painted: calls back from the event loop."""

    def connect(self, slot: Any) -> None:
        QTimer.singleShot(0, slot)


class _FakeWindow:
    """Records what run_gui does with the main window."""

    def __init__(self) -> None:
        self.first_painted = _PaintedAtOnce()
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
    monkeypatch.setattr(application, "create_application", lambda: _FakeApp())
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
    monkeypatch.setattr(setup_dialog, "run_setup_dialog", lambda db, _parent: calls.append(db))
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

    def log_in(*_args: object, running_language: object = None) -> StationSession:
        languages.append(running_language)
        return station

    monkeypatch.setattr(login_dialog, "run_login_dialog", log_in)
    assert app.run_gui(data_dir, language="en") == 0
    assert languages == ["en"]
    (window,) = recorder.windows
    assert window.shown
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

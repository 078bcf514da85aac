"""Closing the app's context: pending database work ends first, nothing starts after it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station_app.config import Settings
from station_app.core.changes import ChangeSet
from station_app.core.station_session import StationSession
from station_app.sync import status as sync_status
from station_app.ui.shared import sync_controller
from station_app.ui.shared.context import AppContext

pytestmark = pytest.mark.gui


def test_closing_waits_for_a_slow_task_and_ignores_late_requests(
    qtbot: QtBot,
    station: StationSession,
    data_dir: Path,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = AppContext.create(station, settings=Settings(), data_dir=data_dir)
    closed = threading.Event()
    reads_after_close: list[str] = []

    def read_status(db: object, where: Path) -> sync_status.SyncStatus:
        if closed.is_set():
            reads_after_close.append("status")
        return sync_status.read_status(db, where)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_controller, "read_status", read_status)
    started = threading.Event()
    finished: list[str] = []

    def slow() -> None:
        started.set()
        time.sleep(0.3)
        finished.append("slow")

    context.runner.run(slow, lambda _r: None)
    context.runner.run(lambda: finished.append("queued"), lambda _r: None)
    assert started.wait(5)
    context.close()
    closed.set()
    assert finished == ["slow"]  # the running task ended before the close returned
    # What a page or the status bar asks for from a signal queued before the close.
    context.changes.changed.emit(ChangeSet({"resident": frozenset({"x"})}))
    context.sync.refresh()
    context.sync.sync_now()
    context.runner.run(lambda: finished.append("late"), lambda _r: None)
    deadline = time.monotonic() + 0.8  # past the sync's status refresh delay
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert finished == ["slow"] and reads_after_close == []
    assert not context.runner.busy and not context.sync.runner.busy

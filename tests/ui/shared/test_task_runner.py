"""The task runner: one background thread, results on the GUI thread, errors sorted by blame."""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from station_app.errors import UserError
from station_app.ui.shared.task_runner import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown()


def test_results_arrive_on_the_gui_thread_in_order(runner: TaskRunner) -> None:
    gui = threading.get_ident()
    workers: set[int] = set()
    results: list[tuple[int, int]] = []

    def work(n: int) -> int:
        workers.add(threading.get_ident())
        return n * n

    for n in range(5):
        runner.run(lambda n=n: work(n), lambda r: results.append((r, threading.get_ident())))
    assert runner.busy
    assert runner.wait_idle(5000)
    assert [r for r, _ in results] == [0, 1, 4, 9, 16]
    assert {thread for _, thread in results} == {gui}
    assert len(workers) == 1 and gui not in workers  # one background thread
    assert not runner.busy


def test_user_error_goes_to_on_error(runner: TaskRunner) -> None:
    errors: list[UserError] = []

    def fail() -> None:
        raise UserError("the disk is full")

    runner.run(fail, lambda _r: pytest.fail("no result expected"), errors.append)
    assert runner.wait_idle(5000)
    assert [str(e) for e in errors] == ["the disk is full"]


def test_a_bug_reaches_the_crash_handler(
    runner: TaskRunner, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[BaseException] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        seen.append(error)

    monkeypatch.setattr("sys.excepthook", hook)
    user_errors: list[UserError] = []
    runner.run(lambda: 1 / 0, lambda _r: None, user_errors.append)
    assert runner.wait_idle(5000)
    assert len(seen) == 1 and isinstance(seen[0], ZeroDivisionError)
    assert user_errors == []  # a bug is never shown as the user's problem
    assert "background task failed" in caplog.text


def test_busy_changes_are_signalled(qtbot: QtBot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    runner.run(lambda: 1, lambda _r: None)
    runner.run(lambda: 2, lambda _r: None)
    assert runner.wait_idle(5000)
    assert states == [True, False]


def test_the_gui_thread_gets_the_interpreter_lock_back_soon(runner: TaskRunner) -> None:
    assert sys.getswitchinterval() <= 0.001


def test_after_the_shutdown_no_task_runs_and_late_results_are_dropped(
    runner: TaskRunner,
) -> None:
    started = threading.Event()
    ran: list[str] = []
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        time.sleep(0.3)
        ran.append("slow")
        return "slow"

    runner.run(slow, delivered.append)
    runner.run(lambda: ran.append("queued"), delivered.append)
    assert started.wait(5)
    assert runner.shutdown()  # waits for the running task, drops the queued one
    assert ran == ["slow"]
    runner.run(lambda: ran.append("late"), delivered.append)  # a timer firing after close
    QCoreApplication.processEvents()
    time.sleep(0.1)
    QCoreApplication.processEvents()
    assert ran == ["slow"] and delivered == []
    assert runner.closed and not runner.busy


def test_a_result_for_a_deleted_widget_is_dropped(
    qtbot: QtBot, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashes: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda _k, error, _tb: crashes.append(error))
    release = threading.Event()
    label, other = QLabel(), QLabel()
    runner.run(lambda: release.wait(5) and "late", label.setText)
    runner.run(lambda: "too", lambda text: other.setText(text))
    runner.run(lambda: _raise(UserError("gone")), lambda _r: None, lambda e: label.setText(str(e)))
    shiboken6.delete(label)
    shiboken6.delete(other)
    release.set()
    assert runner.wait_idle(5000)
    assert crashes == []


def _raise(error: Exception) -> None:
    raise error

"""The task runner: one background thread, results on the GUI thread, errors sorted by blame."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

import pytest
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

"""One background thread for slow work; results and errors come back on the GUI thread."""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThreadPool, Signal, Slot

from station_app.errors import UserError

log = logging.getLogger(__name__)

# While a task computes in Python, the GUI thread needs the interpreter lock for every Python
# override Qt calls (a table's paint calls `data` hundreds of times); Python hands the lock
# over only after this interval, 5 ms by default, which froze the window for seconds.
GIL_SWITCH_INTERVAL_S = 0.001


class _Relay(QObject):
    """Carries one task's outcome from the worker thread to the runner (a queued signal)."""

    finished = Signal(int, object)
    failed = Signal(int, object)


@dataclass
class _Task:
    on_done: Callable[[Any], None]
    on_error: Callable[[UserError], None] | None


class TaskRunner(QObject):
    """Runs callables one at a time on a single background thread, in submission order.

    `fn` must not touch widgets; `on_done(result)` and `on_error(error)` run on the GUI
    thread. A `UserError` goes to `on_error`; any other exception is a bug: it is logged with
    its traceback and handed to `sys.excepthook` (the app's crash dialog) on the GUI thread.

    A result whose callback belongs to a Qt object deleted meanwhile (a closed dialog's bound
    method, or a lambda that holds it) is dropped. After `shutdown` (the database is about to
    close) the runner takes no more tasks: a late timer or queued signal asking for one is
    ignored rather than run against a closed database.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
        # The pool is created before the relay: children die in creation order, so on
        # destruction the pool first waits for the running task, which may still emit.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread; SQLite likes a steady thread
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver_result)
        self._relay.failed.connect(self._deliver_error)
        self._ids = itertools.count(1)
        self._tasks: dict[int, _Task] = {}
        self._closed = False

    @property
    def closed(self) -> bool:
        """True once `shutdown` ran: new tasks are ignored."""
        return self._closed

    @property
    def busy(self) -> bool:
        """True while a task is queued, running or its result not yet delivered."""
        return bool(self._tasks)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[UserError], None] | None = None,
    ) -> None:
        """Queues `fn`; its result goes to `on_done`, a UserError it raises to `on_error`."""
        if self._closed:
            log.debug("a task asked for after the shutdown is ignored")
            return
        task_id = next(self._ids)
        relay = self._relay
        was_busy = self.busy
        self._tasks[task_id] = _Task(on_done, on_error)
        self._pool.start(lambda: _execute(task_id, fn, relay))
        if not was_busy:
            self.busy_changed.emit(True)

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Blocks (processing events) until every task's result is delivered (tests, log-out)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._tasks and not deadline.hasExpired():
            self._pool.waitForDone(min(20, max(deadline.remainingTime(), 0)))
            QCoreApplication.processEvents()
        return not self._tasks

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Drops pending tasks, takes no new ones and waits for the running one (before the
        database closes); True if it ended. Results still on their way are dropped."""
        self._closed = True
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        self._tasks.clear()
        return done

    @Slot(int, object)
    def _deliver_result(self, task_id: int, result: object) -> None:
        task = self._finish(task_id)
        if task is not None and _owner_alive(task.on_done):
            task.on_done(result)

    @Slot(int, object)
    def _deliver_error(self, task_id: int, error: BaseException) -> None:
        task = self._finish(task_id)
        if task is None:
            return
        if isinstance(error, UserError) and task.on_error is not None:
            if _owner_alive(task.on_error):
                task.on_error(error)
            return
        log.error("background task failed", exc_info=(type(error), error, error.__traceback__))
        sys.excepthook(type(error), error, error.__traceback__)

    def _finish(self, task_id: int) -> _Task | None:
        task = self._tasks.pop(task_id, None)
        if task is not None and not self._tasks:
            self.busy_changed.emit(False)
        return task


def _owner_alive(callback: Callable[..., Any]) -> bool:
    """False when the callback's Qt object (its `self`, or one its closure holds) is deleted."""
    owners = [getattr(callback, "__self__", None)]
    owners += [_cell_value(cell) for cell in getattr(callback, "__closure__", None) or ()]
    return all(shiboken6.isValid(o) for o in owners if isinstance(o, QObject))


def _cell_value(cell: Any) -> object:
    try:
        return cell.cell_contents
    except ValueError:  # a cell not filled yet
        return None


def _execute(task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
    """Runs on the worker thread: only computes and emits, never touches a widget."""
    try:
        result = fn()
    except Exception as error:  # handed to the GUI thread, which decides: message or crash
        relay.failed.emit(task_id, error)
    else:
        relay.finished.emit(task_id, result)

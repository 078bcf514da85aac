"""Runs the sync in the background: on a timer, on demand, when the network or a change comes.

The sync has its own thread, so waiting for the network never holds up the app's database
work, and its transactions are short, so the two writers only take turns. What a pull brings
reaches the pages through the core's change hub like any other change. After every attempt
the controller reads the station's sync status and emits it for the status bar and the sync
page; a failure is shown there with its reason and retried sooner.
"""

from __future__ import annotations

import logging
import random
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import OperationalError

from station_app.core.changes import ChangeSet
from station_app.core.station_session import StationSession
from station_app.errors import UserError
from station_app.sync.client import CityClient, SyncError
from station_app.sync.credentials import StationCredentials, load_credentials
from station_app.sync.engine import SyncEngine, SyncReport
from station_app.sync.enrolment import enroll_station
from station_app.sync.status import SyncStatus, read_status
from station_app.sync.timing import (
    AFTER_CHANGE_S,
    FIRST_S,
    after_network_delay,
    regular_delay,
    retry_delay,
)
from station_app.ui.shared.task_runner import TaskRunner

log = logging.getLogger(__name__)

AFTER_CHANGE_MS = round(AFTER_CHANGE_S * 1000)
FIRST_MS = round(FIRST_S * 1000)


class SyncController(QObject):
    """The station's background sync and its status (`status`, `running`)."""

    status_changed = Signal(object)  # SyncStatus
    running_changed = Signal(bool)
    finished = Signal(object)  # the SyncReport of a sync that succeeded
    failed = Signal(object)  # the UserError of one that did not

    def __init__(
        self,
        session: StationSession,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._data_dir = data_dir
        # The delays are spread at random (sync/timing.py): stations don't call all at once.
        self._rng = rng or random.Random()
        self._failures = 0  # failed syncs in a row
        self.runner = TaskRunner(self)  # the sync's own thread, not the app's
        self.status = SyncStatus()
        self.running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(500)
        self._refresh_timer.timeout.connect(self.refresh)
        self._network = _watch_network(self.network_back)
        # The engine (and its client, with its access token) lives from one sync to the next;
        # it is used on the sync's thread only.
        self._engines: dict[tuple[str, str], SyncEngine] = {}

    # --- what the front end calls --------------------------------------------------------

    def start(self) -> None:
        """Reads the status and, if the station is enrolled, plans its first sync."""
        self.refresh()
        self._plan(FIRST_MS)

    def sync_now(self) -> None:
        """One sync now (unless one runs, the station is not enrolled or the app closes)."""
        if self.running or self.runner.closed:
            return
        credentials = self._credentials()
        if credentials is None:
            self.refresh()
            return
        self._set_running(True)
        session, data_dir = self._session, self._data_dir
        engines = self._engines

        def work() -> tuple[SyncReport, SyncStatus]:
            return _sync(session, credentials, engines), read_status(session.db, data_dir)

        self.runner.run(work, self._synced, self._sync_failed)

    def next_sync_ms(self) -> int | None:
        """Milliseconds until the planned sync; None when none is planned."""
        return self._timer.remainingTime() if self._timer.isActive() else None

    def network_back(self) -> None:
        """The system says the network is back: a sync within the next half minute (at a
        random moment, as every station of the city may hear the same news now)."""
        delay_ms = round(after_network_delay(self._rng) * 1000)
        if self.running or (self._timer.isActive() and self._timer.remainingTime() <= delay_ms):
            return
        self._plan(delay_ms)

    def enrol(self, server_url: str, code: str) -> None:
        """Enrols the station in the background; then syncs (`failed` says why it could not)."""
        data_dir = self._data_dir
        self._set_running(True)
        self.runner.run(
            lambda: enroll_station(data_dir, server_url, code), self._enrolled, self._enrol_failed
        )

    def refresh(self) -> None:
        """Reads the status again in the background (after local changes, say)."""
        db, data_dir = self._session.db, self._data_dir
        self.runner.run(lambda: read_status(db, data_dir), self._set_status, self._log_error)

    def local_changes(self, changes: ChangeSet) -> None:
        """A change made here: the count of what waits changes, and a sync comes soon."""
        if changes.source == "sync" or self.runner.closed:  # closed: a late queued signal
            return
        self._refresh_timer.start()
        if self.status.enrolled and (
            not self._timer.isActive() or self._timer.remainingTime() > AFTER_CHANGE_MS
        ):
            self._plan(AFTER_CHANGE_MS)

    def close(self) -> None:
        """Stops the timers and waits for the running task; nothing starts after this."""
        self._timer.stop()
        self._refresh_timer.stop()
        self.runner.shutdown()
        for engine in self._engines.values():
            engine.client.close()
        self._engines.clear()

    # --- results -------------------------------------------------------------------------

    def _synced(self, result: tuple[SyncReport, SyncStatus]) -> None:
        report, status = result
        self._failures = 0
        self._set_running(False)
        self._set_status(status)
        self._plan(round(regular_delay(self._rng) * 1000))
        self.finished.emit(report)

    def _sync_failed(self, error: UserError) -> None:
        log.warning("the sync failed: %s", error)
        self._failures += 1
        self._set_running(False)
        self.refresh()
        self._plan(round(retry_delay(self._failures, self._rng) * 1000))
        self.failed.emit(error)

    def _enrolled(self, _result: object) -> None:
        self._set_running(False)
        self.refresh()
        self.sync_now()

    def _enrol_failed(self, error: UserError) -> None:
        self._set_running(False)
        self.failed.emit(error)

    def _log_error(self, error: UserError) -> None:
        log.warning("the sync status cannot be read: %s", error)

    def _set_status(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.running_changed.emit(running)

    def _plan(self, delay_ms: int) -> None:
        if not self.runner.closed and self._credentials() is not None:
            self._timer.start(delay_ms)

    def _credentials(self) -> StationCredentials | None:
        try:
            return load_credentials(self._data_dir)
        except UserError:
            return None


def _sync(
    session: StationSession,
    credentials: StationCredentials,
    engines: dict[tuple[str, str], SyncEngine],
) -> SyncReport:
    """One sync on the sync's thread; a busy database is a failure to retry, not a crash."""
    key = (credentials.server_url, credentials.station_id)
    engine = engines.get(key)
    if engine is None:
        for old in engines.values():  # enrolled again: the old engine's client goes
            old.client.close()
        engines.clear()
        client = CityClient(credentials.server_url)
        engine = engines[key] = SyncEngine(session.db, client, credentials, events=session.events)
    try:
        return engine.run()
    except OperationalError as error:
        raise SyncError(
            f"the station database was busy during the sync ({error.orig})", code="sync.busy"
        ) from None


def _watch_network(on_online: object) -> object | None:
    """Calls `on_online` when the system says the network is back, where Qt can tell."""
    try:
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend():
            return None
        info = QNetworkInformation.instance()
    except Exception:  # no backend on this system: the retry timer does instead
        return None
    if info is None:
        return None
    online = QNetworkInformation.Reachability.Online

    def changed(reachability: QNetworkInformation.Reachability) -> None:
        if reachability == online and callable(on_online):
            on_online()

    info.reachabilityChanged.connect(changed)
    return info

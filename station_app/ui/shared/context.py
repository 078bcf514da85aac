"""AppContext: what every page of the main window works with once a user has logged in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from station_app.config import Settings
from station_app.core.actor import Actor
from station_app.core.station_session import StationInfo, StationSession
from station_app.database import Database
from station_app.ui.shared.change_relay import ChangeRelay
from station_app.ui.shared.sync_controller import SyncController
from station_app.ui.shared.task_runner import TaskRunner


@dataclass
class AppContext:
    """The worker's station session, the one task runner and the change signal of the app.

    Every page runs its database work on `runner` (one thread for the whole app, so writes
    never overlap) and refreshes from `changes.changed`, whoever made the change. `sync` is
    the background sync with the city (its own thread).
    """

    session: StationSession
    settings: Settings
    data_dir: Path
    runner: TaskRunner
    changes: ChangeRelay
    sync: SyncController

    @classmethod
    def create(
        cls,
        session: StationSession,
        *,
        settings: Settings,
        data_dir: Path,
        runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> AppContext:
        changes = ChangeRelay(session.events, parent)
        sync = SyncController(session, data_dir, parent)
        changes.changed.connect(sync.local_changes)
        return cls(
            session=session,
            settings=settings,
            data_dir=data_dir,
            runner=runner if runner is not None else TaskRunner(parent),
            changes=changes,
            sync=sync,
        )

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def actor(self) -> Actor:
        return self.session.actor

    @property
    def station(self) -> StationInfo:
        return self.session.station

    def end_session(self) -> None:
        """At a log-out: stops the session's sync and change signal; the runner stays."""
        self.changes.close()
        self.sync.close()

    def close(self) -> None:
        """Stops listening to the core and waits for the runners' running tasks."""
        self.end_session()
        self.runner.shutdown()

"""Brings the core's change events to the GUI thread as a Qt signal the pages refresh from."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from station_app.core.changes import ChangeHub, ChangeSet


class ChangeRelay(QObject):
    """Emits `changed(ChangeSet)` on the GUI thread for every change published on the hub.

    The hub calls from whichever thread committed (the task runner's); a signal emitted there
    reaches the slots of objects living in the GUI thread queued, in commit order.
    """

    changed = Signal(object)

    def __init__(self, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = hub.subscribe(self._publish)

    def _publish(self, changes: ChangeSet) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        self._unsubscribe()

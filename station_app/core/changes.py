"""What a write changed (entity kinds and ids), and the hub that tells every view about it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChangeSet:
    """The rows one transaction changed, by entity ("resident", "employer", …).

    A sync pull will publish the same thing for what it brought in (`source="sync"`).
    """

    ids: Mapping[str, frozenset[str]] = field(default_factory=dict)
    source: str = "local"

    def __bool__(self) -> bool:
        return any(self.ids.values())

    def of(self, entity: str) -> frozenset[str]:
        """The changed ids of one entity (empty when it did not change)."""
        return self.ids.get(entity, frozenset())

    def touches(self, *entities: str) -> bool:
        return any(self.of(entity) for entity in entities)

    @classmethod
    def of_rows(cls, rows: Mapping[str, Iterable[str]], source: str = "local") -> ChangeSet:
        return cls({entity: frozenset(ids) for entity, ids in rows.items() if ids}, source)


Listener = Callable[[ChangeSet], None]


class ChangeHub:
    """Publishes each committed ChangeSet to its listeners, on the thread that committed it.

    Front ends subscribe once (the Qt UI relays to its GUI thread with a queued signal). A
    failing listener is logged and does not stop the others: the write has been committed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Adds a listener; returns the function that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, changes: ChangeSet) -> None:
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed")

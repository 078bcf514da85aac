"""The doorway of the core: one logged-in worker at this station, its reads and its writes.

Every use case goes through a `StationSession`: reads inside `with station.read() as rx:`,
writes inside `with station.write() as tx:`, which owns the one transaction that use cases
compose in (a use case takes the `tx` and may call others with it). A write commits all or
nothing and then publishes what it changed on the session's `ChangeHub`. Permissions and the
station's scope are checked here, in the core, whatever the front end.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from station_app.core.actor import Actor
from station_app.core.changes import ChangeHub, ChangeSet
from station_app.core.permissions import REFUSALS, Permission, permissions_of
from station_app.database import Database
from station_app.errors import PermissionDeniedError
from station_app.models import CITY_SCOPE
from station_app.models.change_capture import ACTOR_KEY, OPERATION_KEY, captured_changes

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class StationInfo:
    community_id: str
    community_name: str
    street: str
    is_demo: bool


@dataclass(frozen=True)
class Scope:
    """Whose records this station holds: its communities' residents and the city's shared data.

    Residents and everything about them are filed under their community's id; employers, jobs,
    communities and code tables under `city`.
    """

    communities: frozenset[str]

    @property
    def ids(self) -> frozenset[str]:
        return self.communities | {CITY_SCOPE}

    def covers(self, scope_id: str) -> bool:
        return scope_id in self.communities or scope_id == CITY_SCOPE


class ReadTx:
    """One read: an ORM session, who reads, and the scope the answers are limited to."""

    def __init__(self, station: StationSession, session: Session) -> None:
        self.station = station
        self.session = session

    @property
    def actor(self) -> Actor:
        return self.station.actor

    @property
    def scope(self) -> Scope:
        return self.station.scope

    def require(self, permission: Permission) -> None:
        self.station.require(permission)


class WriteTx(ReadTx):
    """One write transaction; the ORM's change capture records every change in it."""


class StationSession:
    """The database, the logged-in actor, the station and its scope, and the change hub."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        station: StationInfo,
        *,
        events: ChangeHub | None = None,
        scope: Scope | None = None,
    ) -> None:
        self.db = db
        self.actor = actor
        self.station = station
        self.scope = scope or Scope(frozenset({station.community_id}))
        self.events = events or ChangeHub()
        self.permissions = permissions_of(actor.role)
        self._writing = threading.local()

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        if permission not in self.permissions:
            raise PermissionDeniedError(REFUSALS[permission], permission=permission.value)

    @contextmanager
    def read(self) -> Iterator[ReadTx]:
        with self.db.session() as session:
            yield ReadTx(self, session)

    @contextmanager
    def write(self, operation: str = "") -> Iterator[WriteTx]:
        """One transaction: committed when the block ends, rolled back whole when it raises.

        What it changed is published on `events` after the commit. Writes do not nest: a use
        case that needs another one calls it with the `tx` it was given.
        """
        if getattr(self._writing, "open", False):
            raise RuntimeError("a write is already open on this thread; pass its tx instead")
        self._writing.open = True
        try:
            with self.db.session() as session:
                session.info[ACTOR_KEY] = self.actor.username
                session.info[OPERATION_KEY] = operation
                with session.begin():
                    yield WriteTx(self, session)
                    session.flush()
                    changes = ChangeSet.of_rows(captured_changes(session))
        finally:
            self._writing.open = False
        self.events.publish(changes)

    def perform(
        self, use_case: Callable[Concatenate[WriteTx, P], R], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        """Runs one use case in its own write transaction and returns its result."""
        with self.write(use_case.__name__) as tx:
            return use_case(tx, *args, **kwargs)

    def query(
        self, use_case: Callable[Concatenate[ReadTx, P], R], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        """Runs one read use case and returns its answer."""
        with self.read() as rx:
            return use_case(rx, *args, **kwargs)

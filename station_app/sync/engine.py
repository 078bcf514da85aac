"""One sync with the city server: hello, push the outbox, take a snapshot if needed, pull.

The order is always push first, then pull: the city sees this station's changes before it
answers with its own, and a pulled page never overwrites a field with unsent edits. Every
step commits on its own (the push's answers with the entries they acknowledge, each pulled
page with the cursor after it), so a sync cut off anywhere — the network, the server, this
process — leaves a state from which the next sync simply goes on. Nothing here uses the
station's clock for anything but showing when a sync happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from station_app.core.changes import ChangeHub, ChangeSet
from station_app.database import Database
from station_app.models import ChangeLogEntry, SyncState, utc_now
from station_app.services.station import set_served_communities
from station_app.sync import outbox
from station_app.sync.client import CityClient, SyncError
from station_app.sync.credentials import StationCredentials
from station_app.sync.replica import (
    Applied,
    apply_items,
    load_state,
    remember_seen,
    remove_scopes,
    sweep_unseen,
    sync_transaction,
)

log = logging.getLogger(__name__)

CITY_SCOPE = "city"
PUSH_BATCH = 500
PAGE_SIZE = 2000
MAX_ROUNDS = 100_000  # pages or batches in one sync: a guard against a server that never ends

# Called at each commit point with its name (tests stop the process there; nothing else).
commit_point: Callable[[str], None] | None = None


@dataclass
class SyncReport:
    """What one sync did, for the status bar and `station-app sync`."""

    action: str = "ok"
    pushed: int = 0
    conflicts: int = 0
    ignored: int = 0
    rejected: int = 0
    seeded: int = 0
    snapshot: int = 0
    pulled: int = 0
    removed: int = 0
    cursor: int = 0
    notes: list[str] = field(default_factory=list)


class SyncEngine:
    """Syncs one station database with its city server, one `run()` at a time."""

    def __init__(
        self,
        db: Database,
        client: CityClient,
        credentials: StationCredentials,
        *,
        events: ChangeHub | None = None,
        push_batch: int = PUSH_BATCH,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.db = db
        self.client = client
        self.events = events
        self.push_batch = push_batch
        self.page_size = page_size
        self._unpublished: list[Applied] = []
        client.sign_in(credentials)

    def run(self) -> SyncReport:
        """One whole sync; a failure is recorded for the status bar and raised as SyncError."""
        try:
            report = self._run()
        except SyncError as error:
            self._record_failure(error)
            raise
        with sync_transaction(self.db) as session:
            state = load_state(session)
            state.last_success_at = utc_now()
            state.last_error_code = state.last_error = None
            state.last_error_params = None
        return report

    def _run(self) -> SyncReport:
        report = SyncReport()
        with sync_transaction(self.db) as session:
            state = load_state(session)
            state.last_attempt_at = utc_now()
            cursor, known_scopes = state.cursor, list(state.scopes or [])
            if not state.seeded:
                report.seeded = outbox.seed_unsent_rows(session)
                state.seeded = True
            settled = cursor > 0 and state.snapshot is None
            pending = settled and outbox.has_unsent(session)
        if settled and not pending and self._pull_with_hello(report, cursor, known_scopes):
            return report
        if pending and self._push_with_hello(report, cursor, known_scopes):
            return report
        hello = self.client.hello(cursor)
        report.action = str(hello.get("action"))
        if report.action == "upgrade":
            raise SyncError(
                f"the city server asks for a newer station app: {hello.get('message')}",
                code="sync.upgrade",
                params={"reason": str(hello.get("message") or "")},
            )
        scopes = [str(scope) for scope in hello.get("scopes", [])]
        self._push_all(report)
        resync = report.action == "resync"
        if self._follow_scopes(report, scopes, known_scopes, cursor, resync=resync):
            self._snapshot(report)
        self._pull_all(report)
        return report

    # --- push ---------------------------------------------------------------------------------

    def _push_with_hello(self, report: SyncReport, cursor: int, known_scopes: list[str]) -> bool:
        """The usual sync of a settled station with changes to send: the hello folded into
        the first push, then the rest and the pull. False when its answer asks for the whole
        sync instead (nothing was applied then)."""
        with sync_transaction(self.db) as session:
            entries = outbox.next_batch(session, self.push_batch)
            changes = outbox.wire_changes(session, entries)
        if not entries:
            return False
        try:
            hello, results = self.client.push_with_hello(changes, cursor)
        except SyncError as error:
            if error.params.get("server_code") != "request.invalid":
                raise
            return False  # one change cannot be read: the whole sync finds it
        if hello is not None and hello.get("action") != "ok":
            return False  # an upgrade or a resync: nothing was applied
        self._record_answers(report, entries, changes, results)
        if hello is None or {str(scope) for scope in hello.get("scopes", [])} != set(known_scopes):
            return False  # an older server, or the scope changed: the whole sync follows
        report.action = "ok"
        self._push_all(report)
        self._pull_all(report)
        return True

    def _push_all(self, report: SyncReport) -> None:
        for _round in range(MAX_ROUNDS):
            with self.db.session() as session:
                if not outbox.has_unsent(session):
                    return
            with sync_transaction(self.db) as session:
                entries = outbox.next_batch(session, self.push_batch)
                changes = outbox.wire_changes(session, entries)
            if not entries:
                return
            self._record_answers(report, entries, changes, self._push(entries, changes))

    def _record_answers(
        self,
        report: SyncReport,
        entries: list[ChangeLogEntry],
        changes: list[dict[str, Any]],
        results: list[dict[str, Any] | str] | list[dict[str, Any]],
    ) -> None:
        """Marks the pushed entries with the city's answers, in one transaction."""
        _reached("push answered")
        with sync_transaction(self.db) as session:
            fresh = [session.merge(entry, load=True) for entry in entries]
            counts = self._acknowledge(session, fresh, changes, list(results))
        report.pushed += counts["applied"] + counts["conflict"]
        report.conflicts += counts["conflict"]
        report.ignored += counts["ignored"]
        report.rejected += counts["rejected"]
        _reached("push acknowledged")

    def _push(
        self, entries: list[ChangeLogEntry], changes: list[dict[str, Any]]
    ) -> list[dict[str, Any] | str]:
        """The city's answers; a change it cannot read at all is answered by its reason."""
        try:
            return list(self.client.push(changes))
        except SyncError as error:
            if error.params.get("server_code") != "request.invalid":
                raise
            if len(changes) == 1:
                return [error.params.get("reason", str(error))]
        # One change in the batch is malformed: send them one by one to find it.
        answers: list[dict[str, Any] | str] = []
        for entry, change in zip(entries, changes, strict=True):
            answers += self._push([entry], [change])
        return answers

    @staticmethod
    def _acknowledge(
        session: Session,
        entries: list[ChangeLogEntry],
        changes: list[dict[str, Any]],
        results: list[dict[str, Any] | str],
    ) -> dict[str, int]:
        counts = {"applied": 0, "conflict": 0, "ignored": 0, "rejected": 0}
        answered_entries, answers = [], []
        for entry, change, result in zip(entries, changes, results, strict=True):
            if isinstance(result, str):
                log.warning("the city cannot read change %s: %s", change["change_id"], result)
                outbox.refuse(session, entry, result)
                counts["rejected"] += 1
            else:
                answered_entries.append(entry)
                answers.append(result)
        for status, count in outbox.acknowledge(session, answered_entries, answers).items():
            counts[status] += count
        return counts

    # --- scope and snapshot -------------------------------------------------------------------

    def _follow_scopes(
        self,
        report: SyncReport,
        scopes: list[str],
        known: list[str],
        cursor: int,
        *,
        resync: bool,
    ) -> bool:
        """Starts a snapshot for a new station, a resync, or the scopes the city added;
        True when one is planned or under way."""
        if not resync and cursor > 0 and set(scopes) == set(known):
            with self.db.session() as session:  # the usual case: nothing to change
                state = session.get(SyncState, 1)
                if state is not None and state.snapshot is None:
                    return False
        with sync_transaction(self.db) as session:
            state = load_state(session)
            if state.snapshot is not None and not resync:
                return True  # one under way: it goes on
            ordered = sorted(scopes, key=lambda scope: (scope != CITY_SCOPE, scope))
            if resync or cursor == 0:
                wanted, sweep, fresh = ordered, resync, True
                report.notes.append("resync" if resync else "first sync")
            else:
                wanted = [scope for scope in ordered if scope not in known]
                sweep, fresh = False, False
                dropped = sorted(set(known) - set(scopes))
                if dropped:
                    removed = remove_scopes(session, dropped)
                    report.removed += removed.count()
                    report.notes.append(f"no longer serves {len(dropped)} scope(s)")
                    self._publish_later(removed)
            communities = [scope for scope in scopes if scope != CITY_SCOPE]
            if communities:
                set_served_communities(session, communities)
            state.scopes = scopes
            if wanted:
                state.snapshot = {
                    "scopes": wanted,
                    "upto": None,
                    "after": None,
                    "sweep": sweep,
                    "fresh": fresh,
                }
            planned = state.snapshot is not None
        self._publish_pending()
        return planned

    def _snapshot(self, report: SyncReport) -> None:
        """Loads the planned scopes page by page; the next page is fetched while one applies."""
        with sync_transaction(self.db) as session:
            plan = load_state(session).snapshot
        if plan is None:
            return
        if plan["scopes"]:
            first = (plan["scopes"][0], plan["upto"], plan["after"])
            for _request, page in self._fetch_ahead(first, _next_snapshot_request(plan)):
                with sync_transaction(self.db) as session:
                    state = load_state(session)
                    plan = dict(state.snapshot or plan)
                    items = list(page.get("items") or [])
                    applied = apply_items(session, items)
                    report.snapshot += len(items)
                    if plan["sweep"]:
                        remember_seen(session, items)
                    scopes = list(plan["scopes"])
                    if page.get("next") is None:
                        scopes = scopes[1:]
                    state.snapshot = plan = dict(
                        plan, scopes=scopes, upto=int(page["upto"]), after=page.get("next")
                    )
                    self._publish_later(applied)
                self._publish_pending()
                _reached("snapshot page applied")
        self._finish_snapshot(report, plan)

    def _fetch_ahead(
        self,
        first: tuple[Any, ...],
        following: Callable[[tuple[Any, ...], dict[str, Any]], tuple[Any, ...] | None],
    ) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
        """Yields each request's page; the next request is sent while the caller applies one."""
        fetch = self._snapshot_page if len(first) == 3 else self._pull_page
        with ThreadPoolExecutor(1, thread_name_prefix="sync-fetch") as pool:
            request: tuple[Any, ...] | None = first
            future: Future[dict[str, Any]] | None = pool.submit(fetch, *first)
            while request is not None and future is not None:
                page = future.result()
                following_request = following(request, page)
                future = pool.submit(fetch, *following_request) if following_request else None
                yield request, page
                request = following_request

    def _snapshot_page(self, scope: str, upto: int | None, after: Any) -> dict[str, Any]:
        return self.client.snapshot(scope, upto, after, self.page_size)

    def _pull_page(self, cursor: int) -> dict[str, Any]:
        return self.client.pull(cursor, self.page_size)

    def _finish_snapshot(self, report: SyncReport, plan: dict[str, Any]) -> None:
        with sync_transaction(self.db) as session:
            state = load_state(session)
            if plan["sweep"]:
                removed = sweep_unseen(session)
                report.removed += removed.count()
                self._publish_later(removed)
            if plan["fresh"] and plan["upto"] is not None:
                state.cursor = int(plan["upto"])
            state.snapshot = None
        self._publish_pending()
        _reached("snapshot finished")

    # --- pull ---------------------------------------------------------------------------------

    def _pull_all(self, report: SyncReport) -> None:
        for _round in range(MAX_ROUNDS):
            with self.db.session() as session:
                state = session.get(SyncState, 1)
                cursor = state.cursor if state is not None else 0
            if self._pull_from(report, cursor):
                return

    def _pull_with_hello(self, report: SyncReport, cursor: int, known_scopes: list[str]) -> bool:
        """The usual sync of a settled station with nothing to push: one request, the hello
        folded into the first pull. False when its answer asks for the whole sync instead."""
        page = self.client.pull(cursor, self.page_size, hello=True)
        hello = page.get("hello")
        if not isinstance(hello, dict) or hello.get("action") != "ok":
            return False  # an upgrade, a resync, or a server that does not fold hellos
        if {str(scope) for scope in hello.get("scopes", [])} != set(known_scopes):
            return False  # the scope changed: the whole sync follows it
        report.action = "ok"
        if not self._apply_pull_page(report, cursor, page) or page.get("more"):
            self._pull_all(report)  # the rest, or from where another sync moved meanwhile
        return True

    def _pull_from(self, report: SyncReport, cursor: int) -> bool:
        """Pulls pages from `cursor` until the last; False if another sync moved meanwhile."""
        for (asked,), page in self._fetch_ahead((cursor,), _next_pull_request):
            if not self._apply_pull_page(report, asked, page):
                return False
        return True

    def _apply_pull_page(self, report: SyncReport, asked: int, page: dict[str, Any]) -> bool:
        """Applies one pulled page with its cursor; False if another sync moved meanwhile."""
        with sync_transaction(self.db) as session:
            state = load_state(session)
            if state.cursor != asked:
                return False  # another sync moved on meanwhile: ask again from there
            applied = apply_items(session, list(page.get("items") or []))
            report.pulled += len(page.get("items") or [])
            state.cursor = int(page["cursor"])
            report.cursor = state.cursor
            self._publish_later(applied)
        self._publish_pending()
        _reached("pull page applied")
        return True

    # --- after each commit --------------------------------------------------------------------

    def _publish_later(self, applied: Applied) -> None:
        """Keeps what a transaction changed, to tell the views once it has committed."""
        self._unpublished.append(applied)

    def _publish_pending(self) -> None:
        """Tells the open views what the committed pages changed (as a sync's ChangeSet)."""
        waiting, self._unpublished = self._unpublished, []
        if self.events is None:
            return
        for applied in waiting:
            self.events.publish(ChangeSet.of_rows(applied.touched(), source="sync"))

    def _record_failure(self, error: SyncError) -> None:
        try:
            with sync_transaction(self.db) as session:
                state = load_state(session)
                state.last_error_code = error.code
                state.last_error_params = dict(error.params)
                state.last_error = str(error)[:500]
        except Exception:
            log.exception("the sync's failure could not be recorded")


def _next_snapshot_request(
    plan: dict[str, Any],
) -> Callable[[tuple[Any, ...], dict[str, Any]], tuple[Any, ...] | None]:
    """After a snapshot page: the same scope further on, the next scope, or the end."""
    remaining = list(plan["scopes"])

    def following(request: tuple[Any, ...], page: dict[str, Any]) -> tuple[Any, ...] | None:
        scope, _upto, _after = request
        upto = int(page["upto"])
        if page.get("next") is not None:
            return (scope, upto, page["next"])
        position = remaining.index(scope)
        return (remaining[position + 1], upto, None) if position + 1 < len(remaining) else None

    return following


def _next_pull_request(request: tuple[Any, ...], page: dict[str, Any]) -> tuple[Any, ...] | None:
    return (int(page["cursor"]),) if page.get("more") else None


def _reached(point: str) -> None:
    if commit_point is not None:
        commit_point(point)

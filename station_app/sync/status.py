"""What the status bar and the sync page show: enrolled or not, last sync, what waits, why not."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from station_app.database import Database
from station_app.models import MergeCase, SyncConflict, SyncState
from station_app.sync import outbox
from station_app.sync.credentials import load_credentials


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool = False
    server_url: str = ""
    station_id: str = ""
    communities: tuple[str, ...] = ()
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    pending: int = 0  # local changes not yet sent
    rejected: int = 0  # changes the city refused (kept, with the reason)
    open_cases: int = 0  # conflicts and merge cases waiting for a worker
    error_code: str | None = None  # the last sync's failure, None after a success
    error_params: dict[str, str] = field(default_factory=dict)
    error: str | None = None


def read_status(db: Database, data_dir: Path) -> SyncStatus:
    """The station's sync status now (credentials that cannot be read count as not enrolled)."""
    try:
        credentials = load_credentials(data_dir)
    except Exception:  # unreadable sync settings: the sync itself says why when it runs
        credentials = None
    with db.session() as session:
        state = session.get(SyncState, 1)
        open_cases = sum(
            int(
                session.scalar(
                    select(func.count())
                    .select_from(m)
                    .where(m.resolved.is_(False), m.deleted.is_(False))
                )
                or 0
            )
            for m in (SyncConflict, MergeCase)
        )
        return SyncStatus(
            enrolled=credentials is not None,
            server_url=credentials.server_url if credentials else "",
            station_id=credentials.station_id if credentials else "",
            communities=credentials.communities if credentials else (),
            last_success_at=state.last_success_at if state else None,
            last_attempt_at=state.last_attempt_at if state else None,
            pending=outbox.pending_count(session),
            rejected=outbox.rejected_count(session),
            open_cases=open_cases,
            error_code=state.last_error_code if state else None,
            error_params=dict(state.last_error_params or {}) if state else {},
            error=state.last_error if state else None,
        )

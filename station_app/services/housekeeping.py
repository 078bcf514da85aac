"""The daily housekeeping: what lapses with the calendar, run at login and each hour after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from station_app.core.permissions import Permission
from station_app.core.station_session import WriteTx
from station_app.services.jobs import expire_due_jobs
from station_app.services.recognition import expire_recognitions


@dataclass(frozen=True)
class HousekeepingDone:
    """How many jobs and recognitions expired."""

    expired_jobs: int
    expired_recognitions: int


def run_daily_housekeeping(tx: WriteTx, today: date) -> HousekeepingDone:
    """Expires the jobs past their last day and the approvals past their validity.

    A role that may not write expires nothing of that kind (the next worker's login does it).
    """
    jobs = expire_due_jobs(tx, today)
    recognitions = 0
    if tx.station.can(Permission.RESIDENT_WRITE):
        recognitions = expire_recognitions(tx, on_day=today)
    return HousekeepingDone(jobs, recognitions)

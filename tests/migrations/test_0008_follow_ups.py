"""Revision 0008 keeps every service record (without an outcome) and adds assistance plans."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import select

from station_app.database import open_database
from station_app.models import AssistancePlan, AssistancePlanStatus, ServiceChannel, ServiceRecord

STORED = Path(__file__).parent.parent / "data"
RESIDENT = "r0000000-0000-7000-8000-000000000001"
SCOPE = "c0000000-0000-7000-8000-000000000001"


def test_service_records_survive_and_plans_can_be_kept(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    shutil.copy(STORED / "station-rev0001.sqlite", path)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO service_records (id, scope_id, row_version, deleted, created_at,"
            " updated_at, resident_id, kind, channel, occurred_on, summary, next_contact_on)"
            " VALUES ('s1', ?, 1, 0, '2026-01-05 08:00:00', '2026-01-05 08:00:00', ?,"
            " 'follow_up', 'phone', '2026-01-05', '电话回访', '2026-02-04')",
            (SCOPE, RESIDENT),
        )
    db = open_database(path)
    try:
        with db.session() as session:
            record = session.get(ServiceRecord, "s1")
            assert record is not None
            assert (record.channel, record.summary) == (ServiceChannel.PHONE, "电话回访")
            assert record.next_contact_on == date(2026, 2, 4)
            assert record.outcome is None
            # The resident's scope moved with 0005; the plan goes where the resident is.
            record.channel = ServiceChannel.WECHAT
            session.add(
                AssistancePlan(
                    scope_id=record.scope_id,
                    resident_id=record.resident_id,
                    goals="实现就业",
                    responsible="admin",
                    status=AssistancePlanStatus.ACTIVE,
                    started_on=date(2026, 3, 1),
                )
            )
            session.commit()
        with db.session() as session:
            assert session.scalars(select(AssistancePlan.goals)).all() == ["实现就业"]
            assert session.scalars(select(ServiceRecord.channel)).one() is ServiceChannel.WECHAT
    finally:
        db.close()

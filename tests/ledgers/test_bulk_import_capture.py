"""A resident imported in bulk is stamped and logged as the same resident saved by a form."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.ledgers.importer import commit_import, plan_import
from station_app.models import (
    AuditEvent,
    ChangeLogEntry,
    EmploymentStatusChange,
    Resident,
    ResidentKeyGroup,
)
from station_app.models.base import fixed_ids_and_times
from station_app.services.residents import register_resident
from tests.conftest import make_station
from tests.ledgers.ledger_files import id_number, write_book
from tests.saved_rows import renamed, saved_rows

NOW = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)
HEADER = ["姓名", "身份证号码", "联系电话", "就业状态", "重点群体", "住址", "同意日期", "备注"]
ROW = [
    "张三",
    id_number(serial="001"),
    "13912345678",
    "单位就业",
    "就业困难人员、低保对象",
    "人民路1号",
    "2024年1月5日",
    "会电焊",
]


def _saved(station: StationSession) -> dict[str, Any]:
    """Everything saved for the one resident: its rows, status entry, audit and change log."""
    with station.read() as rx:
        resident = rx.session.scalars(select(Resident)).one()
        entry = rx.session.scalars(select(EmploymentStatusChange)).one()
        names = {
            resident.id: "<resident>",
            entry.id: "<status entry>",
            station.station.community_id: "<community>",
        }
    ids = (resident.id, entry.id)
    found = {
        "resident": saved_rows(station, Resident.__table__),  # type: ignore[arg-type]
        "status": saved_rows(station, EmploymentStatusChange.__table__),  # type: ignore[arg-type]
        "key groups": saved_rows(station, ResidentKeyGroup.__table__),  # type: ignore[arg-type]
        "change log": saved_rows(
            station,
            ChangeLogEntry.__table__,  # type: ignore[arg-type]
            ChangeLogEntry.entity_id.in_(ids),
        ),
        "audit": sorted(
            saved_rows(station, AuditEvent.__table__, AuditEvent.entity_id.in_(ids)),  # type: ignore[arg-type]
            key=lambda event: str(event["action"]),
        ),
    }
    return dict(renamed(found, names))


def test_a_bulk_imported_resident_is_logged_as_a_form_save_logs_it(tmp_path: Path) -> None:
    path = write_book(tmp_path / "ledger.xlsx", {"台账": [HEADER, ROW]})
    saved = []
    for how in ("import", "form"):
        db, station = make_station(tmp_path / how)
        try:
            with fixed_ids_and_times(lambda: str(uuid.uuid4()), lambda: NOW):
                with station.read() as rx:
                    plan = plan_import(rx, "residents", path)
                if how == "import":
                    commit_import(station, plan)
                else:
                    with station.write("import_residents") as tx:
                        register_resident(tx, plan.rows[0].data)
            saved.append(_saved(station))
        finally:
            db.close()
    imported, form = saved
    # A form's save fills the status entry's resident in during the flush, after its audit
    # event was made: that event leaves the resident out; the bulk insert knows it at once.
    [status_audit] = [a for a in form["audit"] if a["entity"] == "employment_status_change"]
    assert "resident_id" not in status_audit["detail"]["fields"]
    status_audit["detail"]["fields"]["resident_id"] = {"old": None, "new": "<resident>"}
    assert imported == form
    resident_audit = next(a for a in imported["audit"] if a["entity"] == "resident")
    assert resident_audit["detail"]["fields"]["id_number"]["new"] == "341282********" + ROW[1][-4:]
    assert resident_audit["detail"]["fields"]["phone"]["new"] == "139****5678"
    assert len(imported["change log"]) == 2
    assert imported["key groups"] and imported["resident"][0]["row_version"] == 1

"""Employment status history: dated changes with reasons, the status and the counts on any day."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, PermissionDeniedError, ValidationError
from station_app.models import AuditEvent, EmploymentStatus, EmploymentStatusChange, UserRole
from station_app.models.enums import DeregistrationReason, EmployerType
from station_app.services.employers import EmployerInput, register_employer
from station_app.services.residents import get_resident, register_resident
from station_app.services.status_history import (
    StatusChangeInput,
    count_by_status_on,
    record_status_change,
    status_history,
    status_on,
)
from station_app.texts.catalogue import Catalogue
from station_app.validation import compute_credit_check_character
from tests.conftest import SessionAs
from tests.services.test_residents import id_number, resident

REGISTERED = date(2024, 1, 10)
TODAY = date(2025, 6, 1)
UNEMPLOYED = EmploymentStatus.UNEMPLOYED
EMPLOYED = EmploymentStatus.EMPLOYED


def _register(station: StationSession, serial: str = "001", **changes: object) -> str:
    changes.setdefault("consent_date", date(2024, 1, 5))
    data = resident(station.actor, id_number=id_number(serial=serial), **changes)
    return station.perform(register_resident, data, today=REGISTERED)


def _employer(station: StationSession) -> str:
    body = "91341282MA2N0A1B3"
    data = EmployerInput(
        name="界首市恒信食品有限公司",
        credit_code=body + compute_credit_check_character(body),
        employer_type=EmployerType.ENTERPRISE,
    )
    return station.perform(register_employer, data)


def _change(station: StationSession, resident_id: str, **fields: object) -> str:
    change = StatusChangeInput(**fields)  # type: ignore[arg-type]
    return station.perform(record_status_change, resident_id, change, today=TODAY)


def _codes(error: ValidationError) -> set[str]:
    return {problem.code for problem in error.problems}


def test_a_change_is_dated_with_its_reason_employer_and_worker(station: StationSession) -> None:
    rid = _register(station)
    employer = _employer(station)
    _change(
        station,
        rid,
        status=EMPLOYED,
        since=date(2025, 3, 1),
        reason=DeregistrationReason.FOUND_JOB,
        employer_id=employer,
        note=" 经推荐入职 ",
    )
    with station.read() as rx:
        history = status_history(rx, rid)
        assert get_resident(rx, rid).data.employment_status == EMPLOYED
    assert [(e.status, e.since) for e in history] == [
        (UNEMPLOYED, REGISTERED),
        (EMPLOYED, date(2025, 3, 1)),
    ]
    latest = history[-1]
    assert latest.reason == DeregistrationReason.FOUND_JOB
    assert latest.employer_name == "界首市恒信食品有限公司"
    assert latest.recorded_by == station.actor.display_name == "王芳"
    assert latest.note == "经推荐入职"
    assert history[0].recorded_by == "王芳"  # the registration's entry names its worker too


def test_the_status_on_any_day(station: StationSession) -> None:
    rid = _register(station)
    _change(station, rid, status=EMPLOYED, since=date(2025, 3, 1), reason="found_job")
    _change(station, rid, status=UNEMPLOYED, since=date(2025, 5, 1))
    with station.read() as rx:
        assert status_on(rx, rid, date(2024, 1, 9)) is None
        assert status_on(rx, rid, REGISTERED) == UNEMPLOYED
        assert status_on(rx, rid, date(2025, 2, 28)) == UNEMPLOYED
        assert status_on(rx, rid, date(2025, 3, 1)) == EMPLOYED
        assert status_on(rx, rid, date(2025, 4, 30)) == EMPLOYED
        assert status_on(rx, rid, TODAY) == UNEMPLOYED


def test_a_backdated_change_keeps_the_current_status(station: StationSession) -> None:
    rid = _register(station)
    _change(station, rid, status=EMPLOYED, since=date(2025, 3, 1), reason="found_job")
    _change(station, rid, status=EmploymentStatus.FLEXIBLE, since=date(2024, 6, 1), reason="study")
    with station.read() as rx:
        assert get_resident(rx, rid).data.employment_status == EMPLOYED
        assert status_on(rx, rid, date(2024, 12, 31)) == EmploymentStatus.FLEXIBLE


def test_counts_by_status_on_a_day(station: StationSession) -> None:
    first, second, third = (_register(station, serial) for serial in ("001", "002", "003"))
    _change(station, first, status=EMPLOYED, since=date(2025, 3, 1), reason="found_job")
    _change(station, second, status=EMPLOYED, since=date(2025, 5, 1), reason="found_job")
    _change(
        station, third, status=EmploymentStatus.FLEXIBLE, since=date(2025, 1, 1), reason="pension"
    )
    with station.read() as rx:
        before = count_by_status_on(rx, date(2024, 1, 9))
        march = count_by_status_on(rx, date(2025, 3, 15))
        now = count_by_status_on(rx, TODAY)
        elsewhere = count_by_status_on(rx, TODAY, community_id="another-community")
    assert sum(before.values()) == 0
    assert march[UNEMPLOYED] == 1 and march[EMPLOYED] == 1
    assert march[EmploymentStatus.FLEXIBLE] == 1
    assert now[EMPLOYED] == 2 and now[UNEMPLOYED] == 0
    assert set(now) == set(EmploymentStatus)
    assert sum(elsewhere.values()) == 0


def test_leaving_unemployment_needs_an_official_reason(station: StationSession) -> None:
    rid = _register(station)
    with pytest.raises(ValidationError) as refused:
        _change(station, rid, status=EMPLOYED, since=date(2025, 3, 1))
    assert _codes(refused.value) == {"status.reason_needed"}
    employed = _register(station, "002", employment_status=EMPLOYED)
    with pytest.raises(ValidationError) as refused:
        _change(station, employed, status=EmploymentStatus.FLEXIBLE, since=TODAY, reason="pension")
    assert _codes(refused.value) == {"status.reason_unexpected"}


@pytest.mark.parametrize(
    ("since", "code"),
    [
        (date(2025, 6, 2), "status.future"),
        (date(1990, 3, 6), "status.before_birth"),
        (REGISTERED, "status.same_day"),
    ],
)
def test_impossible_dates_are_refused(
    station: StationSession, db: Database, since: date, code: str
) -> None:
    rid = _register(station)
    with pytest.raises(ValidationError) as refused:
        _change(station, rid, status=EMPLOYED, since=since, reason="found_job")
    assert _codes(refused.value) == {code}
    with db.session() as session:
        count = session.scalar(select(func.count()).select_from(EmploymentStatusChange))
    assert count == 1  # nothing written


def test_an_unchanged_status_and_a_wrong_employer_are_refused(station: StationSession) -> None:
    rid = _register(station)
    employer = _employer(station)
    with pytest.raises(ValidationError) as refused:
        _change(station, rid, status=UNEMPLOYED, since=date(2025, 3, 1))
    assert _codes(refused.value) == {"status.unchanged"}
    with pytest.raises(ValidationError) as refused:
        _change(
            station,
            rid,
            status=EmploymentStatus.SELF_EMPLOYED,
            since=date(2025, 3, 1),
            reason="self_employed",
            employer_id=employer,
        )
    assert _codes(refused.value) == {"status.employer_unexpected"}
    with pytest.raises(ValidationError) as refused:
        _change(
            station,
            rid,
            status=EMPLOYED,
            since=date(2025, 3, 1),
            reason="found_job",
            employer_id="no-such-employer",
        )
    assert _codes(refused.value) == {"status.employer_gone"}


def test_permissions_and_scope(
    station: StationSession, db: Database, session_as: SessionAs
) -> None:
    rid = _register(station)
    inspector = session_as(db, UserRole.INSPECTOR)
    with pytest.raises(PermissionDeniedError):
        _change(inspector, rid, status=EMPLOYED, since=TODAY, reason="found_job")
    with inspector.read() as rx:
        assert status_on(rx, rid, TODAY) == UNEMPLOYED
    with pytest.raises(NotFoundError), station.read() as rx:
        status_on(rx, "no-such-resident", TODAY)


def test_a_change_is_audited(station: StationSession, db: Database) -> None:
    rid = _register(station)
    _change(station, rid, status=EMPLOYED, since=date(2025, 3, 1), reason="found_job")
    with db.session() as session:
        actions = list(session.scalars(select(AuditEvent.action)))
    assert "employment_status_change.create" in actions
    assert "resident.update" in actions


def test_every_reason_has_a_chinese_label() -> None:
    chinese = Catalogue.load("zh_CN")
    labels = [chinese.label(reason) for reason in DeregistrationReason]
    assert labels[0] == "实现就业（被用人单位录用）"
    assert all(label and not label.isascii() for label in labels)
    assert len(set(labels)) == len(labels)

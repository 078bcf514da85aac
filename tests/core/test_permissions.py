"""Each role is refused, in the services, every action it may not do; reads keep to the scope."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from station_app.core.permissions import ROLE_PERMISSIONS, Permission
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import NotFoundError, PermissionDeniedError
from station_app.models import (
    AuditEvent,
    ChangeLogEntry,
    Community,
    EmployerType,
    EmploymentStatus,
    Resident,
    UserRole,
)
from station_app.services import employers, residents
from station_app.services.communities import list_communities
from station_app.services.resident_rows import fetch_rows, register_ids
from station_app.services.resident_search import ResidentSearchIndex
from station_app.texts import Catalogue
from station_app.validation import compute_credit_check_character, compute_id_check_character

TODAY = date(2026, 3, 2)
BODY = "91341282MA2N0A1B3"


def _resident_input(community_id: str, serial: str = "011") -> residents.ResidentInput:
    body = f"34128219880512{serial}"
    return residents.ResidentInput(
        id_number=body + compute_id_check_character(body),
        name="李秀英",
        community_id=community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
    )


def _employer_input() -> employers.EmployerInput:
    return employers.EmployerInput(
        name="界首市恒信食品有限公司",
        credit_code=BODY + compute_credit_check_character(BODY),
        employer_type=EmployerType.ENTERPRISE,
    )


@pytest.fixture
def records(station: StationSession) -> dict[str, str]:
    """A resident and an employer registered by the admin."""
    community = station.station.community_id
    return {
        "resident": station.perform(
            residents.register_resident, _resident_input(community), today=TODAY
        ),
        "employer": station.perform(employers.register_employer, _employer_input()),
    }


Action = Callable[[StationSession, dict[str, str]], Any]

ACTIONS: dict[str, tuple[Permission, Action]] = {
    "register a resident": (
        Permission.RESIDENT_WRITE,
        lambda s, _r: s.perform(
            residents.register_resident,
            _resident_input(s.station.community_id, "022"),
            today=TODAY,
        ),
    ),
    "edit a resident": (
        Permission.RESIDENT_WRITE,
        lambda s, r: s.perform(
            residents.update_resident,
            r["resident"],
            1,
            _resident_input(s.station.community_id),
            today=TODAY,
        ),
    ),
    "read a resident": (
        Permission.RESIDENT_READ,
        lambda s, r: s.query(residents.get_resident, r["resident"]),
    ),
    "look up an ID number": (
        Permission.RESIDENT_READ,
        lambda s, _r: s.query(residents.find_by_id_number, "341282198805120112"),
    ),
    "list the register": (Permission.RESIDENT_READ, lambda s, _r: s.query(register_ids)),
    "read register rows": (
        Permission.RESIDENT_READ,
        lambda s, r: s.query(fetch_rows, [r["resident"]]),
    ),
    "load the search index": (
        Permission.RESIDENT_READ,
        lambda s, _r: s.query(ResidentSearchIndex.load),
    ),
    "register an employer": (
        Permission.EMPLOYER_WRITE,
        lambda s, _r: s.perform(
            employers.register_employer,
            employers.EmployerInput("另一家公司", "91341282MA2N0A1B4X", EmployerType.ENTERPRISE),
        ),
    ),
    "edit an employer": (
        Permission.EMPLOYER_WRITE,
        lambda s, r: s.perform(employers.update_employer, r["employer"], 1, _employer_input()),
    ),
    "list employers": (Permission.EMPLOYER_READ, lambda s, _r: s.query(employers.list_employers)),
    "list communities": (Permission.COMMUNITY_READ, lambda s, _r: s.query(list_communities)),
}

REFUSALS = [
    (role, name)
    for role in UserRole
    for name, (permission, _action) in ACTIONS.items()
    if permission not in ROLE_PERMISSIONS[role]
]


def _written(db: Database) -> tuple[int, ...]:
    with db.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(entity)) or 0
            for entity in (Resident, AuditEvent, ChangeLogEntry)
        )


def test_the_refusals_cover_the_roles_the_issue_names() -> None:
    assert (UserRole.INSPECTOR, "edit a resident") in REFUSALS  # read-only cannot save
    assert (UserRole.KIOSK, "read a resident") in REFUSALS  # the kiosk sees no resident
    assert not [name for role, name in REFUSALS if role is UserRole.ADMIN]


@pytest.mark.parametrize(("role", "action"), REFUSALS)
def test_each_role_is_refused_what_it_may_not_do(
    db: Database,
    records: dict[str, str],
    session_as: Any,
    role: UserRole,
    action: str,
) -> None:
    session = session_as(db, role)
    permission, run = ACTIONS[action]
    before = _written(db)
    with pytest.raises(PermissionDeniedError) as refused:
        run(session, records)
    assert refused.value.permission == permission.value
    assert refused.value.code == "permission." + permission.value.replace(".", "_")
    assert str(refused.value).startswith(("your role may not", "only an administrator"))
    chinese = Catalogue.load("zh_CN").error(refused.value)
    assert "角色" in chinese or "管理员" in chinese
    assert _written(db) == before


@pytest.mark.parametrize("action", [name for name in ACTIONS if "register" not in name])
def test_a_worker_may_do_the_daily_work(
    db: Database, records: dict[str, str], session_as: Any, action: str
) -> None:
    ACTIONS[action][1](session_as(db, UserRole.WORKER), records)


def test_an_inspector_reads_but_does_not_write(
    db: Database, records: dict[str, str], session_as: Any
) -> None:
    inspector = session_as(db, UserRole.INSPECTOR)
    assert inspector.query(residents.get_resident, records["resident"]).data.name == "李秀英"
    assert not inspector.can(Permission.RESIDENT_WRITE)


def _other_community(db: Database) -> str:
    with db.session() as session, session.begin():
        community = Community(scope_id="city", code="341282002001", name="光明社区", street="西城")
        session.add(community)
        session.flush()
        return community.id


def test_residents_outside_the_scope_are_invisible(
    station: StationSession, db: Database, records: dict[str, str]
) -> None:
    other = _other_community(db)
    # A resident of another station's community, as a sync might have left behind.
    with db.session() as session, session.begin():
        stranger = Resident(
            scope_id=other,
            community_id=other,
            id_number="341282199001011236",
            name="外人",
            sex="M",
            birth_date=date(1990, 1, 1),
            employment_status=EmploymentStatus.UNEMPLOYED,
            skills=[],
        )
        session.add(stranger)
        session.flush()
        stranger_id = stranger.id
    assert station.query(register_ids) == [records["resident"]]
    assert stranger_id not in station.query(fetch_rows, [stranger_id, records["resident"]])
    assert station.query(ResidentSearchIndex.load).search("外人") == []
    with pytest.raises(NotFoundError):
        station.query(residents.get_resident, stranger_id)
    assert station.query(residents.find_by_id_number, "341282199001011236") is None


def test_a_resident_cannot_be_registered_into_a_community_the_station_does_not_serve(
    station: StationSession, db: Database
) -> None:
    from station_app.errors import ValidationError

    other = _other_community(db)
    with pytest.raises(ValidationError) as refused:
        station.perform(residents.register_resident, _resident_input(other), today=TODAY)
    assert [p.code for p in refused.value.problems] == ["resident.community_outside"]
    served = station.query(list_communities, served_only=True)
    assert [c.id for c in served] == [station.station.community_id]

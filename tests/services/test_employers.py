"""Employers: credit codes are checked by their check character, duplicates refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.database import Database, open_database
from station_app.errors import ConflictError, DuplicateError, ValidationError
from station_app.models import AuditEvent, Employer, EmployerType
from station_app.services.actor import Actor
from station_app.services.employers import (
    EmployerInput,
    check_credit_code_prefix,
    count_employers,
    find_by_credit_code,
    get_employer,
    list_employers,
    register_employer,
    update_employer,
)
from station_app.services.station import AdminInput, CommunityInput, set_up_station
from station_app.validation import compute_credit_check_character

BODY = "91341282MA2N0A1B3"
CODE = BODY + compute_credit_check_character(BODY)


@pytest.fixture
def station(tmp_path: Path) -> tuple[Database, Actor]:
    db = open_database(tmp_path / "station.sqlite")
    actor = set_up_station(
        db,
        CommunityInput("DC-001", "人民路社区", "东城街道"),
        AdminInput("admin", "管理员", "12345678", "12345678"),
    )
    yield db, actor
    db.close()


def _input(**changes: object) -> EmployerInput:
    base = EmployerInput(
        name="界首市恒信食品有限公司",
        credit_code=CODE.lower(),
        employer_type=EmployerType.ENTERPRISE,
        industry="C",
        contact_name="刘经理",
        contact_phone="0558 4812345",
    )
    return EmployerInput(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def _count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Employer)) or 0


def test_register_normalizes_code_and_phone(station: tuple[Database, Actor]) -> None:
    db, actor = station
    employer_id = register_employer(db, actor, _input())
    version, data = get_employer(db, employer_id)
    assert version == 1
    assert data.credit_code == CODE
    assert data.contact_phone == "0558-4812345"
    assert [row.name for row in list_employers(db, "恒信")] == ["界首市恒信食品有限公司"]
    assert [row.id for row in list_employers(db, CODE[:8].lower())] == [employer_id]


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (BODY + ("0" if CODE[-1] != "0" else "1"), "credit_code.check_character"),
        (CODE[:-1], "credit_code.length"),
        (CODE[:5] + "I" + CODE[6:], "credit_code.characters"),
        ("", "credit_code.empty"),
    ],
)
def test_bad_credit_codes_write_nothing(
    station: tuple[Database, Actor], code: str, problem: str
) -> None:
    db, actor = station
    with pytest.raises(ValidationError) as caught:
        register_employer(db, actor, _input(credit_code=code))
    assert [p.code for p in caught.value.problems] == [problem]
    assert _count(db) == 0


def test_bad_contact_phone_and_industry(station: tuple[Database, Actor]) -> None:
    db, actor = station
    with pytest.raises(ValidationError) as caught:
        register_employer(db, actor, _input(contact_phone="12345", industry="Z"))
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("contact_phone", "phone.mobile_length"),
        ("industry", "employer.industry"),
    }
    assert _count(db) == 0


def test_one_employer_per_credit_code(station: tuple[Database, Actor]) -> None:
    db, actor = station
    first = register_employer(db, actor, _input())
    with pytest.raises(DuplicateError) as caught:
        register_employer(db, actor, _input(name="另一家公司"))
    assert caught.value.existing_id == first
    assert _count(db) == 1


def test_update_checks_row_version(station: tuple[Database, Actor]) -> None:
    db, actor = station
    employer_id = register_employer(db, actor, _input())
    update_employer(db, actor, employer_id, 1, _input(key_enterprise=True))
    version, data = get_employer(db, employer_id)
    assert (version, data.key_enterprise) == (2, True)
    with pytest.raises(ConflictError):
        update_employer(db, actor, employer_id, 1, _input(liaison="张三"))
    with db.session() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert actions.count("employer.update") == 1


def test_find_by_credit_code_as_typed(station: tuple[Database, Actor]) -> None:
    db, actor = station
    assert find_by_credit_code(db, CODE) is None
    employer_id = register_employer(db, actor, _input())
    spaced = f" {CODE[:9].lower()} {CODE[9:]} "
    assert find_by_credit_code(db, spaced) == employer_id
    assert find_by_credit_code(db, "not a code") is None


def test_count_matches_the_list_without_its_limit(station: tuple[Database, Actor]) -> None:
    db, actor = station
    names = ["界首市恒信食品有限公司", "界首市恒达纺织有限公司", "阜阳市光明物流有限公司"]
    for number, name in enumerate(names):
        body = f"91341282MA2N0A1B{number}"
        code = body + compute_credit_check_character(body)
        register_employer(db, actor, _input(name=name, credit_code=code))
    assert count_employers(db) == 3
    assert count_employers(db, "界首") == 2
    assert count_employers(db, "0a1b2") == 1  # a fragment of a code, in lower case
    assert len(list_employers(db, "界首", limit=1)) == 1
    assert count_employers(db, "无此单位") == 0


def test_a_partly_typed_code_is_refused_only_for_a_forbidden_character() -> None:
    assert check_credit_code_prefix("") == []
    assert check_credit_code_prefix("91341282ma2n") == []
    (problem,) = check_credit_code_prefix("91341282mo")
    assert (problem.field, problem.code) == ("credit_code", "credit_code.characters")
    assert problem.params == {"character": "O", "position": "10"}
    assert check_credit_code_prefix(CODE) == []  # a complete code is for check_credit_code

"""Employers: credit codes are checked by their check character, duplicates refused."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.errors import ConflictError, DuplicateError, ValidationError
from station_app.models import AuditEvent, Employer, EmployerType
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
from station_app.validation import compute_credit_check_character

BODY = "91341282MA2N0A1B3"
CODE = BODY + compute_credit_check_character(BODY)


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


def test_register_normalizes_code_and_phone(station: StationSession, db: Database) -> None:
    employer_id = station.perform(register_employer, _input())
    version, data = station.query(get_employer, employer_id)
    assert version == 1
    assert data.credit_code == CODE
    assert data.contact_phone == "0558-4812345"
    assert [row.name for row in station.query(list_employers, "恒信")] == ["界首市恒信食品有限公司"]
    assert [row.id for row in station.query(list_employers, CODE[:8].lower())] == [employer_id]


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
    station: StationSession, db: Database, code: str, problem: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        station.perform(register_employer, _input(credit_code=code))
    assert [p.code for p in caught.value.problems] == [problem]
    assert _count(db) == 0


def test_bad_contact_phone_and_industry(station: StationSession, db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        station.perform(register_employer, _input(contact_phone="12345", industry="Z"))
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("contact_phone", "phone.mobile_length"),
        ("industry", "employer.industry"),
    }
    assert _count(db) == 0


def test_one_employer_per_credit_code(station: StationSession, db: Database) -> None:
    first = station.perform(register_employer, _input())
    with pytest.raises(DuplicateError) as caught:
        station.perform(register_employer, _input(name="另一家公司"))
    assert caught.value.existing_id == first
    assert _count(db) == 1


def test_update_checks_row_version(station: StationSession, db: Database) -> None:
    employer_id = station.perform(register_employer, _input())
    station.perform(update_employer, employer_id, 1, _input(key_enterprise=True))
    version, data = station.query(get_employer, employer_id)
    assert (version, data.key_enterprise) == (2, True)
    with pytest.raises(ConflictError):
        station.perform(update_employer, employer_id, 1, _input(liaison="张三"))
    with db.session() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert actions.count("employer.update") == 1


def test_find_by_credit_code_as_typed(station: StationSession, db: Database) -> None:
    assert station.query(find_by_credit_code, CODE) is None
    employer_id = station.perform(register_employer, _input())
    spaced = f" {CODE[:9].lower()} {CODE[9:]} "
    assert station.query(find_by_credit_code, spaced) == employer_id
    assert station.query(find_by_credit_code, "not a code") is None


def test_count_matches_the_list_without_its_limit(station: StationSession, db: Database) -> None:
    names = ["界首市恒信食品有限公司", "界首市恒达纺织有限公司", "阜阳市光明物流有限公司"]
    for number, name in enumerate(names):
        body = f"91341282MA2N0A1B{number}"
        code = body + compute_credit_check_character(body)
        station.perform(register_employer, _input(name=name, credit_code=code))
    assert station.query(count_employers) == 3
    assert station.query(count_employers, "界首") == 2
    assert station.query(count_employers, "0a1b2") == 1  # a fragment of a code, in lower case
    assert len(station.query(list_employers, "界首", limit=1)) == 1
    assert station.query(count_employers, "无此单位") == 0


def test_a_partly_typed_code_is_refused_only_for_a_forbidden_character() -> None:
    assert check_credit_code_prefix("") == []
    assert check_credit_code_prefix("91341282ma2n") == []
    (problem,) = check_credit_code_prefix("91341282mo")
    assert (problem.field, problem.code) == ("credit_code", "credit_code.characters")
    assert problem.params == {"character": "O", "position": "10"}
    assert check_credit_code_prefix(CODE) == []  # a complete code is for check_credit_code

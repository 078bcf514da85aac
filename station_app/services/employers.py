"""Registering employers: credit code (GB 32100), contact phone and industry are checked first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, func, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import ConflictError, DuplicateError, NotFoundError, Problem
from station_app.errors import ValidationError as InputError
from station_app.models import CITY_SCOPE, Employer, EmployerType, User
from station_app.services import code_tables
from station_app.services.name_pinyin import plain_keys
from station_app.validation import (
    normalize_credit_code,
    normalize_phone,
    optional_phone_problems,
    parse_credit_code,
    problems_of,
)
from station_app.validation.credit_code import CREDIT_CODE_LENGTH

MAX_EMPLOYER_NAME = 120
_S = TypeVar("_S", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True)
class EmployerInput:
    name: str
    credit_code: str
    employer_type: EmployerType
    industry: str | None = None
    address: str = ""
    community_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    contact_name: str = ""
    contact_phone: str = ""
    key_enterprise: bool = False
    liaison: str = ""


@dataclass(frozen=True)
class EmployerRow:
    id: str
    row_version: int
    name: str
    credit_code: str
    employer_type: EmployerType
    industry: str | None
    contact_name: str | None
    contact_phone: str | None
    key_enterprise: bool


def check_credit_code(text: str) -> list[Problem]:
    return problems_of(parse_credit_code, text)


def check_credit_code_prefix(text: str) -> list[Problem]:
    """The problems a partly typed code surely has: characters no credit code contains."""
    typed = normalize_credit_code(text)[: CREDIT_CODE_LENGTH - 1]
    if not typed:
        return []
    # Padded to full length, the validator reaches its check of every typed character.
    problems = check_credit_code(typed.ljust(CREDIT_CODE_LENGTH, "0"))
    return [p for p in problems if p.code == "credit_code.characters"]


def check_contact_phone(text: str) -> list[Problem]:
    return optional_phone_problems(text, "contact_phone")


def validate_employer(data: EmployerInput) -> list[Problem]:
    problems: list[Problem] = []
    name = data.name.strip()
    if not name:
        problems.append(Problem("name", "employer.name_empty", "Enter the employer's name."))
    elif len(name) > MAX_EMPLOYER_NAME:
        problems.append(
            Problem(
                "name",
                "employer.name_too_long",
                f"Names have at most {MAX_EMPLOYER_NAME} characters.",
                {"max": str(MAX_EMPLOYER_NAME)},
            )
        )
    problems += check_credit_code(data.credit_code)
    problems += check_contact_phone(data.contact_phone)
    if data.industry is not None and data.industry not in code_tables.industries():
        problems.append(Problem("industry", "employer.industry", "Unknown industry section."))
    if (data.latitude is None) != (data.longitude is None):
        problems.append(
            Problem("latitude", "employer.coordinates", "Give both latitude and longitude.")
        )
    return problems


def register_employer(tx: WriteTx, data: EmployerInput) -> str:
    """Registers an employer; refuses bad input and a second record for one credit code.

    Employers are shared city-wide (一点发布、全市共享): their scope is the city.
    """
    tx.require(Permission.EMPLOYER_WRITE)
    problems = validate_employer(data)
    if problems:
        raise InputError(problems)
    code = parse_credit_code(data.credit_code)
    existing = _registered_under(tx, code)
    if existing is not None:
        raise DuplicateError(
            "an employer with this credit code is already registered",
            field="credit_code",
            existing_id=existing,
            code="employer.duplicate_credit_code",
        )
    employer = Employer(scope_id=CITY_SCOPE, credit_code=code)
    _apply(employer, data)
    tx.session.add(employer)
    tx.session.flush()
    return employer.id


def update_employer(
    tx: WriteTx, employer_id: str, expected_row_version: int, data: EmployerInput
) -> None:
    tx.require(Permission.EMPLOYER_WRITE)
    problems = validate_employer(data)
    if problems:
        raise InputError(problems)
    code = parse_credit_code(data.credit_code)
    employer = tx.session.get(Employer, employer_id)
    if employer is None or employer.deleted:
        raise NotFoundError("the employer no longer exists", code="employer.gone")
    if employer.row_version != expected_row_version:
        raise ConflictError(
            "the employer was changed by someone else meanwhile", code="employer.conflict"
        )
    clash = _registered_under(tx, code)
    if clash is not None and clash != employer_id:
        raise DuplicateError(
            "another employer has this credit code",
            field="credit_code",
            existing_id=clash,
            code="employer.duplicate_credit_code",
        )
    employer.credit_code = code
    _apply(employer, data)


def get_employer(rx: ReadTx, employer_id: str) -> tuple[int, EmployerInput]:
    """The employer's row version and its data as the form edits it."""
    rx.require(Permission.EMPLOYER_READ)
    e = rx.session.get(Employer, employer_id)
    if e is None or e.deleted:
        raise NotFoundError("the employer does not exist", code="employer.gone")
    return e.row_version, EmployerInput(
        name=e.name,
        credit_code=e.credit_code,
        employer_type=e.employer_type,
        industry=e.industry,
        address=e.address or "",
        community_id=e.community_id,
        latitude=e.latitude,
        longitude=e.longitude,
        contact_name=e.contact_name or "",
        contact_phone=e.contact_phone or "",
        key_enterprise=e.key_enterprise,
        liaison=e.liaison or "",
    )


@dataclass(frozen=True)
class Liaison:
    username: str
    display_name: str


def liaison_choices(rx: ReadTx) -> list[Liaison]:
    """The station's active users, whom the form offers as an employer's liaison (包保责任人).

    The liaison is kept as the name given: a ledger brought in, or another station's edit
    (employers are city-wide), may name an official who is no user here.
    """
    rx.require(Permission.EMPLOYER_READ)
    rows = rx.session.execute(
        select(User.username, User.display_name)
        .where(User.active.is_(True), User.deleted.is_(False))
        .order_by(User.display_name, User.username)
    )
    return [Liaison(*row) for row in rows]


def find_by_credit_code(rx: ReadTx, text: str) -> str | None:
    """The employer registered under this credit code (as typed), or None."""
    rx.require(Permission.EMPLOYER_READ)
    return _registered_under(rx, normalize_credit_code(text))


def count_employers(rx: ReadTx, text: str = "") -> int:
    """How many employers `list_employers` would find without its limit."""
    rx.require(Permission.EMPLOYER_READ)
    return rx.session.scalar(_matching(select(func.count()).select_from(Employer), text)) or 0


def list_employers(rx: ReadTx, text: str = "", limit: int = 500) -> list[EmployerRow]:
    """Employers whose name, its pinyin or credit code contains `text`, by name."""
    rx.require(Permission.EMPLOYER_READ)
    # The row's columns only: loading whole ORM entities took several times longer.
    query = _matching(select(*_ROW_COLUMNS), text).order_by(Employer.name)
    return [EmployerRow(*row) for row in rx.session.execute(query.limit(limit))]


_ROW_COLUMNS = (
    Employer.id,
    Employer.row_version,
    Employer.name,
    Employer.credit_code,
    Employer.employer_type,
    Employer.industry,
    Employer.contact_name,
    Employer.contact_phone,
    Employer.key_enterprise,
)


def _registered_under(rx: ReadTx, code: str) -> str | None:
    return rx.session.scalar(
        select(Employer.id).where(Employer.credit_code == code, Employer.deleted.is_(False))
    )


def _matching(query: _S, text: str) -> _S:
    """The query limited to employers not deleted whose name or credit code contains `text`."""
    query = query.where(Employer.deleted.is_(False))
    needle = text.strip()
    if needle:
        pattern = f"%{needle}%"
        condition = Employer.name.like(pattern) | Employer.credit_code.like(pattern.upper())
        if needle.isascii() and needle.isalpha():
            # Pinyin, full or initials: "hengxin" and "hx" find 恒信.
            condition |= Employer.name_pinyin.like(pattern.lower())
        query = query.where(condition)
    return query


def _apply(employer: Employer, data: EmployerInput) -> None:
    employer.name = data.name.strip()
    employer.name_pinyin = plain_keys(employer.name)
    employer.employer_type = data.employer_type
    employer.industry = data.industry
    employer.address = data.address.strip() or None
    employer.community_id = data.community_id
    employer.latitude = data.latitude
    employer.longitude = data.longitude
    employer.contact_name = data.contact_name.strip() or None
    employer.contact_phone = (
        normalize_phone(data.contact_phone) if data.contact_phone.strip() else None
    )
    employer.key_enterprise = data.key_enterprise
    employer.liaison = data.liaison.strip() or None

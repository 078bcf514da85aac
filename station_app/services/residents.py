"""Registering and editing residents: validation, duplicate check, status history.

Use cases take the doorway's transaction (`WriteTx`) or read (`ReadTx`); the audit event and
the change log are written by the change capture, not here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from station_app.chunks import chunks
from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import ConflictError, DuplicateError, NotFoundError, Problem
from station_app.errors import ValidationError as InputError
from station_app.models import (
    Community,
    EmploymentStatus,
    EmploymentStatusChange,
    HouseholdType,
    KeyGroup,
    Resident,
    ResidentKeyGroup,
    Sex,
)
from station_app.models.change_capture import insert_new_rows
from station_app.services import code_tables
from station_app.services.name_pinyin import name_keys
from station_app.validation import (
    IdNumber,
    normalize_phone,
    optional_phone_problems,
    parse_id_number,
)

MIN_WORKING_AGE = 16
MAX_NAME_LENGTH = 64
MAX_ADDRESS_LENGTH = 200
MAX_SALARY_FEN = 100_000_000  # 1,000,000 yuan a month is beyond any real wish


@dataclass(frozen=True)
class ResidentInput:
    """What the register/edit form submits; birth date and sex come from the ID number."""

    id_number: str
    name: str
    community_id: str
    employment_status: EmploymentStatus
    phone: str = ""
    address: str = ""
    household_type: HouseholdType | None = None
    education: str | None = None
    skills: tuple[str, ...] = ()
    desired_occupation: str | None = None
    desired_salary_fen: int | None = None
    key_groups: frozenset[KeyGroup] = field(default_factory=frozenset)
    consent_given: bool = False
    consent_date: date | None = None
    notes: str = ""
    school_left_on: date | None = None  # when they left school or university (for 见习)


@dataclass(frozen=True)
class CleanResident:
    """A ResidentInput that passed validation, normalised and with its derived facts."""

    data: ResidentInput
    id_number: IdNumber
    name: str
    phone: str | None


@dataclass(frozen=True)
class StatusEntry:
    status: EmploymentStatus
    since: date
    note: str | None


@dataclass(frozen=True)
class ResidentDetail:
    id: str
    row_version: int
    data: ResidentInput
    sex: str
    birth_date: date
    status_history: tuple[StatusEntry, ...]


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def check_id_number(text: str, *, today: date | None = None) -> list[Problem]:
    """Problems of the ID number alone (for checking as the worker types)."""
    return _read_id_number(text, today)[1]


def _read_id_number(text: str, today: date | None) -> tuple[IdNumber | None, list[Problem]]:
    """The parsed ID number, and its problems (then no number)."""
    try:
        number = parse_id_number(text, today=today)
    except InputError as error:
        return None, error.problems
    if age_on(number.birth_date, today or date.today()) < MIN_WORKING_AGE:
        return None, [
            Problem(
                "id_number",
                "resident.too_young",
                f"The person is younger than {MIN_WORKING_AGE}, the legal working age.",
                {"age": str(MIN_WORKING_AGE)},
            )
        ]
    return number, []


def check_phone(text: str) -> list[Problem]:
    return optional_phone_problems(text)


def check_name(text: str) -> list[Problem]:
    name = text.strip()
    if not name:
        return [Problem("name", "resident.name_empty", "Enter the resident's name.")]
    if len(name) > MAX_NAME_LENGTH:
        return [
            Problem(
                "name",
                "resident.name_too_long",
                f"Names have at most {MAX_NAME_LENGTH} characters.",
                {"max": str(MAX_NAME_LENGTH)},
            )
        ]
    if any(ch.isdigit() for ch in name):
        return [Problem("name", "resident.name_digits", "A name contains no digits.")]
    return []


def validate(data: ResidentInput, *, today: date | None = None) -> CleanResident:
    """Every problem of the input at once (InputError), or the cleaned resident."""
    today = today or date.today()
    number, id_problems = _read_id_number(data.id_number, today)
    problems = check_name(data.name) + id_problems
    problems += check_phone(data.phone)
    if not data.community_id:
        problems.append(Problem("community_id", "resident.community", "Choose the community."))
    if len(data.address.strip()) > MAX_ADDRESS_LENGTH:
        problems.append(
            Problem(
                "address",
                "resident.address_too_long",
                f"Addresses have at most {MAX_ADDRESS_LENGTH} characters.",
                {"max": str(MAX_ADDRESS_LENGTH)},
            )
        )
    if data.education is not None and data.education not in code_tables.education_levels():
        problems.append(Problem("education", "resident.education", "Unknown education code."))
    occupations = code_tables.occupations()
    unknown = [c for c in (*data.skills, data.desired_occupation) if c and c not in occupations]
    if unknown:
        problems.append(
            Problem(
                "occupation",
                "resident.occupation",
                "Unknown occupation code: " + ", ".join(unknown),
                {"codes": ", ".join(unknown)},
            )
        )
    if data.desired_salary_fen is not None and not 0 <= data.desired_salary_fen <= MAX_SALARY_FEN:
        problems.append(
            Problem("desired_salary", "resident.salary", "The desired salary is out of range.")
        )
    if data.consent_given and data.consent_date is None:
        problems.append(
            Problem("consent_date", "resident.consent_date", "Enter the date of consent.")
        )
    if data.consent_date is not None and data.consent_date > today:
        problems.append(
            Problem("consent_date", "resident.consent_future", "The consent date is in the future.")
        )
    if data.school_left_on is not None and data.school_left_on > today:
        problems.append(
            Problem("school_left_on", "resident.school_left_future", "The date is in the future.")
        )
    if problems:
        raise InputError(problems)
    phone = normalize_phone(data.phone) if data.phone.strip() else None
    assert number is not None  # its problems would have been raised
    return CleanResident(data, number, data.name.strip(), phone)


def find_by_id_number(rx: ReadTx, id_number: str) -> str | None:
    """The id of the resident with this ID number (any spelling of it), if registered here."""
    rx.require(Permission.RESIDENT_READ)
    try:
        normalized = parse_id_number(id_number).number
    except InputError:
        return None
    return _registered_under(rx, normalized)


def register_resident(tx: WriteTx, data: ResidentInput, *, today: date | None = None) -> str:
    """Registers a new resident; refuses bad input and a second record for one ID number.

    The resident belongs to the community of their address: it is their scope.
    """
    tx.require(Permission.RESIDENT_WRITE)
    clean = validate(data, today=today)
    session = tx.session
    _require_community(tx, data.community_id)
    existing = _registered_under(tx, clean.id_number.number)
    if existing is not None:
        raise DuplicateError(
            "a resident with this ID number is already registered",
            field="id_number",
            existing_id=existing,
            code="resident.duplicate_id_number",
        )
    resident = _new_resident(tx, clean, today)
    session.add(resident)
    session.flush()
    return resident.id


def register_residents(
    tx: WriteTx,
    batch: Sequence[ResidentInput],
    *,
    today: date | None = None,
    checked: Mapping[int, Checked] | None = None,
) -> list[str]:
    """Registers many residents with the rules of `register_resident`, in bulk (imports).

    Refuses the whole batch for any bad input or an ID number registered already (or twice).
    The rows are inserted with Core statements through the change capture's bulk entry point,
    which stamps and logs them as a flush of `register_resident`'s objects would. `checked`
    holds inputs validated already (see `checked_input`): those of the same input object and
    the same day are not validated again.
    """
    tx.require(Permission.RESIDENT_WRITE)
    day = today or date.today()
    known = checked or {}
    cleans = [_validated(data, day, known.get(id(data))) for data in batch]
    _require_communities(tx, {data.community_id for data in batch})
    numbers = [clean.id_number.number for clean in cleans]
    registered = registered_under(tx, numbers)
    clash = next((resident_id for resident_id, _version in registered.values()), None)
    if clash is None and len(set(numbers)) < len(numbers):
        clash = ""
    if clash is not None:
        raise DuplicateError(
            "a resident with this ID number is already registered",
            field="id_number",
            existing_id=clash,
            code="resident.duplicate_id_number",
        )
    rows = [
        {"scope_id": c.data.community_id, **_columns(c), "key_groups": sorted(c.data.key_groups)}
        for c in cleans
    ]
    ids = insert_new_rows(tx.session, Resident, rows)
    since = day
    entries = [
        {
            "scope_id": clean.data.community_id,
            "resident_id": resident_id,
            "status": clean.data.employment_status,
            "since": since,
            "recorded_by": tx.actor.display_name,
        }
        for clean, resident_id in zip(cleans, ids, strict=True)
    ]
    insert_new_rows(tx.session, EmploymentStatusChange, entries)
    return ids


Checked = tuple[ResidentInput, date, CleanResident]  # an input, its day, its validation


def checked_input(data: ResidentInput, today: date) -> Checked:
    """`validate`'s cleaned input with what it depends on, for `register_residents`."""
    return (data, today, validate(data, today=today))


def _validated(data: ResidentInput, today: date, checked: Checked | None) -> CleanResident:
    """The input validated: `checked`'s result if it is of this very input and day (the input
    is immutable and validation depends on nothing else), else validated now."""
    if checked is not None and checked[0] is data and checked[1] == today:
        return checked[2]
    return validate(data, today=today)


def registered_under(rx: ReadTx, numbers: Sequence[str]) -> dict[str, tuple[str, int]]:
    """The residents of the station's scope registered under these (normalized) ID numbers:
    (id, row version) by ID number, found with one statement per 10,000 numbers."""
    found: dict[str, tuple[str, int]] = {}
    for chunk in chunks(numbers, 10_000):
        # Only the ID number in SQL: with the other conditions SQLite prefers a worse index.
        rows = rx.session.execute(
            select(
                Resident.id_number,
                Resident.id,
                Resident.row_version,
                Resident.scope_id,
                Resident.deleted,
            ).where(Resident.id_number.in_(chunk))
        )
        for number, resident_id, row_version, scope_id, deleted in rows:
            if not deleted and rx.scope.covers(scope_id):
                found[number] = (resident_id, row_version)
    return found


def _new_resident(tx: WriteTx, clean: CleanResident, today: date | None) -> Resident:
    data = clean.data
    resident = Resident(scope_id=data.community_id, skills=[])
    _apply(resident, clean)
    resident.status_history.append(
        EmploymentStatusChange(
            scope_id=data.community_id,
            status=data.employment_status,
            since=today or date.today(),
            recorded_by=tx.actor.display_name,
        )
    )
    return resident


def update_resident(
    tx: WriteTx,
    resident_id: str,
    expected_row_version: int,
    data: ResidentInput,
    *,
    today: date | None = None,
) -> None:
    """Saves an edit unless someone else changed the record since it was opened."""
    update_residents(tx, [(resident_id, expected_row_version, data)], today=today)


Edit = tuple[str, int, ResidentInput]  # a resident's id, the row version it was read at, the input


def update_residents(
    tx: WriteTx,
    edits: Sequence[Edit],
    *,
    today: date | None = None,
    checked: Mapping[int, Checked] | None = None,
) -> None:
    """Saves edits in order, each with the rules of `update_resident` (a ledger's re-import
    saves a batch at a time): the residents, the communities and the registered owners of
    the ID numbers are read once, and the edits are flushed once. Refuses at the first edit
    that one by one would be refused; the caller's transaction then rolls back whole.
    `checked`: as for `register_residents`.
    """
    tx.require(Permission.RESIDENT_WRITE)
    day = today or date.today()
    known = checked or {}
    session = tx.session
    session.flush()  # the transaction's pending changes first, as a query would
    with session.no_autoflush:
        loaded = _residents_by_id(tx, [resident_id for resident_id, _v, _d in edits])
        communities = _live_communities(tx, {data.community_id for _i, _v, data in edits})
        cleans = [_validated_or_refusal(data, day, known.get(id(data))) for _i, _v, data in edits]
        numbers = [c.id_number.number for c in cleans if isinstance(c, CleanResident)]
        owners = {n: found for n, (found, _v) in registered_under(tx, numbers).items()}
        edited: set[str] = set()
        for (resident_id, expected, data), clean in zip(edits, cleans, strict=True):
            if isinstance(clean, InputError):
                raise clean
            if resident_id in edited:
                session.flush()  # its earlier edit's version, as one by one
            # A resident may move to any community: they then leave this station at the
            # next sync.
            if data.community_id not in communities:
                raise _unknown_community()
            resident = loaded.get(resident_id)
            if resident is None or resident.deleted or not tx.scope.covers(resident.scope_id):
                raise NotFoundError("the resident no longer exists", code="resident.gone")
            if resident.row_version != expected:
                raise ConflictError(
                    "the resident was changed by someone else meanwhile",
                    code="resident.conflict",
                )
            clash = owners.get(clean.id_number.number)
            if clash is not None and clash != resident_id:
                raise DuplicateError(
                    "another resident has this ID number",
                    field="id_number",
                    existing_id=clash,
                    code="resident.duplicate_id_number",
                )
            if owners.get(resident.id_number) == resident_id:
                del owners[resident.id_number]  # its old number is free again
            _edit(tx, resident, clean, day)
            if tx.scope.covers(resident.scope_id):
                owners[resident.id_number] = resident_id
            edited.add(resident_id)
    session.flush()


def _validated_or_refusal(
    data: ResidentInput, today: date, checked: Checked | None
) -> CleanResident | InputError:
    """`_validated`, or its refusal to raise when the edit's turn comes."""
    try:
        return _validated(data, today, checked)
    except InputError as refusal:
        return refusal


def _edit(tx: WriteTx, resident: Resident, clean: CleanResident, day: date) -> None:
    """The resident as the edit says, with a status history entry if the status changed."""
    data = clean.data
    old_status = resident.employment_status
    _apply(resident, clean)
    # A resident who moves to another community moves to its scope, with their history.
    resident.scope_id = data.community_id
    if old_status != data.employment_status:
        resident.status_history.append(
            EmploymentStatusChange(
                scope_id=resident.scope_id,
                status=data.employment_status,
                since=day,
                recorded_by=tx.actor.display_name,
            )
        )


def _residents_by_id(rx: ReadTx, resident_ids: Sequence[str]) -> dict[str, Resident]:
    """The residents with these ids (any scope, deleted too), 2,000 a statement."""
    found: dict[str, Resident] = {}
    for chunk in chunks(resident_ids, 2000):
        found.update(
            (r.id, r) for r in rx.session.scalars(select(Resident).where(Resident.id.in_(chunk)))
        )
    return found


def _live_communities(rx: ReadTx, community_ids: set[str]) -> set[str]:
    """Those of the communities that exist and are not deleted (one statement)."""
    return set(
        rx.session.scalars(
            select(Community.id).where(
                Community.id.in_(community_ids), Community.deleted.is_(False)
            )
        )
    )


def get_resident(rx: ReadTx, resident_id: str) -> ResidentDetail:
    rx.require(Permission.RESIDENT_READ)
    resident = _load(rx, resident_id, gone="the resident does not exist")
    data = resident_input(resident)
    history = tuple(
        StatusEntry(entry.status, entry.since, entry.note) for entry in resident.status_history
    )
    return ResidentDetail(
        id=resident.id,
        row_version=resident.row_version,
        data=data,
        sex=resident.sex.value,
        birth_date=resident.birth_date,
        status_history=history,
    )


def resident_input(resident: Resident) -> ResidentInput:
    """A stored resident as the form (and the ledger) edits it."""
    return _input_of(resident, resident.key_group_set)


def resident_inputs(rx: ReadTx, resident_ids: Sequence[str]) -> dict[str, ResidentInput]:
    """`resident_input` of many residents by id, read as rows (no ORM objects): two statements
    a 2,000 ids, the residents' columns and their key groups (a ledger's re-import)."""
    rx.require(Permission.RESIDENT_READ)
    found: dict[str, ResidentInput] = {}
    for chunk in chunks(resident_ids, 2000):
        groups: dict[str, set[KeyGroup]] = {}
        links = select(ResidentKeyGroup.resident_id, ResidentKeyGroup.key_group).where(
            ResidentKeyGroup.resident_id.in_(chunk)
        )
        for resident_id, group in rx.session.execute(links):
            groups.setdefault(resident_id, set()).add(group)
        for row in rx.session.execute(select(*_INPUT_COLUMNS).where(Resident.id.in_(chunk))):
            found[row.id] = _input_of(row, frozenset(groups.get(row.id, ())))
    return found


_INPUT_COLUMNS = (
    Resident.id,
    Resident.id_number,
    Resident.name,
    Resident.community_id,
    Resident.employment_status,
    Resident.phone,
    Resident.address,
    Resident.household_type,
    Resident.education,
    Resident.skills,
    Resident.desired_occupation,
    Resident.desired_salary_fen,
    Resident.consent_given,
    Resident.consent_date,
    Resident.notes,
    Resident.school_left_on,
)


def _input_of(resident: Any, key_groups: frozenset[KeyGroup]) -> ResidentInput:
    """The form's input from a resident's columns (an ORM object or a row of `_INPUT_COLUMNS`)."""
    return ResidentInput(
        id_number=resident.id_number,
        name=resident.name,
        community_id=resident.community_id,
        employment_status=resident.employment_status,
        phone=resident.phone or "",
        address=resident.address or "",
        household_type=resident.household_type,
        education=resident.education,
        skills=tuple(resident.skills),
        desired_occupation=resident.desired_occupation,
        desired_salary_fen=resident.desired_salary_fen,
        key_groups=key_groups,
        consent_given=resident.consent_given,
        consent_date=resident.consent_date,
        notes=resident.notes or "",
        school_left_on=resident.school_left_on,
    )


def resident_in_scope(rx: ReadTx, resident_id: str) -> Resident:
    """The live resident of the station's scope (for use cases about a resident's records)."""
    return _load(rx, resident_id, gone="the resident does not exist")


def load_resident(rx: ReadTx, resident_id: str) -> Resident:
    """The resident's record for other use cases; NotFoundError if not live in the scope."""
    return _load(rx, resident_id, gone="the resident does not exist")


def _load(rx: ReadTx, resident_id: str, *, gone: str) -> Resident:
    """The resident, if it exists, is not deleted and lies in the station's scope."""
    resident = rx.session.get(Resident, resident_id)
    if resident is None or resident.deleted or not rx.scope.covers(resident.scope_id):
        raise NotFoundError(gone, code="resident.gone")
    return resident


def _registered_under(rx: ReadTx, id_number: str) -> str | None:
    """The resident of the station's scope registered under this (normalized) ID number."""
    return rx.session.scalar(
        select(Resident.id).where(
            Resident.id_number == id_number,
            Resident.deleted.is_(False),
            Resident.scope_id.in_(rx.scope.ids),
        )
    )


def _require_community(tx: ReadTx, community_id: str) -> None:
    """The community exists, is not deleted and is one this station serves."""
    _require_communities(tx, {community_id})


def _unknown_community() -> InputError:
    return InputError([Problem("community_id", "resident.community", "Choose the community.")])


def _columns(clean: CleanResident) -> dict[str, object]:
    """The resident's columns as the input gives them (a form's save and an import's)."""
    data = clean.data
    keys = name_keys(clean.name)
    return {
        "id_number": clean.id_number.number,
        "name": clean.name,
        "name_pinyin": keys.full_text,
        "name_initials": keys.initials_text,
        "sex": Sex(clean.id_number.sex),
        "birth_date": clean.id_number.birth_date,
        "phone": clean.phone,
        "address": data.address.strip() or None,
        "community_id": data.community_id,
        "household_type": data.household_type,
        "education": data.education,
        "skills": sorted(set(data.skills)),
        "desired_occupation": data.desired_occupation,
        "desired_salary_fen": data.desired_salary_fen,
        "employment_status": data.employment_status,
        "consent_given": data.consent_given,
        "consent_date": data.consent_date if data.consent_given else None,
        "notes": data.notes.strip() or None,
        "school_left_on": data.school_left_on,
    }


def _require_communities(tx: ReadTx, community_ids: set[str]) -> None:
    """`_require_community` for each of many communities, read with one statement."""
    live = _live_communities(tx, community_ids)
    for community_id in sorted(community_ids):
        if community_id not in live:
            raise _unknown_community()
        if not tx.scope.covers(community_id):
            raise InputError(
                [
                    Problem(
                        "community_id",
                        "resident.community_outside",
                        "This station does not serve that community.",
                    )
                ]
            )


def _apply(resident: Resident, clean: CleanResident) -> None:
    data = clean.data
    for name, value in _columns(clean).items():
        setattr(resident, name, value)
    wanted = set(data.key_groups)
    resident.key_groups = [link for link in resident.key_groups if link.key_group in wanted]
    present = {link.key_group for link in resident.key_groups}
    for group in sorted(wanted - present):
        resident.key_groups.append(ResidentKeyGroup(key_group=group))

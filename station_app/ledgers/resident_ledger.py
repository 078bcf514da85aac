"""The residents' ledger: a row ⇄ `ResidentInput`, checked and saved by services/residents.py."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select

from station_app.chunks import chunks
from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import Problem
from station_app.errors import ValidationError as InputError
from station_app.ledgers.cells import (
    CellValue,
    id_number_text,
    parse_date,
    parse_yes_no,
    parse_yuan,
    phone_text,
    split_list,
    yuan_of,
)
from station_app.ledgers.kinds import same_cells
from station_app.ledgers.layouts import RESIDENTS
from station_app.ledgers.row_reader import RowReader
from station_app.ledgers.vocabulary import CommunityNames, enum_member, label, table_code
from station_app.models import EmploymentStatus, HouseholdType, KeyGroup, Resident
from station_app.services import code_tables, residents
from station_app.services.residents import ResidentInput
from station_app.validation import normalize_id_number


class ResidentLedger:
    """Rows of residents, matched by their ID number within the station's scope."""

    layout = RESIDENTS
    entity = "resident"
    write_permission = Permission.RESIDENT_WRITE
    # The column of each input field (and of the problems the service reports for it).
    fields: Mapping[str, str] = {
        "id_number": "id_number",
        "name": "name",
        "community_id": "community",
        "employment_status": "employment_status",
        "phone": "phone",
        "address": "address",
        "household_type": "household_type",
        "education": "education",
        "skills": "skills",
        "occupation": "skills",
        "desired_occupation": "desired_occupation",
        "desired_salary_fen": "desired_salary",
        "desired_salary": "desired_salary",
        "key_groups": "key_groups",
        "consent_given": "consent_given",
        "consent_date": "consent_date",
        "notes": "notes",
    }

    def __init__(self, rx: ReadTx) -> None:
        rx.require(Permission.RESIDENT_READ)
        self._communities = CommunityNames(rx.session)
        self._served = rx.scope.communities
        self._default_community = next(iter(self._served)) if len(self._served) == 1 else ""
        self.checked: dict[int, residents.Checked] = {}

    def parse(self, r: RowReader) -> ResidentInput:
        status = r.parsed(
            "employment_status",
            lambda v: enum_member(EmploymentStatus, str(v)),
            EmploymentStatus.UNEMPLOYED,
        )
        consent = r.parsed("consent_given", parse_yes_no, None)
        consent_date = r.parsed("consent_date", parse_date, None)
        return ResidentInput(
            id_number=normalize_id_number(r.parsed("id_number", id_number_text, "")),
            name=r.text("name"),
            community_id=r.parsed("community", self._communities.id_of, self._default_community),
            employment_status=status,
            phone=phone_text(r.raw("phone")),
            address=r.text("address"),
            household_type=r.parsed(
                "household_type", lambda v: enum_member(HouseholdType, str(v)), None
            ),
            education=r.parsed(
                "education", lambda v: table_code(code_tables.education_levels(), str(v)), None
            ),
            skills=tuple(r.parsed("skills", _occupations, [])),
            desired_occupation=r.parsed(
                "desired_occupation",
                lambda v: table_code(code_tables.occupations(), str(v)),
                None,
            ),
            desired_salary_fen=r.parsed("desired_salary", parse_yuan, None),
            key_groups=frozenset(r.parsed("key_groups", _key_groups, list[KeyGroup]())),
            consent_given=consent if consent is not None else consent_date is not None,
            consent_date=consent_date,
            notes=r.text("notes"),
        )

    def key_of(self, data: ResidentInput) -> str:
        return data.id_number

    def existing(self, rx: ReadTx, keys: Collection[str]) -> dict[str, tuple[str, int]]:
        """The scope's residents of these ID numbers: (id, row version)."""
        return residents.registered_under(rx, sorted(keys))

    def fetch_many(self, rx: ReadTx, record_ids: Sequence[str]) -> dict[str, ResidentInput]:
        """The residents as the form edits them (with their key groups)."""
        return residents.resident_inputs(rx, record_ids)

    def check(self, data: ResidentInput, *, new: bool) -> list[Problem]:
        try:
            self.checked[id(data)] = residents.checked_input(data, date.today())
        except InputError as error:
            problems = list(error.problems)
        else:
            problems = []
        if new and data.community_id and data.community_id not in self._served:
            problems.append(
                Problem(
                    "community_id",
                    "resident.community_outside",
                    "This station does not serve that community.",
                )
            )
        return problems

    def check_change(self, stored: object, data: object) -> list[Problem]:
        return []  # any registered record may change

    def register_many(
        self, tx: WriteTx, batch: list[ResidentInput], checked: Mapping[int, Any]
    ) -> None:
        residents.register_residents(tx, batch, checked=checked)

    def update_many(
        self,
        tx: WriteTx,
        edits: list[tuple[str, int, ResidentInput]],
        checked: Mapping[int, Any],
    ) -> None:
        residents.update_residents(tx, edits, checked=checked)

    def records(self, rx: ReadTx) -> Iterator[ResidentInput]:
        """The scope's residents by name, for an export."""
        rx.require(Permission.RESIDENT_WRITE)  # an export holds every full ID number
        query = (
            select(Resident.id)
            .where(Resident.deleted.is_(False), Resident.scope_id.in_(rx.scope.ids))
            .order_by(Resident.name_pinyin, Resident.id)
        )
        ids = list(rx.session.scalars(query))
        for chunk in chunks(ids, 2000):
            found = residents.resident_inputs(rx, chunk)
            yield from (found[resident_id] for resident_id in chunk)

    def cells(self, data: ResidentInput) -> dict[str, CellValue]:
        """A record as its ledger row says it (the inverse of `parse`)."""
        return {
            "name": data.name,
            "id_number": data.id_number,
            "community": self._communities.name_of(data.community_id),
            "employment_status": label(data.employment_status),
            "phone": data.phone,
            "address": data.address,
            "household_type": label(data.household_type) if data.household_type else "",
            "education": data.education or "",
            "skills": "、".join(sorted(set(data.skills))),
            "desired_occupation": data.desired_occupation or "",
            "desired_salary": yuan_of(data.desired_salary_fen),
            "key_groups": "、".join(label(g) for g in KeyGroup if g in data.key_groups),
            "consent_given": "是" if data.consent_given else "否",
            "consent_date": data.consent_date if data.consent_given else None,
            "notes": data.notes,
        }

    def same(self, old: ResidentInput, new: ResidentInput) -> bool:
        return same_cells(self, old, new)

    def merged(
        self, old: ResidentInput, new: ResidentInput, columns: Collection[str]
    ) -> ResidentInput:
        """The stored record with the row's non-empty cells put in (empty cells keep it)."""
        changes = {
            name: getattr(new, name)
            for name, column in self.fields.items()
            if column in columns and hasattr(new, name)
        }
        if "consent_date" in columns and "consent_given" not in columns:
            changes["consent_given"] = True
        return replace(old, **changes)


def _occupations(value: CellValue) -> list[str]:
    return [table_code(code_tables.occupations(), word) for word in split_list(value)]


def _key_groups(value: CellValue) -> list[KeyGroup]:
    return [enum_member(KeyGroup, word) for word in split_list(value)]

"""The employers' ledger: a row ⇄ `EmployerInput`, checked and saved by services/employers.py."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import Problem
from station_app.ledgers.cells import CellError, CellValue, parse_yes_no, phone_text, squeezed
from station_app.ledgers.kinds import same_cells
from station_app.ledgers.layouts import EMPLOYERS
from station_app.ledgers.row_reader import RowReader
from station_app.ledgers.vocabulary import CommunityNames, enum_member, label, table_code
from station_app.models import Employer, EmployerType
from station_app.services import code_tables, employers
from station_app.services.employers import EmployerInput
from station_app.validation import normalize_credit_code


class EmployerLedger:
    """Rows of employers (shared city-wide), matched by their unified social credit code."""

    layout = EMPLOYERS
    entity = "employer"
    write_permission = Permission.EMPLOYER_WRITE
    fields: Mapping[str, str] = {
        "name": "name",
        "credit_code": "credit_code",
        "employer_type": "employer_type",
        "industry": "industry",
        "address": "address",
        "community_id": "community",
        "latitude": "latitude",
        "longitude": "longitude",
        "contact_name": "contact_name",
        "contact_phone": "contact_phone",
        "key_enterprise": "key_enterprise",
        "liaison": "liaison",
    }

    def __init__(self, rx: ReadTx) -> None:
        rx.require(Permission.EMPLOYER_READ)
        self._communities = CommunityNames(rx.session)
        self.checked: dict[int, Any] = {}  # nothing validated ahead: see `register_many`

    def parse(self, r: RowReader) -> EmployerInput:
        return EmployerInput(
            name=r.text("name"),
            credit_code=normalize_credit_code(r.text("credit_code")),
            employer_type=r.parsed(
                "employer_type",
                lambda v: enum_member(EmployerType, str(v)),
                EmployerType.ENTERPRISE,
            ),
            industry=r.parsed(
                "industry", lambda v: table_code(code_tables.industries(), str(v)), None
            ),
            address=r.text("address"),
            community_id=r.parsed("community", self._communities.id_of, None),
            latitude=r.parsed("latitude", _degrees, None),
            longitude=r.parsed("longitude", _degrees, None),
            contact_name=r.text("contact_name"),
            contact_phone=phone_text(r.raw("contact_phone")),
            key_enterprise=r.parsed("key_enterprise", parse_yes_no, None) or False,
            liaison=r.text("liaison"),
        )

    def key_of(self, data: EmployerInput) -> str:
        return data.credit_code

    def existing(self, rx: ReadTx, keys: Collection[str]) -> dict[str, tuple[str, int]]:
        """The registered records of these keys: (id, row version)."""
        rows = rx.session.execute(
            select(Employer.credit_code, Employer.id, Employer.row_version).where(
                Employer.deleted.is_(False)
            )
        )
        return {row[0]: (row[1], row[2]) for row in rows if row[0] in keys}

    def fetch_many(self, rx: ReadTx, record_ids: Sequence[str]) -> dict[str, EmployerInput]:
        return {record_id: self.fetch(rx, record_id) for record_id in record_ids}

    def fetch(self, rx: ReadTx, record_id: str) -> EmployerInput:
        return employers.get_employer(rx, record_id)[1]

    def check(self, data: EmployerInput, *, new: bool) -> list[Problem]:
        return employers.validate_employer(data)

    def register_many(
        self, tx: WriteTx, batch: list[EmployerInput], checked: Mapping[int, Any]
    ) -> None:
        for data in batch:
            self._register(tx, data)

    def check_change(self, stored: EmployerInput, data: EmployerInput) -> list[Problem]:
        return []  # any registered employer may change

    def _register(self, tx: WriteTx, data: EmployerInput) -> None:
        employers.register_employer(tx, data)

    def _update(self, tx: WriteTx, record_id: str, row_version: int, data: EmployerInput) -> None:
        employers.update_employer(tx, record_id, row_version, data)

    def update_many(
        self, tx: WriteTx, edits: list[tuple[str, int, EmployerInput]], checked: Mapping[int, Any]
    ) -> None:
        for record_id, row_version, data in edits:
            self._update(tx, record_id, row_version, data)

    def records(self, rx: ReadTx) -> Iterator[EmployerInput]:
        rx.require(Permission.EMPLOYER_WRITE)
        ids = rx.session.scalars(
            select(Employer.id).where(Employer.deleted.is_(False)).order_by(Employer.name)
        ).all()
        for employer_id in ids:
            yield employers.get_employer(rx, employer_id)[1]

    def cells(self, data: EmployerInput) -> dict[str, CellValue]:
        community = data.community_id
        return {
            "name": data.name,
            "credit_code": data.credit_code,
            "employer_type": label(data.employer_type),
            "industry": data.industry or "",
            "address": data.address,
            "community": self._communities.name_of(community),
            "contact_name": data.contact_name,
            "contact_phone": data.contact_phone,
            "key_enterprise": "是" if data.key_enterprise else "否",
            "liaison": data.liaison,
            "latitude": data.latitude,
            "longitude": data.longitude,
        }

    def same(self, old: EmployerInput, new: EmployerInput) -> bool:
        return same_cells(self, old, new)

    def merged(
        self, old: EmployerInput, new: EmployerInput, columns: Collection[str]
    ) -> EmployerInput:
        """The stored employer with the row's non-empty cells put in (empty cells keep it)."""
        changes = {name: getattr(new, name) for name, c in self.fields.items() if c in columns}
        return replace(old, **changes)


def _degrees(value: CellValue) -> float:
    try:
        return float(squeezed(value).removesuffix("°"))
    except ValueError:
        raise CellError("ledger.number", f"{value} is not a number.", value=str(value)) from None

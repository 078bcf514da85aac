"""The kinds of ledger and what each must provide to be imported and exported."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any, Protocol

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import Problem
from station_app.ledgers.cells import CellValue, clean_text
from station_app.ledgers.layouts import LAYOUTS, Layout
from station_app.ledgers.row_reader import RowReader

KINDS = tuple(LAYOUTS)  # "residents", "employers", "jobs"


class Ledger(Protocol):
    """One kind of record as rows: parsed, matched, checked and saved by its services."""

    layout: Layout
    write_permission: Permission
    fields: Mapping[str, str]  # input field (and Problem.field) -> column key
    # What `check` validated, by the row data's id (kept with it), handed to `register_many`
    # so the save need not validate the same rows again (only the residents' ledger fills it).
    checked: dict[int, Any]

    def parse(self, r: RowReader) -> Any: ...
    def key_of(self, data: Any) -> str: ...
    def existing(self, rx: ReadTx, keys: Collection[str]) -> dict[str, tuple[str, int]]: ...
    def fetch_many(self, rx: ReadTx, record_ids: Sequence[str]) -> dict[str, Any]: ...
    def merged(self, old: Any, new: Any, columns: Collection[str]) -> Any: ...
    def check(self, data: Any, *, new: bool) -> list[Problem]: ...
    def check_change(self, stored: Any, data: Any) -> list[Problem]: ...
    def register_many(self, tx: WriteTx, batch: list[Any], checked: Mapping[int, Any]) -> None: ...
    # Edits in order, as one by one: (record id, row version it was read at, data).
    def update_many(
        self, tx: WriteTx, edits: list[tuple[str, int, Any]], checked: Mapping[int, Any]
    ) -> None: ...
    def records(self, rx: ReadTx) -> Iterator[Any]: ...
    def cells(self, data: Any) -> dict[str, CellValue]: ...
    def same(self, old: Any, new: Any) -> bool: ...


def same_cells(ledger: Ledger, old: Any, new: Any) -> bool:
    """Two records say the same in a ledger row (what re-importing a row must not change).

    Equal records say the same (a row's cells are made from the record alone); others are
    compared cell by cell, as the ledger writes them.
    """
    if old == new:
        return True
    a, b = ledger.cells(old), ledger.cells(new)
    return all(clean_text(a[key]) == clean_text(b[key]) for key in a)


def ledger_for(kind: str, rx: ReadTx) -> Ledger:
    from station_app.ledgers.employer_ledger import EmployerLedger
    from station_app.ledgers.job_ledger import JobLedger
    from station_app.ledgers.resident_ledger import ResidentLedger

    ledgers: dict[str, type[Any]] = {
        "residents": ResidentLedger,
        "employers": EmployerLedger,
        "jobs": JobLedger,
    }
    if kind not in ledgers:
        raise ValueError(f"unknown ledger kind {kind!r}")
    ledger: Ledger = ledgers[kind](rx)
    return ledger

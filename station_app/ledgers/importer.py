"""Importing a ledger: a plan that previews and checks every row, then one all-or-nothing commit.

`plan_import` reads the workbook, parses each row, checks it with the record's service rules and
matches it against the register by its key (ID number, credit code). Nothing is written until
`commit_import`, which saves every accepted row in one write transaction: an error or a cancel
anywhere rolls back the whole import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from station_app.chunks import chunks
from station_app.core.station_session import ReadTx, StationSession
from station_app.errors import UserError
from station_app.ledgers.collector import collector_paused
from station_app.ledgers.kinds import Ledger, ledger_for
from station_app.ledgers.page_cache import larger_page_cache
from station_app.ledgers.row_reader import CellProblem, RowReader
from station_app.ledgers.sheets import SheetTable, read_workbook

Progress = Callable[[int, int], None]  # (rows done, rows in all)
BATCH = 2000  # rows saved together (between two looks at progress and cancel)


class RowAction(StrEnum):
    NEW = "new"  # not registered yet: registered by the import
    UPDATE = "update"  # registered, and the row changes it: updated or skipped as chosen
    UNCHANGED = "unchanged"  # registered, and the row says what is stored already
    REJECTED = "rejected"  # a problem in the row: never imported


class MatchChoice(StrEnum):
    UPDATE = "update"
    SKIP = "skip"


class ImportCancelledError(UserError):
    default_code = "ledger.cancelled"


@dataclass(frozen=True)
class PlannedRow:
    sheet: str
    row: int
    action: RowAction
    label: str  # the record's name, for the preview
    key: str  # the normalised ID number or credit code
    data: Any = None
    record_id: str | None = None
    row_version: int = 0
    problems: tuple[CellProblem, ...] = ()


@dataclass(frozen=True)
class ImportPlan:
    kind: str
    file: str
    rows: tuple[PlannedRow, ...]
    ignored_sheets: tuple[str, ...] = ()
    counts: dict[RowAction, int] = field(default_factory=dict)
    # The ledger's `checked`: the rows the plan validated, which the save does not validate
    # again (the same input objects, on the same day).
    checked: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)

    def of(self, action: RowAction) -> list[PlannedRow]:
        return [row for row in self.rows if row.action is action]

    @property
    def problems(self) -> list[CellProblem]:
        return [p for row in self.rows for p in row.problems]

    @property
    def all_accepted(self) -> bool:
        return not self.counts.get(RowAction.REJECTED)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int  # matched rows the worker chose not to update
    unchanged: int
    rejected: int


def plan_import(rx: ReadTx, kind: str, path: Path) -> ImportPlan:
    """Reads and checks every row of the file; writes nothing.

    Every row is parsed first; the registered records of the file's keys are then found with
    one statement (`existing`) and read together (`fetch_many`), not one query per row.
    """
    with collector_paused():
        return _plan(rx, kind, path)


def _plan(rx: ReadTx, kind: str, path: Path) -> ImportPlan:
    ledger = ledger_for(kind, rx)
    workbook = read_workbook(path, ledger.layout)
    parsed: list[tuple[RowReader, Any]] = []
    for table in workbook.tables:
        headers = _headers(ledger, table)
        for number, cells in table.rows:
            reader = RowReader(table.sheet, number, cells, table.columns, headers)
            parsed.append((reader, ledger.parse(reader)))
    keys = {key for _reader, data in parsed if (key := ledger.key_of(data))}
    existing = ledger.existing(rx, keys)
    stored = ledger.fetch_many(rx, sorted({record_id for record_id, _v in existing.values()}))
    seen: dict[str, tuple[str, int]] = {}
    rows = [_plan_row(ledger, r, data, existing, stored, seen) for r, data in parsed]
    counts = {action: 0 for action in RowAction}
    for row in rows:
        counts[row.action] += 1
    return ImportPlan(kind, path.name, tuple(rows), workbook.ignored_sheets, counts, ledger.checked)


def _headers(ledger: Ledger, table: SheetTable) -> dict[str, str]:
    return {c.key: c.header for c in ledger.layout.columns}


def _plan_row(
    ledger: Ledger,
    reader: RowReader,
    data: Any,
    existing: dict[str, tuple[str, int]],
    stored_records: dict[str, Any],
    seen: dict[str, tuple[str, int]],
) -> PlannedRow:
    key = ledger.key_of(data)
    present = reader.filled
    match = existing.get(key) if key else None
    same = False
    if match is not None:
        stored = stored_records[match[0]]
        data = ledger.merged(stored, data, present)
        same = ledger.same(stored, data)
    else:
        for column in ledger.layout.columns:
            if (
                column.required
                and column.key not in present
                and not _cell_noted(reader, column.key)
            ):
                reader.problem(column.key, "ledger.required", "This column must be filled in.")
    # The service's rules, for the columns whose cells could be read.
    flagged = {p.header for p in reader.problems}
    changes = [] if match is None or same else ledger.check_change(stored, data)
    for problem in ledger.check(data, new=match is None) + changes:
        target = ledger.fields.get(problem.field, problem.field)
        if reader.headers.get(target, target) not in flagged:
            reader.problem(target, problem.code, problem.message, problem.params)
    if key and key in seen:
        sheet, row = seen[key]
        reader.problem(
            ledger.layout.key_column,
            "ledger.duplicate_in_file",
            f"The same record is already in sheet {sheet}, row {row}.",
            {"sheet": sheet, "row": str(row)},
        )
    elif key and not reader.problems:
        seen[key] = (reader.sheet, reader.row)
    label = str(getattr(data, "name", "") or getattr(data, "title", ""))
    if reader.problems:
        return PlannedRow(
            reader.sheet,
            reader.row,
            RowAction.REJECTED,
            label,
            key,
            problems=tuple(reader.problems),
        )
    if match is None:
        return PlannedRow(reader.sheet, reader.row, RowAction.NEW, label, key, data)
    action = RowAction.UNCHANGED if same else RowAction.UPDATE
    return PlannedRow(reader.sheet, reader.row, action, label, key, data, match[0], match[1])


def _cell_noted(reader: RowReader, key: str) -> bool:
    header = reader.headers.get(key)
    return any(p.header == header for p in reader.problems) if header else False


def commit_import(
    station: StationSession,
    plan: ImportPlan,
    *,
    on_match: MatchChoice = MatchChoice.SKIP,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportResult:
    """Saves the plan's new rows (and its changed ones, with UPDATE) in one transaction.

    Rejected rows are never saved. A service refusing any row (someone changed a record since
    the plan was made, say), or `cancelled()` turning true, rolls everything back.
    """
    new = plan.of(RowAction.NEW)
    updates = plan.of(RowAction.UPDATE) if on_match is MatchChoice.UPDATE else []
    total = len(new) + len(updates)
    with collector_paused(), station.write(f"import_{plan.kind}") as tx:
        ledger = ledger_for(plan.kind, tx)
        tx.require(ledger.write_permission)
        with larger_page_cache(tx.session):
            # New records in batches, each saved with one flush; then the updates likewise.
            steps = [*chunks(new, BATCH), *chunks(updates, BATCH)]
            done = 0
            for step in steps:
                if cancelled():
                    raise ImportCancelledError("the import was cancelled; nothing was saved")
                if progress is not None:
                    progress(done, total)
                if step[0].action is RowAction.NEW:
                    ledger.register_many(tx, [row.data for row in step], plan.checked)
                else:
                    edits = [(r.record_id, r.row_version, r.data) for r in step if r.record_id]
                    assert len(edits) == len(step), "a matched row names its record"
                    ledger.update_many(tx, edits, plan.checked)
                done += len(step)
            if progress is not None:
                progress(total, total)
            if cancelled():
                raise ImportCancelledError("the import was cancelled; nothing was saved")
    updated = len(updates)
    matched = plan.counts.get(RowAction.UPDATE, 0)
    return ImportResult(
        created=plan.counts.get(RowAction.NEW, 0),
        updated=updated,
        skipped=matched - updated,
        unchanged=plan.counts.get(RowAction.UNCHANGED, 0),
        rejected=plan.counts.get(RowAction.REJECTED, 0),
    )

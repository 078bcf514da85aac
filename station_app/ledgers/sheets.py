"""Reading a ledger workbook: every sheet, its header row found under any title rows.

Reads with python-calamine (many times faster than openpyxl; benchmarks/bench_ledger_import.py).
Merged cells are filled from their top-left cell first, so a header merged over two rows (or a
group title above its columns) reads as the header of each column it covers.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from station_app.errors import UserError
from station_app.ledgers.cells import CellValue, is_blank, squeezed
from station_app.ledgers.layouts import Column, Layout, header_key

HEADER_SEARCH_ROWS = 30  # title rows, notes and multi-row headers above the data
MIN_HEADER_MATCHES = 2
# Rows that close a ledger's table: totals, signatures, notes.
_FOOTER_STARTS = ("合计", "总计", "制表", "填表", "审核", "负责人", "说明", "注:", "备注:")


class LedgerFileError(UserError):
    """The file cannot be read as a ledger (not an .xlsx, damaged, no table in it)."""

    default_code = "ledger.file"


@dataclass(frozen=True)
class SheetTable:
    """One sheet's table: which sheet column holds which ledger column, and its data rows."""

    sheet: str
    header_row: int  # 1-based, as Excel shows it
    columns: dict[str, int]  # column key -> 0-based sheet column
    rows: tuple[tuple[int, Sequence[CellValue]], ...]  # (1-based row number, cells)


@dataclass(frozen=True)
class LedgerWorkbook:
    tables: tuple[SheetTable, ...]
    ignored_sheets: tuple[str, ...]  # sheets without a recognisable header


def read_workbook(path: Path, layout: Layout) -> LedgerWorkbook:
    """Every sheet of the file whose header names at least two of the layout's columns."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, zipfile.BadZipFile, ValueError) as error:
        raise LedgerFileError(
            f"{path.name} cannot be read as an Excel workbook (.xlsx): {error}",
            code="ledger.file",
            params={"file": path.name},
        ) from None
    tables: list[SheetTable] = []
    ignored: list[str] = []
    try:
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            grid = sheet.to_python(skip_empty_area=False)
            table = _table(name, grid, _merged(sheet), layout)
            if table is None:
                ignored.append(name)
            else:
                tables.append(table)
    finally:
        workbook.close()
    if not tables:
        raise LedgerFileError(
            f"no sheet of {path.name} has a header row with the ledger's columns "
            f"(for example {', '.join(c.header for c in layout.columns[:3])})",
            code="ledger.no_header",
            params={"file": path.name},
        )
    return LedgerWorkbook(tuple(tables), tuple(ignored))


def _merged(sheet: object) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    ranges = getattr(sheet, "merged_cell_ranges", None) or []
    return [((r[0][0], r[0][1]), (r[1][0], r[1][1])) for r in ranges]


def _table(
    name: str,
    grid: Sequence[Sequence[CellValue]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    layout: Layout,
) -> SheetTable | None:
    top = [list(row) for row in grid[:HEADER_SEARCH_ROWS]]
    for (row0, col0), (row1, col1) in merged:
        if row0 >= len(top):
            continue
        value = top[row0][col0] if col0 < len(top[row0]) else None
        for r in range(row0, min(row1, len(top) - 1) + 1):
            top[r].extend([None] * (col1 + 1 - len(top[r])))
            for c in range(col0, col1 + 1):
                top[r][c] = value
    best: tuple[int, dict[str, int]] | None = None
    for index, row in enumerate(top):
        columns = _header_columns(row, layout.columns)
        # A later row wins a tie: under a merged group title, the row of the column names.
        if len(columns) >= MIN_HEADER_MATCHES and (best is None or len(columns) >= len(best[1])):
            best = (index, columns)
    if best is None:
        return None
    header_index, columns = best
    rows = tuple(_data_rows(grid, header_index + 1))
    return SheetTable(name, header_index + 1, columns, rows)


def _header_columns(row: Sequence[CellValue], columns: Sequence[Column]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(row):
        if is_blank(value):
            continue
        column = _column_named(header_key(value), columns)
        if column is not None and column.key not in found:
            found[column.key] = index
    return found


def _column_named(key: str, columns: Sequence[Column]) -> Column | None:
    for column in columns:
        if key in column.names:
            return column
    return None


def _data_rows(
    grid: Sequence[Sequence[CellValue]], start: int
) -> Iterator[tuple[int, Sequence[CellValue]]]:
    for index in range(start, len(grid)):
        row = grid[index]
        first = next((value for value in row if not is_blank(value)), None)
        if first is None:  # an empty row
            continue
        if isinstance(first, str) and squeezed(first).startswith(_FOOTER_STARTS):
            continue
        yield index + 1, row

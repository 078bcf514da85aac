"""One data row of a sheet read column by column, collecting every problem of its cells."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from station_app.ledgers.cells import CellError, CellValue, clean_text, is_blank

T = TypeVar("T")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class CellProblem:
    """Why one cell (or the whole row, column "") is refused: what the import report lists."""

    sheet: str
    row: int
    column: str  # the sheet's column letter ("" for the row as a whole)
    header: str  # the ledger column's header ("" for the row as a whole)
    code: str
    message: str  # English
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass
class RowReader:
    """The cells of one row by column key; the parse methods note problems instead of raising."""

    sheet: str
    row: int
    cells: Sequence[CellValue]
    columns: Mapping[str, int]  # column key -> 0-based index
    headers: Mapping[str, str]  # column key -> header
    problems: list[CellProblem] = field(default_factory=list)
    # The keys of the sheet's columns whose cell in this row is not empty, found once: the
    # plan and the parsers ask about every column, several times.
    filled: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        cells, count = self.cells, len(self.cells)
        self.filled = frozenset(
            key
            for key, index in self.columns.items()
            if index < count and not is_blank(cells[index])
        )

    def raw(self, key: str) -> CellValue:
        index = self.columns.get(key)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def text(self, key: str) -> str:
        return clean_text(self.raw(key))

    def parsed(self, key: str, parse: Callable[[CellValue], T], default: T) -> T:
        if key not in self.filled:
            return default
        try:
            return parse(self.cells[self.columns[key]])
        except CellError as error:
            self.problem(key, error.code, error.message, error.params)
            return default

    def problem(
        self, key: str, code: str, message: str, params: Mapping[str, str] | None = None
    ) -> None:
        index = self.columns.get(key)
        self.problems.append(
            CellProblem(
                self.sheet,
                self.row,
                column_letter(index) if index is not None else "",
                self.headers.get(key, ""),
                code,
                message,
                dict(params or {}),
            )
        )

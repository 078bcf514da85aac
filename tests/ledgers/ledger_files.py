"""Helpers of the ledger tests: workbooks written with openpyxl as people really keep them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from station_app.validation import compute_id_check_character


def id_number(birth: str = "19900307", serial: str = "001") -> str:
    body = f"341282{birth}{serial}"
    return body + compute_id_check_character(body)


def credit_code(body: str = "91341282MA2T0000") -> str:
    from station_app.validation import compute_credit_check_character

    first17 = (body + "0" * 17)[:17]
    return first17 + compute_credit_check_character(first17)


def write_book(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    *,
    merged: dict[str, Sequence[str]] | None = None,
    text_columns: dict[str, Sequence[int]] | None = None,
) -> Path:
    """One workbook: each sheet's rows as given; merged ranges ("A1:F1") per sheet."""
    workbook = Workbook()
    first = True
    for name, rows in sheets.items():
        if first:
            sheet = workbook.active
            assert sheet is not None
            sheet.title = name
            first = False
        else:
            sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merged or {}).get(name, ()):
            sheet.merge_cells(cells)
        for column in (text_columns or {}).get(name, ()):
            for row_cells in sheet.iter_rows(min_col=column, max_col=column):
                for cell in row_cells:
                    cell.number_format = "@"
    workbook.save(path)
    return path

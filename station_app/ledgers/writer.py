"""Writing ledgers with openpyxl: the template the app hands out, exports, import reports and
a job's call list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from station_app.core.station_session import ReadTx
from station_app.errors import UserError
from station_app.ledgers.cells import CellValue
from station_app.ledgers.importer import ImportPlan
from station_app.ledgers.kinds import ledger_for
from station_app.ledgers.layouts import LAYOUTS, Layout
from station_app.ledgers.vocabulary import catalogue
from station_app.services.job_call_list import CallList
from station_app.services.matching import reasons_text

TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FONT = Font(bold=True)
_REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")


def write_template(kind: str, path: Path) -> None:
    """An empty ledger: its header (required columns marked *), text-formatted key columns."""
    layout = LAYOUTS[kind]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = layout.title
    for index, column in enumerate(layout.columns, start=1):
        cell = sheet.cell(1, index, column.header + ("*" if column.required else ""))
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(horizontal="center")
        if column.required:
            cell.fill = _REQUIRED_FILL
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = column.width + 2
        if column.text:
            # Formatted as text before anything is typed: Excel then keeps all 18 characters.
            for row in range(2, 1002):
                sheet.cell(row, index).number_format = TEXT_FORMAT
    sheet.freeze_panes = "A2"
    _save(workbook, path)


def write_export(rx: ReadTx, kind: str, path: Path) -> int:
    """Every record of the kind in the station's scope, as a ledger that re-imports as it is."""
    ledger = ledger_for(kind, rx)
    layout = ledger.layout
    rows = (ledger.cells(record) for record in ledger.records(rx))
    return _write_rows(layout, [c.key for c in layout.columns], rows, path)


def _write_rows(
    layout: Layout, keys: Sequence[str], rows: Iterable[dict[str, CellValue]], path: Path
) -> int:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(layout.title)
    for index, column in enumerate(layout.columns):
        sheet.column_dimensions[_letter(index)].width = column.width + 2
    sheet.freeze_panes = "A2"
    sheet.append([column.header for column in layout.columns])
    text_keys = {column.key for column in layout.columns if column.text}
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, row[key], key in text_keys) for key in keys])
        count += 1
    _save(workbook, path)
    return count


def _cell(sheet: Worksheet, value: CellValue, text: bool) -> object:
    if text:
        cell = WriteOnlyCell(sheet, value="" if value is None else str(value))
        cell.number_format = TEXT_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=datetime(value.year, value.month, value.day))
        cell.number_format = DATE_FORMAT
        return cell
    return value


def write_report(plan: ImportPlan, path: Path) -> None:
    """The import report: every refused row with its sheet, row, column and reason in Chinese."""
    texts = catalogue()
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "导入报告"
    sheet.append(["工作表", "行号", "列", "列名", "问题", "Problem"])
    for cell in sheet[1]:
        cell.font = _HEADER_FONT
    for problem in plan.problems:
        reason = texts.text(problem.code, **problem.params)
        if reason == problem.code:
            reason = problem.message
        sheet.append(
            [problem.sheet, problem.row, problem.column, problem.header, reason, problem.message]
        )
    for letter, width in zip("ABCDEF", (14, 8, 6, 16, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    summary = workbook.create_sheet("汇总")
    for action, count in plan.counts.items():
        summary.append([texts.text(f"ledger.action.{action.value}"), count])
    summary.column_dimensions["A"].width = 24
    _save(workbook, path)


CALL_LIST_HEADER = (
    ("序号", 6),
    ("姓名", 10),
    ("性别", 6),
    ("年龄", 6),
    ("社区", 16),
    ("联系电话", 15),
    ("身份证号", 20),
    ("距离（公里）", 12),
    ("匹配理由", 48),
    ("告知日期", 12),
    ("联系结果", 20),
)


def write_call_list(found: CallList, path: Path) -> int:
    """A job's call list as a workbook (numbers as text, masked as the worker may see them);
    the last column is left for the worker's notes. Answers the number of residents."""
    texts = catalogue()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("通知名单")
    for index, (_header, width) in enumerate(CALL_LIST_HEADER):
        sheet.column_dimensions[_letter(index)].width = width
    sheet.append([f"岗位：{found.job_title}　用人单位：{found.employer_name}"])
    sheet.append([f"制表日期：{found.on_day.isoformat()}　范围：{found.radius_km:g} 公里"])
    sheet.append([header for header, _width in CALL_LIST_HEADER])
    for entry in found.entries:
        km = None if entry.distance_km is None else round(entry.distance_km, 1)
        sheet.append(
            [
                entry.rank,
                entry.name,
                texts.label(entry.sex),
                entry.age,
                entry.community_name,
                _cell(sheet, entry.phone, True),
                _cell(sheet, entry.id_number, True),
                km,
                reasons_text(texts, entry.reasons),
                _cell(sheet, entry.informed_on, False),
                "",
            ]
        )
    _save(workbook, path)
    return len(found.entries)


def _letter(index: int) -> str:
    from station_app.ledgers.row_reader import column_letter

    return column_letter(index)


def _save(workbook: Workbook, path: Path) -> None:
    try:
        workbook.save(path)
    except OSError as error:
        raise UserError(
            f"cannot write {path}: {error.strerror or error}",
            code="ledger.cannot_write",
            params={"file": str(path)},
        ) from None

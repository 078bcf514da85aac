"""What a ledger cell holds, as the station reads it: text, dates, amounts, yes/no, ID numbers.

Real ledgers are typed by hand: full-width digits and letters, stray spaces, dates in many
spellings or as Excel serial numbers, ID numbers that Excel turned into numbers. Every parser
here returns the value or raises `CellError` with a stable code (`ledger.*`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from station_app.errors import ValidationError
from station_app.validation import normalize_phone, to_half_width

# Excel's day 0 (with its 1900 leap-year bug, serials from 61 on count from here).
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 2_958_465)  # 1900-01-01 .. 9999-12-31
_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_DATE_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_SCIENTIFIC = re.compile(r"[0-9.]+E\+?[0-9]+", re.IGNORECASE)
_AMOUNT_SUFFIXES = ("元/月", "元每月", "元", "/月")
_YES = frozenset({"是", "有", "同意", "已同意", "y", "yes", "true", "1", "√", "✓", "✔"})
_NO = frozenset({"否", "无", "不同意", "未同意", "n", "no", "false", "0", "×", "✗"})

CellValue = str | int | float | bool | date | datetime | time | timedelta | None


class CellError(Exception):
    """A cell whose value cannot be what its column holds."""

    def __init__(self, code: str, message: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params


def is_blank(value: CellValue) -> bool:
    """Empty, or only spaces of the kinds `clean_text` drops."""
    if value is None:
        return True
    if type(value) is not str:
        return isinstance(value, str) and not clean_text(value)
    if not value or value.isspace():
        return True
    # Some character is no Unicode space: blank only if the rest are zero-width ones.
    if "\u200b" in value or "\ufeff" in value:
        return not clean_text(value)
    return False


@lru_cache(maxsize=8192, typed=True)
def clean_text(value: CellValue) -> str:
    """The cell as text: full-width folded, spaces of every kind collapsed, ends trimmed.

    A number Excel stored for digits (a phone, say) comes back without its ".0". Remembered
    for the last few thousand values: a row's cell is read several times (blank? text?
    parsed), and labels repeat from row to row.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    return _SPACES.sub(" ", to_half_width(str(value))).strip()


def squeezed(value: CellValue) -> str:
    """The cell's text without any space (codes, numbers, headers)."""
    return clean_text(value).replace(" ", "")


def id_number_text(value: CellValue) -> str:
    """The ID number typed in the cell; refuses one that Excel stored as a number.

    Excel keeps 15 significant digits: an 18-digit ID number stored as a number has lost its
    last digits (and may show as 3.41282E+17). It is never imported, even if it looks right.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError(
            "ledger.id_as_number",
            "Excel stored this ID number as a number and lost its last digits; "
            "type it again in a cell formatted as text.",
        )
    text = squeezed(value)
    if _SCIENTIFIC.fullmatch(text):
        raise CellError(
            "ledger.id_as_number",
            "Excel stored this ID number as a number and lost its last digits; "
            "type it again in a cell formatted as text.",
        )
    return text


def parse_date(value: CellValue) -> date | None:
    """A date from a date cell, an Excel serial, or 2024-01-05, 2024/1/5, 2024年1月5日, 20240105."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 19000101 <= value <= 99991231:
            return _ymd(str(int(value)), value)
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise _bad_date(value)
    text = clean_text(value).split(" ")[0] if ":" in clean_text(value) else squeezed(value)
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise _bad_date(value) from None
    raise _bad_date(value)


def _ymd(digits: str, value: CellValue) -> date:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _bad_date(value) from None


def _bad_date(value: CellValue) -> CellError:
    return CellError(
        "ledger.date",
        f"{clean_text(value)} is not a date (write it as 2024-01-05).",
        value=clean_text(value),
    )


def parse_yuan(value: CellValue) -> int | None:
    """An amount in yuan ("3000", "3,000元", 3000.0) as fen; None for an empty cell."""
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = squeezed(value).replace(",", "")
        for suffix in _AMOUNT_SUFFIXES:
            text = text.removesuffix(suffix)
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise _bad_amount(value) from None
    if not amount.is_finite() or amount < 0:
        raise _bad_amount(value)
    return int((amount * 100).to_integral_value())


def _bad_amount(value: CellValue) -> CellError:
    return CellError(
        "ledger.amount",
        f"{clean_text(value)} is not an amount in yuan (write it as 3000).",
        value=clean_text(value),
    )


def parse_count(value: CellValue) -> int | None:
    """A whole number ("5", "5人", 5.0); None for an empty cell."""
    if is_blank(value):
        return None
    text = squeezed(value).removesuffix("人").removesuffix("岁")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if text.isascii() and text.isdigit():
        return int(text)
    raise CellError(
        "ledger.number",
        f"{clean_text(value)} is not a whole number.",
        value=clean_text(value),
    )


def parse_yes_no(value: CellValue) -> bool | None:
    """是/否, Y/N, √, 1/0 and the like; None for an empty cell."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = squeezed(value).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(
        "ledger.yes_no", f"{clean_text(value)}: write 是 or 否.", value=clean_text(value)
    )


def split_list(value: CellValue) -> list[str]:
    """A list typed in one cell: 就业困难人员、低保对象 (separated by 、,，;；/ or spaces)."""
    return [part for part in re.split(r"[、,，;；/|\s]+", clean_text(value)) if part]


def format_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def yuan_of(fen: int | None) -> CellValue:
    """An amount in fen as the yuan a ledger shows (3000, or 3000.5)."""
    if fen is None:
        return None
    return fen // 100 if fen % 100 == 0 else fen / 100


def phone_text(value: CellValue) -> str:
    """A phone number normalised when it is valid, else as typed (the service reports it)."""
    text = clean_text(value)
    try:
        return normalize_phone(text) if text else ""
    except ValidationError:
        return text

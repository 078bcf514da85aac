"""The employers table: the rows of one search (at most a few hundred), held in full."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject

from station_app.services.employers import EmployerRow
from station_app.ui.counter.employers.labels import (
    employer_type_label,
    industry_name,
    industry_text,
)
from station_app.ui.shared.table_models import ColumnTableModel


class Column(IntEnum):
    NAME = 0
    CREDIT_CODE = 1
    TYPE = 2
    INDUSTRY = 3
    CONTACT = 4
    PHONE = 5
    KEY_ENTERPRISE = 6


def column_title(column: Column) -> str:
    titles = {
        Column.NAME: QCoreApplication.translate("EmployerTableModel", "Employer name"),
        Column.CREDIT_CODE: QCoreApplication.translate(
            "EmployerTableModel", "Unified social credit code"
        ),
        Column.TYPE: QCoreApplication.translate("EmployerTableModel", "Type"),
        Column.INDUSTRY: QCoreApplication.translate("EmployerTableModel", "Industry"),
        Column.CONTACT: QCoreApplication.translate("EmployerTableModel", "Contact person"),
        Column.PHONE: QCoreApplication.translate("EmployerTableModel", "Contact phone"),
        Column.KEY_ENTERPRISE: QCoreApplication.translate("EmployerTableModel", "Key enterprise"),
    }
    return titles[column]


class EmployerTableModel(ColumnTableModel):
    """Shows a list of EmployerRow; the page sets the rows of each search with `set_rows`."""

    columns = Column
    _column_title = staticmethod(column_title)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EmployerRow] = []

    # --- the rows ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[EmployerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def row_at(self, position: int) -> EmployerRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def id_at(self, position: int) -> str | None:
        row = self.row_at(position)
        return row.id if row is not None else None

    def row_of(self, employer_id: str) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == employer_id:
                return position
        return None

    # --- helpers -----------------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._rows)

    def _row(self, position: int) -> EmployerRow | None:
        return self.row_at(position)

    def _display(self, row: EmployerRow, column: Column) -> str:
        if column is Column.NAME:
            return row.name
        if column is Column.CREDIT_CODE:
            return row.credit_code
        if column is Column.TYPE:
            return employer_type_label(row.employer_type)
        if column is Column.INDUSTRY:
            return industry_name(row.industry)
        if column is Column.CONTACT:
            return row.contact_name or ""
        if column is Column.PHONE:
            return row.contact_phone or ""
        return self.tr("Yes") if row.key_enterprise else ""

    def _tooltip(self, row: EmployerRow, column: Column) -> str:
        if column is Column.INDUSTRY and row.industry:
            return industry_text(row.industry)
        if column is Column.KEY_ENTERPRISE and row.key_enterprise:
            return self.tr("On the whitelist of key enterprises")
        return self._display(row, column)

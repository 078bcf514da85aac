"""The jobs table: the rows of one page of a job query, with the sort key of each column."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt

from station_app.services.job_query import JobRow, SortKey
from station_app.ui.counter.jobs.labels import kind_label, pay_text, status_label
from station_app.ui.shared.table_models import ColumnTableModel


class Column(IntEnum):
    TITLE = 0
    EMPLOYER = 1
    KIND = 2
    STATUS = 3
    SALARY = 4
    HEADCOUNT = 5
    VALID_TO = 6
    COMMUNITY = 7
    DISTANCE = 8


SORT_KEYS = {
    Column.TITLE: SortKey.TITLE,
    Column.EMPLOYER: SortKey.EMPLOYER,
    Column.KIND: SortKey.KIND,
    Column.STATUS: SortKey.STATUS,
    Column.SALARY: SortKey.SALARY,
    Column.HEADCOUNT: SortKey.HEADCOUNT,
    Column.VALID_TO: SortKey.VALID_TO,
    Column.DISTANCE: SortKey.DISTANCE,
}


def column_title(column: Column) -> str:
    titles = {
        Column.TITLE: QCoreApplication.translate("JobTableModel", "Job"),
        Column.EMPLOYER: QCoreApplication.translate("JobTableModel", "Employer"),
        Column.KIND: QCoreApplication.translate("JobTableModel", "Kind"),
        Column.STATUS: QCoreApplication.translate("JobTableModel", "Status"),
        Column.SALARY: QCoreApplication.translate("JobTableModel", "Monthly pay (yuan)"),
        Column.HEADCOUNT: QCoreApplication.translate("JobTableModel", "Filled / posts"),
        Column.VALID_TO: QCoreApplication.translate("JobTableModel", "Valid until"),
        Column.COMMUNITY: QCoreApplication.translate("JobTableModel", "Community"),
        Column.DISTANCE: QCoreApplication.translate("JobTableModel", "Distance (km)"),
    }
    return titles[column]


class JobTableModel(ColumnTableModel):
    """Shows a list of JobRow; the page sets the rows of each query with `set_rows`."""

    columns = Column
    _column_title = staticmethod(column_title)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[JobRow] = []

    def set_rows(self, rows: Sequence[JobRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def row_at(self, position: int) -> JobRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def id_at(self, position: int) -> str | None:
        row = self.row_at(position)
        return row.id if row is not None else None

    def row_of(self, job_id: str) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == job_id:
                return position
        return None

    def _row_count(self) -> int:
        return len(self._rows)

    def _row(self, position: int) -> JobRow | None:
        return self.row_at(position)

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        if column in (Column.SALARY, Column.HEADCOUNT, Column.DISTANCE):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _display(self, row: JobRow, column: Column) -> str:
        if column is Column.TITLE:
            return row.title
        if column is Column.EMPLOYER:
            return row.employer_name
        if column is Column.KIND:
            return kind_label(row.kind)
        if column is Column.STATUS:
            return status_label(row.status)
        if column is Column.SALARY:
            return pay_text(row.salary_min_fen, row.salary_max_fen)
        if column is Column.HEADCOUNT:
            return f"{row.filled} / {row.headcount}"
        if column is Column.VALID_TO:
            return row.valid_to.isoformat() if row.valid_to else ""
        if column is Column.COMMUNITY:
            return row.community_name or ""
        return f"{row.distance_km:.1f}" if row.distance_km is not None else ""

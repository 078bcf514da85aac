"""The users table: every account of the station (a handful), held in full."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from station_app.models import UserRole
from station_app.services.users import UserRow
from station_app.ui.shared import catalogue
from station_app.ui.shared.table_models import AnyIndex, ColumnTableModel

INACTIVE_COLOUR = QColor("#808080")  # a deactivated account is greyed out
LAST_LOGIN_FORMAT = "%Y-%m-%d %H:%M"


class Column(IntEnum):
    USERNAME = 0
    DISPLAY_NAME = 1
    ROLE = 2
    STATUS = 3
    LAST_LOGIN = 4


def column_title(column: Column) -> str:
    titles = {
        Column.USERNAME: QCoreApplication.translate("UserTableModel", "User name"),
        Column.DISPLAY_NAME: QCoreApplication.translate("UserTableModel", "Name"),
        Column.ROLE: QCoreApplication.translate("UserTableModel", "Role"),
        Column.STATUS: QCoreApplication.translate("UserTableModel", "Status"),
        Column.LAST_LOGIN: QCoreApplication.translate("UserTableModel", "Last login"),
    }
    return titles[column]


def role_label(role: UserRole | str) -> str:
    return catalogue.current().label(UserRole(role))


def local_time_text(moment: datetime) -> str:
    """A stored UTC time as this computer's local time, to the minute."""
    return moment.astimezone().strftime(LAST_LOGIN_FORMAT)


class UserTableModel(ColumnTableModel):
    """Shows a list of UserRow; the page sets them after each load with `set_rows`."""

    columns = Column
    _column_title = staticmethod(column_title)

    def __init__(self, parent: QObject | None = None, *, own_id: str | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UserRow] = []
        self._own_id = own_id  # the logged-in administrator's account

    # --- the rows ----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[UserRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def row_at(self, position: int) -> UserRow | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def id_at(self, position: int) -> str | None:
        row = self.row_at(position)
        return row.id if row is not None else None

    def row_of(self, user_id: str) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == user_id:
                return position
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row()) if index.isValid() else None
            if row is not None and not index.parent().isValid() and not row.active:
                return QBrush(INACTIVE_COLOUR)
            return None
        return super().data(index, role)

    # --- helpers -----------------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._rows)

    def _row(self, position: int) -> UserRow | None:
        return self.row_at(position)

    def _display(self, row: UserRow, column: Column) -> str:
        if column is Column.USERNAME:
            return row.username
        if column is Column.DISPLAY_NAME:
            if row.id == self._own_id:
                return self.tr("{name} (you)").format(name=row.display_name)
            return row.display_name
        if column is Column.ROLE:
            return role_label(row.role)
        if column is Column.STATUS:
            return self.tr("Active") if row.active else self.tr("Deactivated")
        if row.last_login_at is None:
            return self.tr("Never")
        return local_time_text(row.last_login_at)

    def _tooltip(self, row: UserRow, column: Column) -> str:
        if column is Column.STATUS and not row.active:
            return self.tr("This account cannot log in.")
        return self._display(row, column)

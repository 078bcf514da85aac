"""The users table model: Qt's model contract, labels, greyed-out deactivated accounts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from station_app.models import UserRole
from station_app.services.users import UserRow
from station_app.ui.counter.users.table_model import Column, UserTableModel, local_time_text

pytestmark = pytest.mark.gui

LOGGED_IN = datetime(2024, 5, 6, 1, 2, tzinfo=UTC)
ROLES = list(UserRole)


def _row(number: int) -> UserRow:
    return UserRow(
        id=f"u{number}",
        username=f"user{number}",
        display_name=f"李四{number}",
        role=ROLES[number % len(ROLES)],
        active=number % 3 != 0,
        last_login_at=LOGGED_IN if number % 2 else None,
    )


def _model(count: int, own_id: str | None = None) -> UserTableModel:
    model = UserTableModel(own_id=own_id)
    model.set_rows([_row(i) for i in range(count)])
    return model


def test_empty_model_keeps_the_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = UserTableModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.columnCount() == len(Column)


def test_filled_model_keeps_the_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model(12, own_id="u1")
    qtmodeltester.check(model)
    model.set_rows([_row(1), _row(3)])
    qtmodeltester.check(model)


def test_cells_show_translated_labels(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(4, own_id="u1")

    def cell(row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(model.index(row, column), role)

    assert cell(2, Column.USERNAME) == "user2"
    assert cell(2, Column.DISPLAY_NAME) == "李四2"
    assert cell(1, Column.DISPLAY_NAME) == "李四1 (you)"
    assert cell(0, Column.ROLE) == "Station administrator"
    assert cell(2, Column.ROLE) == "Inspector (read only)"
    assert cell(1, Column.STATUS) == "Active"
    assert cell(3, Column.STATUS) == "Deactivated"
    assert cell(3, Column.STATUS, Qt.ItemDataRole.ToolTipRole) == "This account cannot log in."
    assert cell(1, Column.LAST_LOGIN) == local_time_text(LOGGED_IN)
    assert cell(2, Column.LAST_LOGIN) == "Never"
    assert isinstance(cell(3, Column.USERNAME, Qt.ItemDataRole.ForegroundRole), QBrush)
    assert cell(1, Column.USERNAME, Qt.ItemDataRole.ForegroundRole) is None
    assert model.headerData(Column.LAST_LOGIN, Qt.Orientation.Horizontal) == "Last login"


def test_local_time_is_shown_to_the_minute() -> None:
    text = local_time_text(LOGGED_IN)
    assert len(text) == len("2024-05-06 09:02")
    assert text.startswith("2024-05-0")


def test_rows_are_found_by_id(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(5)
    assert model.ids() == ["u0", "u1", "u2", "u3", "u4"]
    assert model.id_at(3) == "u3"
    assert model.id_at(5) is None
    assert model.row_of("u4") == 4
    assert model.row_of("unknown") is None
    assert model.data(QModelIndex()) is None
    assert model.data(QModelIndex(), Qt.ItemDataRole.ForegroundRole) is None
    assert model.rowCount(model.index(0, 0)) == 0

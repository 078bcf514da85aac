"""The record tables' cell painter draws what Qt's own item delegate draws, with fewer calls."""

from __future__ import annotations

from enum import IntEnum

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from station_app.ui.shared.cell_delegate import TextCellDelegate
from station_app.ui.shared.table_models import ColumnTableModel

pytestmark = pytest.mark.gui


class _Column(IntEnum):
    NAME = 0
    AGE = 1
    NOTE = 2


class _Model(ColumnTableModel):
    columns = _Column

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows
        self.asked = 0

    def _column_title(self, column: _Column) -> str:
        return column.name

    def _row_count(self) -> int:
        return len(self.rows)

    def _row(self, position: int) -> tuple[str, str, str] | None:
        return self.rows[position] if 0 <= position < len(self.rows) else None

    def _display(self, row: tuple[str, str, str], column: _Column) -> str:
        self.asked += 1
        return row[column]

    def _alignment(self, column: _Column) -> Qt.AlignmentFlag | None:
        if column is _Column.AGE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


ROWS = [
    ("张伟", "35", "灵活就业"),
    ("欧阳明", "7", "Not employed, seeking work, and registered at the station for a long time"),
    ("", "", ""),
    ("<b>李娜</b>", "102", "Graduate"),  # shown as typed, never as rich text
]


def _render(qapp: QApplication, delegate_class: type | None) -> tuple[QImage, _Model]:
    model = _Model(ROWS)
    table = QTableView()
    table.setModel(model)
    if delegate_class is not None:
        table.setItemDelegate(delegate_class(model, table))
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.resize(420, 200)
    table.horizontalHeader().resizeSection(2, 160)
    table.show()
    table.setFocus()
    table.selectionModel().setCurrentIndex(
        model.index(1, 2),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qapp.processEvents()
    image = table.viewport().grab().toImage()
    table.close()
    return image, model


def test_cells_look_as_qt_paints_them(qapp: QApplication) -> None:
    ours, _model = _render(qapp, TextCellDelegate)
    qts, _model = _render(qapp, lambda _model, parent: QStyledItemDelegate(parent))
    assert ours.size() == qts.size()
    assert ours == qts


def test_a_cell_is_asked_for_its_text_only() -> None:
    model = _Model(ROWS)
    assert model.cell_text(0, 0) == "张伟"
    assert model.cell_text(1, 1) == "7"
    assert model.cell_text(9, 0) is None
    assert model.cell_text(0, 5) is None
    assert model.cell_alignment(1) & Qt.AlignmentFlag.AlignRight
    assert model.cell_alignment(0) == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

"""The record tables' view paints what Qt's own table view paints, with fewer calls."""

from __future__ import annotations

from enum import IntEnum

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from station_app.ui.shared.table_models import ColumnTableModel
from station_app.ui.shared.table_views import DRAWS_BEFORE_LAYOUT, RecordTableView

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


def _render(
    qapp: QApplication, view_class: type[QTableView], *, focus: bool = True, current: int = 1
) -> QImage:
    model = _Model(ROWS)
    table = view_class()
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # as ours has it
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.resize(420, 200)
    table.horizontalHeader().resizeSection(2, 160)
    table.show()
    if focus:
        table.setFocus()
    table.selectionModel().setCurrentIndex(
        model.index(current, 2),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qapp.processEvents()
    image = table.viewport().grab().toImage()
    # Texts drawn often enough are laid out once and drawn another way from then on.
    again = [table.viewport().grab().toImage() for _ in range(DRAWS_BEFORE_LAYOUT)]
    table.close()
    assert again == [image] * DRAWS_BEFORE_LAYOUT
    return image


@pytest.mark.parametrize(
    ("focus", "current"), [(True, 1), (True, 0), (False, 2), (True, 3)], ids=str
)
def test_rows_look_as_qt_paints_them(qapp: QApplication, focus: bool, current: int) -> None:
    ours = _render(qapp, RecordTableView, focus=focus, current=current)
    qts = _render(qapp, QTableView, focus=focus, current=current)
    assert ours.size() == qts.size()
    assert ours == qts


def test_an_empty_table_paints_nothing_but_its_background(qapp: QApplication) -> None:
    model = _Model([])
    ours, qts = RecordTableView(), QTableView()
    images = []
    qts.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # as ours has it
    for table in (ours, qts):
        table.setModel(model)
        table.resize(300, 120)
        table.show()
        qapp.processEvents()
        images.append(table.viewport().grab().toImage())
        table.close()
    assert images[0] == images[1]


def _shown_view(qapp: QApplication, model: _Model) -> RecordTableView:
    table = RecordTableView()
    table.setModel(model)
    table.resize(420, 200)
    table.show()
    qapp.processEvents()
    return table


def test_a_paint_asks_the_model_once_per_shown_cell(qapp: QApplication) -> None:
    model = _Model(ROWS)
    table = _shown_view(qapp, model)
    model.asked = 0
    table.viewport().repaint()
    assert model.asked == len(ROWS) * len(_Column)
    table.close()


def test_a_cell_is_asked_for_its_text_only() -> None:
    model = _Model(ROWS)
    assert model.cell_text(0, 0) == "张伟"
    assert model.cell_text(1, 1) == "7"
    assert model.cell_text(9, 0) is None
    assert model.cell_text(0, 5) is None
    assert model.cell_alignment(1) & Qt.AlignmentFlag.AlignRight
    assert model.cell_alignment(0) == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def test_new_rows_are_painted_once(qapp: QApplication) -> None:
    model = _Model(ROWS)
    table = _shown_view(qapp, model)
    table.verticalHeader().hide()  # as the record pages have them
    table.horizontalHeader().setStretchLastSection(True)
    qapp.processEvents()
    paints: list[int] = []

    class Counter(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    counter = Counter()
    table.viewport().installEventFilter(counter)
    # A new count changes the scroll range and the layout; more rows than fit, then fewer
    # (had the scroll bar come and gone, the narrower viewport would be painted again).
    for rows in (ROWS * 50, ROWS[:1], ROWS * 50, []):
        paints.clear()
        model.beginResetModel()
        model.rows = rows
        model.endResetModel()
        for _ in range(5):  # Qt's delayed layout runs on a zero timer: let it come
            qapp.processEvents()
            QTest.qWait(5)
        assert len(paints) == 1, len(rows)
    table.close()

"""The employers table model: Qt's model contract, labels, tooltips and row lookup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from station_app.models import EmployerType
from station_app.services.employers import EmployerRow
from station_app.ui.counter.employers.table_model import Column, EmployerTableModel

pytestmark = pytest.mark.gui


def _row(number: int) -> EmployerRow:
    return EmployerRow(
        id=f"e{number}",
        row_version=1,
        name=f"界首市恒信食品有限公司{number}",
        credit_code=f"91341282MA2N0A1B{number % 10}X",
        employer_type=EmployerType.ENTERPRISE if number % 2 else EmployerType.INDIVIDUAL_BUSINESS,
        industry="C" if number % 3 else None,
        contact_name="刘经理" if number % 4 else None,
        contact_phone="0558-4812345" if number % 4 else None,
        key_enterprise=number % 5 == 0,
    )


def _model(count: int) -> EmployerTableModel:
    model = EmployerTableModel()
    model.set_rows([_row(i) for i in range(count)])
    return model


def test_empty_model_keeps_the_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = EmployerTableModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.columnCount() == len(Column)


def test_filled_model_keeps_the_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model(40)
    qtmodeltester.check(model)
    model.set_rows([_row(1), _row(2)])
    qtmodeltester.check(model)


def test_cells_show_translated_labels(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(10)

    def cell(row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(model.index(row, column), role)

    assert cell(5, Column.NAME) == "界首市恒信食品有限公司5"
    assert cell(5, Column.CREDIT_CODE) == "91341282MA2N0A1B5X"
    assert cell(5, Column.TYPE) == "Enterprise"
    assert cell(4, Column.TYPE) == "Individual business"
    assert cell(5, Column.INDUSTRY) == "制造业"
    assert cell(5, Column.INDUSTRY, Qt.ItemDataRole.ToolTipRole) == "C 制造业"
    assert cell(3, Column.INDUSTRY) == ""
    assert cell(5, Column.CONTACT) == "刘经理"
    assert cell(5, Column.PHONE) == "0558-4812345"
    assert (cell(4, Column.CONTACT), cell(4, Column.PHONE)) == ("", "")
    assert cell(5, Column.KEY_ENTERPRISE) == "Yes"
    assert cell(5, Column.KEY_ENTERPRISE, Qt.ItemDataRole.ToolTipRole) == (
        "On the whitelist of key enterprises"
    )
    assert cell(6, Column.KEY_ENTERPRISE) == ""
    assert model.headerData(Column.CREDIT_CODE, Qt.Orientation.Horizontal) == (
        "Unified social credit code"
    )
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"


def test_rows_are_found_by_id(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(5)
    assert model.ids() == ["e0", "e1", "e2", "e3", "e4"]
    assert model.id_at(3) == "e3"
    assert model.id_at(5) is None
    assert model.row_of("e4") == 4
    assert model.row_of("unknown") is None


def test_invalid_index_and_children_have_no_data(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(3)
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags

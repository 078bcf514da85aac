"""The residents table model: Qt's model contract, lazy pages, labels and tooltips."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from station_app.models import EmploymentStatus, KeyGroup, Sex
from station_app.services.resident_rows import ResidentRow
from station_app.ui.counter.residents.table_model import PAGE_SIZE, Column, ResidentTableModel

pytestmark = pytest.mark.gui

TODAY = date(2025, 6, 1)


class FakeRows:
    """Invents a row for any id and remembers every id it was asked for."""

    def __init__(self, missing: frozenset[str] = frozenset()) -> None:
        self.requested: list[str] = []
        self.calls = 0
        self.missing = missing

    def __call__(self, ids: Sequence[str]) -> Mapping[str, ResidentRow]:
        self.calls += 1
        self.requested.extend(ids)
        return {rid: _row(rid) for rid in ids if rid not in self.missing}


def _row(resident_id: str) -> ResidentRow:
    number = int(resident_id.removeprefix("r"))
    groups = {KeyGroup.VETERAN, KeyGroup.HARD_TO_EMPLOY} if number % 5 == 0 else set()
    return ResidentRow(
        id=resident_id,
        name=f"张伟{number}",
        sex=Sex.MALE if number % 2 else Sex.FEMALE,
        birth_date=date(1990, 3, 7),
        id_number="34128219900307001X",
        phone="13912345678" if number % 3 else None,
        community_name="人民路社区",
        employment_status=EmploymentStatus.UNEMPLOYED,
        key_groups=frozenset(groups),
    )


def _ids(count: int) -> list[str]:
    return [f"r{i}" for i in range(count)]


def _model(fake: FakeRows, count: int) -> ResidentTableModel:
    model = ResidentTableModel(fake, today=lambda: TODAY)
    model.set_ids(_ids(count))
    return model


def test_empty_model_keeps_the_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ResidentTableModel(FakeRows())
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.columnCount() == len(Column)


def test_filled_model_keeps_the_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    fake = FakeRows(missing=frozenset({"r7"}))
    model = _model(fake, 250)
    qtmodeltester.check(model)
    model.set_ids(_ids(3))
    qtmodeltester.check(model)


def test_cells_show_translated_labels(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(FakeRows(), 10)

    def cell(row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.data(model.index(row, column), role)

    assert cell(5, Column.NAME) == "张伟5"
    assert cell(5, Column.SEX) == "Male"
    assert cell(4, Column.SEX) == "Female"
    assert cell(5, Column.AGE) == "35"
    assert cell(5, Column.PHONE) == "13912345678"
    assert cell(3, Column.PHONE) == ""
    assert cell(5, Column.COMMUNITY) == "人民路社区"
    assert cell(5, Column.STATUS) == "Not employed, seeking work"
    # Key groups in enum order, short in the cell, in full in the tooltip.
    assert cell(5, Column.KEY_GROUPS) == "Difficulties, Veteran"
    assert cell(5, Column.KEY_GROUPS, Qt.ItemDataRole.ToolTipRole) == (
        "Person with employment difficulties, Veteran"
    )
    assert cell(5, Column.AGE, Qt.ItemDataRole.ToolTipRole) == "Born 1990-03-07"
    assert cell(1, Column.KEY_GROUPS) == ""
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_a_resident_deleted_meanwhile_is_an_empty_row(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(FakeRows(missing=frozenset({"r2"})), 5)
    assert model.data(model.index(2, Column.NAME)) is None
    assert model.data(model.index(3, Column.NAME)) == "张伟3"


def test_rows_are_fetched_a_page_at_a_time(qapp) -> None:  # type: ignore[no-untyped-def]
    fake = FakeRows()
    model = _model(fake, 1000)
    assert fake.calls == 0  # setting ids fetches nothing
    row = 250
    model.data(model.index(row, Column.NAME))
    start = row // PAGE_SIZE * PAGE_SIZE
    assert fake.requested == _ids(1000)[start : start + PAGE_SIZE]
    for row in range(start, start + PAGE_SIZE):
        for column in Column:
            model.data(model.index(row, column))
    assert fake.calls == 1  # the rest of the page came from the cache
    assert model.id_at(250) == "r250"
    assert model.row_of("r999") == 999
    assert model.row_of("unknown") is None


def test_forget_fetches_a_saved_row_again(qapp) -> None:  # type: ignore[no-untyped-def]
    fake = FakeRows()
    model = _model(fake, 10)
    model.data(model.index(0, Column.NAME))
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    model.forget(["r4"])
    assert changed == [4]
    model.data(model.index(4, Column.NAME))
    assert fake.requested.count("r4") == 2


def test_a_view_over_200000_ids_fetches_only_the_shown_pages(qtbot: QtBot) -> None:
    fake = FakeRows()
    model = _model(fake, 200_000)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paints the visible rows
    assert 0 < len(fake.requested) <= 2 * PAGE_SIZE
    assert set(fake.requested) <= set(_ids(2 * PAGE_SIZE))

    fake.requested.clear()
    view.scrollTo(model.index(150_000, 0), QTableView.ScrollHint.PositionAtTop)
    view.grab()
    assert 0 < len(fake.requested) <= 2 * PAGE_SIZE
    assert all(149_900 <= int(rid[1:]) < 150_200 for rid in fake.requested)
    assert model.cached_count() <= 4 * PAGE_SIZE


def test_invalid_index_and_children_have_no_data(qapp) -> None:  # type: ignore[no-untyped-def]
    model = _model(FakeRows(), 3)
    assert model.data(QModelIndex()) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags

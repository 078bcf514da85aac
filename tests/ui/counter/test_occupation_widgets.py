"""Choosing occupations: the filterable check list and the combo box with completion."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from station_app.services import code_tables
from station_app.ui.counter.residents.occupation_widgets import (
    OccupationCombo,
    OccupationPicker,
    selectable_codes,
)

pytestmark = pytest.mark.gui

ELECTRICIAN = "6-31-01-03"  # 电工
WELDER = "6-18-02-04"  # 焊工


def test_only_the_finest_occupations_are_offered() -> None:
    table = code_tables.occupations()
    codes = {entry.code for entry in selectable_codes(table)}
    assert ELECTRICIAN in codes
    assert "6-31-01" not in codes  # has children


def test_picker_filters_and_keeps_chosen_ones_visible(qtbot: QtBot) -> None:
    picker = OccupationPicker(code_tables.occupations())
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.selection_changed):
        picker.set_selected_codes([WELDER, ELECTRICIAN])
    assert picker.selected_codes() == (WELDER, ELECTRICIAN)  # table order
    picker.set_filter("电工")
    shown = [
        picker.list.item(i).text()
        for i in range(picker.list.count())
        if not picker.list.item(i).isHidden()
    ]
    assert any("电工" in text for text in shown)
    assert any("焊工" in text for text in shown)  # chosen: never hidden
    assert len(shown) < 10
    picker.set_filter("")
    assert all(not picker.list.item(i).isHidden() for i in range(picker.list.count()))
    assert "焊工" in picker.summary.text()


def test_combo_accepts_name_code_or_item_text(qtbot: QtBot) -> None:
    combo = OccupationCombo(code_tables.occupations())
    qtbot.addWidget(combo)
    assert combo.code() is None
    for text in ("电工", ELECTRICIAN, "  电工 "):
        combo.setEditText(text)
        assert combo.code() == ELECTRICIAN
    combo.setEditText("宇航员之王")
    assert not combo.is_valid()
    with pytest.raises(ValueError):
        combo.code()
    combo.set_code(WELDER)
    assert combo.code() == WELDER
    combo.set_code(None)
    assert combo.currentText() == ""

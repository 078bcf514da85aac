"""Choosing occupations: the filterable check list and the combo box with completion."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_app.services import code_tables
from station_app.services.code_search import selectable_occupations
from station_app.ui.counter.residents.occupation_widgets import OccupationCombo, OccupationPicker

pytestmark = pytest.mark.gui

ELECTRICIAN = "6-31-01-03"  # 电工
WELDER = "6-18-02-04"  # 焊工


def test_only_the_finest_occupations_are_offered() -> None:
    table = code_tables.occupations()
    codes = {entry.code for entry in selectable_occupations(table)}
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


def _shown(picker: OccupationPicker) -> list[str]:
    items = (picker.list.item(i) for i in range(picker.list.count()))
    return [item.text() for item in items if not item.isHidden()]


def test_picker_finds_by_pinyin_initials_and_code(qtbot: QtBot) -> None:
    picker = OccupationPicker(code_tables.occupations())
    qtbot.addWidget(picker)
    assert picker.list.count() > 1500  # the whole 大典, not a selection
    qtbot.keyClicks(picker.filter_box, "baojie")
    assert _shown(picker) == ["保洁员 (4-09-08-01)"]
    picker.filter_box.clear()
    qtbot.keyClicks(picker.filter_box, "yyy")
    assert "育婴员 (4-10-01-02)" in _shown(picker)
    picker.filter_box.clear()
    qtbot.keyClicks(picker.filter_box, "6-31-01")
    assert all("(6-31-01-" in text for text in _shown(picker))
    assert "电工 (6-31-01-03)" in _shown(picker)


# The offscreen platform cannot raise the completer's popup or let it grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_combo_proposes_pinyin_matches_and_takes_the_chosen_one(qtbot: QtBot) -> None:
    combo = OccupationCombo(code_tables.occupations())
    qtbot.addWidget(combo)
    line = combo.lineEdit()
    assert line is not None
    qtbot.keyClicks(line, "dg")
    proposed = combo.completions.stringList()
    assert proposed[0] == "电工 (6-31-01-03)"  # the whole initials first
    assert len(proposed) <= 30
    line.clear()
    qtbot.keyClicks(line, "baojie")
    assert combo.completions.stringList() == ["保洁员 (4-09-08-01)"]
    completer = combo.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup.isVisible()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "保洁员 (4-09-08-01)"
    assert combo.code() == "4-09-08-01"


def test_filtering_the_whole_list_keeps_up_with_typing(qtbot: QtBot) -> None:
    picker = OccupationPicker(code_tables.occupations())
    qtbot.addWidget(picker)
    worst = 0.0
    for text in ("d", "di", "dia", "dian", "电", "6-3", ""):
        start = time.perf_counter()
        picker.set_filter(text)
        worst = max(worst, time.perf_counter() - start)
    assert worst < 0.1, f"slowest keystroke took {worst * 1000:.0f} ms"

"""Choosing occupations from the national table: a filterable check list and a combo box."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.services.code_tables import Code, CodeTable
from station_app.ui.shared import catalogue
from station_app.validation import to_half_width

CODE_ROLE = Qt.ItemDataRole.UserRole


def selectable_codes(table: CodeTable) -> list[Code]:
    """The occupations a person is recorded under: the finest entries (those without children)."""
    return [entry for entry in table if not table.children(entry.code)]


def occupation_text(entry: Code) -> str:
    return QCoreApplication.translate("OccupationWidgets", "{name} ({code})").format(
        name=entry.name, code=entry.code
    )


def _fold(text: str) -> str:
    return to_half_width(text).strip().casefold()


@dataclass(frozen=True)
class _Choices:
    """What both widgets list for a code table: the selectable codes, their texts, and every
    folded text (the shown one, the name, the code) a typed entry may match."""

    codes: tuple[str, ...]
    texts: tuple[str, ...]
    by_text: Mapping[str, str]


_choices_cache: dict[int, tuple[CodeTable, _Choices]] = {}


def _choices(table: CodeTable) -> _Choices:
    """The table's choices, worked out once per table (every form lists them anew)."""
    cached = _choices_cache.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    entries = selectable_codes(table)
    texts = tuple(occupation_text(entry) for entry in entries)
    by_text: dict[str, str] = {}
    for entry, text in zip(entries, texts, strict=True):
        for key in (text, entry.name, entry.code):
            by_text.setdefault(_fold(key), entry.code)
    choices = _Choices(tuple(entry.code for entry in entries), texts, by_text)
    _choices_cache[id(table)] = (table, choices)
    return choices


class OccupationPicker(QWidget):
    """Several occupations (skills): a search box over a check list, and what is chosen."""

    selection_changed = Signal()

    def __init__(self, table: CodeTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Find an occupation by name or code"))
        self.filter_box.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._items: dict[str, QListWidgetItem] = {}
        choices = _choices(table)
        self.list.addItems(list(choices.texts))  # one call: adding item by item took 10 ms
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        for row, code in enumerate(choices.codes):
            item = self.list.item(row)
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked)
            self._items[code] = item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        self.filter_box.textChanged.connect(self.set_filter)
        self.list.itemChanged.connect(self._item_changed)
        self._update_summary()

    def _add_item(self, entry: Code) -> QListWidgetItem:
        item = QListWidgetItem(occupation_text(entry))
        item.setData(CODE_ROLE, entry.code)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)
        self._items[entry.code] = item
        return item

    def selected_codes(self) -> tuple[str, ...]:
        """Chosen codes in table order."""
        return tuple(
            code for code, item in self._items.items() if item.checkState() == Qt.CheckState.Checked
        )

    def set_selected_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self.list.blockSignals(True)
        try:
            for code in wanted - self._items.keys():
                # A code recorded at a coarser level (or elsewhere) must still show up.
                entry = self._table.get(code)
                self._add_item(entry if entry is not None else Code(code, code))
            for code, item in self._items.items():
                state = Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked
                item.setCheckState(state)
        finally:
            self.list.blockSignals(False)
        self._item_changed()

    def set_filter(self, text: str) -> None:
        """Shows only occupations whose name or code contains the text (chosen ones stay)."""
        needle = _fold(text)
        for item in self._items.values():
            visible = (
                not needle
                or needle in _fold(item.text())
                or item.checkState() == Qt.CheckState.Checked
            )
            item.setHidden(not visible)

    def _item_changed(self, _item: QListWidgetItem | None = None) -> None:
        self._update_summary()
        self.selection_changed.emit()

    def _update_summary(self) -> None:
        names = [self._items[code].text() for code in self.selected_codes()]
        if names:
            separator = catalogue.current().text("list.separator")
            self.summary.setText(self.tr("Chosen: {names}").format(names=separator.join(names)))
        else:
            self.summary.setText(self.tr("No occupation chosen yet."))


class OccupationCombo(QComboBox):
    """One occupation (the desired one): type part of a name or code, pick from the list."""

    def __init__(self, table: CodeTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        choices = _choices(table)
        self._by_text: dict[str, str] = dict(choices.by_text)
        self._codes: list[str | None] = [None, *choices.codes]  # by index; the first is empty
        self.addItems(["", *choices.texts])  # one call: adding item by item took 7 ms
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        if (line := self.lineEdit()) is not None:
            line.setPlaceholderText(self.tr("Type part of a name or code"))

    def _add(self, entry: Code) -> None:
        text = occupation_text(entry)
        self.addItem(text)
        self._codes.append(entry.code)
        for key in (text, entry.name, entry.code):
            self._by_text.setdefault(_fold(key), entry.code)

    def code(self) -> str | None:
        """The chosen code; None when empty; raises ValueError for text matching no entry."""
        text = _fold(self.currentText())
        if not text:
            return None
        found = self._by_text.get(text)
        if found is None:
            raise ValueError(self.currentText())
        return found

    def is_valid(self) -> bool:
        try:
            self.code()
        except ValueError:
            return False
        return True

    def set_code(self, code: str | None) -> None:
        if code is None:
            self.setCurrentIndex(0)
            self.setEditText("")
            return
        index = self._codes.index(code) if code in self._codes else -1
        if index < 0:
            entry = self._table.get(code)
            self._add(entry if entry is not None else Code(code, code))
            index = self.count() - 1
        self.setCurrentIndex(index)

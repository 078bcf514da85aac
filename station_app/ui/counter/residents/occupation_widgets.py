"""Choosing occupations from the national table: a filterable check list and a combo box.

Both find entries by code, by name and by the pinyin of the name (full or initials).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
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

from station_app.services import code_tables
from station_app.services.code_search import (
    CodeSearch,
    fold,
    occupation_search,
    selectable_occupations,
)
from station_app.services.code_tables import Code, CodeTable
from station_app.ui.shared import catalogue

CODE_ROLE = Qt.ItemDataRole.UserRole
COMPLETIONS = 30  # entries the desired-occupation box proposes for what is typed


def occupation_text(entry: Code) -> str:
    return QCoreApplication.translate("OccupationWidgets", "{name} ({code})").format(
        name=entry.name, code=entry.code
    )


@dataclass(frozen=True)
class _Choices:
    """What both widgets list for a code table: the selectable codes, their texts, and every
    folded text (the shown one, the name, the code) a typed entry may match, and the search."""

    codes: tuple[str, ...]
    texts: tuple[str, ...]
    by_text: Mapping[str, str]
    search: CodeSearch


_choices_cache: dict[int, tuple[CodeTable, _Choices]] = {}


def _choices(table: CodeTable) -> _Choices:
    """The table's choices, worked out once per table (every form lists them anew)."""
    cached = _choices_cache.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    if table is code_tables.occupations():
        search = occupation_search()  # made (and warmed up) once for the program
    else:
        search = CodeSearch(table, selectable_occupations(table))
    entries = list(search.entries)
    texts = tuple(occupation_text(entry) for entry in entries)
    by_text: dict[str, str] = {}
    for entry, text in zip(entries, texts, strict=True):
        for key in (text, entry.name, entry.code):
            by_text.setdefault(fold(key), entry.code)
    choices = _Choices(tuple(entry.code for entry in entries), texts, by_text, search)
    _choices_cache[id(table)] = (table, choices)
    return choices


class OccupationPicker(QWidget):
    """Several occupations (skills): a search box over a check list, and what is chosen."""

    selection_changed = Signal()

    def __init__(self, table: CodeTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Find an occupation by name, pinyin or code"))
        self.filter_box.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # Rows, not items: a wrapper of an item the list made itself is not told when the list
        # deletes it, and a kept one crashed the program at exit.
        self._rows: dict[str, int] = {}
        choices = _choices(table)
        self._search = choices.search
        self.list.addItems(list(choices.texts))  # one call: adding item by item took 10 ms
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        for row, code in enumerate(choices.codes):
            item = self.list.item(row)
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Unchecked)
            self._rows[code] = row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        self.filter_box.textChanged.connect(self.set_filter)
        self.list.itemChanged.connect(self._item_changed)
        self._update_summary()

    def _add_item(self, entry: Code) -> None:
        item = QListWidgetItem(occupation_text(entry))
        item.setData(CODE_ROLE, entry.code)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self._rows[entry.code] = self.list.count()
        self.list.addItem(item)

    def _checked(self, code: str) -> bool:
        return self.list.item(self._rows[code]).checkState() == Qt.CheckState.Checked

    def selected_codes(self) -> tuple[str, ...]:
        """Chosen codes in table order."""
        return tuple(code for code in self._rows if self._checked(code))

    def set_selected_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self.list.blockSignals(True)
        try:
            for code in wanted - self._rows.keys():
                # A code recorded at a coarser level (or elsewhere) must still show up.
                entry = self._table.get(code)
                self._add_item(entry if entry is not None else Code(code, code))
            for code, row in self._rows.items():
                state = Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked
                self.list.item(row).setCheckState(state)
        finally:
            self.list.blockSignals(False)
        self._item_changed()

    def set_filter(self, text: str) -> None:
        """Shows only occupations matching the text by name, pinyin or code (chosen ones stay)."""
        matching = set(self._search.codes(text)) if fold(text) else None
        for code, row in self._rows.items():
            item = self.list.item(row)
            visible = (
                matching is None or code in matching or item.checkState() == Qt.CheckState.Checked
            )
            if item.isHidden() == visible:
                item.setHidden(not visible)

    def _item_changed(self, _item: QListWidgetItem | None = None) -> None:
        self._update_summary()
        self.selection_changed.emit()

    def _update_summary(self) -> None:
        names = [self.list.item(self._rows[code]).text() for code in self.selected_codes()]
        if names:
            separator = catalogue.current().text("list.separator")
            self.summary.setText(self.tr("Chosen: {names}").format(names=separator.join(names)))
        else:
            self.summary.setText(self.tr("No occupation chosen yet."))


class OccupationCombo(QComboBox):
    """One occupation (the desired one): type part of a name, its pinyin or a code, pick one.

    The completer's list is the search's answer to what was typed, best first.
    """

    def __init__(self, table: CodeTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        choices = _choices(table)
        self._search = choices.search
        self._by_text: dict[str, str] = dict(choices.by_text)
        self._codes: list[str | None] = [None, *choices.codes]  # by index; the first is empty
        self.addItems(["", *choices.texts])  # one call: adding item by item took 7 ms
        completer = QCompleter(self)
        # Owned by the completer, so it outlives the completer's popup when the box goes.
        self.completions = QStringListModel(completer)
        completer.setModel(self.completions)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(15)
        self.setCompleter(completer)
        if (line := self.lineEdit()) is not None:
            line.setPlaceholderText(self.tr("Type a name, its pinyin or a code"))
            line.textEdited.connect(self._propose)

    def _propose(self, text: str) -> None:
        """Fills the completer with the entries matching what was typed, and shows them."""
        entries = self._search.search(text, limit=COMPLETIONS)
        self.completions.setStringList([occupation_text(entry) for entry in entries])
        completer = self.completer()
        if entries and completer is not None:
            completer.complete()

    def _add(self, entry: Code) -> None:
        text = occupation_text(entry)
        self.addItem(text)
        self._codes.append(entry.code)
        for key in (text, entry.name, entry.code):
            self._by_text.setdefault(fold(key), entry.code)

    def code(self) -> str | None:
        """The chosen code; None when empty; raises ValueError for text matching no entry."""
        text = fold(self.currentText())
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

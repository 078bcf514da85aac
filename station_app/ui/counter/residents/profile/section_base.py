"""What a section of the resident profile is: a titled box that shows part of a profile."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from station_app.services.resident_profile import ResidentProfile


class ProfileSection(QGroupBox):
    """One section of the profile; subclasses give the title and show their part.

    A section is registered by adding its class to `sections.SECTIONS`; `column` is the
    profile's column it goes in (0 left, 1 right). The data comes with the profile
    (`services/resident_profile.py`; another area's part is in `profile.parts[name]`).
    """

    column = 0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.title())

    def title(self) -> str:
        raise NotImplementedError

    def show_profile(self, profile: ResidentProfile) -> None:
        raise NotImplementedError


def value_label() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class FormSection(ProfileSection):
    """A section of labelled values (`rows`: name → row label), filled by `values`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, text in self.rows():
            self.values[name] = value_label()
            layout.addRow(text, self.values[name])

    def rows(self) -> Sequence[tuple[str, str]]:
        raise NotImplementedError

    def value(self, name: str) -> str:
        return self.values[name].text()


class TableSection(ProfileSection):
    """A section with a read-only table (`headers`), filled row by row of texts."""

    empty_rows = 3  # the height it keeps when it has few rows
    # A column that takes the width left (its long texts elided, whole in the tooltip), so the
    # table fits its section; None: the last column does.
    stretch_column: int | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.headers()))
        self.table.setHorizontalHeaderLabels(list(self.headers()))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.stretch_column is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        layout = QFormLayout(self)
        layout.addRow(self.table)
        layout.addRow(self.empty)

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Sequence[str]], empty_text: str) -> None:
        self.table.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(rows))
        self.empty.setText(empty_text)
        self.empty.setVisible(not rows)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

"""A read-only table model over a column enum: the Qt plumbing of the record tables."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

# As plain ints: `data` is called for every role of every painted cell (some 1,500 calls per
# paint of a full table), and most roles are answered None before anything else is looked at.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_DEFAULT_ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class ColumnTableModel(QAbstractTableModel):
    """Rows of records, one column per member of `columns`; selectable, never editable.

    Subclasses name the columns (`_column_title`), say how many rows there are (`_row_count`),
    which record a row shows (`_row`, None for none), and each cell's text (`_display`),
    tooltip (`_tooltip`, by default the text) and alignment (`_alignment`, by default none).
    """

    columns: type[IntEnum]

    def _column_title(self, column: Any) -> str:
        raise NotImplementedError

    def _row_count(self) -> int:
        raise NotImplementedError

    def _row(self, position: int) -> Any:
        raise NotImplementedError

    def _display(self, row: Any, column: Any) -> str:
        raise NotImplementedError

    def _tooltip(self, row: Any, column: Any) -> str:
        return self._display(row, column)

    def _alignment(self, column: Any) -> Qt.AlignmentFlag | None:
        return None

    # --- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self._column_title(self.columns(section))
        if orientation == Qt.Orientation.Vertical and 0 <= section < self._row_count():
            return str(section + 1)
        return None

    # No `flags` override: Qt's own (enabled, selectable) answers without a call into Python,
    # which the view makes for every painted cell.

    def cell_text(self, position: int, column: int) -> str | None:
        """The text shown in this cell, None for none; what `RecordTableView` paints."""
        row = self._row(position)
        if row is None or not 0 <= column < len(self.columns):
            return None
        return self._display(row, self.columns(column))

    def cell_alignment(self, column: int) -> Qt.AlignmentFlag:
        """How this column's texts are aligned (left and vertically centred by default)."""
        alignment = self._alignment(self.columns(column))
        return alignment if alignment is not None else _DEFAULT_ALIGNMENT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The cheap tests first: a flat table's indexes never have a parent, and the roles
        # other than these three are asked for on every cell of every paint.
        role = int(role)
        if role == _ALIGNMENT:
            if not index.isValid():
                return None
            alignment = self._alignment(self.columns(index.column()))
            return int(alignment) if alignment is not None else None
        if (role != _DISPLAY and role != _TOOLTIP) or not index.isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = self.columns(index.column())
        if role == _TOOLTIP:
            return self._tooltip(row, column)
        return self._display(row, column)

"""Paints the cells of a record table from the model's texts, as Qt's item delegate draws them.

Qt's own delegate asks the model for seven roles of every painted cell (a call into Python
each) and lays the text out anew every time: a paint of a full table took ≈ 30 ms. This one
asks the model once per cell for its text (`ColumnTableModel.cell_text`) and draws it from a
cache of laid-out texts; the panel (selection, alternating rows) and the focus frame are still
drawn by the style, the text in its colours, margins, alignment and elision.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
)

MAX_CACHED_TEXTS = 3000  # laid-out texts kept (some screenfuls); then the cache starts afresh

_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_FOCUS = QStyle.PrimitiveElement.PE_FrameFocusRect
_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_FOCUS_RECT = QStyle.SubElement.SE_ItemViewItemFocusRect
_FOCUS_STATE = QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
# Flags as plain ints: Qt's flag enums combine in Python, a few µs each, thousands per paint.
_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_RIGHT = Qt.AlignmentFlag.AlignRight.value
_H_CENTER = Qt.AlignmentFlag.AlignHCenter.value
_TOP = Qt.AlignmentFlag.AlignTop.value
_BOTTOM = Qt.AlignmentFlag.AlignBottom.value
_GROUPS = (QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
_TEXT, _HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText


def _group(state: int) -> QPalette.ColorGroup:
    """The palette's colour group for an item in this state, as the style picks it."""
    if not state & _ENABLED:
        return _GROUPS[2]
    return _GROUPS[0] if state & _ACTIVE else _GROUPS[1]


class TextCellDelegate(QStyledItemDelegate):
    """Draws `model.cell_text(row, column)` in each cell, aligned by `model.cell_alignment`."""

    def __init__(self, model: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model
        self._font: QFont | None = None
        self._metrics: QFontMetrics | None = None
        self._margin = 0
        self._alignments: dict[int, int] = {}
        self._laid_out: dict[tuple[str, int], QStaticText] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(_PANEL, option, painter, widget)
        column = index.column()
        text = self._model.cell_text(index.row(), column)
        state = option.state.value  # type: ignore[attr-defined]
        if text:
            font = option.font  # type: ignore[attr-defined]
            if font != self._font:
                self._font, self._metrics = QFont(font), QFontMetrics(font)
                self._margin = style.pixelMetric(_MARGIN, None, widget) + 1
                self._laid_out.clear()
            margin = self._margin
            rect = option.rect.adjusted(margin, 0, -margin, 0)  # type: ignore[attr-defined]
            laid_out = self._lay_out(text, rect.width())
            group = _group(state)
            role = _HIGHLIGHTED_TEXT if state & _SELECTED else _TEXT
            size = laid_out.size()
            alignment = self._alignment(column)
            if alignment & _RIGHT:
                x = rect.right() + 1 - size.width()
            elif alignment & _H_CENTER:
                x = rect.x() + (rect.width() - size.width()) / 2
            else:
                x = rect.x()
            # In whole pixels, as QStyle.alignedRect places Qt's own text layout.
            height = int(size.height())
            if alignment & _TOP:
                y = rect.y()
            elif alignment & _BOTTOM:
                y = rect.bottom() + 1 - height
            else:
                y = rect.y() + (rect.height() - height) // 2
            painter.save()
            painter.setFont(font)
            painter.setPen(option.palette.color(group, role))  # type: ignore[attr-defined]
            painter.drawStaticText(QPointF(x, y), laid_out)
            painter.restore()
        if state & _HAS_FOCUS:
            self._draw_focus(style, option, painter, widget, state)

    @staticmethod
    def _draw_focus(
        style: QStyle, option: QStyleOptionViewItem, painter: QPainter, widget: Any, state: int
    ) -> None:
        """The current cell's focus frame, as QCommonStyle draws it for an item view item."""
        focus = QStyleOptionFocusRect()
        focus.initFrom(widget)
        focus.state = option.state | _FOCUS_STATE  # type: ignore[attr-defined]
        focus.direction = option.direction  # type: ignore[attr-defined]
        focus.palette = option.palette  # type: ignore[attr-defined]
        focus.fontMetrics = option.fontMetrics  # type: ignore[attr-defined]
        focus.rect = style.subElementRect(_FOCUS_RECT, option, widget)  # type: ignore[attr-defined]
        group = _group(state)
        role = QPalette.ColorRole.Highlight if state & _SELECTED else QPalette.ColorRole.Window
        focus.backgroundColor = option.palette.color(group, role)  # type: ignore[attr-defined]
        style.drawPrimitive(_FOCUS, focus, painter, widget)

    def _alignment(self, column: int) -> int:
        alignment = self._alignments.get(column)
        if alignment is None:
            alignment = self._alignments[column] = self._model.cell_alignment(column).value
        return alignment

    def _lay_out(self, text: str, width: int) -> QStaticText:
        """The laid-out text, elided at the right to fit `width` if it is wider."""
        key = (text, width)
        laid_out = self._laid_out.get(key)
        if laid_out is None:
            if len(self._laid_out) >= MAX_CACHED_TEXTS:
                self._laid_out.clear()
            assert self._metrics is not None
            shown = text
            if self._metrics.horizontalAdvance(text) > width:
                shown = self._metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            laid_out = QStaticText(shown)
            laid_out.setTextFormat(Qt.TextFormat.PlainText)
            laid_out.prepare(font=self._font)
            self._laid_out[key] = laid_out
        return laid_out

"""The record tables' view: paints its visible rows in one pass, selects and shows one row.

Qt's table view paints cell by cell through the item delegate, and for a Python model each
cell costs several calls into Python (the delegate's `paint`, the model's `data` per role, the
style option's attributes, each a copy): a screenful of a register's rows took ≈ 20 ms to
repaint and ≈ 36 ms for new rows. `RecordTableView` keeps all of QTableView's behaviour —
selection, keyboard, scrolling, headers — and replaces only its paint: one Python call per
paint draws what Qt draws for these flat tables (the rows' panels, alternating colours and
selection through the style, the texts from `model.cell_text`, measured and elided only when
they might not fit, the grid, the focus frame of the current cell). A test compares its
pixels with Qt's own view.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QItemSelectionModel, QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

MAX_CACHED_TEXTS = 3000  # texts as shown (elided, measured) kept; then the cache starts afresh
DRAWS_BEFORE_LAYOUT = 3  # a text drawn this often is laid out once, for the draws after

_ROW_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewRow
_ITEM_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_FOCUS = QStyle.PrimitiveElement.PE_FrameFocusRect
_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_FOCUS_RECT = QStyle.SubElement.SE_ItemViewItemFocusRect
_GRID_COLOUR = QStyle.StyleHint.SH_Table_GridLineColor
_SELECTED = QStyle.StateFlag.State_Selected
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_FOCUS_STATE = QStyle.StateFlag.State_KeyboardFocusChange | QStyle.StateFlag.State_Item
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_RIGHT = Qt.AlignmentFlag.AlignRight.value
_H_CENTER = Qt.AlignmentFlag.AlignHCenter.value
_TOP = Qt.AlignmentFlag.AlignTop.value
_BOTTOM = Qt.AlignmentFlag.AlignBottom.value


def select_row(
    table: QTableView,
    row: int,
    hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
) -> None:
    """Makes `row` the current, only selected row and scrolls it into view."""
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.scrollTo(index, hint)


class RecordIds(Protocol):
    """A table model of records by id (the rows' order is the model's)."""

    def id_at(self, position: int) -> str | None: ...

    def row_of(self, record_id: str) -> int | None: ...


class RecordTableView(QTableView):
    """A table of records that paints `model.cell_text(row, column)` row by row.

    The model is a `ColumnTableModel` (it answers `cell_text` and `cell_alignment`). Meant for
    flat read-only tables with whole-row selection: no spans, no hidden or moved sections,
    no icons or check boxes, no word wrap, left to right.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)
        # A scroll bar that came and went with the number of rows would narrow or widen the
        # viewport after a search: the columns would move and every row be painted twice.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._font: QFont | None = None
        self._metrics: QFontMetrics | None = None
        self._exact_metrics: QFontMetricsF | None = None
        self._margin = 0
        self._alignments: dict[int, int] = {}
        self._line_height = 0
        self._ascent = 0
        self._widest = 0
        self._widest_digit = 0
        self._texts: dict[tuple[str, int], _ShownText] = {}

    def selected_id(self) -> str | None:
        """The id of the current row when it is selected (its model is `RecordIds`)."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        model: RecordIds = self.model()  # type: ignore[assignment]
        return model.id_at(index.row())

    def select_id(self, record_id: str) -> bool:
        """Selects and shows this record's row if it is in the list."""
        model: RecordIds = self.model()  # type: ignore[assignment]
        row = model.row_of(record_id)
        if row is None:
            return False
        select_row(self, row, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        self._alignments.clear()
        if model is not None:
            # After the view's own handling of the reset (connected first, so it runs first).
            model.modelReset.connect(self._lay_out_now)

    def _lay_out_now(self) -> None:
        """Lays the rows out at once after a reset, so the new rows are painted once.

        Qt lays them out on a zero timer, which fires after the first paint of the new rows
        and then repaints the whole table a second time.
        """
        self.executeDelayedItemsLayout()

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        model = self.model()
        if model is None or not model.rowCount() or not model.columnCount():
            return
        dirty = event.rect()
        first_row = self.rowAt(dirty.top())
        if first_row < 0:
            return  # below the last row: the viewport's own background is all there is
        last_row = self.rowAt(dirty.bottom())
        last_row = model.rowCount() - 1 if last_row < 0 else last_row
        first_column = max(self.columnAt(dirty.left()), 0)
        last_column = self.columnAt(dirty.right())
        last_column = model.columnCount() - 1 if last_column < 0 else last_column
        painter = QPainter(self.viewport())
        try:
            self._paint(
                painter,
                dirty,
                model,
                range(first_row, last_row + 1),
                range(first_column, last_column + 1),
            )
        finally:
            painter.end()

    def _paint(
        self, painter: QPainter, dirty: QRect, model: Any, rows: range, columns: range
    ) -> None:
        style = self.style()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        font = option.font  # type: ignore[attr-defined]
        if font != self._font:
            self._font, self._metrics = QFont(font), QFontMetrics(font)
            self._exact_metrics = QFontMetricsF(font)
            self._margin = style.pixelMetric(_MARGIN, None, self) + 1
            self._line_height = self._metrics.height()
            self._ascent = self._metrics.ascent()
            self._widest = self._metrics.maxWidth()
            # ID and phone numbers: digits only, each no wider than the widest digit.
            self._widest_digit = max(map(self._metrics.horizontalAdvance, "0123456789"))
            self._texts.clear()
        grid = 1 if self.showGrid() else 0
        cells = [(c, self.columnViewportPosition(c), self.columnWidth(c) - grid) for c in columns]
        left = cells[0][1]
        right = cells[-1][1] + cells[-1][2]  # the last column's right edge, grid excluded
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        group = self._colour_group(option)
        text_colour = palette.color(group, QPalette.ColorRole.Text)
        selected_colour = palette.color(group, QPalette.ColorRole.HighlightedText)
        base_state = option.state  # type: ignore[attr-defined]
        alternate = self.alternatingRowColors()
        selection = self.selectionModel()
        # Asked once: isRowSelected per row cost more than drawing the row's panel.
        selected_rows = (
            {index.row() for index in selection.selectedRows()} if selection is not None else set()
        )
        current = self.currentIndex()
        focus_row = current.row() if current.isValid() and self._has_focus() else -1
        painter.setFont(font)
        bottom = 0
        for row in rows:
            y = self.rowViewportPosition(row)
            height = self.rowHeight(row) - grid
            bottom = y + height
            selected = row in selected_rows
            state = base_state | _SELECTED if selected else base_state
            # The row's panel (its alternating colour) at once, then each cell's own panel
            # only where the style draws one (a selected row): a plain cell draws none.
            option.state = state  # type: ignore[attr-defined]
            features = option.features  # type: ignore[attr-defined]
            option.features = (  # type: ignore[attr-defined]
                features | _ALTERNATE if alternate and row & 1 else features & ~_ALTERNATE
            )
            option.rect = QRect(left, y, right - left, height)  # type: ignore[attr-defined]
            style.drawPrimitive(_ROW_PANEL, option, painter, self)
            if selected:
                for _column, x, width in cells:
                    option.rect = QRect(x, y, width, height)  # type: ignore[attr-defined]
                    style.drawPrimitive(_ITEM_PANEL, option, painter, self)
            painter.setPen(selected_colour if selected else text_colour)
            for column, x, width in cells:
                text = model.cell_text(row, column)
                if text:
                    self._draw_text(painter, text, column, x, y, width, height)
            if row == focus_row:
                column = current.column()
                for cell_column, x, width in cells:
                    if cell_column == column:
                        option.rect = QRect(x, y, width, height)  # type: ignore[attr-defined]
                        option.state = state | _HAS_FOCUS  # type: ignore[attr-defined]
                        self._draw_focus(style, option, painter, group, selected)
        if grid:
            self._draw_grid(painter, style, option, dirty, cells, rows, right, bottom)

    def _draw_text(
        self, painter: QPainter, text: str, column: int, x: int, y: int, width: int, height: int
    ) -> None:
        """The cell's text inside its margins, aligned and elided as Qt's delegate does."""
        margin = self._margin
        inner = width - 2 * margin
        alignment = self._alignment(column)
        left = x + margin
        shown = self._shown(text, inner, measured=bool(alignment & (_RIGHT | _H_CENTER)))
        if alignment & _RIGHT:
            text_x: float = left + inner - shown.width
        elif alignment & _H_CENTER:
            text_x = left + (inner - shown.width) / 2
        else:
            text_x = left
        # In whole pixels, as QStyle.alignedRect places Qt's own text layout.
        if alignment & _TOP:
            text_y = y
        elif alignment & _BOTTOM:
            text_y = y + height - self._line_height
        else:
            text_y = y + (height - self._line_height) // 2
        if shown.static is not None:
            painter.drawStaticText(QPointF(text_x, text_y), shown.static)
            return
        painter.drawText(QPointF(text_x, text_y + self._ascent), shown.text)
        shown.draws += 1
        if shown.draws >= DRAWS_BEFORE_LAYOUT:
            shown.lay_out(self._font)

    def _draw_grid(
        self,
        painter: QPainter,
        style: QStyle,
        option: QStyleOptionViewItem,
        dirty: QRect,
        cells: list[tuple[int, int, int]],
        rows: range,
        right: int,
        bottom: int,
    ) -> None:
        """The grid lines below each row and right of each column, as QTableView draws them."""
        colour = QColor.fromRgba(style.styleHint(_GRID_COLOUR, option, self) & 0xFFFFFFFF)
        painter.setPen(QPen(colour, 1, self.gridStyle()))
        line_left, line_right = dirty.left(), min(dirty.right(), right)
        line_top, line_bottom = dirty.top(), min(dirty.bottom(), bottom)
        for row in rows:
            y = self.rowViewportPosition(row) + self.rowHeight(row) - 1 + 0.5
            painter.drawLine(QPointF(line_left + 0.5, y), QPointF(line_right + 0.5, y))
        for _column, x, width in cells:
            line_x = x + width + 0.5
            painter.drawLine(QPointF(line_x, line_top + 0.5), QPointF(line_x, line_bottom + 0.5))

    def _draw_focus(
        self,
        style: QStyle,
        option: QStyleOptionViewItem,
        painter: QPainter,
        group: QPalette.ColorGroup,
        selected: bool,
    ) -> None:
        """The current cell's focus frame, as QCommonStyle draws it for an item view item."""
        focus = QStyleOptionFocusRect()
        focus.initFrom(self)
        focus.state = option.state | _FOCUS_STATE  # type: ignore[attr-defined]
        focus.direction = option.direction  # type: ignore[attr-defined]
        focus.palette = option.palette  # type: ignore[attr-defined]
        focus.fontMetrics = option.fontMetrics  # type: ignore[attr-defined]
        focus.rect = style.subElementRect(_FOCUS_RECT, option, self)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Window
        focus.backgroundColor = option.palette.color(group, role)  # type: ignore[attr-defined]
        style.drawPrimitive(_FOCUS, focus, painter, self)

    def _has_focus(self) -> bool:
        return self.hasFocus() or self.viewport().hasFocus()

    def _colour_group(self, option: QStyleOptionViewItem) -> QPalette.ColorGroup:
        """The palette's colour group for the items, as the style picks it."""
        if not self.isEnabled():
            return QPalette.ColorGroup.Disabled
        if option.state & QStyle.StateFlag.State_Active:  # type: ignore[attr-defined]
            return QPalette.ColorGroup.Normal
        return QPalette.ColorGroup.Inactive

    def _alignment(self, column: int) -> int:
        alignment = self._alignments.get(column)
        if alignment is None:
            alignment = self._alignments[column] = self.model().cell_alignment(column).value
        return alignment

    def _shown(self, text: str, width: int, *, measured: bool) -> _ShownText:
        """What a cell `width` wide shows of `text`: elided at the right if it is wider.

        Its exact width is measured when `measured` or when it might not fit; a text that
        fits even if every character were the font's widest (the widest digit, for a number)
        is drawn without measuring.
        """
        key = (text, width)
        shown = self._texts.get(key)
        if shown is None or (measured and shown.width < 0):
            if len(self._texts) >= MAX_CACHED_TEXTS:
                self._texts.clear()
            metrics = self._exact_metrics
            assert metrics is not None
            widest = self._widest_digit if text.isascii() and text.isdigit() else self._widest
            if not measured and len(text) * widest <= width:
                shown = _ShownText(text, -1.0)
            else:
                advance = metrics.horizontalAdvance(text)
                if advance > width:
                    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
                    advance = metrics.horizontalAdvance(text)
                shown = _ShownText(text, advance)
            self._texts[key] = shown
        return shown


class _ShownText:
    """A cell's text as shown (elided to fit), its width (-1 if not measured), its layout.

    A new text is drawn directly: laying it out first takes three times as long, and every
    search shows new names and numbers. A text drawn again and again (a community, a status)
    is laid out once and then drawn five times faster.
    """

    __slots__ = ("draws", "static", "text", "width")

    def __init__(self, text: str, width: float) -> None:
        self.text = text
        self.width = width
        self.draws = 0
        self.static: QStaticText | None = None

    def lay_out(self, font: QFont | None) -> None:
        static = QStaticText(self.text)
        static.setTextFormat(Qt.TextFormat.PlainText)
        if font is not None:
            static.prepare(font=font)
        self.static = static

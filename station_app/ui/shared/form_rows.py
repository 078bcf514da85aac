"""Building blocks of the record forms: editors with a message line, notices, combo helpers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MESSAGE_COLOUR = QColor("#c62828")  # a problem: red
NOTICE_COLOUR = QColor("#2e7d32")  # good news ("Saving…", "This is the record…"): green


def _colour_text(label: QLabel, colour: QColor) -> None:
    """The label's text in this colour. A palette, not a style sheet: a widget with a style
    sheet of its own is polished through Qt's style-sheet machinery, which made building a
    form with a dozen message lines several times slower."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


COMBO_CHARACTERS = 16  # a form's combo boxes are at least this many characters wide


def sized_by_length(combo: QComboBox, characters: int = COMBO_CHARACTERS) -> QComboBox:
    """Sizes the combo for `characters` instead of its widest item; returns it.

    A combo box measures every item's text for its size on its first show: the forms' long
    lists (communities, occupations, industries) made that most of a form's first show. The
    forms' fields grow to the column's width anyway.
    """
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def message_label() -> QLabel:
    """A red, selectable, word-wrapped line under an editor; hidden while it has no text."""
    label = QLabel()
    label.setWordWrap(True)
    _colour_text(label, MESSAGE_COLOUR)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def with_message(editor: QWidget, message: QLabel, *extra: QWidget) -> QWidget:
    """The editor with its message line below it (and `extra` widgets right of the message)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(message, 1)
    for widget in extra:
        row.addWidget(widget)
    layout.addLayout(row)
    return box


def notice_label() -> QLabel:
    """The form-wide message line beside the buttons; hidden while it has no text."""
    label = QLabel()
    label.setWordWrap(True)
    _colour_text(label, MESSAGE_COLOUR)
    label.hide()
    return label


def show_notice(label: QLabel, text: str, *, error: bool = True) -> None:
    """Shows `text` in red (a problem) or green (`error=False`); '' hides the label."""
    _colour_text(label, MESSAGE_COLOUR if error else NOTICE_COLOUR)
    label.setText(text)
    label.setVisible(bool(text))


def link_button(text: str) -> QPushButton:
    """A hidden button that Enter never presses (for "Open the existing record")."""
    button = QPushButton(text)
    button.setAutoDefault(False)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.hide()
    return button


def select_data(combo: QComboBox, value: str | None) -> None:
    """Selects the item holding `value` (None: the "not given" item, or no item)."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return
    if value:
        combo.addItem(value, value)  # a code this installation does not know: keep it
        combo.setCurrentIndex(combo.count() - 1)
    else:
        combo.setCurrentIndex(-1)


def align_labels(*forms: QFormLayout) -> None:
    """Gives the forms' row labels one width, so fields of stacked groups start at the same x."""
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and (widget := item.widget()) is not None:
                labels.append(widget)
    if labels:
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)


class RecordFields(QWidget):
    """The editors of a record form: a message line per field, and the way to a duplicate.

    Subclasses add the editors (with `community`, the community combo), lay them out and
    convert between the editors and the record's input value (`to_input`, `load`).
    """

    changed = Signal()
    community: QComboBox

    def __init__(self, message_fields: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = {name: message_label() for name in message_fields}
        self.open_existing_button = link_button(self.tr("Open the existing record"))

    def show_message(self, field: str, text: str) -> None:
        label = self.messages[field]
        label.setText(text)
        label.setVisible(bool(text))

    def message(self, field: str) -> str:
        label = self.messages[field]
        return label.text() if label.isVisibleTo(self) else ""

    def clear_messages(self) -> None:
        for field in self.messages:
            self.show_message(field, "")
        self.open_existing_button.hide()

    def to_input(self) -> Any:
        raise NotImplementedError

    def load(self, data: Any) -> None:
        raise NotImplementedError

"""A label for a count that changes with every search, without re-laying out its page."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class CountLabel(QLabel):
    """A one-line label whose width only grows to fit its texts.

    A label whose size follows its text makes every new text re-lay out the whole window and
    paint it twice (its size hint climbs up through every layout). With a fixed size, Qt
    stops there: a new text only repaints the label, and the label widens only when a text
    needs more room than any before it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(0, self.fontMetrics().height())

    def setText(self, text: str) -> None:
        super().setText(text)
        hint = self.sizeHint()
        if hint.width() > self.width() or hint.height() > self.height():
            self.setFixedSize(max(hint.width(), self.width()), max(hint.height(), self.height()))

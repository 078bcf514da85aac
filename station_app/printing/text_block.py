"""A block of Chinese text for ReportLab's platypus, broken by `line_breaking`'s rules."""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from station_app.printing.fonts import register_cjk_font
from station_app.printing.line_breaking import break_lines


class TextBlock(Flowable):  # type: ignore[misc]
    """Text in the bundled CJK font, wrapped to the width it is given; left or centred."""

    def __init__(
        self,
        text: str,
        size: float = 10.5,
        *,
        leading: float | None = None,
        align: str = "left",
        color: Any = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.font = register_cjk_font()
        self.size = size
        self.leading = leading if leading is not None else size * 1.4
        self.align = align
        self.color = color
        self._lines: list[str] = []
        self._width = 0.0

    def measure(self, text: str) -> float:
        return float(stringWidth(text, self.font, self.size))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        self._lines = break_lines(self.text, avail_width, self.measure)
        return avail_width, self.leading * len(self._lines)

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(self.font, self.size)
        if self.color is not None:
            canvas.setFillColor(self.color)
        # The baseline sits a descent above the bottom of each line's slot.
        y = self.leading * len(self._lines) - self.size
        for line in self._lines:
            if self.align == "center":
                canvas.drawCentredString(self._width / 2, y, line)
            elif self.align == "right":
                canvas.drawRightString(self._width, y, line)
            else:
                canvas.drawString(0, y, line)
            y -= self.leading

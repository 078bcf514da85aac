"""Builds a platypus story into PDF bytes, with "第 n 页 / 共 m 页" in the footer if asked."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from station_app.printing.fonts import register_cjk_font

PageDecoration = Callable[[Canvas, Any], None]


def build_pdf(
    story: Sequence[Flowable],
    *,
    pagesize: tuple[float, float],
    margins: float,
    title: str,
    numbered: bool = False,
    decorate: PageDecoration | None = None,
) -> bytes:
    """The story laid out on pages of `pagesize`; `decorate(canvas, doc)` draws on each page."""
    register_cjk_font()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margins,
        rightMargin=margins,
        topMargin=margins,
        bottomMargin=margins,
        title=title,
        author="智慧就业驿站",
        creator="Station",
        invariant=True,  # the same input gives the same bytes (no time stamp or random id)
    )

    def on_page(canvas: Canvas, doc: Any) -> None:
        if decorate is not None:
            canvas.saveState()
            decorate(canvas, doc)
            canvas.restoreState()

    document.build(
        list(story),
        onFirstPage=on_page,
        onLaterPages=on_page,
        canvasmaker=NumberedCanvas if numbered else Canvas,
    )
    return buffer.getvalue()


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps each page until the last is drawn, then writes "第 n 页 / 共 m 页" on all of them."""

    FOOTER_SIZE = 9

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        self.setFont(register_cjk_font(), self.FOOTER_SIZE)
        self.drawCentredString(width / 2, 10 * 2.835, f"第 {number} 页 / 共 {total} 页")

"""Sends a PDF to the printer a QPrinter names, keeping its text and vector drawing.

A failure is a UserError with a code printing.* (no printer, the printer refused, a file
that cannot be written).

A CUPS queue (Linux, macOS) gets the PDF itself through `lp`, so the printed file keeps its
text; a printer set to print to a file gets the PDF's bytes. Elsewhere (Windows) each page is
rendered at the printer's resolution and painted on it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from station_app.errors import UserError
from station_app.printing.pdf_file import write_pdf_file

log = logging.getLogger(__name__)

LP_TIMEOUT_S = 60


def print_pdf(pdf: bytes, printer: QPrinter, *, title: str = "Station") -> None:
    """Prints the PDF on the printer with its copies and pages; UserError when it cannot."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        write_pdf_file(pdf, Path(printer.outputFileName()))
        return
    name = printer.printerName()
    if not name or not printer.isValid():
        raise UserError(
            f"no printer chosen or no printer {name!r}",
            code="printing.no_printer",
            params={"printer": name},
        )
    lp = shutil.which("lp")
    if sys.platform != "win32" and lp is not None:
        _submit_to_cups(lp, pdf, name, printer, title)
    else:
        _paint_pages(pdf, printer)


def lp_arguments(name: str, printer: QPrinter, title: str) -> list[str]:
    """The `lp` options for the queue, the copies and the page range the dialog chose."""
    arguments = ["-d", name, "-n", str(max(1, printer.copyCount())), "-t", title]
    first, last = printer.fromPage(), printer.toPage()
    if first > 0 and last >= first:
        arguments += ["-P", f"{first}-{last}"]
    if printer.collateCopies():
        arguments += ["-o", "collate=true"]
    return arguments


def _submit_to_cups(lp: str, pdf: bytes, name: str, printer: QPrinter, title: str) -> None:
    command = [lp, *lp_arguments(name, printer, title), "--", "-"]
    try:
        done = subprocess.run(
            command, input=pdf, capture_output=True, timeout=LP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UserError(
            f"lp failed for {name}: {exc}",
            code="printing.failed",
            params={"printer": name, "reason": str(exc)},
        ) from exc
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip() or f"lp exit {done.returncode}"
        raise UserError(
            f"lp refused for {name}: {reason}", params={"printer": name, "reason": reason}
        )
    log.info(
        "sent %d bytes to %s: %s", len(pdf), name, done.stdout.decode(errors="replace").strip()
    )


def _paint_pages(pdf: bytes, printer: QPrinter) -> None:
    """Renders each page at the printer's resolution (the text is then an image)."""
    document = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    name = printer.printerName()
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise UserError(
            "the PDF could not be read",
            code="printing.failed",
            params={"printer": name, "reason": "PDF"},
        )
    first = max(printer.fromPage(), 1) if printer.fromPage() > 0 else 1
    last = min(printer.toPage(), document.pageCount()) if printer.toPage() > 0 else None
    last = last or document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(
            f"cannot start printing on {name}",
            code="printing.failed",
            params={"printer": name, "reason": "QPainter"},
        )
    try:
        dpi = printer.resolution()
        for index in range(first - 1, last):
            if index > first - 1:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image: QImage = document.render(index, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(QPoint(0, 0), scaled), image)
    finally:
        painter.end()
        document.close()

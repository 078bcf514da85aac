"""A slip printed through the app's printer path on a real CUPS queue keeps its text.

Needs CUPS with a cups-pdf queue: `scripts/test` sets one up when run as root
(`scripts/cups-for-tests`) and exports STATION_TEST_PRINTER and STATION_TEST_PRINTER_OUT.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from station_app.printing.referral_slip import referral_slip_pdf
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from tests.printing.pdf_helpers import needs_poppler, pdf_text, sample_slip

QUEUE = os.environ.get("STATION_TEST_PRINTER", "")
OUT = os.environ.get("STATION_TEST_PRINTER_OUT", "")
PRINTED_WITHIN_S = 60

pytestmark = [
    pytest.mark.skipif(
        not QUEUE or not OUT,
        reason="no CUPS test printer: run scripts/test as root (it starts CUPS with a cups-pdf "
        "queue), or set STATION_TEST_PRINTER and STATION_TEST_PRINTER_OUT",
    ),
    needs_poppler,
]


def _new_pdfs(folder: Path, before: set[Path]) -> list[Path]:
    return sorted(set(folder.glob("*.pdf")) - before) if folder.is_dir() else []


def test_a_slip_printed_on_a_cups_queue_keeps_its_text_and_is_not_rasterised(
    qtbot: QtBot, tmp_path: Path
) -> None:
    out = Path(OUT)
    before = set(out.glob("*.pdf")) if out.is_dir() else set()
    serial = f"3F2A9C41-2026-{int(time.time()) % 1_000_000:06d}"
    facts = sample_slip(serial)
    dialog = PrintPreviewDialog(referral_slip_pdf(facts), "推荐信", "slip")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(QUEUE)  # what the print dialog would choose
    assert printer.printerName() == QUEUE, f"Qt does not see the CUPS queue {QUEUE}"

    assert dialog.print_to(printer)  # the Print button's path after the print dialog

    qtbot.waitUntil(lambda: bool(_new_pdfs(out, before)), timeout=PRINTED_WITHIN_S * 1000)
    [printed] = _new_pdfs(out, before)
    qtbot.waitUntil(lambda: printed.stat().st_size > 0 and _complete(printed), timeout=10_000)
    text = pdf_text(printed, tmp_path)
    assert serial in text and facts.check_code in text
    assert "0558-4812345" in text  # the employer's phone
    images = subprocess.run(
        ["pdfimages", "-list", str(printed)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    assert len(images) == 2  # the header only: no page went to the printer as a picture
    # The Chinese is printed as the font's glyphs, but the queue's Ghostscript drops
    # ReportLab's ToUnicode map, so pdftotext cannot read the employer's name back
    # (docs/printing.md); it reads back from the PDF the app sends.
    assert facts.employer_name in pdf_text(dialog.pdf, tmp_path)


def _complete(path: Path) -> bool:
    return path.read_bytes().rstrip().endswith(b"%%EOF")

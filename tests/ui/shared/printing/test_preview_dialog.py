"""The print preview: shows the PDF's pages, saves it whole, prints to a file, keys work."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from station_app.printing.referral_slip import referral_slips_pdf
from station_app.ui.shared.printing import preview_dialog
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from tests.printing.pdf_helpers import needs_poppler, pdf_text, sample_slip

SERIALS = ("3F2A9C41-2026-000001", "3F2A9C41-2026-000002")


@pytest.fixture
def dialog(qtbot: QtBot) -> PrintPreviewDialog:
    pdf = referral_slips_pdf([sample_slip(s) for s in SERIALS])
    dialog = PrintPreviewDialog(pdf, "推荐信", "推荐信-周建国")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preview_shows_every_page_and_puts_print_first(dialog: PrintPreviewDialog) -> None:
    assert dialog.document.pageCount() == 2
    assert dialog.view.document() is dialog.document
    assert dialog.print_button.isDefault()
    assert dialog.file_name == "推荐信-周建国.pdf"


@needs_poppler
def test_save_as_writes_the_pdf_with_its_text(
    dialog: PrintPreviewDialog, tmp_path: Path, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save_to(tmp_path / "slips")
    saved = tmp_path / "slips.pdf"
    assert saved.read_bytes() == dialog.pdf
    assert SERIALS[1] in pdf_text(saved, tmp_path)
    assert not list(tmp_path.glob("*.part"))


def test_an_unwritable_file_is_a_message_not_a_half_file(
    dialog: PrintPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        preview_dialog.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text)
    )
    assert not dialog.save_to(tmp_path / "missing-folder" / "slips.pdf")
    assert shown and "slips.pdf" in shown[0]
    assert not (tmp_path / "missing-folder").exists()


@needs_poppler
def test_printing_to_a_file_keeps_the_text(dialog: PrintPreviewDialog, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_to(printer)
    text = pdf_text(tmp_path / "printed.pdf", tmp_path)
    assert SERIALS[0] in text and "界首市华通机械制造有限公司" in text


def test_ctrl_p_opens_the_print_dialog_and_esc_closes(
    dialog: PrintPreviewDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(
        preview_dialog, "choose_printer", lambda _parent, pages: asked.append(pages) or None
    )
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [2]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_preview_speaks_chinese(qtbot: QtBot, chinese: None) -> None:
    dialog = PrintPreviewDialog(referral_slips_pdf([sample_slip()]), "推荐信", "slip")
    qtbot.addWidget(dialog)
    assert dialog.print_button.text() == "打印…"
    assert "推荐信" in dialog.windowTitle() and "打印预览" in dialog.windowTitle()

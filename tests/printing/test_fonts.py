"""The bundled CJK font is embedded in PDFs and draws Chinese, digits and Latin letters."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from station_app.printing.fonts import CJK_FONT, register_cjk_font


def _write_pdf(path: Path) -> None:
    canvas = Canvas(str(path))
    canvas.setFont(register_cjk_font(), 14)
    canvas.drawString(72, 720, "界首市就业驿站 推荐信 No.2026-0001 张伟")
    canvas.save()


def test_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    pdf = tmp_path / "slip.pdf"
    _write_pdf(pdf)
    data = pdf.read_bytes()
    assert register_cjk_font() == CJK_FONT
    assert b"/FontFile2" in data  # the TrueType program travels inside the PDF


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_text_comes_back_out_of_the_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "slip.pdf"
    _write_pdf(pdf)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "界首市就业驿站" in text
    assert "2026-0001" in text
    assert "张伟" in text

"""Registers the bundled CJK font with ReportLab so PDFs embed it and print Chinese anywhere."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from station_app import paths
from station_app.errors import UserError

CJK_FONT = "WenQuanYiMicroHei"


@lru_cache(maxsize=1)
def register_cjk_font() -> str:
    """Registers WenQuanYi Micro Hei (TrueType outlines, embedded and subset) and returns its name.

    ReportLab's built-in CID fonts are not embedded and print blank on machines without Asian
    font packs, so every document uses this one.
    """
    path = paths.cjk_font_path()
    if not path.exists():
        raise UserError(f"the bundled font is missing: {path.name} (reinstall the program)")
    pdfmetrics.registerFont(TTFont(CJK_FONT, str(path), subfontIndex=0))
    return CJK_FONT

"""What a test reads back out of a PDF: its text per page (pdftotext) and its pages as images."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from station_app.models import JobKind, ReferralStatus
from station_app.services.referral_slips import SlipFacts

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


def pdf_pages(pdf: bytes | Path, tmp_path: Path) -> list[str]:
    """The text of each page (pdftotext keeps the page breaks as form feeds)."""
    path = _as_file(pdf, tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def pdf_text(pdf: bytes | Path, tmp_path: Path) -> str:
    return "\n".join(pdf_pages(pdf, tmp_path))


def page_images(pdf: bytes | Path, tmp_path: Path, resolution: int = 150) -> list[Path]:
    path = _as_file(pdf, tmp_path)
    prefix = tmp_path / (path.stem + "-page")
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), str(path), str(prefix)], check=True)
    return sorted(tmp_path.glob(prefix.name + "*.png"))


def _as_file(pdf: bytes | Path, tmp_path: Path) -> Path:
    if isinstance(pdf, Path):
        return pdf
    path = tmp_path / f"document-{len(list(tmp_path.glob('document-*.pdf')))}.pdf"
    path.write_bytes(pdf)
    return path


def sample_slip(serial: str = "3F2A9C41-2026-000123", check_code: str = "K7Q2M4X9AB") -> SlipFacts:
    return SlipFacts(
        serial=serial,
        check_code=check_code,
        station_name="人民路社区",
        station_street="东城街道",
        resident_name="周建国",
        resident_id_number="341282********1234",
        job_title="数控车床操作工",
        job_kind=JobKind.REGULAR,
        employer_name="界首市华通机械制造有限公司",
        address="界首市高新区光武大道88号（东门进，二号厂房）",
        contact_name="李经理",
        contact_phone="0558-4812345",
        distance_km=2.43,
        referred_on=date(2026, 3, 5),
        valid_until=date(2026, 3, 19),
        status=ReferralStatus.REFERRED,
    )

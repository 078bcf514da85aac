"""The referral slip: its text, one slip a page, and a QR code that decodes to a genuine slip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from station_app.core.station_session import StationSession
from station_app.models import JobKind
from station_app.printing.referral_slip import referral_slip_pdf, referral_slips_pdf
from station_app.printing.slip_qr import parse_slip_payload, slip_payload
from station_app.services.referral_codes import SlipKey, SlipKeys
from station_app.services.referral_slips import slip_facts, verify_slip
from station_app.services.referrals import create_referral
from tests.printing.pdf_helpers import needs_poppler, page_images, pdf_pages, sample_slip
from tests.services.recognition_helpers import add_job, add_resident

KEY = SlipKey("0a1b2c3d-0000-4000-8000-000000000001", "local secret", enrolled=False)


def decode_qr(image: Path) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(Image.open(image))]


@needs_poppler
def test_the_slip_prints_every_fact_in_chinese(tmp_path: Path) -> None:
    facts = sample_slip()
    [page] = pdf_pages(referral_slip_pdf(facts), tmp_path)
    for expected in (
        "东城街道人民路社区就业驿站",
        "岗位推荐信",
        facts.serial,
        facts.check_code,
        "周建国",
        "341282********1234",
        "数控车床操作工",
        "界首市华通机械制造有限公司",
        "光武大道88号",
        "李经理",
        "0558-4812345",
        "约 2.4 公里",
        "2026年3月5日",
        "2026年3月19日",
    ):
        assert expected in page, expected


def test_the_font_is_embedded_and_no_cid_font_is_used() -> None:
    data = referral_slip_pdf(sample_slip())
    assert b"/FontFile2" in data
    assert b"STSong" not in data and b"/CIDFontType0" not in data


@needs_poppler
def test_several_slips_make_one_pdf_with_one_slip_a_page(tmp_path: Path) -> None:
    serials = [f"3F2A9C41-2026-{n:06d}" for n in (7, 8, 9)]
    pages = pdf_pages(referral_slips_pdf([sample_slip(s) for s in serials]), tmp_path)
    assert len(pages) == 3
    for page, serial in zip(pages, serials, strict=True):
        assert serial in page and sum(s in page for s in serials) == 1


@needs_poppler
def test_a_very_long_address_still_fits_the_slip_on_one_page(tmp_path: Path) -> None:
    from dataclasses import replace

    facts = replace(sample_slip(), address="界首市高新区光武大道88号（东门进，二号厂房）" * 12)
    assert len(pdf_pages(referral_slip_pdf(facts), tmp_path)) == 1


def test_the_payload_round_trips_and_refuses_other_texts() -> None:
    payload = slip_payload("3f2a9c41-2026-000123", "k7q2m4x9ab")
    assert payload == "STATION-REFERRAL:1:3F2A9C41-2026-000123:K7Q2M4X9AB"
    assert parse_slip_payload(payload) == ("3F2A9C41-2026-000123", "K7Q2M4X9AB")
    for other in ("", "https://example.org", "STATION-REFERRAL:2:A:B", "STATION-REFERRAL:1::B"):
        assert parse_slip_payload(other) is None


@needs_poppler
def test_the_printed_qr_code_decodes_to_a_genuine_slip_and_altered_ones_fail(
    station: StationSession, tmp_path: Path
) -> None:
    keys = SlipKeys(KEY)
    resident_id = add_resident(station, name="周建国")
    made = station.perform(
        create_referral,
        resident_id,
        add_job(station, JobKind.REGULAR),
        keys=keys,
        on_day=date(2025, 3, 2),
    )
    facts = station.query(slip_facts, made.serial, keys=keys)
    [image] = page_images(referral_slip_pdf(facts), tmp_path)
    [text] = decode_qr(image)
    parsed = parse_slip_payload(text)
    assert parsed == (made.serial, made.check_code)
    serial, code = parsed
    check = station.query(verify_slip, serial, code, keys=keys)
    assert check.genuine and check.known and check.resident_name == "周建国"
    altered_serial = serial[:-1] + ("2" if serial[-1] != "2" else "3")
    assert not station.query(verify_slip, altered_serial, code, keys=keys).genuine
    altered_code = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert not station.query(verify_slip, serial, altered_code, keys=keys).genuine
    assert not keys.is_genuine(altered_serial, code)


def test_an_empty_batch_is_a_bug_not_an_empty_pdf() -> None:
    with pytest.raises(ValueError):
        referral_slips_pdf([])

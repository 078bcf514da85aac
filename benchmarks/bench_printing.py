"""Referral slips: one slip warm (target 50 ms) and 500 in one batch (target 30 s).

    python benchmarks/bench_printing.py

The reference, measured in the same run: the same slip without its QR code, and a bare
ReportLab A5 page with the slip's facts as lines of Helvetica text.
"""

from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from unittest import mock

from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

from station_app.models import JobKind, ReferralStatus
from station_app.printing import referral_slip
from station_app.printing.referral_slip import referral_slip_pdf, referral_slips_pdf
from station_app.services.referral_slips import SlipFacts

SLIP = SlipFacts(
    serial="3F2A9C41-2026-000123",
    check_code="K7Q2M4X9AB",
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


def median_ms(fn: Callable[[], object], runs: int = 30) -> float:
    fn()  # warm: the font registered, modules loaded
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def bare_page() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5)
    canvas.setFont("Helvetica", 10)
    for line, value in enumerate(str(v) for v in vars(SLIP).values()):
        canvas.drawString(40, 550 - line * 16, value)
    canvas.save()
    return buffer.getvalue()


def slip_without_qr() -> bytes:
    with mock.patch.object(referral_slip, "draw_qr", lambda *args: None):
        return referral_slip_pdf(SLIP)


def main() -> None:
    slip = median_ms(lambda: referral_slip_pdf(SLIP))
    no_qr = median_ms(slip_without_qr)
    bare = median_ms(bare_page)
    print(f"one slip, warm (median of 30): {slip:.1f} ms  (target <= 50 ms)")
    print(f"  the same slip without its QR code: {no_qr:.1f} ms  (ratio {slip / no_qr:.2f})")
    print(f"  a bare Helvetica page of the facts: {bare:.1f} ms  (ratio {slip / bare:.1f})")
    slips = [replace(SLIP, serial=f"3F2A9C41-2026-{n:06d}") for n in range(1, 501)]
    started = time.perf_counter()
    pdf = referral_slips_pdf(slips)
    batch = time.perf_counter() - started
    print(f"500 slips in one PDF: {batch:.1f} s, {len(pdf) / 1e6:.1f} MB  (target <= 30 s)")
    started = time.perf_counter()
    for facts in slips:
        referral_slip_pdf(facts)
    each = time.perf_counter() - started
    print(f"500 slips one PDF each (the batch dialog's way): {each:.1f} s  (target <= 30 s)")


if __name__ == "__main__":
    main()

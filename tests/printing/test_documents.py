"""The call list, the registration form and the 1-3-1 card: their Chinese text and pages."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from station_app.core.station_session import StationSession
from station_app.models import ServiceKind
from station_app.printing.call_list import CallList, CallListRow, call_list_pdf
from station_app.printing.registration_form import form_from_profile, registration_form_pdf
from station_app.printing.service_card import ServiceCard, service_card_pdf
from station_app.services.migrant_bundle import state_from_counts
from station_app.services.resident_profile import load_profile
from tests.printing.pdf_helpers import needs_poppler, pdf_pages, pdf_text
from tests.services.recognition_helpers import add_resident


def call_list(count: int) -> CallList:
    rows = [
        CallListRow(
            name=f"候选{n:03d}",
            sex="男" if n % 2 else "女",
            age=30 + n % 20,
            community="人民路社区",
            phone="138****1234",
            distance_km=0.5 + n / 20,
            reasons="求职意向相符（数控车工），距离较近；曾参加《数控车床》培训。",
            status="",
        )
        for n in range(1, count + 1)
    ]
    return CallList(
        title="岗位匹配人员电话通知名单",
        job_title="数控车床操作工",
        employer_name="界首市华通机械制造有限公司",
        made_on=date(2026, 3, 5),
        station_name="界首市东城街道人民路社区就业驿站",
        rows=rows,
    )


@needs_poppler
def test_the_call_list_repeats_its_header_and_numbers_its_pages(tmp_path: Path) -> None:
    pages = pdf_pages(call_list_pdf(call_list(120)), tmp_path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert re.search(r"序号\s+姓名\s+性别\s+年龄\s+社区\s+电话\s+距离\s+推荐理由\s+结果", page)
        assert re.search(rf"第\s*{number}\s*页\s*/\s*共\s*{len(pages)}\s*页", page)
    text = "\n".join(pages)
    assert "岗位匹配人员电话通知名单" in pages[0] and re.search(r"共\s*120\s*人", pages[0])
    for n in (1, 60, 120):  # every row once, in order
        assert text.count(f"候选{n:03d}") == 1
    assert text.index("候选001") < text.index("候选060") < text.index("候选120")
    assert "138****1234" in text and "2026年3月5日" in pages[0]


@needs_poppler
def test_a_short_call_list_is_one_numbered_page(tmp_path: Path) -> None:
    pages = pdf_pages(call_list_pdf(call_list(0)), tmp_path)
    assert len(pages) == 1 and re.search(r"第\s*1\s*页\s*/\s*共\s*1\s*页", pages[0])
    assert re.search(r"共\s*0\s*人", pages[0])


@needs_poppler
def test_the_registration_form_carries_the_profile_in_chinese(
    station: StationSession, tmp_path: Path
) -> None:
    resident_id = add_resident(station, name="周建国")
    profile = station.query(load_profile, resident_id, today=date(2026, 3, 5))
    form = form_from_profile(profile, station_name="人民路社区就业驿站", today=date(2026, 3, 5))
    text = pdf_text(registration_form_pdf(form), tmp_path)
    for expected in (
        "求职登记表",
        "人民路社区就业驿站",
        "周建国",
        profile.id_number,
        form.sex,
        "人民路社区",
        "求职者签字",
        "经办人签字",
        "打印日期：2026年3月5日",
    ):
        assert expected in text, expected
    assert form.sex in ("男", "女") and form.employment_status != "—"


@needs_poppler
def test_the_service_card_ticks_what_was_done(tmp_path: Path) -> None:
    bundle = state_from_counts(
        {ServiceKind.CAREER_GUIDANCE: 1, ServiceKind.JOB_RECOMMENDATION: 2},
        applies=True,
        since=date(2026, 1, 1),
    )
    card = ServiceCard("周建国", "人民路社区", "人民路社区就业驿站", bundle, date(2026, 3, 5))
    text = pdf_text(service_card_pdf(card), tmp_path)
    assert "1-3-1" in text and "周建国" in text and "进行中" in text
    assert re.search(r"职业指导\s+1\s*次\s+1\s*次", text)
    assert re.search(r"适合岗位推荐\s+3\s*次\s+2\s*次", text)
    assert re.search(r"培训项目\s+1\s*次\s+0\s*次", text)

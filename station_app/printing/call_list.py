"""The call list (电话通知名单) of a job's matches: an A4 table, header on every page, numbered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from station_app.printing import labels
from station_app.printing.pdf_output import build_pdf
from station_app.printing.text_block import TextBlock
from station_app.services import job_call_list
from station_app.services.matching import reasons_text

MARGIN = 15 * mm
HEADER = ("序号", "姓名", "性别", "年龄", "社区", "电话", "距离", "推荐理由", "结果")
# Widths in mm; the reasons take what is left of the page.
FIXED_WIDTHS = (10, 18, 10, 10, 24, 26, 16, None, 22)


@dataclass(frozen=True)
class CallListRow:
    name: str
    sex: str
    age: int | None
    community: str
    phone: str  # already masked as the worker may see it
    distance_km: float | None
    reasons: str
    status: str  # e.g. 未联系 / 已推荐; a blank column to fill in by hand when empty


@dataclass(frozen=True)
class CallList:
    title: str  # e.g. 岗位匹配人员电话通知名单
    job_title: str
    employer_name: str
    made_on: date
    station_name: str
    rows: Sequence[CallListRow]


def call_list_of(found: job_call_list.CallList, *, station_name: str) -> CallList:
    """The printed list of a job's matching residents (`matching.call_list`), in Chinese:
    the result column says when a resident was told about the job, else is left to fill in."""
    texts = labels.catalogue()
    return CallList(
        title="岗位匹配人员电话通知名单",
        job_title=found.job_title,
        employer_name=found.employer_name,
        made_on=found.on_day,
        station_name=station_name,
        rows=[
            CallListRow(
                name=entry.name,
                sex=labels.label(entry.sex),
                age=entry.age,
                community=entry.community_name,
                phone=entry.phone or "",
                distance_km=entry.distance_km,
                reasons=reasons_text(texts, entry.reasons),
                status=f"{labels.day(entry.informed_on)}已告知" if entry.informed_on else "",
            )
            for entry in found.entries
        ],
    )


def call_list_pdf(call_list: CallList) -> bytes:
    width = A4[0] - 2 * MARGIN
    story: list[Flowable] = [
        TextBlock(call_list.title, 16, align="center"),
        Spacer(1, 2 * mm),
        TextBlock(
            f"岗位：{call_list.job_title}　　用人单位：{call_list.employer_name}", 10.5, leading=15
        ),
        TextBlock(
            f"{call_list.station_name}　　制表日期：{labels.day(call_list.made_on)}"
            f"　　共 {len(call_list.rows)} 人",
            10.5,
            leading=15,
        ),
        Spacer(1, 3 * mm),
        _table(call_list.rows, width),
    ]
    return build_pdf(
        story,
        pagesize=A4,
        margins=MARGIN,
        title=f"{call_list.title} {call_list.job_title}",
        numbered=True,
    )


def _table(rows: Sequence[CallListRow], width: float) -> Table:
    fixed = sum(w for w in FIXED_WIDTHS if w is not None) * mm
    widths = [w * mm if w is not None else width - fixed for w in FIXED_WIDTHS]
    data: list[list[object]] = [[TextBlock(h, 9.5, align="center") for h in HEADER]]
    for number, row in enumerate(rows, start=1):
        cells = (
            str(number),
            row.name,
            row.sex,
            labels.BLANK if row.age is None else str(row.age),
            row.community,
            row.phone,
            labels.BLANK if row.distance_km is None else f"{row.distance_km:.1f} 公里",
            row.reasons,
            row.status,
        )
        data.append([TextBlock(text, 9) for text in cells])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table

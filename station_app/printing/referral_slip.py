"""The referral slip (推荐信): A5, one slip a page, with a QR code of its serial and check code."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer, Table, TableStyle

from station_app.printing import labels
from station_app.printing.pdf_output import build_pdf
from station_app.printing.slip_qr import draw_qr, slip_payload
from station_app.printing.text_block import TextBlock
from station_app.services.referral_slips import SlipFacts

MARGIN = 12 * mm
QR_SIZE = 30 * mm


def referral_slips_pdf(slips: Sequence[SlipFacts]) -> bytes:
    """Every slip on its own A5 page of one PDF (at least one slip)."""
    if not slips:
        raise ValueError("a slip document needs at least one slip")
    story: list[Flowable] = []
    for index, facts in enumerate(slips):
        if index:
            story.append(PageBreak())
        story.append(_one_slip(facts))
    title = "推荐信 " + slips[0].serial if len(slips) == 1 else f"推荐信（{len(slips)} 份）"
    return build_pdf(story, pagesize=A5, margins=MARGIN, title=title)


def referral_slip_pdf(facts: SlipFacts) -> bytes:
    return referral_slips_pdf([facts])


def station_title(facts: SlipFacts) -> str:
    return labels.station_title(facts.station_street, facts.station_name)


def _one_slip(facts: SlipFacts) -> Flowable:
    width, height = A5[0] - 2 * MARGIN, A5[1] - 2 * MARGIN
    content: list[Flowable] = [
        TextBlock(station_title(facts), 12, align="center"),
        Spacer(1, 1 * mm),
        TextBlock("岗位推荐信", 20, align="center"),
        Spacer(1, 2 * mm),
        TextBlock(f"编号：{facts.serial}    校验码：{facts.check_code}", 9, align="center"),
        Spacer(1, 4 * mm),
        _facts_table(facts, width),
        Spacer(1, 4 * mm),
        TextBlock(_letter(facts), 10.5, leading=16),
        Spacer(1, 5 * mm),
        _foot(facts, width),
    ]
    # Long names and addresses shrink the slip rather than push it onto a second page.
    return KeepInFrame(width, height, content, mode="shrink")


def _facts_table(facts: SlipFacts, width: float) -> Table:
    rows = [
        ("姓　　名", facts.resident_name),
        ("身份证号", facts.resident_id_number),
        ("推荐岗位", f"{facts.job_title}（{labels.label(facts.job_kind)}）"),
        ("用人单位", facts.employer_name),
        ("工作地址", labels.or_blank(facts.address)),
        ("联 系 人", labels.or_blank(facts.contact_name)),
        ("联系电话", labels.or_blank(facts.contact_phone)),
        ("距　　离", labels.distance(facts.distance_km)),
        ("推荐日期", labels.day(facts.referred_on)),
        ("有效期至", labels.day(facts.valid_until)),
    ]
    label_width = 22 * mm
    table = Table(
        [[TextBlock(name, 10), TextBlock(value, 10.5)] for name, value in rows],
        colWidths=[label_width, width - label_width],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _letter(facts: SlipFacts) -> str:
    return (
        f"{facts.employer_name}：\n"
        f"　　兹推荐{facts.resident_name}前往贵单位应聘“{facts.job_title}”岗位，请予接洽。"
        f"面试或录用结果请告知本驿站（联系请注明编号）。本推荐信于"
        f"{labels.day(facts.valid_until)}前有效。"
    )


def _foot(facts: SlipFacts, width: float) -> Table:
    stamp = [
        TextBlock(station_title(facts), 10, align="right"),
        Spacer(1, 2 * mm),
        TextBlock("（盖章）", 10, align="right"),
        Spacer(1, 2 * mm),
        TextBlock(labels.day(facts.referred_on), 10, align="right"),
    ]
    qr = [
        QrCode(slip_payload(facts.serial, facts.check_code), QR_SIZE),
        TextBlock("扫码核验", 8, align="center"),
    ]
    table = Table([[qr, stamp]], colWidths=[QR_SIZE + 4 * mm, width - QR_SIZE - 4 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    return table


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code of `size` points square (its quiet zone included)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)

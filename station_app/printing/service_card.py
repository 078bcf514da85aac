"""The 农民工 "1-3-1" service card: one guidance, three job offers, one training, ticked off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from station_app.printing import labels
from station_app.printing.pdf_output import build_pdf
from station_app.printing.text_block import TextBlock
from station_app.services.migrant_bundle import BundleState

PAGE = landscape(A5)
MARGIN = 12 * mm
BOX = 5 * mm


@dataclass(frozen=True)
class ServiceCard:
    resident_name: str
    community_name: str
    station_name: str
    bundle: BundleState
    printed_on: date


def service_card_pdf(card: ServiceCard) -> bytes:
    width = PAGE[0] - 2 * MARGIN
    state = "已全部完成" if card.bundle.complete else "进行中"
    story: list[Flowable] = [
        TextBlock(card.station_name, 11, align="center"),
        Spacer(1, 1 * mm),
        TextBlock("农民工“1-3-1”就业服务卡", 18, align="center"),
        Spacer(1, 3 * mm),
        TextBlock(
            f"姓名：{card.resident_name}　　社区：{labels.or_blank(card.community_name)}"
            f"　　服务期自：{labels.day(card.bundle.since)}　　状态：{state}",
            10.5,
        ),
        Spacer(1, 3 * mm),
        _parts(card.bundle, width),
        Spacer(1, 4 * mm),
        TextBlock(
            "“1-3-1”：为每位有就业意愿的农民工提供1次职业指导、3个适合的岗位信息、"
            "1个职业技能培训项目。已完成的服务已打勾，其余请到就业驿站办理。",
            9.5,
            leading=14,
        ),
        Spacer(1, 4 * mm),
        TextBlock(
            f"打印日期：{labels.day(card.printed_on)}　　经办人：________", 9.5, align="right"
        ),
    ]
    return build_pdf(
        story, pagesize=PAGE, margins=MARGIN, title=f"1-3-1服务卡 {card.resident_name}"
    )


def _parts(bundle: BundleState, width: float) -> Table:
    rows: list[list[object]] = [
        [TextBlock(h, 10, align="center") for h in ("服务项目", "应提供", "已提供", "完成情况")]
    ]
    for part in bundle.parts:
        rows.append(
            [
                TextBlock(labels.text(f"bundle.{part.part.code}"), 10.5),
                TextBlock(f"{part.part.wanted} 次", 10.5, align="center"),
                TextBlock(f"{part.done} 次", 10.5, align="center"),
                TickBoxes(part.part.wanted, min(part.done, part.part.wanted)),
            ]
        )
    widths = [width * 0.34, width * 0.16, width * 0.16, width * 0.34]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


class TickBoxes(Flowable):  # type: ignore[misc]
    """`count` boxes in a row, the first `ticked` with a drawn tick (no font needed)."""

    def __init__(self, count: int, ticked: int) -> None:
        super().__init__()
        self.count = count
        self.ticked = ticked

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.count * BOX * 1.6, BOX

    def draw(self) -> None:
        canvas = self.canv
        canvas.setLineWidth(0.8)
        for index in range(self.count):
            x = index * BOX * 1.6
            canvas.rect(x, 0, BOX, BOX, stroke=1, fill=0)
            if index < self.ticked:
                path = canvas.beginPath()
                path.moveTo(x + BOX * 0.18, BOX * 0.52)
                path.lineTo(x + BOX * 0.42, BOX * 0.22)
                path.lineTo(x + BOX * 0.85, BOX * 0.85)
                canvas.setLineWidth(1.4)
                canvas.drawPath(path, stroke=1, fill=0)
                canvas.setLineWidth(0.8)

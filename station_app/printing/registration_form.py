"""The resident registration form (求职登记表): A4, the profile's fields in boxes, signatures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from station_app.printing import labels
from station_app.printing.pdf_output import build_pdf
from station_app.printing.text_block import TextBlock
from station_app.services import code_tables
from station_app.services.resident_profile import ResidentProfile

MARGIN = 18 * mm
GREY = colors.Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class RegistrationForm:
    """What the form prints, as text (the profile's codes already named)."""

    station_name: str
    name: str
    sex: str
    birth_date: str
    age: str
    id_number: str  # as the worker may see it (masked for roles without full data)
    phone: str
    household_type: str
    education: str
    community: str
    address: str
    employment_status: str
    key_groups: str
    desired_occupation: str
    desired_salary: str
    skills: str
    consent_date: str
    notes: str
    printed_on: str


def form_from_profile(
    profile: ResidentProfile, *, station_name: str, today: date
) -> RegistrationForm:
    """The form of a resident's profile, codes named in Chinese."""
    occupations = code_tables.occupations()
    salary = profile.desired_salary_fen
    return RegistrationForm(
        station_name=station_name,
        name=profile.name,
        sex=labels.label(profile.sex),
        birth_date=labels.day(profile.birth_date),
        age=f"{profile.age} 岁",
        id_number=profile.id_number,
        phone=labels.or_blank(profile.phone),
        household_type=labels.label(profile.household_type),
        education=_named(code_tables.education_levels(), profile.education),
        community=labels.or_blank(profile.community_name),
        address=labels.or_blank(profile.address),
        employment_status=labels.label(profile.employment_status),
        key_groups="、".join(sorted(labels.label(g) for g in profile.key_groups)) or "无",
        desired_occupation=_named(occupations, profile.desired_occupation),
        desired_salary=labels.BLANK if salary is None else f"{salary / 100:,.0f} 元/月",
        skills="、".join(_named(occupations, code) for code in profile.skills) or labels.BLANK,
        consent_date=labels.day(profile.consent_date),
        notes=labels.or_blank(profile.notes),
        printed_on=labels.day(today),
    )


def registration_form_pdf(form: RegistrationForm) -> bytes:
    width = A4[0] - 2 * MARGIN
    story: list[Flowable] = [
        TextBlock(form.station_name, 12, align="center"),
        Spacer(1, 2 * mm),
        TextBlock("求职登记表", 20, align="center"),
        Spacer(1, 3 * mm),
        TextBlock(f"打印日期：{form.printed_on}", 9, align="right"),
        Spacer(1, 2 * mm),
        _fields(form, width),
        Spacer(1, 6 * mm),
        TextBlock(
            "本人承诺以上信息真实有效，同意就业驿站为提供就业服务使用以上信息（信息授权日期："
            f"{form.consent_date}）。",
            10.5,
            leading=16,
        ),
        Spacer(1, 10 * mm),
        _signatures(width),
    ]
    return build_pdf(story, pagesize=A4, margins=MARGIN, title=f"求职登记表 {form.name}")


def _fields(form: RegistrationForm, width: float) -> Table:
    label_width = 26 * mm
    value_width = (width - 2 * label_width) / 2

    def cell(text: str, size: float = 10.5) -> TextBlock:
        return TextBlock(text, size)

    pairs = [
        ("姓　　名", form.name, "性　　别", form.sex),
        ("出生日期", form.birth_date, "年　　龄", form.age),
        ("身份证号", form.id_number, "联系电话", form.phone),
        ("户籍类型", form.household_type, "文化程度", form.education),
        ("所属社区", form.community, "就业状态", form.employment_status),
    ]
    rows: list[list[object]] = [[cell(a), cell(b), cell(c), cell(d)] for a, b, c, d in pairs]
    wide = [
        ("现 住 址", form.address),
        ("重点群体", form.key_groups),
        ("求职意向", form.desired_occupation),
        ("期望月薪", form.desired_salary),
        ("技能特长", form.skills),
        ("备　　注", form.notes),
    ]
    first_wide = len(rows)
    rows += [[cell(a), cell(b), "", ""] for a, b in wide]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), GREY),
        ("BACKGROUND", (2, 0), (2, first_wide - 1), GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    style += [("SPAN", (1, row), (3, row)) for row in range(first_wide, len(rows))]
    table = Table(rows, colWidths=[label_width, value_width, label_width, value_width])
    table.setStyle(TableStyle(style))
    return table


def _signatures(width: float) -> Table:
    rows = [
        ["求职者签字：", "", "日期：", "　　年　　月　　日"],
        ["经办人签字：", "", "日期：", "　　年　　月　　日"],
    ]
    table = Table(
        [[TextBlock(text, 10.5) for text in row] for row in rows],
        colWidths=[30 * mm, width / 2 - 30 * mm, 18 * mm, width / 2 - 18 * mm],
        rowHeights=[14 * mm, 14 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return table


def _named(table: code_tables.CodeTable, code: str | None) -> str:
    if not code:
        return labels.BLANK
    entry = table.get(code)
    return entry.name if entry is not None else code

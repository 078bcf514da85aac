"""The columns of each ledger: their header in the template, and the names real ledgers use."""

from __future__ import annotations

from dataclasses import dataclass, field

from station_app.ledgers.cells import CellValue, squeezed


def header_key(value: CellValue) -> str:
    """A header as compared: no spaces, no required marks, no notes in brackets."""
    text = squeezed(value).replace("*", "")
    for mark in ("(必填)", "(选填)", "(必填项)"):
        text = text.replace(mark, "")
    cut = text.find("(")
    if cut > 0:
        text = text[:cut]
    return text.lower()


@dataclass(frozen=True)
class Column:
    key: str  # the field of the service's input it fills
    header: str  # as the template and exports write it
    synonyms: tuple[str, ...] = ()
    required: bool = False  # for a new record
    width: int = 14  # in the template, in characters
    text: bool = False  # formatted as text in the template (ID numbers, codes, phones)
    names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "names", frozenset(header_key(n) for n in (self.header, *self.synonyms))
        )


@dataclass(frozen=True)
class Layout:
    kind: str  # "residents", "employers", "jobs"
    title: str  # the sheet's name in the template
    columns: tuple[Column, ...]
    key_column: str  # the column a record is matched by

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


RESIDENTS = Layout(
    "residents",
    "居民台账",
    (
        Column("name", "姓名", ("名字", "居民姓名", "劳动者姓名"), required=True, width=10),
        Column(
            "id_number",
            "身份证号",
            ("身份证号码", "公民身份号码", "身份证", "证件号码", "身份证件号码", "居民身份证号码"),
            required=True,
            width=22,
            text=True,
        ),
        Column("community", "社区", ("所属社区", "所在社区", "社区名称", "村(社区)"), width=14),
        Column(
            "employment_status",
            "就业状态",
            ("就业情况", "就业状况", "是否就业"),
            required=True,
            width=18,
        ),
        Column("phone", "联系电话", ("电话", "手机", "手机号", "手机号码", "电话号码"), text=True),
        Column("address", "住址", ("地址", "家庭住址", "现住址", "居住地址"), width=28),
        Column("household_type", "户籍性质", ("户口性质", "户籍类型", "户口类型"), width=10),
        Column("education", "文化程度", ("学历", "最高学历"), width=12),
        Column("skills", "技能", ("职业技能", "技能特长", "技能(职业编码)"), width=16),
        Column(
            "desired_occupation", "求职意向", ("意向职业", "求职意向职业", "意向工种"), width=14
        ),
        Column("desired_salary", "期望月薪(元)", ("期望月薪", "期望薪资", "期望工资"), width=12),
        Column("key_groups", "重点群体", ("人员类别", "人员类型", "群体类别"), width=20),
        Column("consent_given", "同意授权", ("是否同意", "授权"), width=10),
        Column("consent_date", "授权日期", ("同意日期", "签字日期"), width=12),
        Column("notes", "备注", ("说明",), width=20),
    ),
    key_column="id_number",
)

EMPLOYERS = Layout(
    "employers",
    "用人单位台账",
    (
        Column(
            "name",
            "单位名称",
            ("企业名称", "用人单位", "用人单位名称", "名称"),
            required=True,
            width=28,
        ),
        Column(
            "credit_code",
            "统一社会信用代码",
            ("信用代码", "社会信用代码", "统一信用代码", "组织机构代码"),
            required=True,
            width=22,
            text=True,
        ),
        Column("employer_type", "单位类型", ("单位性质", "企业类型", "类型"), width=14),
        Column("industry", "行业", ("所属行业", "行业门类", "行业类别"), width=14),
        Column("address", "地址", ("单位地址", "经营地址", "注册地址"), width=28),
        Column("community", "社区", ("所属社区", "所在社区"), width=12),
        Column("contact_name", "联系人", ("负责人", "联系人姓名"), width=10),
        Column("contact_phone", "联系电话", ("电话", "手机", "联系方式"), text=True),
        Column("key_enterprise", "重点企业", ("是否重点企业", "白名单"), width=10),
        Column("liaison", "包保责任人", ("包保人", "包保联系人"), width=12),
        Column("latitude", "纬度", (), width=10),
        Column("longitude", "经度", (), width=10),
    ),
    key_column="credit_code",
)

JOBS = Layout(
    "jobs",
    "岗位台账",
    (
        Column(
            "employer_credit_code",
            "单位信用代码",
            ("统一社会信用代码", "信用代码", "用人单位信用代码"),
            required=True,
            width=22,
            text=True,
        ),
        Column("employer_name", "单位名称", ("用人单位", "企业名称"), width=24),
        Column("title", "岗位名称", ("岗位", "招聘岗位", "职位", "职位名称"), required=True),
        Column("kind", "岗位类别", ("岗位类型", "用工类型", "用工形式"), width=14),
        Column("occupation_code", "职业编码", ("职业代码",), width=12, text=True),
        Column("headcount", "招聘人数", ("需求人数", "人数", "用工人数"), required=True, width=10),
        Column("filled", "已招人数", ("已录用人数",), width=10),
        Column("salary_min", "最低月薪(元)", ("最低月薪", "最低工资", "薪资下限"), width=12),
        Column("salary_max", "最高月薪(元)", ("最高月薪", "最高工资", "薪资上限"), width=12),
        Column("age_min", "最低年龄", ("年龄下限",), width=10),
        Column("age_max", "最高年龄", ("年龄上限",), width=10),
        Column("education_min", "最低学历", ("学历要求", "学历"), width=12),
        Column("location", "工作地点", ("地点", "工作地址"), width=24),
        Column("valid_from", "发布日期", ("有效期起", "开始日期", "登记日期"), required=True),
        Column("valid_to", "截止日期", ("有效期止", "有效期至", "结束日期"), width=12),
        Column("status", "岗位状态", ("状态", "招聘状态"), width=10),
        Column("description", "岗位描述", ("岗位要求", "岗位说明", "工作内容"), width=30),
    ),
    key_column="title",
)

LAYOUTS = {layout.kind: layout for layout in (RESIDENTS, EMPLOYERS, JOBS)}

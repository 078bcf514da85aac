"""Resident search keys: pinyin spellings of each name (filled in) and the register order index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# This revision is frozen: it carries its own copy of how the search keys were computed when it
# was written (station_app.services.name_pinyin.name_keys and resources/data/surname_pinyin.csv
# of that day), so that changing today's code or data never changes what this upgrade writes.
# tests/migrations/test_0002_resident_search_keys.py checks the copy against the pinned results.
# The readings of the characters come from pypinyin (0.55 when frozen); a library's readings are
# accepted as they are, so another pypinyin version may read a rare character differently.

KEY_SEPARATOR = " "

# Surnames whose reading differs from the common one: resources/data/surname_pinyin.csv as it
# was then (63 rows).
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "区": "ou",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "尉": "wei",
    "翟": "zhai",
    "缪": "miao",
    "覃": "qin",
    "召": "shao",
    "种": "chong",
    "秘": "bi",
    "宓": "mi",
    "繁": "po",
    "冼": "xian",
    "隗": "wei",
    "员": "yun",
    "阚": "kan",
    "逄": "pang",
    "过": "guo",
    "句": "gou",
    "牟": "mou",
    "都": "du",
    "重": "chong",
    "长孙": "zhangsun",
    "澹台": "tantai",
    "万俟": "moqi",
    "尉迟": "yuchi",
    "单于": "chanyu",
    "令狐": "linghu",
    "皇甫": "huangfu",
    "欧阳": "ouyang",
    "司马": "sima",
    "诸葛": "zhuge",
    "上官": "shangguan",
    "东方": "dongfang",
    "夏侯": "xiahou",
    "公孙": "gongsun",
    "慕容": "murong",
    "宇文": "yuwen",
    "呼延": "huyan",
    "司徒": "situ",
    "司空": "sikong",
    "端木": "duanmu",
    "南宫": "nangong",
    "西门": "ximen",
    "轩辕": "xuanyuan",
    "独孤": "dugu",
    "闻人": "wenren",
    "申屠": "shentu",
    "公冶": "gongye",
    "太史": "taishi",
    "钟离": "zhongli",
    "宗政": "zongzheng",
    "濮阳": "puyang",
    "淳于": "chunyu",
    "赫连": "helian",
    "第五": "diwu",
    "拓跋": "tuoba",
}


def _syllables(text: str) -> list[str]:
    # Imported here: Alembic loads every revision script, also for upgrades that skip this one.
    from pypinyin import Style, lazy_pinyin

    # errors="ignore" drops what is not Chinese (the "·" in minority names, stray spaces).
    return [s for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s.isascii()]


def _surname_syllables(surname: str, reading: str) -> list[str]:
    """Splits a surname's reading into one syllable per character (欧阳 → ou, yang)."""
    if len(surname) == 1:
        return [reading]
    default = _syllables(surname)
    if "".join(default) == reading:
        return default
    first = _syllables(surname[0])
    if first and reading.startswith(first[0]):
        return [first[0], reading[len(first[0]) :]]
    return [reading]


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin spellings, initials spellings) of `name`, each joined by KEY_SEPARATOR."""
    name = name.strip()
    variants: list[list[str]] = []
    for length in (2, 1):
        surname = name[:length]
        if len(name) > length and surname in SURNAME_READINGS:
            variants.append(
                _surname_syllables(surname, SURNAME_READINGS[surname]) + _syllables(name[length:])
            )
            break
    variants.append(_syllables(name))
    full: list[str] = []
    initials: list[str] = []
    for syllables in variants:
        if not syllables:
            continue
        spelled = "".join(syllables)
        letters = "".join(s[0] for s in syllables)
        if spelled not in full:
            full.append(spelled)
        if letters not in initials:
            initials.append(letters)
    return KEY_SEPARATOR.join(full), KEY_SEPARATOR.join(initials)


def upgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_pinyin", sa.String(length=256), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("name_initials", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.create_index(
            "ix_residents_register_order", ["deleted", "name_pinyin", "name", "id"], unique=False
        )

    residents = sa.table(
        "residents",
        sa.column("id", sa.String),
        sa.column("name", sa.String),
        sa.column("name_pinyin", sa.String),
        sa.column("name_initials", sa.String),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(residents.c.id, residents.c.name)).all()
    updates = []
    for row in rows:
        full, initials = name_keys(row.name)
        updates.append({"rid": row.id, "full": full, "initials": initials})
    if updates:
        connection.execute(
            residents.update()
            .where(residents.c.id == sa.bindparam("rid"))
            .values(name_pinyin=sa.bindparam("full"), name_initials=sa.bindparam("initials")),
            updates,
        )


def downgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_index("ix_residents_register_order")
        batch_op.drop_column("name_initials")
        batch_op.drop_column("name_pinyin")

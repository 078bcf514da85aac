"""Resident search keys: pinyin spellings of each name (filled in) and the register order index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from station_app.services.name_pinyin import name_keys

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


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
        keys = name_keys(row.name)
        updates.append({"rid": row.id, "full": keys.full_text, "initials": keys.initials_text})
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

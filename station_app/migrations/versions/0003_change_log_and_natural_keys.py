"""Change log (the sync's outbox), natural keys that admit a merge case, scoped register order.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

- `change_log`: one row per synced row a transaction changed, written by the change capture.
- A resident's ID number and an employer's credit code stop being unique in the table: two
  stations may register the same one while offline, and the second must arrive as a merge case
  (docs/natural-keys.md). They stay indexed; the services refuse a second local registration.
- The register-order index also holds `scope_id`, so the scoped register is read from it alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("transaction_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("pushed_seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_log")),
        sa.UniqueConstraint("change_id", name=op.f("uq_change_log_change_id")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_pushed_seq"), ["pushed_seq"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_change_log_transaction_id"), ["transaction_id"], unique=False
        )

    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_constraint("uq_residents_id_number", type_="unique")
        batch_op.create_index(batch_op.f("ix_residents_id_number"), ["id_number"], unique=False)
        batch_op.drop_index("ix_residents_register_order")
        batch_op.create_index(
            "ix_residents_register_order",
            ["deleted", "name_pinyin", "name", "id", "scope_id"],
            unique=False,
        )
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.drop_constraint("uq_employers_credit_code", type_="unique")
        batch_op.create_index(batch_op.f("ix_employers_credit_code"), ["credit_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employers_credit_code"))
        batch_op.create_unique_constraint("uq_employers_credit_code", ["credit_code"])
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_index("ix_residents_register_order")
        batch_op.create_index(
            "ix_residents_register_order", ["deleted", "name_pinyin", "name", "id"], unique=False
        )
        batch_op.drop_index(batch_op.f("ix_residents_id_number"))
        batch_op.create_unique_constraint("uq_residents_id_number", ["id_number"])
    op.drop_table("change_log")

"""Follow-ups: a contact's outcome on the service record, and one-on-one assistance plans.

Revision ID: 0008
Revises: 0009
Create Date: 2026-12-02

- `service_records.outcome`: what came of a follow-up contact (empty for older records).
- `assistance_plans` (一对一帮扶计划): a synced record about a resident, in their scope.
- WeChat joins the channels; the channel column is a plain string, so nothing changes for it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "outcome",
                sa.Enum(
                    "reached",
                    "not_reached",
                    "found_job",
                    "needs_service",
                    name="contactoutcome",
                    native_enum=False,
                    length=32,
                ),
                nullable=True,
            )
        )
    op.create_table(
        "assistance_plans",
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=64), nullable=False),
        sa.Column("steps", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "completed",
                "closed",
                name="assistanceplanstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_assistance_plans_resident_id_residents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_plans")),
    )
    with op.batch_alter_table("assistance_plans", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assistance_plans_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assistance_plans_scope_id"), ["scope_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assistance_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_plans_scope_id"))
        batch_op.drop_index(batch_op.f("ix_assistance_plans_resident_id"))
    op.drop_table("assistance_plans")
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.drop_column("outcome")

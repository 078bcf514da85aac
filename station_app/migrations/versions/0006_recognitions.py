"""就业困难人员 recognitions and their steps; the day a resident left school.

Revision ID: 0006
Revises: 0008
Create Date: 2026-12-02

- `recognitions` and `recognition_steps` (synced, in their resident's scope).
- `residents.school_left_on`: when the resident left school, for traineeships (见习).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None

RECOGNITION_STATES = (
    "applied",
    "community_reviewed",
    "in_notice",
    "street_reviewed",
    "approved",
    "rejected",
    "expired",
    "exited",
)
STEP_KINDS = (
    "application",
    "community_review",
    "notice",
    "street_review",
    "approval",
    "rejection",
    "expiry",
    "exit",
)


def _synced_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=True),
    ]


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def upgrade() -> None:
    op.create_table(
        "recognitions",
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("state", _enum(RECOGNITION_STATES, "recognitionstate"), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("notice_starts_on", sa.Date(), nullable=True),
        sa.Column("notice_ends_on", sa.Date(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=200), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_recognitions_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognitions")),
    )
    with op.batch_alter_table("recognitions", schema=None) as batch_op:
        for column in ("notice_ends_on", "resident_id", "scope_id", "state"):
            batch_op.create_index(batch_op.f(f"ix_recognitions_{column}"), [column], unique=False)
    op.create_table(
        "recognition_steps",
        sa.Column("recognition_id", sa.String(length=36), nullable=False),
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("kind", _enum(STEP_KINDS, "recognitionstepkind"), nullable=False),
        sa.Column("on_day", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["recognition_id"],
            ["recognitions.id"],
            name=op.f("fk_recognition_steps_recognition_id_recognitions"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_recognition_steps_resident_id_residents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recognition_steps")),
    )
    with op.batch_alter_table("recognition_steps", schema=None) as batch_op:
        for column in ("recognition_id", "resident_id", "scope_id"):
            batch_op.create_index(
                batch_op.f(f"ix_recognition_steps_{column}"), [column], unique=False
            )
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("school_left_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_column("school_left_on")
    op.drop_table("recognition_steps")
    op.drop_table("recognitions")

"""Employment status history: the de-registration reason, the employer and who recorded it.

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-02

- `employment_status_changes.reason`: why a registered unemployment ended (the official
  reasons, stored as their values), `employer_id` (the employer when employed) and
  `recorded_by` (the display name of the worker who recorded the change). Existing entries
  keep them empty: nobody recorded them.
- An index on (resident_id, since, id, status), so a resident's status on any day and the
  counts by status on a day are read from the index alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copy of the reasons' values.
REASONS = (
    "found_job",
    "self_employed",
    "pension",
    "stable_income",
    "study",
    "military_service",
    "moved_away",
    "lost_capacity",
    "imprisonment",
)


def upgrade() -> None:
    with op.batch_alter_table("employment_status_changes", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "reason",
                sa.Enum(*REASONS, name="deregistrationreason", native_enum=False, length=32),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("employer_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("recorded_by", sa.String(length=64), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_employment_status_changes_employer_id_employers"),
            "employers",
            ["employer_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_employment_status_changes_employer_id"), ["employer_id"], unique=False
        )
        batch_op.create_index(
            "ix_employment_status_changes_history",
            ["resident_id", "since", "id", "status"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("employment_status_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_employment_status_changes_history")
        batch_op.drop_index(batch_op.f("ix_employment_status_changes_employer_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_employment_status_changes_employer_id_employers"), type_="foreignkey"
        )
        batch_op.drop_column("recorded_by")
        batch_op.drop_column("employer_id")
        batch_op.drop_column("reason")

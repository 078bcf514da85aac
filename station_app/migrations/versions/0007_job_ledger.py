"""The job ledger: jobs' dated status changes, employers' contact records, employers by pinyin.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

- `job_status_changes`: each move of a job's status, dated, with its reason and worker.
  Jobs registered before have no history; it starts with their next change.
- `employer_contacts`: the station's contacts with an employer (date, channel, person, note).
- `employers.name_pinyin`: the name's full pinyin and initials, filled in here with this
  revision's own copy of the computation (services/name_pinyin.plain_keys of that day).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KEY_SEPARATOR = " "


def plain_keys(text: str) -> str:
    """Frozen copy: the dictionary reading's full pinyin and initials, space separated."""
    from pypinyin import Style, lazy_pinyin

    syllables = [
        s for s in lazy_pinyin(text.strip(), style=Style.NORMAL, errors="ignore") if s.isascii()
    ]
    if not syllables:
        return ""
    return "".join(syllables) + KEY_SEPARATOR + "".join(s[0] for s in syllables)


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


def upgrade() -> None:
    op.create_table(
        "job_status_changes",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("fk_job_status_changes_job_id_jobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_status_changes")),
    )
    op.create_table(
        "employer_contacts",
        sa.Column("employer_id", sa.String(length=36), nullable=False),
        sa.Column("contact_date", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("person", sa.String(length=64), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["employers.id"],
            name=op.f("fk_employer_contacts_employer_id_employers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_contacts")),
    )
    indexes = {
        "job_status_changes": ("job_id", "scope_id"),
        "employer_contacts": ("employer_id", "scope_id"),
    }
    for table, columns in indexes.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_pinyin", sa.String(length=512), nullable=False, server_default="")
        )
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, name FROM employers")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE employers SET name_pinyin = :keys WHERE id = :id"),
            [{"id": row_id, "keys": plain_keys(name)} for row_id, name in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.drop_column("name_pinyin")
    op.drop_table("employer_contacts")
    op.drop_table("job_status_changes")

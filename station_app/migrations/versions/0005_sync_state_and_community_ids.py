"""The sync's tables and columns, and community ids made from community codes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

- `server_version` on every synced table: the city's sequence number a row was last synced at.
- `change_log.push_result`: what the city answered to a pushed change.
- `sync_state` and `sync_seen` (the station's progress), `sync_conflicts` and `merge_cases`
  (made by the city).
- A community's id becomes the UUIDv5 of its code, the same at every station and at the city;
  every reference to an old id (scopes, residents, employers, settings, the change log and
  the audit) moves to the new one. The namespace is frozen here.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COMMUNITY_NAMESPACE = uuid.UUID("6f0c1d3e-2b7a-5c4e-9a51-3e2f7d8b9c10")  # frozen copy
SYNCED_TABLES = (
    "audit_events",
    "communities",
    "employers",
    "employment_status_changes",
    "jobs",
    "referrals",
    "residents",
    "service_records",
    "users",
)
# Where a community's id may appear, as a whole value or inside text (JSON, settings).
ID_COLUMNS = (
    ("residents", "community_id"),
    ("employers", "community_id"),
    *((table, "scope_id") for table in SYNCED_TABLES),
    ("change_log", "scope_id"),
)
TEXT_COLUMNS = (("station_settings", "value"), ("change_log", "fields"), ("audit_events", "detail"))


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


def _resolution_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("detected_at", sa.String(length=40), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.Column("resolved_at", sa.String(length=40), nullable=True),
    ]


def upgrade() -> None:
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("server_version", sa.Integer(), nullable=True))
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("push_result", sa.String(length=200), nullable=True))
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=True),
        sa.Column("seeded", sa.Boolean(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(), nullable=True),
        sa.Column("last_error_code", sa.String(length=64), nullable=True),
        sa.Column("last_error_params", sa.JSON(), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_seen",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "id", name=op.f("pk_sync_seen")),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("kept_value", sa.JSON(), nullable=True),
        sa.Column("kept_by", sa.String(length=64), nullable=True),
        sa.Column("kept_station", sa.String(length=36), nullable=True),
        sa.Column("kept_at", sa.String(length=40), nullable=True),
        sa.Column("other_value", sa.JSON(), nullable=True),
        sa.Column("other_by", sa.String(length=64), nullable=True),
        sa.Column("other_station", sa.String(length=36), nullable=True),
        sa.Column("other_at", sa.String(length=40), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        *_resolution_columns(),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_table(
        "merge_cases",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("first_id", sa.String(length=36), nullable=False),
        sa.Column("second_id", sa.String(length=36), nullable=False),
        sa.Column("key_field", sa.String(length=40), nullable=True),
        sa.Column("resolution", sa.String(length=200), nullable=True),
        *_resolution_columns(),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_cases")),
    )
    indexes = {
        "sync_conflicts": ("entity_id", "resolved", "scope_id"),
        "merge_cases": ("first_id", "second_id", "resolved", "scope_id"),
    }
    for table, columns in indexes.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)
    _rekey_communities()


def _rekey_communities() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, code FROM communities")).all()
    moves = [
        (old, str(uuid.uuid5(COMMUNITY_NAMESPACE, code.strip())))
        for old, code in rows
        if old != str(uuid.uuid5(COMMUNITY_NAMESPACE, code.strip()))
    ]
    if not moves:
        return
    bind.exec_driver_sql("PRAGMA defer_foreign_keys=ON")  # checked at the commit
    for old, new in moves:
        bind.execute(
            sa.text("UPDATE communities SET id = :new WHERE id = :old"), {"old": old, "new": new}
        )
        for table, column in ID_COLUMNS:
            bind.execute(
                sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old"),
                {"old": old, "new": new},
            )
        for table, column in TEXT_COLUMNS:
            bind.execute(
                sa.text(
                    f"UPDATE {table} SET {column} = replace({column}, :old, :new) "
                    f"WHERE instr({column}, :old) > 0"
                ),
                {"old": old, "new": new},
            )


def downgrade() -> None:
    op.drop_table("merge_cases")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_seen")
    op.drop_table("sync_state")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_column("push_result")
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("server_version")

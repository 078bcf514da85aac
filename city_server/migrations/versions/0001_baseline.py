"""baseline schema: the tables `create_all` made before the server had migrations

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-06 15:30:00

A frozen copy of the tables, importing no model code: `city_server.schema` also checks a
database made by `create_all` against BASELINE before stamping it with this revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BASELINE = sa.MetaData()

sa.Table(
    "stations",
    BASELINE,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column(
        "status",
        sa.Enum(
            "pending",
            "active",
            "revoked",
            name="stationstatus",
            native_enum=False,
            length=16,
            create_constraint=False,
        ),
        nullable=False,
    ),
    sa.Column("secret_hash", sa.String(64), nullable=True),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("enrolled_at", sa.DateTime(), nullable=True),
    sa.Column("last_seen_at", sa.DateTime(), nullable=True),
    sa.Column("last_sync_at", sa.DateTime(), nullable=True),
    sa.Column("app_version", sa.String(32), nullable=True),
)

sa.Table(
    "station_communities",
    BASELINE,
    sa.Column("station_id", sa.String(36), sa.ForeignKey("stations.id"), primary_key=True),
    sa.Column("community_code", sa.String(32), primary_key=True),
)

sa.Table(
    "enrolment_codes",
    BASELINE,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("station_id", sa.String(36), sa.ForeignKey("stations.id"), nullable=False),
    sa.Column("expires_at", sa.DateTime(), nullable=False),
    sa.Column("used_at", sa.DateTime(), nullable=True),
    sa.Index("ix_enrolment_codes_station_id", "station_id"),
)

sa.Table(
    "signing_keys",
    BASELINE,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("secret", sa.LargeBinary(64), nullable=False),
)

sa.Table(
    "sync_counter",
    BASELINE,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("value", sa.BigInteger(), nullable=False),
    sa.Column("horizon", sa.BigInteger(), nullable=False),
)

sa.Table(
    "sync_records",
    BASELINE,
    sa.Column("entity", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("scope_id", sa.String(36), nullable=False),
    sa.Column("rank", sa.Integer(), nullable=False),
    sa.Column("seq", sa.BigInteger(), nullable=False),
    sa.Column("deleted", sa.Boolean(create_constraint=False), nullable=False),
    sa.Column("parent_id", sa.String(36), nullable=True),
    sa.Column("natural_key", sa.String(64), nullable=True),
    sa.Column("fields", sa.JSON(), nullable=False),
    sa.Column("field_seq", sa.JSON(), nullable=False),
    sa.Column("field_origin", sa.JSON(), nullable=False),
    sa.Column("field_by", sa.JSON(), nullable=False),
    sa.Column("origin_station", sa.String(36), nullable=True),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Index("ix_sync_records_parent_id", "parent_id"),
    sa.Index("ix_sync_records_scope_seq", "scope_id", "seq"),
    sa.Index("ix_sync_records_snapshot", "scope_id", "rank", "entity", "id"),
    sa.Index("ix_sync_records_natural_key", "entity", "natural_key"),
)

sa.Table(
    "sync_exits",
    BASELINE,
    sa.Column("scope_id", sa.String(36), primary_key=True),
    sa.Column("entity", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("seq", sa.BigInteger(), nullable=False),
    sa.Index("ix_sync_exits_scope_seq", "scope_id", "seq"),
)

sa.Table(
    "sync_applied_changes",
    BASELINE,
    sa.Column("change_id", sa.String(36), primary_key=True),
    sa.Column("station_id", sa.String(36), nullable=False),
    sa.Column("result", sa.JSON(), nullable=False),
    sa.Column("applied_at", sa.DateTime(), nullable=False),
)

sa.Table(
    "sync_purged",
    BASELINE,
    sa.Column("entity", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("seq", sa.BigInteger(), nullable=False),
)


def upgrade() -> None:
    BASELINE.create_all(op.get_bind(), checkfirst=False)


def downgrade() -> None:
    BASELINE.drop_all(op.get_bind(), checkfirst=False)

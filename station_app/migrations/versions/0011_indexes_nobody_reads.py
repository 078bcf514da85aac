"""Drops five indexes that no query reads: every row written paid for them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

- `audit_events.action` and `audit_events.scope_id`: the audit log is read by the record it
  names (`entity_id`, kept) and never by action or community; a ledger import writes two
  events a resident.
- `change_log.transaction_id`: the outbox reads entries by `pushed_seq` and `entity_id`.
- `residents.community_id` and `employment_status_changes.resident_id`: each is the first
  column of a wider index (`ix_residents_matching`, `ix_employment_status_changes_history`)
  that answers the same lookups.

Measured on a 50,000-row resident import into the 200,000-resident scale database: about
0.5 s less CPU (`docs/performance.md`). The downgrade builds them again.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# (index, table, columns): frozen copies of what revisions 0001 and 0003 created.
DROPPED = (
    ("ix_audit_events_action", "audit_events", ["action"]),
    ("ix_audit_events_scope_id", "audit_events", ["scope_id"]),
    ("ix_change_log_transaction_id", "change_log", ["transaction_id"]),
    ("ix_residents_community_id", "residents", ["community_id"]),
    ("ix_employment_status_changes_resident_id", "employment_status_changes", ["resident_id"]),
)


def upgrade() -> None:
    for name, table, _columns in DROPPED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns in DROPPED:
        op.create_index(name, table, columns, unique=False)

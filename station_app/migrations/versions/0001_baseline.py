"""baseline schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24 19:21:13.607727
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_events",
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_scope_id"), ["scope_id"], unique=False)

    op.create_table(
        "communities",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("street", sa.String(length=64), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_communities")),
        sa.UniqueConstraint("code", name=op.f("uq_communities_code")),
    )
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_communities_scope_id"), ["scope_id"], unique=False)

    op.create_table(
        "station_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_station_settings")),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum("admin", "worker", name="userrole", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_scope_id"), ["scope_id"], unique=False)

    op.create_table(
        "employers",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column(
            "employer_type",
            sa.Enum(
                "enterprise",
                "individual_business",
                "public_institution",
                "social_organisation",
                name="employertype",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("industry", sa.String(length=1), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("community_id", sa.String(length=36), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("contact_name", sa.String(length=64), nullable=True),
        sa.Column("contact_phone", sa.String(length=32), nullable=True),
        sa.Column("key_enterprise", sa.Boolean(), nullable=False),
        sa.Column("liaison", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], name=op.f("fk_employers_community_id_communities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employers")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_employers_credit_code")),
    )
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employers_community_id"), ["community_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_employers_scope_id"), ["scope_id"], unique=False)

    op.create_table(
        "residents",
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column(
            "sex", sa.Enum("M", "F", name="sex", native_enum=False, length=32), nullable=False
        ),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("community_id", sa.String(length=36), nullable=False),
        sa.Column(
            "household_type",
            sa.Enum("urban", "rural", name="householdtype", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("education", sa.String(length=8), nullable=True),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("desired_occupation", sa.String(length=16), nullable=True),
        sa.Column("desired_salary_fen", sa.Integer(), nullable=True),
        sa.Column(
            "employment_status",
            sa.Enum(
                "unemployed",
                "employed",
                "flexible",
                "self_employed",
                "public_welfare",
                "in_training",
                "not_seeking",
                name="employmentstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], name=op.f("fk_residents_community_id_communities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_residents")),
        sa.UniqueConstraint("id_number", name=op.f("uq_residents_id_number")),
    )
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_residents_community_id"), ["community_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_residents_scope_id"), ["scope_id"], unique=False)

    op.create_table(
        "employment_status_changes",
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "unemployed",
                "employed",
                "flexible",
                "self_employed",
                "public_welfare",
                "in_training",
                "not_seeking",
                name="employmentstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_employment_status_changes_resident_id_residents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employment_status_changes")),
    )
    with op.batch_alter_table("employment_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_employment_status_changes_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_employment_status_changes_scope_id"), ["scope_id"], unique=False
        )

    op.create_table(
        "jobs",
        sa.Column("employer_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("occupation_code", sa.String(length=16), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "regular",
                "flexible",
                "public_welfare",
                "traineeship",
                "temporary_special",
                "policy",
                name="jobkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("filled", sa.Integer(), nullable=False),
        sa.Column("salary_min_fen", sa.Integer(), nullable=True),
        sa.Column("salary_max_fen", sa.Integer(), nullable=True),
        sa.Column("age_min", sa.Integer(), nullable=True),
        sa.Column("age_max", sa.Integer(), nullable=True),
        sa.Column("education_min", sa.String(length=8), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "paused",
                "filled",
                "closed",
                "expired",
                name="jobstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "filled >= 0 AND filled <= headcount", name=op.f("ck_jobs_filled_within_headcount")
        ),
        sa.CheckConstraint("headcount >= 1", name=op.f("ck_jobs_headcount_positive")),
        sa.CheckConstraint(
            "salary_min_fen IS NULL OR salary_max_fen IS NULL OR salary_min_fen <= salary_max_fen",
            name=op.f("ck_jobs_salary_range_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employers.id"], name=op.f("fk_jobs_employer_id_employers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jobs_employer_id"), ["employer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_scope_id"), ["scope_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_jobs_status"), ["status"], unique=False)

    op.create_table(
        "resident_key_groups",
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column(
            "key_group",
            sa.Enum(
                "hard_to_employ",
                "unemployed",
                "returning_graduate",
                "migrant_worker",
                "poverty_alleviated",
                "monitored_household",
                "veteran",
                "disabled",
                "zero_employment_family",
                "subsistence_allowance",
                name="keygroup",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["residents.id"],
            name=op.f("fk_resident_key_groups_resident_id_residents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("resident_id", "key_group", name=op.f("pk_resident_key_groups")),
    )
    with op.batch_alter_table("resident_key_groups", schema=None) as batch_op:
        batch_op.create_index("ix_resident_key_groups_key_group", ["key_group"], unique=False)

    op.create_table(
        "service_records",
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "registration",
                "follow_up",
                "career_guidance",
                "job_recommendation",
                "policy_publicity",
                "training_referral",
                "other",
                name="servicekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum(
                "counter",
                "phone",
                "visit",
                "online",
                name="servicechannel",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("next_contact_on", sa.Date(), nullable=True),
        sa.Column("staff", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_service_records_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_records")),
    )
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_records_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_service_records_scope_id"), ["scope_id"], unique=False)

    op.create_table(
        "referrals",
        sa.Column("resident_id", sa.String(length=36), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("slip_number", sa.String(length=32), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "referred",
                "interviewed",
                "hired",
                "rejected",
                "no_show",
                "withdrawn",
                name="referralstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("scope_id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_referrals_job_id_jobs")),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_referrals_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
        sa.UniqueConstraint("slip_number", name=op.f("uq_referrals_slip_number")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_resident_id"), ["resident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_scope_id"), ["scope_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_scope_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_resident_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_job_id"))

    op.drop_table("referrals")
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_records_scope_id"))
        batch_op.drop_index(batch_op.f("ix_service_records_resident_id"))

    op.drop_table("service_records")
    with op.batch_alter_table("resident_key_groups", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_key_groups_key_group")

    op.drop_table("resident_key_groups")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_status"))
        batch_op.drop_index(batch_op.f("ix_jobs_scope_id"))
        batch_op.drop_index(batch_op.f("ix_jobs_employer_id"))

    op.drop_table("jobs")
    with op.batch_alter_table("employment_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employment_status_changes_scope_id"))
        batch_op.drop_index(batch_op.f("ix_employment_status_changes_resident_id"))

    op.drop_table("employment_status_changes")
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_residents_scope_id"))
        batch_op.drop_index(batch_op.f("ix_residents_community_id"))

    op.drop_table("residents")
    with op.batch_alter_table("employers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employers_scope_id"))
        batch_op.drop_index(batch_op.f("ix_employers_community_id"))

    op.drop_table("employers")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_scope_id"))

    op.drop_table("users")
    op.drop_table("station_settings")
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_communities_scope_id"))

    op.drop_table("communities")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_scope_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_action"))

    op.drop_table("audit_events")

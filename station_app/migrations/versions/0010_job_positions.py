"""Matching: an R*Tree of open jobs' positions kept by triggers; service records name a job.

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-06

- `job_positions` (an SQLite R*Tree) holds the position of every open, undeleted job with a
  place left that has one (its own coordinates, else its employer's), so matching reads the
  jobs near a point from the index instead of scanning every job. Its five dimensions are
  the position, the occupation code as a number (`4-01-02-03` → 4010203, so a 中类 is a
  range), the age limits and the best monthly pay in fen (-1: not stated); the R*Tree keeps
  32-bit floats, rounded outwards (coordinates within two metres, integers below 2**24
  exactly). Its auxiliary columns copy what else matching filters and scores on (kind,
  occupation, education, validity as day numbers: SQLite's julianday() cut to an integer,
  places left), kept small, so a match reads the index alone.
  `job_positions_key` gives each job a stable integer key (an INTEGER PRIMARY KEY survives
  VACUUM; a rowid would not).
- Triggers on `jobs` and `employers` keep both, whoever writes the rows: the services, the
  ledger import, the sync's replica (an upsert fires them too) or the demo generator. Both
  tables are local: they are no synced entity and never leave the station.
- A later revision that rebuilds `jobs` or `employers` (a batch alter) drops these triggers
  and must create them again (`TRIGGERS` below, copied).
- `ix_residents_matching`: residents by community and status with what matching reads
  (age, education, pay, occupation, skills, school leaving), so a job's residents are
  ranked from the index alone.
- `service_records.job_id`: the job a service was about ("job information provided"),
  empty for every existing record.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = (
    "key, min_lat, max_lat, min_lon, max_lon, min_occupation, max_occupation, min_age, "
    "max_age, min_salary, max_salary, kind, occupation_code, education_min, valid_from_day, "
    "valid_to_day, places_left"
)
NO_AGE_LIMIT = 200
_OCCUPATION_NUMBER = (
    "(CAST(substr(coalesce({c}, ''), 1, 1) AS INTEGER) * 1000000 "
    "+ CAST(substr(coalesce({c}, ''), 3, 2) AS INTEGER) * 10000 "
    "+ CAST(substr(coalesce({c}, ''), 6, 2) AS INTEGER) * 100 "
    "+ CAST(substr(coalesce({c}, ''), 9, 2) AS INTEGER))"
)
# A job's position (its own coordinates, else its employer's, as job_query places it) and
# what matching reads of it.
_JOB_POINT = (
    "coalesce({job}.latitude, {emp}.latitude), coalesce({job}.latitude, {emp}.latitude), "
    "coalesce({job}.longitude, {emp}.longitude), coalesce({job}.longitude, {emp}.longitude)"
    + ", "
    + _OCCUPATION_NUMBER.format(c="{job}.occupation_code")
    + ", "
    + _OCCUPATION_NUMBER.format(c="{job}.occupation_code")
    + ", coalesce({job}.age_min, 0), coalesce({job}.age_max, "
    + str(NO_AGE_LIMIT)
    + "), coalesce({job}.salary_max_fen, {job}.salary_min_fen, -1), "
    "coalesce({job}.salary_max_fen, {job}.salary_min_fen, -1), "
    "{job}.kind, {job}.occupation_code, {job}.education_min, "
    "CAST(julianday({job}.valid_from) AS INTEGER), CAST(julianday({job}.valid_to) AS INTEGER), "
    "{job}.headcount - {job}.filled"
)
# A job whose age limits cross takes nobody (and an R*Tree refuses a box turned inside out).
_JOB_INDEXED = (
    "{job}.status = 'open' AND {job}.deleted = 0 AND {job}.filled < {job}.headcount "
    f"AND coalesce({{job}}.age_min, 0) <= coalesce({{job}}.age_max, {NO_AGE_LIMIT}) "
    "AND coalesce({job}.latitude, {emp}.latitude) IS NOT NULL "
    "AND coalesce({job}.longitude, {emp}.longitude) IS NOT NULL"
)
_INSERT_NEW_JOB = (
    f"INSERT INTO job_positions ({COLUMNS}) "
    f"SELECT k.key, {_JOB_POINT.format(job='NEW', emp='e')} "
    "FROM job_positions_key k JOIN employers e ON e.id = NEW.employer_id "
    f"WHERE k.job_id = NEW.id AND {_JOB_INDEXED.format(job='NEW', emp='e')};"
)
_DROP_OLD_JOB = (
    "DELETE FROM job_positions WHERE key = "
    "(SELECT key FROM job_positions_key WHERE job_id = OLD.id);"
)
# No OR IGNORE: the conflict clause of the statement that fires a trigger overrides its
# body's (a replica's upsert would abort on it).
_NEW_KEY = (
    "INSERT INTO job_positions_key (job_id) SELECT NEW.id "
    "WHERE NOT EXISTS (SELECT 1 FROM job_positions_key WHERE job_id = NEW.id);"
)
_DROP_NEW_JOB = (
    "DELETE FROM job_positions WHERE key = "
    "(SELECT key FROM job_positions_key WHERE job_id = NEW.id);"
)
_EMPLOYER_JOBS = (
    "FROM jobs j JOIN job_positions_key k ON k.job_id = j.id "
    "WHERE j.employer_id = NEW.id AND (j.latitude IS NULL OR j.longitude IS NULL)"
)

TRIGGERS = (
    "CREATE TRIGGER job_positions_job_inserted AFTER INSERT ON jobs BEGIN "
    f"{_NEW_KEY} {_DROP_NEW_JOB} {_INSERT_NEW_JOB} END",
    "CREATE TRIGGER job_positions_job_updated "
    "AFTER UPDATE OF latitude, longitude, employer_id, status, deleted, kind, occupation_code, "
    "salary_min_fen, salary_max_fen, age_min, age_max, education_min, valid_from, valid_to, "
    "headcount, filled ON jobs BEGIN "
    f"{_DROP_OLD_JOB} {_NEW_KEY} {_INSERT_NEW_JOB} END",
    "CREATE TRIGGER job_positions_job_deleted AFTER DELETE ON jobs BEGIN "
    f"{_DROP_OLD_JOB} "
    "DELETE FROM job_positions_key WHERE job_id = OLD.id; END",
    "CREATE TRIGGER job_positions_employer_moved "
    "AFTER UPDATE OF latitude, longitude ON employers BEGIN "
    f"DELETE FROM job_positions WHERE key IN (SELECT k.key {_EMPLOYER_JOBS}); "
    f"INSERT INTO job_positions ({COLUMNS}) "
    f"SELECT k.key, {_JOB_POINT.format(job='j', emp='NEW')} {_EMPLOYER_JOBS} "
    f"AND {_JOB_INDEXED.format(job='j', emp='NEW')}; END",
)
TRIGGER_NAMES = (
    "job_positions_job_inserted",
    "job_positions_job_updated",
    "job_positions_job_deleted",
    "job_positions_employer_moved",
)


def upgrade() -> None:
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_service_records_job_id_jobs"), "jobs", ["job_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_service_records_job_id"), ["job_id"], unique=False)
    op.create_index(
        "ix_residents_matching",
        "residents",
        [
            "community_id",
            "employment_status",
            "deleted",
            "birth_date",
            "education",
            "desired_salary_fen",
            "desired_occupation",
            "school_left_on",
            "scope_id",
            "id",
            "skills",
        ],
        unique=False,
    )
    op.execute(
        "CREATE TABLE job_positions_key ("
        "key INTEGER PRIMARY KEY, job_id VARCHAR(36) NOT NULL UNIQUE)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE job_positions USING rtree(key, min_lat, max_lat, min_lon, "
        "max_lon, min_occupation, max_occupation, min_age, max_age, min_salary, max_salary, "
        "+kind, +occupation_code, +education_min, +valid_from_day, +valid_to_day, "
        "+places_left)"
    )
    op.execute("INSERT INTO job_positions_key (job_id) SELECT id FROM jobs ORDER BY id")
    op.execute(
        f"INSERT INTO job_positions ({COLUMNS}) "
        f"SELECT k.key, {_JOB_POINT.format(job='j', emp='e')} "
        "FROM jobs j JOIN job_positions_key k ON k.job_id = j.id "
        "JOIN employers e ON e.id = j.employer_id "
        f"WHERE {_JOB_INDEXED.format(job='j', emp='e')}"
    )
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS job_positions")
    op.execute("DROP TABLE IF EXISTS job_positions_key")
    op.drop_index("ix_residents_matching", table_name="residents")
    with op.batch_alter_table("service_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_records_job_id"))
        batch_op.drop_constraint(batch_op.f("fk_service_records_job_id_jobs"), type_="foreignkey")
        batch_op.drop_column("job_id")

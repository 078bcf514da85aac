"""Brings the city server's database to the newest Alembic revision: once, in one transaction.

Every start (`city-server serve` before its workers, each worker's `create_app`, the CLI's
station commands) calls `upgrade_schema`. A database already at the head revision is only
read. Otherwise the upgrade runs in one transaction that first takes a lock, so that
processes starting at once migrate one after the other and the later ones find the work
done: PostgreSQL's transaction-level advisory lock, SQLite's write lock (BEGIN IMMEDIATE).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, MetaData, inspect, text

from city_server.database import Base

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

# The revision whose tables `create_all` made before the server had migrations.
BASELINE_REVISION = "0001"
# The key of the advisory lock held while migrating ("CITYMIGR" in ASCII): a number no other
# program on the same PostgreSQL database is likely to lock.
ADVISORY_LOCK_KEY = 0x434954594D494752


class SchemaError(Exception):
    """The database can not be brought to this version's schema; it was left as it is."""


@dataclass(frozen=True)
class Upgrade:
    """What `upgrade_schema` found and did."""

    before: str | None  # the revision found (None: no alembic_version table)
    after: str
    stamped: bool = False  # tables of an earlier version (made by create_all) recognised
    migrated: bool = False  # this call changed the database


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configured from the migrations inside the package (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection  # env.py runs on it
    return config


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision among the shipped migration scripts."""
    head = _script().get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def known_revisions() -> set[str]:
    return {script.revision for script in _script().walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The revision in the database's alembic_version table (None: no such table or row)."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def has_server_tables(connection: Connection) -> bool:
    """Whether any table of the baseline exists (a database of an earlier version)."""
    return bool(set(inspect(connection).get_table_names()) & set(_baseline().tables))


def upgrade_schema(engine: Engine) -> Upgrade:
    """Brings the database to the head revision in one transaction: all of it or nothing.

    An empty database gets its tables from the migrations; one made by `create_all` (no
    alembic_version, the baseline's tables) is checked and stamped with the baseline; one at
    a revision this version does not know is refused (SchemaError).
    """
    head = head_revision()
    with engine.connect() as connection:
        found = current_revision(connection)
        connection.rollback()
        if found == head:  # every start but the first after an update: no lock taken
            return Upgrade(before=found, after=head)
        if connection.dialect.name == "sqlite":
            return _upgrade_sqlite(connection, head)
        with connection.begin():
            if connection.dialect.name == "postgresql":
                # Held until the commit: a second process waits here, then finds the head.
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY}
                )
            return _upgrade_locked(connection, head)


def _upgrade_sqlite(connection: Connection, head: str) -> Upgrade:
    """SQLite: the sqlite3 module would run DDL outside any transaction, so the transaction is
    begun here (BEGIN IMMEDIATE: the write lock, before the revision is read). A table is
    rebuilt to alter it (batch mode), which foreign keys forbid; they can only be switched off
    outside a transaction, so every reference is checked before the commit instead."""
    raw: Any = connection.connection.driver_connection
    previous = raw.isolation_level
    raw.isolation_level = None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            done = _upgrade_locked(connection, head)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise SchemaError(f"the upgrade would break {len(broken)} references")
            return done
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
        raw.isolation_level = previous


def _upgrade_locked(connection: Connection, head: str) -> Upgrade:
    """The upgrade itself, on a connection in a transaction that holds the lock."""
    from alembic import command

    before = current_revision(connection)  # read again: another process may have migrated
    if before == head:
        return Upgrade(before=before, after=head)
    config = alembic_config(connection)
    stamped = False
    if before is None:
        if has_server_tables(connection):
            _check_made_by_create_all(connection)
            log.info("stamping a database made by create_all with %s", BASELINE_REVISION)
            command.stamp(config, BASELINE_REVISION)
            stamped = True
    elif before not in known_revisions():
        raise SchemaError(
            f"the database is at revision {before}, which this version of the city server "
            "does not know (a newer version migrated it); it was left as it is: run the "
            "newer version, or restore a copy made before it"
        )
    if stamped and head == BASELINE_REVISION:
        return Upgrade(before=before, after=head, stamped=True, migrated=True)
    log.info("upgrading the database from %s to %s", before or "nothing", head)
    command.upgrade(config, "head")
    return Upgrade(before=before, after=head, stamped=stamped, migrated=True)


def _baseline() -> MetaData:
    """The frozen tables of the baseline revision (its own copy, not the live models)."""
    module = _script().get_revision(BASELINE_REVISION)
    assert module is not None
    baseline: MetaData = module.module.BASELINE
    return baseline


def _check_made_by_create_all(connection: Connection) -> None:
    """Refuses a database without a revision whose tables are not the baseline's."""
    inspector = inspect(connection)
    present = set(inspector.get_table_names())
    problems: list[str] = []
    for table in _baseline().sorted_tables:
        if table.name not in present:
            problems.append(f"no table {table.name}")
            continue
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        missing = [c.name for c in table.columns if c.name not in columns]
        if missing:
            problems.append(f"table {table.name} lacks {', '.join(missing)}")
    if problems:
        raise SchemaError(
            "the database has tables of the city server but no revision, and they are not "
            f"those of revision {BASELINE_REVISION} ({'; '.join(problems)}); it was left as it is"
        )


def drop_schema(engine: Engine) -> None:
    """Drops the server's tables and its revision table: an empty database again (tests)."""
    import city_server.models  # noqa: F401  (the tables register with Base)

    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))

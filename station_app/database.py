"""Opens the station's SQLite database: pragmas, backup copy, Alembic upgrade on start."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from station_app import paths
from station_app.errors import DatabaseError
from station_app.migrations import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported inside the functions that migrate: a database already at HEAD_REVISION
# (every start but the first after an update) opens without loading it.

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The sqlite3 module would open transactions itself, only before DML, so DDL (migrations)
    # ran outside them; SQLAlchemy emits BEGIN instead (_begin), making every transaction real.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Opens the SQLite file at `path`: the one place where this program opens a database file.

    The engine, the backup copy and the revision check all connect through here, so an
    encryption key (a first `PRAGMA key`, say) would be given in this one function.
    `read_only` opens the file as it is, without creating it and without writing a byte.
    Connections may move between threads (the pool hands them to the background worker), as
    SQLAlchemy's own default for SQLite files allows.
    """
    timeout = BUSY_TIMEOUT_MS / 1000
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    return sqlite3.connect(path, timeout=timeout, check_same_thread=False)


def create_sqlite_engine(path: Path) -> Engine:
    """An engine on one SQLite file: WAL, foreign keys and a busy timeout on every connection."""
    # The URL only chooses the dialect and the pool (QueuePool for a file); `connect` opens.
    engine = create_engine(f"sqlite:///{path}", creator=lambda: connect(path))
    event.listen(engine, "connect", _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def alembic_config() -> Config:
    """Alembic configured from the migrations shipped inside the package (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return config


def head_revision() -> str:
    """The newest revision among the shipped migration scripts (read by Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_database(source: Path, backups: Path, label: str) -> Path:
    """A consistent copy of a live SQLite file (sqlite3 backup API, WAL included)."""
    backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups / f"{source.stem}-{stamp}-{label}.sqlite"
    src = connect(source)
    try:
        dst = connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except BaseException:
        target.unlink(missing_ok=True)  # half a copy must never pass for the latest one
        raise
    finally:
        src.close()
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Runs the migrations up to `revision` in one transaction: all of them or none.

    SQLite rebuilds a table to drop a constraint (Alembic's batch mode), which foreign keys
    forbid; they can only be switched off outside a transaction, so they are off while the
    migrations run and every reference is checked before the commit instead.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(f"the upgrade would break {len(broken)} references")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


@dataclass
class Database:
    """One opened station database: its file, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one use case; the caller opens the transaction (`with s.begin():`)."""
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, backups: Path | None = None) -> Database:
    """Opens (or creates) the database at `path` and brings its schema to the newest revision.

    An existing file on an older revision is first copied to `backups` so an upgrade that
    goes wrong loses nothing; a file this program cannot use (damaged, not a database, of
    another program or of a newer version) is refused untouched, naming the newest copy in
    `backups` when there is one.
    """
    backups = backups or paths.backups_dir(path.parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    current = stored_revision(path, backups=backups) if existed else None
    head = HEAD_REVISION
    if current not in (head, None) and current not in _known_revisions():
        raise DatabaseError(
            f"the database {path} is at revision {current}, which this version of the "
            "program does not know (it was written by a newer version); it was left as it is",
            code="database.newer",
            params={"path": str(path)},
        )
    copy: Path | None = None
    if existed and current != head:
        try:
            copy = backup_database(path, backups, current or "none")
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(
                f"the database {path} was not upgraded: no backup copy could be written to "
                f"{backups} ({exc})",
                code="database.backup_failed",
                params={"path": str(path), "backups": str(backups)},
            ) from exc
        log.info("backed up %s to %s before upgrading", path, copy)
    engine = create_sqlite_engine(path)
    if current != head:
        log.info("upgrading %s from %s to %s", path, current, head)
        try:
            upgrade(engine)  # one transaction: a failure leaves the file as it was
        except Exception as exc:
            engine.dispose()
            log.exception("upgrading %s failed", path)
            kept = f"; a copy from before is at {copy}" if copy is not None else ""
            raise DatabaseError(
                f"the database {path} could not be upgraded to this version ({exc}){kept}",
                code="database.upgrade_failed",
                params={"path": str(path)} | ({"copy": str(copy)} if copy else {}),
            ) from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(path=path, engine=engine, sessions=sessions)


def stored_revision(path: Path, *, backups: Path | None = None) -> str | None:
    """The Alembic revision of an existing file, read without changing a byte of it.

    A file that is damaged, no SQLite database or one of another program is a DatabaseError
    that names the newest backup copy in `backups` (default: the data dir's), if any.
    """
    try:
        con = connect(path, read_only=True)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                if tables:
                    raise _refusal(
                        "database.foreign",
                        f"{path} is a database of another program, not of this one",
                        path,
                        backups,
                    )
                return None
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return None if row is None else str(row[0])
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _DAMAGED:
            reason = f"the database file {path} is damaged or is not a database ({exc})"
            raise _refusal("database.damaged", reason, path, backups) from exc
        reason = f"cannot open the database {path}: {exc}"
        raise _refusal("database.cannot_open", reason, path, backups) from exc


# SQLite's primary result codes for a file that is not (or no longer) a database.
_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def _refusal(code: str, reason: str, path: Path, backups: Path | None) -> DatabaseError:
    """The error for a file this program cannot use: left as it is, with the latest copy."""
    params = {"path": str(path)}
    message = f"{reason}; it was left as it is"
    backup = latest_backup(path, backups or paths.backups_dir(path.parent))
    if backup is not None:
        params["backup"] = str(backup)
        message += f"; the latest backup copy is at {backup}"
    return DatabaseError(message, code=code, params=params)


def latest_backup(path: Path, backups: Path) -> Path | None:
    """The newest copy of `path` that backup_database made in `backups`, if there is one."""
    try:
        # The names differ only in their UTC time stamp, which sorts as text.
        copies = [p for p in backups.glob(f"{path.stem}-*.sqlite") if p.is_file()]
    except OSError:
        return None
    return max(copies, key=lambda p: p.name, default=None)


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}

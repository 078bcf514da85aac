"""The city server's database: the engine for a URL and its sessions (schema: `schema`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import StaticPool

from city_server.settings import SettingsError


class Base(DeclarativeBase):
    pass


def make_engine(url: str) -> Engine:
    """An engine for a SQLAlchemy URL (SQLite: the folder is made, foreign keys are on)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise SettingsError(f"not a database URL: {url!r}") from None
    if parsed.get_backend_name() != "sqlite":
        try:
            # As many connections as request threads (FastAPI runs each request on one of
            # AnyIO's 40), so a request waits for the database, never for a connection.
            return create_engine(
                parsed, pool_pre_ping=True, pool_size=10, max_overflow=30, pool_timeout=120
            )
        except (NoSuchModuleError, ImportError) as error:
            raise SettingsError(f"cannot use the database {url!r}: {error}") from None
    in_memory = not parsed.database or parsed.database == ":memory:"
    if not in_memory:
        Path(parsed.database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        parsed,
        connect_args={"check_same_thread": False},
        # One connection for an in-memory database: each would otherwise have its own.
        poolclass=StaticPool if in_memory else None,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        if not in_memory:
            # Readers do not wait for the writer, and a commit does not wait for the disk
            # (a power cut may lose the last commits, never corrupt the file).
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)

"""Brings a test's database file to an Alembic revision, up or down, as the migrations alone do."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from station_app.database import alembic_config


def migrate(path: Path, revision: str, *, down: bool = False) -> None:
    """Upgrades (or downgrades) the file to `revision` in one transaction, without the backup
    and checks `open_database` adds."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()

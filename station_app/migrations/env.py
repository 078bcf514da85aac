"""Alembic environment: runs on the connection handed over by station_app.database."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from station_app.models import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Used by `alembic revision --autogenerate` during development.
    url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
    with create_engine(url).begin() as owned:
        _run(owned)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

"""Alembic environment: runs on the connection handed over by city_server.schema."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

import city_server.models  # noqa: F401  (the models' tables register with Base, for autogenerate)
from city_server.database import Base

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


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

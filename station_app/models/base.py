"""Declarative base and the columns every synchronised entity carries from day one."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

import uuid_utils
from sqlalchemy import Boolean, DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

CITY_SCOPE = "city"

# Stable constraint names, so Alembic migrations (batch mode on SQLite) can address them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A UUIDv7 as text: generated offline, unique across stations, sortable by creation time."""
    if _fixed.new_id is not None:
        return _fixed.new_id()
    return str(uuid_utils.uuid7())


def utc_now() -> datetime:
    if _fixed.now is not None:
        return _fixed.now()
    return datetime.now(UTC)


@dataclass
class _Fixed:
    new_id: Callable[[], str] | None = None
    now: Callable[[], datetime] | None = None


_fixed = _Fixed()


@contextmanager
def fixed_ids_and_times(new: Callable[[], str], now: Callable[[], datetime]) -> Iterator[None]:
    """Rows made meanwhile get their ids and times from these (a repeatable demo database)."""
    _fixed.new_id, _fixed.now = new, now
    try:
        yield
    finally:
        _fixed.new_id = _fixed.now = None


class UtcDateTime(TypeDecorator[datetime]):
    """Stores timezone-aware UTC datetimes; SQLite keeps no zone, so it is restored on load."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncedMixin:
    """Identity and bookkeeping shared by every entity that syncs with the city server.

    The bookkeeping columns (row version, timestamps, `updated_by`) are kept by the change
    capture (`models/change_capture.py`) on every flush; no service writes them by hand.
    """

    # The entity's name in audit events and the change log, e.g. "resident".
    __entity__: ClassVar[str]
    # Fields holding personal data, each with how an audit event shows it ("id_number",
    # "phone", "name", "text" or "secret"); the change log keeps the real values for the sync.
    __masked_fields__: ClassVar[Mapping[str, str]] = {}

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    scope_id: Mapped[str] = mapped_column(String(36), index=True)
    # Bumped once per transaction that changes the row; the sync sends it as the base version.
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    # The city's sequence number of the state this row was last synced at (None: never);
    # written by the sync only, and sent as the base of this row's next pushed change.
    server_version: Mapped[int | None] = mapped_column(Integer)

"""A larger SQLite page cache for the length of a bulk write (an import's transaction)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

# In KiB (SQLite's negative cache_size): room for the indexes a 200,000-resident register's
# inserts land in at random places (ID numbers, names), which the default 2 MB keeps evicting;
# pages are only taken as they are read.
BULK_CACHE_KIB = 131_072


@contextmanager
def larger_page_cache(session: Session, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """The session connection's page cache holds `kib` while the block runs, then what it held
    before (its pages beyond that are freed; the transaction's changes are kept)."""
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before or 0)}")

"""An import's larger page cache lasts for its block only, also when the block fails."""

from __future__ import annotations

import pytest

from station_app.database import Database
from station_app.ledgers.page_cache import larger_page_cache


def test_the_cache_is_larger_inside_and_as_before_afterwards(db: Database) -> None:
    with db.session() as session, session.begin():
        connection = session.connection()
        before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        with larger_page_cache(session, kib=65_536):
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -65_536
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == before
        with pytest.raises(RuntimeError), larger_page_cache(session):
            raise RuntimeError("cancelled")
        assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == before

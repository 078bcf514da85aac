"""The register's order from SQL and from the search index agree; rows come a page at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from station_app.database import Database
from station_app.demo import DEMO_PASSWORD, DEMO_USERNAME, STANDARD, generate_demo_database
from station_app.services.auth import log_in
from station_app.services.resident_rows import fetch_rows, register_ids
from station_app.services.resident_search import ResidentSearchIndex


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path: Path = tmp_path_factory.mktemp("demo") / "station.sqlite"
    db = generate_demo_database(path, STANDARD)
    yield db
    db.close()


def test_sql_order_equals_index_order(demo_db: Database) -> None:
    station = log_in(demo_db, DEMO_USERNAME, DEMO_PASSWORD)
    ids = station.query(register_ids)
    assert len(ids) == STANDARD.residents  # the demo station serves every demo community
    assert ids == station.query(ResidentSearchIndex.load).all_ids()


def test_fetch_rows_returns_exactly_the_asked_rows(demo_db: Database) -> None:
    station = log_in(demo_db, DEMO_USERNAME, DEMO_PASSWORD)
    ids = station.query(register_ids)[:100]
    rows = station.query(fetch_rows, [*ids, "no-such-id"])
    assert set(rows) == set(ids)
    first = rows[ids[0]]
    assert first.community_name.endswith("（示例）")
    assert len(first.id_number) == 18

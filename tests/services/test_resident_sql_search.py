"""The register searched in SQL answers as the search index does."""

from __future__ import annotations

from station_app.core.station_session import StationSession
from station_app.services.resident_search import ResidentSearchIndex
from station_app.services.resident_sql_search import search_in_sql
from tests.services.test_status_history import _register


def test_sql_answers_every_kind_of_query_as_the_index(station: StationSession) -> None:
    names = ["张伟", "曾丽", "单田芳", "欧阳娜娜", "李娜", "王_芳", "张%"]
    ids = [_register(station, f"{n:03d}", name=name) for n, name in enumerate(names, 11)]
    index = station.query(ResidentSearchIndex.load)
    queries = ["张", "张伟", "zw", "zhangwei", "cl", "zengli", "cengli", "dtf", "oy", "na"]
    queries += ["1234", "5678", "19900307", "341282", "x", "_", "%", "王_", "nobody", "ＺＷ"]
    for query in queries:
        assert list(station.query(search_in_sql, query)) == list(index.search(query)), query
    assert station.query(search_in_sql, "  ") is None
    assert len(ids) == len(names)

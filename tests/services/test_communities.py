"""Listing communities for the resident form: not deleted, ordered by code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from station_app.database import Database, open_database
from station_app.models import CITY_SCOPE, Community, UserRole
from station_app.services.communities import CommunityOption, list_communities


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "station.sqlite")
    yield db
    db.close()


def _add(db: Database, code: str, name: str, *, deleted: bool = False) -> str:
    with db.session() as session, session.begin():
        community = Community(
            scope_id=CITY_SCOPE,
            code=code,
            name=name,
            street="东城街道",
            deleted=deleted,
            updated_by="test",
        )
        session.add(community)
        session.flush()
        return community.id


def test_no_communities_gives_an_empty_list(fresh_db: Database, session_as: Any) -> None:
    assert session_as(fresh_db, UserRole.WORKER).query(list_communities) == []


def test_lists_by_code_without_deleted(fresh_db: Database, session_as: Any) -> None:
    second = _add(fresh_db, "DC-002", "光明路社区")
    first = _add(fresh_db, "DC-001", "人民路社区")
    _add(fresh_db, "DC-003", "已撤并社区", deleted=True)
    assert session_as(fresh_db, UserRole.WORKER).query(list_communities) == [
        CommunityOption(first, "人民路社区", "东城街道"),
        CommunityOption(second, "光明路社区", "东城街道"),
    ]

"""Recognitions and their steps sync in their resident's scope and move with the resident."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from station_app.models import RecognitionCategory
from station_app.models.community import community_id_for
from station_app.services import recognition as rec
from station_app.services.recognition_rules import RULES
from tests.sync.sync_helpers import City
from tests.sync.test_sync_engine import NORTH, SOUTH, edit, register

DAY = date(2025, 3, 3)


def test_a_recognition_reaches_the_other_station_of_its_community_and_moves_with_the_resident(
    tmp_path: Path,
) -> None:
    city = City(tmp_path)
    with city.client() as http:
        north = city.station(http, "north", NORTH)
        other = city.station(http, "other", NORTH)
        south = city.station(http, "south", SOUTH)
        resident_id = register(north)  # a man born in 1990: not an older worker
        category = RecognitionCategory.DISABLED
        application = rec.Application(frozenset({category}), frozenset(RULES[category].evidence))
        rid = north.session.perform(rec.apply_for_recognition, resident_id, application, on_day=DAY)
        north.session.perform(rec.pass_community_review, rid, on_day=DAY + timedelta(days=1))
        north.sync()
        other.sync()
        south.sync()
        rows = other.rows()
        assert rows[("recognition", rid)]["state"].value == "community_reviewed"
        steps = [row for key, row in rows.items() if key[0] == "recognition_step"]
        assert sorted(row["kind"].value for row in steps) == ["application", "community_review"]
        assert not [key for key in south.rows() if key[0].startswith("recognition")]
        # The other station records the notice; the first one sees it after a sync.
        other.session.perform(rec.start_public_notice, rid, on_day=DAY + timedelta(days=2))
        other.sync()
        north.sync()
        assert north.session.query(rec.get_recognition, rid).notice_ends_on == DAY + timedelta(9)
        north.sync()
        edit(north, resident_id, community_id=community_id_for(SOUTH))
        north.sync()
        south.sync()
        assert ("recognition", rid) in south.rows()
        assert not [key for key in north.rows() if key[0].startswith("recognition")]
        assert len(south.session.query(rec.get_recognition, rid).steps) == 3

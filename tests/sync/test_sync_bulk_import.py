"""Residents imported in bulk leave through the change log like any other and converge."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from station_app.models.community import community_id_for
from station_app.services.residents import get_resident, register_residents
from tests.sync.sync_helpers import City
from tests.sync.test_sync_engine import NORTH, edit, id_number, register


def test_residents_registered_in_bulk_reach_the_other_station_with_their_history(
    tmp_path: Path,
) -> None:
    city = City(tmp_path)
    with city.client() as http:
        a = city.station(http, "a", NORTH)
        b = city.station(http, "b", NORTH)
        one = register(a, 1)  # a form's save first: it shares the outbox with the import
        template = a.session.query(get_resident, one).data
        names = {2: "李娜", 3: "王芳", 4: "陈静"}
        batch = [replace(template, id_number=id_number(n), name=names[n]) for n in names]
        ids = a.session.perform(register_residents, batch)
        report = a.sync()
        assert report.pushed >= 1 + 4 * 2  # the community, four residents and their histories
        b.sync()
        assert a.rows() == b.rows()
        for resident_id in ids:
            assert b.rows()[("resident", resident_id)]["key_groups"] == ["veteran"]
            history = [
                row
                for key, row in b.rows().items()
                if key[0] == "employment_status_change" and row["resident_id"] == resident_id
            ]
            assert len(history) == 1
        # An imported resident edited later syncs its edit on the version the import gave.
        edit(a, ids[0], phone="13800000003")
        a.sync()
        b.sync()
        assert b.rows()[("resident", ids[0])]["phone"] == "13800000003"
        assert b.rows()[("resident", ids[0])]["community_id"] == community_id_for(NORTH)

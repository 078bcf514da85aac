"""The sync API with a station's own credentials: scope, repeats, conflicts, moves, deletions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from city_server import sync
from city_server.database import make_engine, session_factory
from city_server.entities import CITY_SCOPE, community_id_for
from city_server.models import utc_now
from city_server.settings import ServerSettings
from city_server.stations import add_station

NORTH, SOUTH = community_id_for("NORTH"), community_id_for("SOUTH")


@dataclass
class Caller:
    client: TestClient
    station_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.post(path, json=body, headers=self.headers)

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self.post("/v1/sync/push", {"changes": list(changes)})
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def pull(self, cursor: int = 0, limit: int = 1000) -> dict[str, Any]:
        answer = self.post("/v1/sync/pull", {"cursor": cursor, "limit": limit})
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def everything(self) -> dict[tuple[str, str], dict[str, Any]]:
        """The station's view after pulling all from the start: live records by key."""
        view: dict[tuple[str, str], dict[str, Any]] = {}
        cursor, more = 0, True
        while more:
            page = self.pull(cursor, limit=3)
            for item in page["items"]:
                key = (item["entity"], item["id"])
                if item["op"] == "exit" or item["deleted"]:
                    view.pop(key, None)
                else:
                    view[key] = item
            cursor, more = page["cursor"], page["more"]
        return view


def _caller(client: TestClient, settings: ServerSettings, *communities: str) -> Caller:
    engine = make_engine(settings.database_url)
    with session_factory(engine)() as session, session.begin():
        _summary, code = add_station(session, communities, code_ttl=timedelta(days=1))
    body = client.post("/v1/enrol", json={"code": code}).json()
    issued = client.post(
        "/v1/token", json={"station_id": body["station_id"], "secret": body["secret"]}
    )
    return Caller(client, body["station_id"], issued.json()["access_token"])


def _change(
    entity: str,
    record_id: str,
    scope: str,
    fields: dict[str, Any],
    *,
    op: str = "update",
    base: int = 0,
    actor: str = "worker",
) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "entity": entity,
        "id": record_id,
        "scope_id": scope,
        "op": op,
        "fields": fields,
        "base_version": base,
        "actor": actor,
        "changed_at": "2026-12-01T08:00:00+08:00",
    }


def _resident(scope: str, **fields: Any) -> tuple[str, dict[str, Any]]:
    record_id = str(uuid.uuid4())
    values = {"name": "张三", "id_number": "340102199001011234", "community_id": scope} | fields
    return record_id, _change("resident", record_id, scope, values, op="create")


def test_a_station_sees_its_communities_residents_and_the_citys_data_only(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    south = _caller(client, server_settings, "SOUTH")
    resident_id, create = _resident(NORTH)
    employer_id = str(uuid.uuid4())
    [created, employer] = north.push(
        create, _change("employer", employer_id, CITY_SCOPE, {"name": "界首纺织"}, op="create")
    )
    assert created["status"] == "applied" and employer["status"] == "applied"
    assert set(north.everything()) == {("resident", resident_id), ("employer", employer_id)}
    assert set(south.everything()) == {("employer", employer_id)}
    # Nor may it write there: a resident of another community, or one filed under the city.
    _other_id, other = _resident(NORTH, id_number="340102199001015678")
    [refused] = south.push(other)
    assert refused["status"] == "rejected"
    [city] = south.push(_resident(CITY_SCOPE)[1])
    assert city["status"] == "rejected"
    [edit] = south.push(_change("resident", resident_id, SOUTH, {"name": "李四"}))
    assert edit["status"] == "rejected"
    assert north.everything()[("resident", resident_id)]["fields"]["name"] == "张三"
    # A snapshot of another community is refused too.
    answer = south.post("/v1/sync/snapshot", {"scope": NORTH})
    assert answer.status_code == 403


def test_a_repeated_push_changes_nothing_and_gets_the_same_answer(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    _id, create = _resident(NORTH)
    [first] = north.push(create)
    [again] = north.push(create)
    assert again["status"] == "duplicate" and again["first_status"] == "applied"
    assert again["seq"] == first["seq"]
    assert len(north.everything()) == 1
    assert north.pull()["cursor"] == first["seq"]


def test_two_stations_changing_one_field_make_a_conflict_and_other_fields_merge(
    client: TestClient, server_settings: ServerSettings
) -> None:
    a = _caller(client, server_settings, "NORTH")
    b = _caller(client, server_settings, "NORTH")
    employer_id = str(uuid.uuid4())
    fields = {"name": "界首纺织", "address": "东城路1号", "contact_name": "王"}
    [made] = a.push(_change("employer", employer_id, CITY_SCOPE, fields, op="create"))
    base = made["seq"]
    [mine] = a.push(
        _change("employer", employer_id, CITY_SCOPE, {"address": "东城路2号"}, base=base)
    )
    assert mine["status"] == "applied"
    [theirs] = b.push(
        _change(
            "employer",
            employer_id,
            CITY_SCOPE,
            {"address": "西城路9号", "contact_name": "赵"},
            base=base,
            actor="li",
        )
    )
    assert theirs["status"] == "conflict" and theirs["conflicts"] == ["address"]
    view = a.everything()
    assert view[("employer", employer_id)]["fields"] == {
        "name": "界首纺织",
        "address": "西城路9号",  # the later arrival is kept
        "contact_name": "赵",
    }
    [conflict] = [item for key, item in view.items() if key[0] == "sync_conflict"]
    assert conflict["fields"]["kept_value"] == "西城路9号"
    assert conflict["fields"]["other_value"] == "东城路2号"
    assert conflict["fields"]["kept_by"] == "li" and conflict["fields"]["other_by"] == "worker"
    assert conflict["fields"]["other_station"] == a.station_id
    # A station editing on top of its own change is no conflict with itself.
    [again] = a.push(
        _change("employer", employer_id, CITY_SCOPE, {"address": "东城路3号"}, base=base)
    )
    assert again["status"] == "conflict"  # b's value came after a's base: still a clash
    [own] = b.push(_change("employer", employer_id, CITY_SCOPE, {"contact_name": "钱"}, base=base))
    assert own["status"] == "applied"


def test_a_conflict_is_resolved_by_a_station_but_never_made_or_deleted_by_one(
    client: TestClient, server_settings: ServerSettings
) -> None:
    a = _caller(client, server_settings, "NORTH")
    employer_id = str(uuid.uuid4())
    [made] = a.push(_change("employer", employer_id, CITY_SCOPE, {"name": "甲"}, op="create"))
    b = _caller(client, server_settings, "SOUTH")
    b.push(_change("employer", employer_id, CITY_SCOPE, {"name": "乙"}, base=0))
    [conflict_key] = [key for key in a.everything() if key[0] == "sync_conflict"]
    [resolved] = a.push(
        _change(
            "sync_conflict",
            conflict_key[1],
            CITY_SCOPE,
            {"resolved": True, "resolution": "kept", "field": "hacked"},
        )
    )
    assert resolved["status"] == "applied"
    fields = a.everything()[conflict_key]["fields"]
    assert fields["resolved"] is True and fields["field"] == "name"
    [made_up] = a.push(_change("sync_conflict", str(uuid.uuid4()), CITY_SCOPE, {}, op="create"))
    assert made_up["status"] == "rejected"
    [deleted] = a.push(_change("sync_conflict", conflict_key[1], CITY_SCOPE, {}, op="delete"))
    assert deleted["status"] == "rejected"
    assert made["seq"] > 0


def test_a_resident_who_moves_leaves_the_old_station_with_their_history(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    south = _caller(client, server_settings, "SOUTH")
    resident_id, create = _resident(NORTH)
    record_id = str(uuid.uuid4())
    service = _change(
        "service_record",
        record_id,
        NORTH,
        {"resident_id": resident_id, "kind": "follow_up"},
        op="create",
    )
    north.push(create, service)
    north_cursor = north.pull()["cursor"]
    south_cursor = south.pull()["cursor"]
    move = {"community_id": SOUTH, "scope_id": SOUTH}
    [moved] = north.push(_change("resident", resident_id, SOUTH, move))
    assert moved["status"] == "applied"
    page = north.pull(north_cursor)
    assert {(i["op"], i["entity"]) for i in page["items"]} == {
        ("exit", "resident"),
        ("exit", "service_record"),
    }
    arrived = south.pull(south_cursor)["items"]
    assert {(i["op"], i["entity"], i["id"]) for i in arrived} == {
        ("put", "resident", resident_id),
        ("put", "service_record", record_id),
    }
    assert all(item["scope_id"] == SOUTH for item in arrived)
    # An edit made at the old community before it heard of the move still counts, and does
    # not move the resident back; one based on a version after the move is refused.
    [before] = north.push(_change("resident", resident_id, NORTH, {"name": "张三丰"}, base=1))
    assert before["status"] == "applied"
    [after] = north.push(
        _change("resident", resident_id, NORTH, {"name": "张"}, base=moved["seq"] + 1)
    )
    assert after["status"] == "rejected"
    resident = south.everything()[("resident", resident_id)]
    assert resident["scope_id"] == SOUTH and resident["fields"]["name"] == "张三丰"
    # A record the old station adds later about the resident follows them too.
    late_id = str(uuid.uuid4())
    north.push(_change("service_record", late_id, NORTH, {"resident_id": resident_id}, op="create"))
    assert ("service_record", late_id) in south.everything()
    assert ("service_record", late_id) not in north.everything()


def test_a_deletion_wins_over_a_crossing_edit_and_never_comes_back(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    resident_id, create = _resident(NORTH)
    north.push(create)
    [gone] = north.push(_change("resident", resident_id, NORTH, {"deleted": True}, op="delete"))
    assert gone["status"] == "applied"
    [late] = north.push(_change("resident", resident_id, NORTH, {"name": "王五"}))
    assert late["status"] == "ignored"
    assert north.everything() == {}
    cursor = north.pull()["cursor"]
    # Compaction forgets the tombstone; a cursor from before must resync, a late edit stays out.
    with session_factory(make_engine(server_settings.database_url))() as session, session.begin():
        horizon = sync.compact(session, before=utc_now() + timedelta(seconds=1))
    assert horizon == gone["seq"]
    assert north.post("/v1/sync/pull", {"cursor": 1}).status_code == 410
    hello = north.post("/v1/sync/hello", {"protocol": 1, "cursor": 1}).json()
    assert hello["action"] == "resync"
    assert north.post("/v1/sync/hello", {"protocol": 1, "cursor": cursor}).json()["action"] == "ok"
    [purged] = north.push(_change("resident", resident_id, NORTH, {"name": "王五"}))
    assert purged["status"] == "ignored"
    assert north.everything() == {}


def test_a_jobs_status_only_moves_forward(
    client: TestClient, server_settings: ServerSettings
) -> None:
    a = _caller(client, server_settings, "NORTH")
    job_id = str(uuid.uuid4())
    a.push(_change("job", job_id, CITY_SCOPE, {"title": "挡车工", "status": "open"}, op="create"))
    a.push(_change("job", job_id, CITY_SCOPE, {"status": "filled"}))
    a.push(_change("job", job_id, CITY_SCOPE, {"status": "open", "title": "挡车工（夜班）"}))
    fields = a.everything()[("job", job_id)]["fields"]
    assert fields == {"title": "挡车工（夜班）", "status": "filled"}


def test_one_id_number_registered_at_two_stations_becomes_a_merge_case_at_both(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    south = _caller(client, server_settings, "SOUTH")
    first_id, first = _resident(NORTH)
    second_id, second = _resident(SOUTH)
    assert north.push(first)[0]["status"] == "applied"
    assert south.push(second)[0]["status"] == "applied"
    south.push(second)  # a repeat makes no second case
    for station, own in ((north, first_id), (south, second_id)):
        view = station.everything()
        cases = [item for key, item in view.items() if key[0] == "merge_case"]
        assert len(cases) == 1
        assert {cases[0]["fields"]["first_id"], cases[0]["fields"]["second_id"]} == {
            first_id,
            second_id,
        }
        assert ("resident", own) in view


def test_a_snapshot_pages_through_a_scope_and_hands_over_to_pull(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    ids = []
    for n in range(7):
        resident_id, create = _resident(NORTH, id_number=f"34010219900101{n:04d}")
        north.push(create)
        ids.append(resident_id)
    north.push(_change("resident", ids[0], NORTH, {"deleted": True}, op="delete"))
    seen: set[str] = set()
    answer = north.post("/v1/sync/snapshot", {"scope": NORTH, "limit": 3}).json()
    upto = answer["upto"]
    seen |= {item["id"] for item in answer["items"]}
    # A change while the snapshot pages through: not in it, but in the pull from `upto`.
    north.push(_change("resident", ids[1], NORTH, {"name": "改名"}))
    while answer["next"] is not None:
        answer = north.post(
            "/v1/sync/snapshot", {"scope": NORTH, "limit": 3, "upto": upto, "after": answer["next"]}
        ).json()
        seen |= {item["id"] for item in answer["items"]}
    # The changed one is in it only if its page came before the change.
    assert set(ids[2:]) <= seen <= set(ids[1:])
    after = north.pull(upto)["items"]
    assert [(item["id"], item["fields"]["name"]) for item in after] == [(ids[1], "改名")]


def test_pages_never_skip_and_the_hello_tells_an_old_app_to_upgrade(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    for n in range(5):
        north.push(_resident(NORTH, id_number=f"34010219900101{n:04d}")[1])
    seqs: list[int] = []
    cursor, more = 0, True
    while more:
        page = north.pull(cursor, limit=2)
        seqs += [item["seq"] for item in page["items"]]
        cursor, more = page["cursor"], page["more"]
    assert seqs == sorted(seqs) and len(seqs) == 5
    hello = north.post("/v1/sync/hello", {"protocol": 99, "cursor": 0}).json()
    assert hello["action"] == "upgrade"
    assert hello["scopes"] == sorted([CITY_SCOPE, NORTH])


def test_a_hello_folded_into_a_pull_answers_both_and_holds_the_page_unless_ok(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    north.push(_resident(NORTH)[1])
    folded = north.post(
        "/v1/sync/pull", {"cursor": 0, "hello": {"protocol": sync.PROTOCOL_VERSION}}
    ).json()
    assert folded["hello"]["action"] == "ok"
    assert folded["hello"]["scopes"] == sorted([CITY_SCOPE, NORTH])
    assert len(folded["items"]) == 1 and folded["cursor"] == folded["hello"]["server_seq"]
    assert north.pull(0).get("hello") is None
    old_app = north.post("/v1/sync/pull", {"cursor": 0, "hello": {"protocol": 99}}).json()
    assert old_app["hello"]["action"] == "upgrade"
    assert old_app["items"] == [] and old_app["cursor"] == 0 and old_app["more"] is False
    ahead = north.post("/v1/sync/pull", {"cursor": 10**6, "hello": {"protocol": 1}}).json()
    assert ahead["hello"]["action"] == "resync" and ahead["items"] == []


def test_a_push_with_a_hello_that_is_not_ok_applies_nothing(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    _id, create = _resident(NORTH)
    refused = north.post("/v1/sync/push", {"changes": [create], "hello": {"protocol": 99}})
    assert refused.json()["hello"]["action"] == "upgrade" and refused.json()["results"] == []
    assert north.pull(0)["items"] == []
    hello = {"protocol": sync.PROTOCOL_VERSION, "cursor": 0}
    taken = north.post("/v1/sync/push", {"changes": [create], "hello": hello}).json()
    assert taken["hello"]["action"] == "ok" and taken["results"][0]["status"] == "applied"
    assert len(north.pull(0)["items"]) == 1


def test_oversized_and_malformed_requests_get_a_4xx(
    client: TestClient, server_settings: ServerSettings
) -> None:
    north = _caller(client, server_settings, "NORTH")
    huge = north.client.post(
        "/v1/sync/push",
        content=b'{"changes": [' + b" " * (9 * 1024 * 1024) + b"]}",
        headers={**north.headers, "Content-Type": "application/json"},
    )
    assert huge.status_code == 413 and huge.json()["code"] == "request.too_large"
    too_many = [_resident(NORTH)[1] for _ in range(sync.MAX_PUSH + 1)]
    assert north.post("/v1/sync/push", {"changes": too_many}).status_code == 422
    bad_field = _change("employer", str(uuid.uuid4()), CITY_SCOPE, {"Bad Name": 1}, op="create")
    assert north.post("/v1/sync/push", {"changes": [bad_field]}).status_code == 422
    nul = _change("employer", str(uuid.uuid4()), CITY_SCOPE, {"name": "a\x00b"}, op="create")
    assert north.post("/v1/sync/push", {"changes": [nul]}).status_code == 422
    assert client.post("/v1/sync/pull", json={"cursor": 0}).status_code == 401


def test_a_referral_slips_check_code_is_verified_and_a_forged_one_is_not(
    client: TestClient, server_settings: ServerSettings
) -> None:
    from station_app.services.referral_codes import check_code, is_genuine, station_code

    engine = make_engine(server_settings.database_url)
    with session_factory(engine)() as session, session.begin():
        _summary, code = add_station(
            session, ["NORTH"], name="人民路驿站", code_ttl=timedelta(days=1)
        )
    enrolled = client.post("/v1/enrol", json={"code": code}).json()
    secret, station_id = enrolled["secret"], enrolled["station_id"]
    serial = f"{station_code(station_id)}-2026-000123"
    check = check_code(secret, serial)
    assert is_genuine(secret, serial, check.lower())  # the station checks its own offline

    def verify(serial: str, check: str) -> dict[str, Any]:
        answer = client.post("/v1/referrals/verify", json={"serial": serial, "check": check})
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    assert verify(serial, check) == {"genuine": True, "station": "人民路驿站"}
    assert verify(serial.lower(), check.lower())["genuine"]
    forged_number = serial[:-1] + "4"
    assert verify(forged_number, check) == {"genuine": False, "station": None}
    assert not verify(serial, check[:-1] + ("A" if check[-1] != "A" else "B"))["genuine"]
    assert not verify("not a serial", check)["genuine"]
    assert not verify(f"{station_code(str(uuid.uuid4()))}-2026-000123", check)["genuine"]
    assert not is_genuine("another secret", serial, check)


def test_a_push_whose_records_stay_busy_is_told_to_come_back_not_failed(
    client: TestClient, server_settings: ServerSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    north = _caller(client, server_settings, "NORTH")
    _resident_id, create = _resident(NORTH)

    def always_busy(*_args: Any, **_kwargs: Any) -> list[dict[str, Any]]:
        raise sync.Busy(frozenset({1}))

    monkeypatch.setattr(sync, "push", always_busy)
    answer = north.post("/v1/sync/push", {"changes": [create]})
    assert answer.status_code == 503
    assert answer.json()["code"] == "sync.busy"
    assert int(answer.headers["Retry-After"]) > 0
    monkeypatch.undo()
    [created] = north.push(create)  # nothing of the refused push was kept
    assert created["status"] == "applied"

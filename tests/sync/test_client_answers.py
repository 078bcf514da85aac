"""What the station's client makes of the city server's failures: a busy server and a failed
one are told apart, each with a code the status bar shows in Chinese."""

from __future__ import annotations

import httpx
import pytest

from station_app.sync.client import CityClient, SyncError
from station_app.texts.catalogue import Catalogue

SERVER = "http://city.test"


def _client(status: int, body: dict[str, str]) -> CityClient:
    def answer(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers={"Retry-After": "5"})

    http = httpx.Client(base_url=SERVER, transport=httpx.MockTransport(answer))
    return CityClient(SERVER, http=http)


@pytest.mark.parametrize(
    ("status", "code"),
    [(503, "sync.server_busy"), (500, "sync.server_failed"), (502, "sync.server_failed")],
)
def test_a_busy_server_is_told_from_a_failed_one(status: int, code: str) -> None:
    client = _client(status, {"code": "sync.busy", "message": "busy"})
    with pytest.raises(SyncError) as caught:
        client.enrol("AAAA-BBBB-CCCC")
    assert caught.value.code == code
    assert caught.value.params["server"] == SERVER
    shown = Catalogue.load("zh_CN").text(caught.value.code, **caught.value.params)
    assert SERVER in shown
    assert ("正忙" in shown) == (status == 503)

"""The background sync spreads its calls: after the network returns, and after failures."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from station_app.core.station_session import StationSession
from station_app.sync.credentials import StationCredentials, save_credentials
from station_app.sync.timing import NETWORK_SPREAD_S, RETRY_S
from station_app.ui.shared.sync_controller import SyncController

pytestmark = pytest.mark.gui

NOBODY_LISTENS = "http://127.0.0.1:9"  # the discard port: the connection is refused


@pytest.fixture
def controller(
    qtbot: QtBot, station: StationSession, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> SyncController:
    monkeypatch.setenv("STATION_APP_NO_KEYRING", "1")
    credentials = StationCredentials(
        NOBODY_LISTENS, "9f8e7d6c-1111-4111-8111-111111111111", "secret", ("341282001001",)
    )
    save_credentials(data_dir, credentials)
    made = SyncController(station, data_dir, rng=random.Random(5))
    yield made
    made.close()


def test_when_the_network_returns_the_sync_comes_within_half_a_minute_not_at_once(
    controller: SyncController,
) -> None:
    assert controller.next_sync_ms() is None
    controller.network_back()
    planned = controller.next_sync_ms()
    assert planned is not None and 900 <= planned <= NETWORK_SPREAD_S * 1000
    assert not controller.running


def test_a_sync_planned_sooner_is_kept_when_the_network_returns(
    controller: SyncController,
) -> None:
    controller.start()  # the first sync, two seconds after the window opens
    first = controller.next_sync_ms()
    assert first is not None and first <= 2000 * 1.1  # (a coarse timer: within 5 %)
    controller.network_back()
    again = controller.next_sync_ms()
    assert again is not None and again <= first


def test_each_failure_in_a_row_waits_about_twice_as_long(
    qtbot: QtBot, controller: SyncController
) -> None:
    waits = []
    for _attempt in range(3):
        with qtbot.waitSignal(controller.failed, timeout=10_000):
            controller.sync_now()
        planned = controller.next_sync_ms()
        assert planned is not None
        waits.append(planned / 1000)
    for failures, wait in enumerate(waits, start=1):
        base = RETRY_S * 2 ** (failures - 1)
        assert 0.5 * base - 1 <= wait <= 1.5 * base
    qtbot.waitUntil(lambda: controller.status.error_code is not None)  # the status bar says why

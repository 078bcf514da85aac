"""The sync page and the status bar's indicator, against a real city server process."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from city_server.cli import main as city_server
from station_app.ui.counter.sync import SyncPage
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.sync_indicator import SyncIndicator
from tests.city_server.server_process import free_port, running_server
from tests.conftest import COMMUNITY

WAIT_MS = 20_000


def _code(database_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert city_server(["--db", database_url, "station", "add", "--community", COMMUNITY.code]) == 0
    return capsys.readouterr().out.strip().rsplit(" ", 1)[-1]


def test_a_station_enrols_syncs_and_shows_why_it_cannot_when_the_server_is_down(
    qtbot: QtBot,
    context: AppContext,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STATION_APP_NO_KEYRING", "1")
    database_url = f"sqlite:///{tmp_path / 'city.sqlite'}"
    code = _code(database_url, capsys)
    page = SyncPage(context)
    indicator = SyncIndicator(context.sync)
    qtbot.addWidget(page)
    qtbot.addWidget(indicator)
    sync = context.sync
    qtbot.waitUntil(lambda: not sync.runner.busy, timeout=WAIT_MS)
    assert "not enrolled" in indicator.text()
    assert not page.sync_button.isEnabled()
    port = free_port()
    with running_server(database_url, port=port) as server:
        qtbot.keyClicks(page.server_edit, server)
        qtbot.keyClicks(page.code_edit, code)
        qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: sync.status.enrolled and sync.status.last_success_at is not None,
            timeout=WAIT_MS,
        )
        qtbot.waitUntil(lambda: not sync.running, timeout=WAIT_MS)
        assert indicator.text().startswith("Synced ")
        assert page.server_label.text() == server
        assert page.sync_button.isEnabled()
        assert sync.status.pending == 0
        assert page.cases_label.text() == "Nothing to resolve: the city and this station agree."
    # The server is gone: the station says why, and keeps what waits.
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sync.status.error_code is not None, timeout=WAIT_MS)
    assert sync.status.error_code == "sync.unreachable"
    assert indicator.text().startswith("Sync failed")
    assert "cannot be reached" in page.error_label.text()
    assert sync.status.last_success_at is not None

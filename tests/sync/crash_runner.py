"""Runs one sync of a station against a city database, and dies at its Nth commit point.

    python crash_runner.py CITY_DATABASE_URL DATA_DIR N PUSH_BATCH PAGE_SIZE

The city runs in this process too (in-process HTTP), so dying kills both, as a power cut
would: what each had committed stays, nothing else. Prints the point it died at, or
"finished K" when the sync ended before its Nth point (it had K).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from city_server.api import create_app
from city_server.settings import ServerSettings
from station_app import paths
from station_app.database import open_database
from station_app.sync import engine
from station_app.sync.client import CityClient
from station_app.sync.credentials import load_credentials

EXIT_STOPPED = 17


def main(city_url: str, data_dir: Path, stop_at: int, push_batch: int, page_size: int) -> int:
    reached = 0

    def stop(point: str) -> None:
        nonlocal reached
        reached += 1
        if reached == stop_at:
            print(point, flush=True)
            os._exit(EXIT_STOPPED)  # no clean-up, no rollback: as if the power went

    engine.commit_point = stop
    credentials = load_credentials(data_dir)
    assert credentials is not None
    db = open_database(paths.database_path(data_dir))
    app = create_app(ServerSettings(database_url=city_url))
    with TestClient(app, base_url=credentials.server_url) as http:
        client = CityClient(credentials.server_url, http)
        engine.SyncEngine(db, client, credentials, push_batch=push_batch, page_size=page_size).run()
    print(f"finished {reached}", flush=True)
    return 0


if __name__ == "__main__":
    city, folder, n, batch, page = sys.argv[1:6]
    sys.exit(main(city, Path(folder), int(n), int(batch), int(page)))

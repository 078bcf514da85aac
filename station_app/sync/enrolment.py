"""Enrolling the station with the city server: a one-time code for credentials kept here."""

from __future__ import annotations

from pathlib import Path

import httpx

from station_app.sync.client import CityClient
from station_app.sync.credentials import StationCredentials, save_credentials


def enroll_station(
    data_dir: Path, server_url: str, code: str, *, http: httpx.Client | None = None
) -> tuple[StationCredentials, str]:
    """Enrols with the server and keeps the credentials (replacing earlier ones).

    Returns them and where the secret went ("keyring" or the file's path). Nothing is kept
    when the server refuses or cannot be reached (a SyncError says which).
    """
    client = CityClient(server_url, http)
    try:
        credentials = client.enrol(code)
    finally:
        if http is None:
            client.close()
    return credentials, save_credentials(data_dir, credentials)

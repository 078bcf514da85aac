"""AppContext: what every page of the main window works with once a user has logged in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from station_app.config import Settings
from station_app.database import Database
from station_app.services.actor import Actor
from station_app.services.station import StationInfo


@dataclass
class AppContext:
    db: Database
    actor: Actor
    station: StationInfo
    settings: Settings
    data_dir: Path

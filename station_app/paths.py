"""The one module that knows where files live: data dir, database, logs and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "station-app"
DATA_DIR_ENV = "STATION_APP_DATA_DIR"
DATABASE_FILE = "station.sqlite"


def resources_dir() -> Path:
    """Bundled resources: next to the package in a checkout, inside the bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the database, backups and logs live: --data-dir, env variable, or per user."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME))
    return path.resolve()


def database_path(base: Path) -> Path:
    return base / DATABASE_FILE


def backups_dir(base: Path) -> Path:
    return base / "backups"


def logs_dir(base: Path) -> Path:
    return base / "logs"


def log_file(base: Path) -> Path:
    return logs_dir(base) / "station.log"


def screenshots_dir(base: Path) -> Path:
    """Where the screenshot tour goes by default (also when there is no display)."""
    return base / "screenshots"


def settings_path(base: Path) -> Path:
    return base / "settings.json"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def cjk_font_path() -> Path:
    return fonts_dir() / "wqy-microhei.ttc"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def station_translation(language: str) -> Path:
    """The compiled Qt translation of the UI for a language such as zh_CN."""
    return translations_dir() / f"station_{language}.qm"


def data_tables_dir() -> Path:
    return resources_dir() / "data"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "migrations"

"""The city server's settings, read from the environment (CITY_SERVER_*)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

TOKEN_TTL_S = 15 * 60  # an access token lives this long; a station asks for a new one
ENROLMENT_TTL_S = 7 * 24 * 3600  # a one-time enrolment code expires unused after a week


class SettingsError(ValueError):
    """A setting in the environment cannot be used (the message names it)."""


def default_database_url() -> str:
    """SQLite in the user's data folder: `city-server serve` needs nothing else installed."""
    folder = Path(platformdirs.user_data_dir("station-city-server", appauthor=False))
    return f"sqlite:///{folder / 'city.sqlite'}"


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    token_ttl_s: int = TOKEN_TTL_S
    enrolment_ttl_s: int = ENROLMENT_TTL_S

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ServerSettings:
        """CITY_SERVER_DB (a SQLAlchemy URL), CITY_SERVER_TOKEN_TTL_S and
        CITY_SERVER_ENROLMENT_TTL_S (seconds)."""
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("CITY_SERVER_DB") or default_database_url(),
            token_ttl_s=_seconds(env, "CITY_SERVER_TOKEN_TTL_S", TOKEN_TTL_S),
            enrolment_ttl_s=_seconds(env, "CITY_SERVER_ENROLMENT_TTL_S", ENROLMENT_TTL_S),
        )


def _seconds(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number of seconds, not {text!r}") from None
    if value <= 0:
        raise SettingsError(f"{name} must be more than 0 seconds, not {value}")
    return value

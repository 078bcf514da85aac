"""The matching radius: how far a job may be from a resident's home to count as near (a setting)."""

from __future__ import annotations

import math

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import Problem
from station_app.errors import ValidationError as InputError
from station_app.models import StationSetting

RADIUS_SETTING = "match_radius_km"
DEFAULT_RADIUS_KM = 3.0
MIN_RADIUS_KM = 0.5
MAX_RADIUS_KM = 50.0  # the whole of the city and its townships


def match_radius_km(rx: ReadTx) -> float:
    """The station's matching radius in km (3 km unless an administrator set another)."""
    stored = rx.session.get(StationSetting, RADIUS_SETTING)
    if stored is None:
        return DEFAULT_RADIUS_KM
    try:
        km = float(stored.value)
    except ValueError:
        return DEFAULT_RADIUS_KM
    return km if _allowed(km) else DEFAULT_RADIUS_KM


def set_match_radius_km(tx: WriteTx, km: float) -> None:
    """Sets the station's matching radius (an administrator's choice)."""
    tx.require(Permission.USER_MANAGE)
    if not _allowed(km):
        raise InputError(
            [
                Problem(
                    "radius_km",
                    "match.radius",
                    f"Give a radius from {MIN_RADIUS_KM:g} to {MAX_RADIUS_KM:g} km.",
                    {"min": f"{MIN_RADIUS_KM:g}", "max": f"{MAX_RADIUS_KM:g}"},
                )
            ]
        )
    setting = tx.session.get(StationSetting, RADIUS_SETTING)
    if setting is None:
        tx.session.add(StationSetting(key=RADIUS_SETTING, value=repr(float(km))))
    else:
        setting.value = repr(float(km))


def _allowed(km: float) -> bool:
    return math.isfinite(km) and MIN_RADIUS_KM <= km <= MAX_RADIUS_KM

"""Actor: who is working (the logged-in user) and which scope their changes belong to."""

from __future__ import annotations

from dataclasses import dataclass

from station_app.models import UserRole


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    display_name: str
    role: UserRole
    scope_id: str  # the station's community id; new records are filed under it

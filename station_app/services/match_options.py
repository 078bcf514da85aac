"""What a worker may change about a match: the radius, beyond it or not, the kinds, how many."""

from __future__ import annotations

from dataclasses import dataclass

from station_app.models import JobKind


@dataclass(frozen=True)
class MatchOptions:
    radius_km: float | None = None  # None: the station's setting (match_radius)
    within_radius_only: bool = True  # off: the nearest beyond the radius follow, still eligible
    kinds: frozenset[JobKind] = frozenset()  # empty: every kind
    limit: int = 20


JOB_MATCH_DEFAULTS = MatchOptions()  # a resident's jobs
RESIDENT_MATCH_DEFAULTS = MatchOptions(limit=100)  # a job's residents (the call list)

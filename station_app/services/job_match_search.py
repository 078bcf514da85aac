"""The best open jobs around a point for one resident, read from the `job_positions` R*Tree.

The R*Tree (migration 0010, kept by triggers) holds every open job with a place left: its
position, its occupation as a number (a 中类 or 大类 is a range), its age limits and its best
pay as dimensions, and what else the score reads as auxiliary columns, so SQLite filters
and scores the candidates from the index alone (`match_sql`).

A town centre holds some twenty thousand jobs within 3 km, and reading a job's auxiliary
columns costs a few microseconds, so the best are found segment by segment (branch and
bound): first the jobs of the resident's own 中类s (their desired occupation and skills: a
few ranges of the index) anywhere in the radius; then the jobs of their 大类s and the rest,
each with or without pay that fits, each only as far out as one of its jobs could still beat
the k-th best found so far (`Segment.bound`: what a job of the segment earns at most besides
its distance).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from station_app.core.station_session import ReadTx
from station_app.models import JobKind
from station_app.services import match_rules as rules
from station_app.services import match_sql as sql
from station_app.services.job_query import EARTH_RADIUS_KM, Near, bounding_box

WORLD = (-90.0, 90.0, -180.0, 180.0)
SLACK = 1e-3  # the planar distance's margin against the great-circle one
RINGS = (0.2, 0.4, 0.7, 1.0)  # the rings a segment is read in, as shares of the radius
JULIAN_DAY_OFFSET = 1721424  # julianday('0001-01-01') = 1721425.5; a date's ordinal + this
NO_AGE_LIMIT = 200  # as the index stores "no limit" (migration 0010)


@dataclass(frozen=True)
class Candidate:
    job_id: str
    score: float  # as SQLite ranked it (planar distance); the service re-scores exactly
    km2: float


def occupation_number(code: str | None) -> int:
    """The index's number of an occupation code: "4-01-02-03" → 4010203 (as the trigger)."""
    parts = (code or "").strip().split("-")
    widths = (1_000_000, 10_000, 100, 1)
    number = 0
    for part, width in zip(parts, widths, strict=False):
        number += (int(part) if part.isdigit() else 0) * width
    return number


def medium_class_range(code: str | None) -> tuple[int, int] | None:
    """The index's range of the code's 中类 (4-01: 4010000 to 4019999), if it has one."""
    parts = (code or "").strip().split("-")
    if len(parts) < 2 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    low = int(parts[0]) * 1_000_000 + int(parts[1]) * 10_000
    return low, low + 9_999


def major_class_range(code: str | None) -> tuple[int, int] | None:
    """The index's range of the code's 大类 (4: 4000000 to 4999999), if it has one."""
    first = (code or "").strip().split("-")[0]
    if not first.isdigit():
        return None
    low = int(first) * 1_000_000
    return low, low + 999_999


@dataclass(frozen=True)
class Segment:
    """Jobs read together: each condition a part of the index; `bound` what one of them
    earns at most besides its distance."""

    conditions: tuple[str, ...]
    bound: float


def _ranges(ranges: Sequence[tuple[int, int]]) -> list[str]:
    return [f"AND p.min_occupation <= {high} AND p.max_occupation >= {low}" for low, high in ranges]


class JobSearch:
    """The eligible open jobs around one point, ranked for one resident by SQLite."""

    def __init__(
        self,
        rx: ReadTx,
        point: tuple[float, float],
        kinds: frozenset[JobKind],
        age: int,
        seeker: rules.Seeker,
        radius: float,
        day: date,
    ) -> None:
        self._rx = rx
        self._point = point
        self._seeker = seeker
        self._radius = radius
        params: dict[str, Any] = {}
        lat0, lon0 = point
        klat = math.radians(1.0) * EARTH_RADIUS_KM
        klon = klat * math.cos(math.radians(lat0))
        # The planar squared distance from the index's box centre (32-bit floats: within
        # two metres); the service measures the great-circle distance of the rows kept.
        dy = f"(((p.min_lat + p.max_lat) * 0.5 - {lat0!r}) * {klat!r})"
        dx = f"(((p.min_lon + p.max_lon) * 0.5 - {lon0!r}) * {klon!r})"
        have = rules.education_level(seeker.education)
        desired = seeker.desired_salary_fen
        self._score_sql = " + ".join(
            (
                f"{rules.DISTANCE_POINTS!r} * {sql.closeness_sql('km2', radius)}",
                sql.job_occupation_sql("j.occupation_code", seeker, params),
                sql.kind_sql("j.kind"),
                sql.salary_sql("j.salary_top", "NULL" if desired is None else str(int(desired))),
                sql.education_sql("NULL" if have is None else str(have), "j.education_min"),
                sql.freshness_days_sql("(:day_number - j.valid_from_day)"),
                sql.places_sql("j.places_left"),
            )
        )
        refused = sorted(rules.refused_education_digits(seeker.education))
        education_filter = (
            "AND substr(coalesce(p.education_min, ''), 1, 1) NOT IN ("
            + ", ".join(f"'{d}'" for d in refused)
            + ")"
            if refused
            else ""
        )
        kinds_sql = ", ".join(f"'{k.value}'" for k in sorted(kinds))
        params.update(age=age, day_number=day_number(day))
        self._params = params
        self._inner = f"""
            SELECT p.key AS key, {dy} * {dy} + {dx} * {dx} AS km2, p.occupation_code,
                   nullif(p.max_salary, -1) AS salary_top, p.education_min, p.valid_from_day,
                   p.places_left, p.kind
            FROM job_positions p
            WHERE p.max_lat >= :lat_min AND p.min_lat <= :lat_max
              AND p.max_lon >= :lon_min AND p.min_lon <= :lon_max
              AND p.min_age <= :age AND p.max_age >= :age
              AND {dy} * {dy} + {dx} * {dx} BETWEEN :km2_min AND :km2_max
              AND p.valid_from_day <= :day_number
              AND (p.valid_to_day IS NULL OR p.valid_to_day >= :day_number)
              {{where}}
              AND p.kind IN ({kinds_sql})
              {education_filter}
        """
        # What any job earns at most besides its distance, occupation and pay.
        self._rest_points = (
            (rules.KIND_POINTS if kinds & set(rules.KIND_REASONS) else 0.0)
            + (rules.EDUCATION_POINTS if have is not None else 0.0)
            + rules.FRESH_POINTS
            + rules.PLACES_POINTS
        )

    def best(self, count: int) -> list[Candidate]:
        """The `count` best-scored jobs within the radius (a hair more: the great-circle
        distance decides), best first."""
        reach = self._radius * (1 + SLACK)
        found: dict[str, Candidate] = {}
        kth = -math.inf
        for segment in self._segments():
            inner = 0.0
            # Ring by ring: the near jobs first raise the k-th score, which brings the
            # segment's reach in (a job farther out earns fewer distance points).
            for fraction in RINGS:
                need = (kth - segment.bound) / rules.DISTANCE_POINTS
                if need >= 1.0:
                    break
                outer = min(reach * fraction, reach * math.sqrt(1.0 - max(need, 0.0)))
                if outer <= inner:
                    break
                for condition in segment.conditions:
                    for c in self._query(outer, inner, count, by_score=True, where=condition):
                        found.setdefault(c.job_id, c)
                inner = outer
                ranked = sorted(found.values(), key=_rank)
                if len(ranked) >= count:
                    kth = ranked[count - 1].score
        return sorted(found.values(), key=_rank)[:count]

    def _segments(self) -> list[Segment]:
        """The segments to read, the most promising first; together they hold every job."""
        codes = (self._seeker.desired_occupation, *self._seeker.skills)
        mediums = sorted({r for code in codes if (r := medium_class_range(code)) is not None})
        majors = sorted({r for code in codes if (r := major_class_range(code)) is not None})
        rest = self._rest_points
        desired = self._seeker.desired_salary_fen
        if desired is None:
            pays = [("", 0.0)]
        else:
            pays = [
                (f"AND p.max_salary >= {int(desired)}", rules.SALARY_POINTS),
                (f"AND p.min_salary < {int(desired)}", 0.0),
            ]
        segments = [Segment(tuple(_ranges(mediums)), rules.OCCUPATION_POINTS[0] + 15.0 + rest)]
        for pay, pay_points in pays:
            segments.append(
                Segment(
                    tuple(f"{r} {pay}" for r in _ranges(majors)),
                    rules.OCCUPATION_POINTS[3] + pay_points + rest,
                )
            )
            segments.append(Segment((pay,), pay_points + rest))
        return sorted(segments, key=lambda s: -s.bound)

    def nearest_beyond(self, reach: float, count: int, *, world: bool) -> list[Candidate]:
        """The nearest jobs beyond the radius and within `reach`, nearest first."""
        inner = self._radius * (1 - SLACK)
        return self._query(reach, inner, count, by_score=False, world=world)

    def _query(
        self,
        reach: float,
        inner: float,
        limit: int,
        *,
        by_score: bool,
        where: str = "",
        world: bool = False,
    ) -> list[Candidate]:
        lat, lon = self._point
        box = None if world else bounding_box(Near(lat, lon, reach))
        lat_min, lat_max, lon_min, lon_max = box or WORLD
        params = dict(
            self._params,
            lat_min=lat_min,
            lat_max=lat_max,
            lon_min=lon_min,
            lon_max=lon_max,
            km2_max=1e18 if world else reach * reach,
            km2_min=inner * inner,
            limit=limit,
        )
        order = "score DESC, km2, key" if by_score else "km2, key"
        # The jobs' ids only for the rows kept (they are not in the index: it stays small).
        query = (
            "SELECT k.job_id, j.score, j.km2 FROM ("
            f"SELECT key, {self._score_sql} AS score, km2 FROM ("
            + self._inner.replace("{where}", where)
            + f") AS j ORDER BY {order} LIMIT :limit"
            + ") AS j JOIN job_positions_key k ON k.key = j.key"
        )
        # Straight to the driver: dozens of small queries a match, each SQL text new to
        # SQLAlchemy, cost more in its compiling than in SQLite.
        raw = self._rx.session.connection().connection.driver_connection
        assert raw is not None
        return [Candidate(*row) for row in raw.execute(query, params)]


def day_number(day: date) -> int:
    """A day as the index keeps it: SQLite's julianday() of the date, cut to an integer."""
    return day.toordinal() + JULIAN_DAY_OFFSET


def _rank(c: Candidate) -> tuple[float, float, str]:
    return (-c.score, c.km2, c.job_id)


def ids(candidates: Sequence[Candidate]) -> list[str]:
    return [c.job_id for c in candidates]

"""Finding jobs: filters (kind, status, occupation, community, pay, employer, distance), pages.

`job_ids` answers the ordered ids of every matching job (cheap: a few thousand jobs at most);
`fetch_job_rows` then reads the rows of the page a view shows, like `resident_rows`. A distance
filter narrows by a bounding box in SQL and keeps the jobs within the great-circle distance.
A job without its own coordinates is placed at its employer's.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import Community, Employer, Job, JobKind, JobStatus

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


class SortKey(StrEnum):
    TITLE = "title"
    EMPLOYER = "employer"
    KIND = "kind"
    STATUS = "status"
    SALARY = "salary"
    HEADCOUNT = "headcount"
    VALID_TO = "valid_to"
    DISTANCE = "distance"  # only with a point; otherwise by title


@dataclass(frozen=True)
class Near:
    latitude: float
    longitude: float
    km: float


@dataclass(frozen=True)
class JobFilter:
    """Every criterion is optional; together they must all hold."""

    kinds: Collection[JobKind] = ()
    statuses: Collection[JobStatus] = ()
    occupation_prefix: str = ""  # a code or its beginning: "6-01" finds the whole group
    community_id: str | None = None  # the employer's community
    salary_min_fen: int | None = None  # the job's pay range overlaps this one
    salary_max_fen: int | None = None
    employer_id: str | None = None
    near: Near | None = None
    text: str = ""  # in the title or the employer's name
    sort: SortKey = SortKey.VALID_TO
    descending: bool = False


@dataclass(frozen=True)
class JobRow:
    id: str
    row_version: int
    title: str
    employer_id: str
    employer_name: str
    kind: JobKind
    status: JobStatus
    occupation_code: str | None
    headcount: int
    filled: int
    salary_min_fen: int | None
    salary_max_fen: int | None
    valid_from: date
    valid_to: date | None
    community_name: str | None
    distance_km: float | None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points (haversine), in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(near: Near) -> tuple[float, float, float, float] | None:
    """(lat_min, lat_max, lon_min, lon_max) holding every point within `near.km`, or None
    when the box would cross a pole or the date line (then every point is measured)."""
    dlat = math.degrees(near.km / EARTH_RADIUS_KM)
    lat_min, lat_max = near.latitude - dlat, near.latitude + dlat
    if lat_min <= -90.0 or lat_max >= 90.0:
        return None
    # The widest longitude span is at the latitude nearest a pole within the box.
    widest = max(abs(lat_min), abs(lat_max))
    ratio = math.sin(near.km / EARTH_RADIUS_KM) / math.cos(math.radians(widest))
    if ratio >= 1.0:
        return None
    dlon = math.degrees(math.asin(ratio))
    lon_min, lon_max = near.longitude - dlon, near.longitude + dlon
    if lon_min < -180.0 or lon_max > 180.0:
        return None
    return lat_min, lat_max, lon_min, lon_max


_LAT = func.coalesce(Job.latitude, Employer.latitude)
_LON = func.coalesce(Job.longitude, Employer.longitude)
_ORDER: dict[SortKey, tuple[Any, ...]] = {
    SortKey.TITLE: (Job.title,),
    SortKey.EMPLOYER: (Employer.name,),
    SortKey.KIND: (Job.kind,),
    SortKey.STATUS: (Job.status,),
    SortKey.SALARY: (func.coalesce(Job.salary_max_fen, Job.salary_min_fen),),
    SortKey.HEADCOUNT: (Job.headcount,),
    SortKey.VALID_TO: (Job.valid_to,),
}


def _filtered(query: Select[Any], f: JobFilter) -> Select[Any]:
    query = query.join(Employer, Employer.id == Job.employer_id).where(Job.deleted.is_(False))
    if f.kinds:
        query = query.where(Job.kind.in_(list(f.kinds)))
    if f.statuses:
        query = query.where(Job.status.in_(list(f.statuses)))
    prefix = f.occupation_prefix.strip()
    if prefix:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Job.occupation_code.like(escaped + "%", escape="\\"))
    if f.community_id:
        query = query.where(Employer.community_id == f.community_id)
    if f.salary_min_fen is not None:
        # The job pays at least this much at its top (an open top pays any amount).
        query = query.where(
            func.coalesce(Job.salary_max_fen, Job.salary_min_fen, f.salary_min_fen)
            >= f.salary_min_fen
        )
    if f.salary_max_fen is not None:
        query = query.where(
            func.coalesce(Job.salary_min_fen, Job.salary_max_fen, f.salary_max_fen)
            <= f.salary_max_fen
        )
    if f.employer_id:
        query = query.where(Job.employer_id == f.employer_id)
    needle = f.text.strip()
    if needle:
        pattern = f"%{needle}%"
        query = query.where(Job.title.like(pattern) | Employer.name.like(pattern))
    if f.near is not None:
        query = query.where(_LAT.is_not(None), _LON.is_not(None))
        box = bounding_box(f.near)
        if box is not None:
            lat_min, lat_max, lon_min, lon_max = box
            query = query.where(_LAT.between(lat_min, lat_max), _LON.between(lon_min, lon_max))
    return query


def count_jobs(rx: ReadTx, f: JobFilter = JobFilter()) -> int:
    """How many jobs `job_ids` finds."""
    return len(job_ids(rx, f))


def job_ids(rx: ReadTx, f: JobFilter = JobFilter()) -> list[str]:
    """The ids of the matching jobs in the filter's order (ties by title, then id)."""
    rx.require(Permission.EMPLOYER_READ)
    if f.near is None:
        order = _ORDER.get(f.sort, (Job.title,))
        # Unknown values (no pay stated, no end date) come last either way.
        columns = [x for c in order for x in (c.is_(None), c.desc() if f.descending else c.asc())]
        query = _filtered(select(Job.id), f).order_by(*columns, Job.title, Job.id)
        return list(rx.session.scalars(query))
    near = f.near
    # Measured here: within the box, the exact distance decides; the sort may use it.
    order = _ORDER.get(f.sort, ())
    measured: Select[Any] = select(Job.id, _LAT, _LON, *order)
    query = _filtered(measured, f)
    kept: list[tuple[Any, ...]] = []
    for row in rx.session.execute(query):
        km = distance_km(near.latitude, near.longitude, row[1], row[2])
        if km <= near.km:
            kept.append((row[0], km, *row[3:]))
    if f.sort is SortKey.DISTANCE or not order:
        kept.sort(key=lambda r: (r[1], r[0]), reverse=f.descending)
    else:
        known = [r for r in kept if r[2] is not None]
        known.sort(key=lambda r: (r[2], r[0]), reverse=f.descending)
        kept = known + [r for r in kept if r[2] is None]
    return [r[0] for r in kept]


def fetch_job_rows(rx: ReadTx, ids: Sequence[str], near: Near | None = None) -> dict[str, JobRow]:
    """The rows of these jobs (missing or deleted ids are absent), with their distance from
    `near`'s point when one is given."""
    rx.require(Permission.EMPLOYER_READ)
    if not ids:
        return {}
    query = (
        select(
            Job.id,
            Job.row_version,
            Job.title,
            Job.employer_id,
            Employer.name,
            Job.kind,
            Job.status,
            Job.occupation_code,
            Job.headcount,
            Job.filled,
            Job.salary_min_fen,
            Job.salary_max_fen,
            Job.valid_from,
            Job.valid_to,
            Community.name,
            _LAT,
            _LON,
        )
        .join(Employer, Employer.id == Job.employer_id)
        .outerjoin(Community, Community.id == Employer.community_id)
        .where(Job.id.in_(list(ids)), Job.deleted.is_(False))
    )
    rows: dict[str, JobRow] = {}
    for r in rx.session.execute(query):
        km = None
        if near is not None and r[15] is not None and r[16] is not None:
            km = distance_km(near.latitude, near.longitude, r[15], r[16])
        values: Any = (*r[:15], km)
        rows[r[0]] = JobRow(*values)
    return rows


def station_centre(rx: ReadTx) -> tuple[float, float] | None:
    """The centre of the station's community, where "within N km" measures from by default."""
    rx.require(Permission.COMMUNITY_READ)
    community = rx.session.get(Community, rx.station.station.community_id)
    if community is None or community.latitude is None or community.longitude is None:
        return None
    return community.latitude, community.longitude

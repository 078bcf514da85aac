"""Matching a resident to jobs near home: eligible, open jobs from the R*Tree, ranked with reasons.

A resident is placed at their community's centre; a job at its workplace (its own
coordinates, else its employer's). The candidates are read from the `job_positions` R*Tree
(open jobs only, kept by triggers: migration 0010) inside the box around the circle, with
every rule the database can check in the same query (valid on the day, a place left, the
kinds the resident may take, the job's age limits, the education minimum); the exact
great-circle distance and the score (`match_rules`) are computed for those. Ineligible jobs
never appear. The other direction (a job's residents) is `resident_matching`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, text

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.models import (
    Community,
    EmploymentStatus,
    JobKind,
    Resident,
    ServiceChannel,
    ServiceKind,
)
from station_app.services.follow_ups import ContactInput, record_contact
from station_app.services.job_call_list import CallList as CallList
from station_app.services.job_call_list import CallListEntry as CallListEntry
from station_app.services.job_call_list import call_list as call_list
from station_app.services.job_eligibility import (
    Facts,
    JobTerms,
    check_assignment,
    facts_of,
    refusal,
)
from station_app.services.job_match_search import JobSearch, ids
from station_app.services.job_query import Near, bounding_box, distance_km
from station_app.services.match_options import JOB_MATCH_DEFAULTS
from station_app.services.match_options import MatchOptions as MatchOptions
from station_app.services.match_radius import (
    DEFAULT_RADIUS_KM as DEFAULT_RADIUS_KM,
)
from station_app.services.match_radius import (
    match_radius_km as match_radius_km,
)
from station_app.services.match_radius import (
    set_match_radius_km as set_match_radius_km,
)
from station_app.services.match_rules import MatchReason as MatchReason
from station_app.services.match_rules import (
    Post,
    Seeker,
    score,
)
from station_app.services.placements import open_job_with_place
from station_app.services.resident_matching import ResidentMatch as ResidentMatch
from station_app.services.resident_matching import match_residents as match_residents
from station_app.services.residents import resident_in_scope
from station_app.texts import Catalogue

REASON_SEPARATOR = " · "
GROWTH = 4.0  # beyond the radius, the search circle grows by this factor until enough are found
MAX_REACH_KM = 1000.0  # past this, every job is read
_MARGIN = 16  # rows read past the limit: the exact distance and score may reorder a few


@dataclass(frozen=True)
class JobMatch:
    job_id: str
    row_version: int
    title: str
    employer_id: str
    employer_name: str
    kind: JobKind
    occupation_code: str | None
    salary_min_fen: int | None
    salary_max_fen: int | None
    places_left: int
    valid_to: date | None
    distance_km: float | None
    score: float
    reasons: tuple[MatchReason, ...]


def resident_point(rx: ReadTx, resident: Resident) -> tuple[float, float] | None:
    """Where the resident lives for matching: their community's centre, if it has one."""
    community = rx.session.get(Community, resident.community_id)
    if community is None or community.latitude is None or community.longitude is None:
        return None
    return community.latitude, community.longitude


def seeker_of(resident: Resident) -> Seeker:
    return Seeker(
        desired_occupation=resident.desired_occupation,
        skills=tuple(resident.skills or ()),
        desired_salary_fen=resident.desired_salary_fen,
        education=resident.education,
        seeking_work=resident.employment_status is EmploymentStatus.UNEMPLOYED,
    )


def allowed_kinds(facts: Facts, day: date, wanted: frozenset[JobKind]) -> frozenset[JobKind]:
    """The kinds the resident may take on the day (the job's age limits aside)."""
    kinds = wanted or frozenset(JobKind)
    return frozenset(k for k in kinds if refusal(facts, JobTerms(k, None, None), day) is None)


def match_jobs(
    rx: ReadTx,
    resident_id: str,
    options: MatchOptions = JOB_MATCH_DEFAULTS,
    *,
    today: date | None = None,
) -> tuple[JobMatch, ...]:
    """The jobs the resident may take, best first: within the radius ranked by score, then
    (when `within_radius_only` is off) those beyond it, nearest first. Empty when the
    resident's community has no position."""
    rx.require(Permission.RESIDENT_READ)
    rx.require(Permission.EMPLOYER_READ)
    day = today or date.today()
    resident = resident_in_scope(rx, resident_id)
    point = resident_point(rx, resident)
    if point is None or options.limit <= 0:
        return ()
    radius = options.radius_km if options.radius_km is not None else match_radius_km(rx)
    facts = facts_of(rx, resident, day)
    kinds = allowed_kinds(facts, day, options.kinds)
    if not kinds:
        return ()
    seeker = seeker_of(resident)
    search = JobSearch(rx, point, kinds, facts.age, seeker, radius, day)
    asked = options.limit + _MARGIN
    while True:
        found = search.best(asked)
        inside = [
            m for m in _matches(rx, point, ids(found), seeker, radius, day) if _km(m) <= radius
        ]
        if len(inside) >= options.limit + _MARGIN // 2 or len(found) < asked:
            break
        asked *= 4
    ranked = sorted(inside, key=lambda m: (-m.score, _km(m), m.job_id))[: options.limit]
    if options.within_radius_only or len(ranked) >= options.limit:
        return tuple(ranked)
    wanted = options.limit - len(ranked)
    reach = radius
    while True:
        reach *= GROWTH
        world = bounding_box(Near(point[0], point[1], reach)) is None or reach > MAX_REACH_KM
        found = search.nearest_beyond(reach, wanted + _MARGIN, world=world)
        beyond = [
            m for m in _matches(rx, point, ids(found), seeker, radius, day) if _km(m) > radius
        ]
        if len(beyond) >= wanted or world:
            break
    beyond.sort(key=lambda m: (_km(m), m.job_id))
    return tuple(ranked + beyond[:wanted])


def _km(match: JobMatch) -> float:
    return match.distance_km if match.distance_km is not None else math.inf


def profile_matches(rx: ReadTx, resident_id: str, today: date) -> tuple[JobMatch, ...]:
    """The profile's part "job_matches": the default match, or nothing for a role that may
    not see jobs."""
    if not rx.station.can(Permission.EMPLOYER_READ):
        return ()
    return match_jobs(rx, resident_id, today=today)


def reasons_text(texts: Catalogue, reasons: Sequence[MatchReason]) -> str:
    """The reasons as a worker reads them: "1.2 km · 同类职业 · 薪资符合"."""
    return REASON_SEPARATOR.join(texts.text(f"match.{r.code}", **r.params) for r in reasons)


def record_job_information(
    tx: WriteTx,
    resident_id: str,
    job_id: str,
    *,
    channel: ServiceChannel,
    on_day: date | None = None,
    today: date | None = None,
) -> None:
    """Records that the resident was told about the job (岗位信息推送): a service record of
    the job, one of the 1-3-1 bundle's job offers. The job must be one they may take."""
    tx.require(Permission.RESIDENT_WRITE)
    today = today or date.today()
    day = on_day or today
    resident = resident_in_scope(tx, resident_id)
    job = open_job_with_place(tx, job_id, day)
    check_assignment(tx, resident, job, day)
    employer_name = job.employer.name if job.employer is not None else ""
    record_contact(
        tx,
        ContactInput(
            resident_id=resident.id,
            channel=channel,
            occurred_on=day,
            outcome=None,
            kind=ServiceKind.JOB_INFORMATION,
            summary=f"{job.title} · {employer_name}".strip(" ·"),
            job_id=job.id,
        ),
        today=today,
    )


_DETAILS = text(
    """
    SELECT j.id, j.row_version, j.title, j.employer_id, e.name, j.kind, j.occupation_code,
           j.salary_min_fen, j.salary_max_fen, j.headcount - j.filled, j.valid_from,
           j.valid_to, j.education_min,
           coalesce(j.latitude, e.latitude), coalesce(j.longitude, e.longitude)
    FROM jobs j JOIN employers e ON e.id = j.employer_id
    WHERE j.id IN :ids
    """
).bindparams(bindparam("ids", expanding=True))


def _matches(
    rx: ReadTx,
    point: tuple[float, float],
    ids: Sequence[str],
    seeker: Seeker,
    radius: float,
    day: date,
) -> list[JobMatch]:
    """The jobs with their great-circle distance, score and reasons (match_rules.score)."""
    if not ids:
        return []
    lat, lon = point
    found = []
    for v in rx.session.execute(_DETAILS, {"ids": list(ids)}):
        km = distance_km(lat, lon, v[13], v[14])
        found.append(_job_match(v, km, seeker, radius, day))
    return found


def _job_match(v: Any, km: float, seeker: Seeker, radius: float, day: date) -> JobMatch:
    kind = JobKind(v[5])
    valid_from = date.fromisoformat(v[10])
    valid_to = date.fromisoformat(v[11]) if v[11] else None
    post = Post(kind, v[6], v[7], v[8], v[12], valid_from, v[9])
    points, reasons = score(seeker, post, km=km, radius_km=radius, today=day)
    return JobMatch(
        job_id=v[0],
        row_version=v[1],
        title=v[2],
        employer_id=v[3],
        employer_name=v[4],
        kind=kind,
        occupation_code=v[6],
        salary_min_fen=v[7],
        salary_max_fen=v[8],
        places_left=v[9],
        valid_to=valid_to,
        distance_km=round(km, 3),
        score=points,
        reasons=reasons,
    )

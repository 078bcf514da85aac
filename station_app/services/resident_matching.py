"""Matching a job to residents (精准推送): who of the station's scope nearby may take it and fits.

The job is at its workplace; residents at their community's centre, so the communities of
the scope within the radius are found first (a handful of distances), then their residents
without work whom the job's rules let take it (its kind's route, its age limits, its
education minimum) are ranked by SQLite with the score of `match_rules` (`match_sql`). Those
looking for work (registered unemployed) come first. The rows kept are checked once more
against `job_eligibility.refusal` and re-scored with the reasons. Phone and ID number are
masked unless the role may see them in full. `job_call_list` gives the same list as plain
data for printing and export.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, select, text

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.errors import NotFoundError
from station_app.models import (
    Community,
    Employer,
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
    RecognitionState,
    ServiceKind,
    Sex,
)
from station_app.models.masking import mask_id_number, mask_phone
from station_app.services import match_rules as rules
from station_app.services import match_sql as sql
from station_app.services.job_eligibility import KIND_RULES, WITHOUT_WORK, Facts, JobTerms, refusal
from station_app.services.job_query import distance_km
from station_app.services.match_options import RESIDENT_MATCH_DEFAULTS, MatchOptions
from station_app.services.match_radius import match_radius_km
from station_app.services.recognition_rules import add_years
from station_app.services.residents import age_on

_MARGIN = 16
SEEKING = frozenset({EmploymentStatus.UNEMPLOYED})
_ENDED = (RecognitionState.APPROVED.value, RecognitionState.EXPIRED.value)


@dataclass(frozen=True)
class ResidentMatch:
    resident_id: str
    name: str
    sex: Sex
    age: int
    community_name: str
    phone: str | None  # masked unless the role may see it in full
    id_number: str  # masked likewise
    employment_status: EmploymentStatus
    distance_km: float | None
    score: float
    reasons: tuple[rules.MatchReason, ...]
    informed_on: date | None  # the last time the resident was told about this job, if ever


@dataclass(frozen=True)
class _JobFacts:
    job: Job
    point: tuple[float, float]
    post: rules.Post


def match_residents(
    rx: ReadTx,
    job_id: str,
    options: MatchOptions = RESIDENT_MATCH_DEFAULTS,
    *,
    today: date | None = None,
) -> tuple[ResidentMatch, ...]:
    """The residents of the scope who may take the job and live nearby, best first (those
    looking for work first). Empty when the job takes nobody on the day or has no position."""
    rx.require(Permission.RESIDENT_READ)
    rx.require(Permission.EMPLOYER_READ)
    day = today or date.today()
    facts = _job_facts(rx, job_id, day)
    if facts is None or options.limit <= 0:
        return ()
    if options.kinds and facts.job.kind not in options.kinds:
        return ()
    radius = options.radius_km if options.radius_km is not None else match_radius_km(rx)
    near = _communities(rx, facts.point, radius, options.within_radius_only)
    if not near:
        return ()
    kept: list[dict[str, Any]] = []
    # Those looking for work first; the others without work only to fill the list.
    for statuses in (SEEKING, WITHOUT_WORK - SEEKING):
        wanted = options.limit - len(kept)
        if wanted <= 0:
            break
        asked = wanted + _MARGIN
        while True:
            rows = _ranked_rows(rx, facts, near, radius, day, asked, statuses)
            checked = _checked(rx, rows, facts.job, day)
            if len(checked) >= wanted or len(rows) < asked:
                break
            asked *= 4
        kept += checked[:wanted]
    _add_details(rx, kept)
    full = rx.station.can(Permission.RESIDENT_FULL_DATA)
    informed = _informed_on(rx, facts.job.id, [r["id"] for r in kept])
    matches = [
        _match(r, near[r["community_id"]], facts.post, radius, day, full, informed) for r in kept
    ]
    matches.sort(key=lambda m: _order(m, radius))
    return tuple(matches[: options.limit])


def _job_facts(rx: ReadTx, job_id: str, day: date) -> _JobFacts | None:
    job = rx.session.get(Job, job_id)
    if job is None or job.deleted:
        raise NotFoundError("the job no longer exists", code="placement.job_gone")
    takes = (
        job.status is JobStatus.OPEN
        and job.filled < job.headcount
        and job.valid_from <= day
        and (job.valid_to is None or day <= job.valid_to)
    )
    employer = rx.session.get(Employer, job.employer_id)
    lat = job.latitude if job.latitude is not None else (employer.latitude if employer else None)
    lon = job.longitude if job.longitude is not None else (employer.longitude if employer else None)
    if not takes or lat is None or lon is None:
        return None
    post = rules.post_of(job)
    return _JobFacts(job, (lat, lon), post)


@dataclass(frozen=True)
class _Near:
    name: str
    km: float


def _communities(
    rx: ReadTx, point: tuple[float, float], radius: float, within_only: bool
) -> dict[str, _Near]:
    """The scope's communities with a position, and their distance from the job."""
    near: dict[str, _Near] = {}
    rows: Any = rx.session.execute(
        select(Community.id, Community.name, Community.latitude, Community.longitude).where(
            Community.id.in_(list(rx.scope.communities)),
            Community.deleted.is_(False),
            Community.latitude.is_not(None),
            Community.longitude.is_not(None),
        )
    )
    for cid, name, lat, lon in rows:
        km = distance_km(point[0], point[1], lat, lon)
        if km <= radius or not within_only:
            near[cid] = _Near(name, km)
    return near


def _ranked_rows(
    rx: ReadTx,
    facts: _JobFacts,
    near: Mapping[str, _Near],
    radius: float,
    day: date,
    limit: int,
    statuses: frozenset[EmploymentStatus],
) -> list[dict[str, Any]]:
    """The best-scored residents of these statuses, read from `ix_residents_matching`."""
    job, post = facts.job, facts.post
    params: dict[str, Any] = {
        "communities": list(near),
        "scope": list(rx.scope.communities),
        "statuses": sorted(s.value for s in statuses),
        "day": day.isoformat(),
        "limit": limit,
    }
    where = [
        "r.deleted = 0",
        "r.community_id IN :communities",
        "r.scope_id IN :scope",
        "r.employment_status IN :statuses",
    ]
    if job.age_min is not None:  # at least age_min years old on the day
        params["born_by"] = add_years(day, -job.age_min).isoformat()
        where.append("r.birth_date <= :born_by")
    if job.age_max is not None:  # not yet age_max + 1 on the day
        params["born_after"] = add_years(day, -(job.age_max + 1)).isoformat()
        where.append("r.birth_date > :born_after")
    wanted = rules.education_level(job.education_min)
    if wanted is not None:
        below = [d for d, level in rules.EDUCATION_LEVELS.items() if level < wanted]
        params["below"] = below
        where.append("substr(coalesce(r.education, ''), 1, 1) NOT IN :below")
    where.extend(_kind_conditions(job.kind, day, params))
    closeness = " ".join(
        f"WHEN {_p(params, cid)} THEN {rules.closeness(n.km * n.km, radius)!r}"
        for cid, n in near.items()
    )
    # Beyond the radius (when asked for): after those within it, the nearest first.
    beyond = " ".join(
        f"WHEN {_p(params, cid)} THEN {n.km!r}" for cid, n in near.items() if n.km > radius
    )
    far = f"(CASE r.community_id {beyond} ELSE NULL END)"
    order = f"{far} IS NOT NULL, {far}, score DESC, r.id" if beyond else "score DESC, r.id"
    have = sql.EDUCATION_LEVEL_SQL.format(column="r.education")
    top = post.salary_max_fen if post.salary_max_fen is not None else post.salary_min_fen
    score_sql = " + ".join(
        (
            f"{rules.DISTANCE_POINTS!r} * (CASE r.community_id {closeness} ELSE 0.0 END)",
            sql.resident_occupation_sql(
                "r.desired_occupation", "r.skills", post.occupation_code, params
            ),
            sql.salary_sql("NULL" if top is None else str(int(top)), "r.desired_salary_fen"),
            sql.education_sql(have, _p(params, post.education_min)),
        )
    )
    query = text(
        f"""
        SELECT r.id, r.birth_date, r.community_id, r.employment_status,
               r.desired_occupation, r.skills, r.desired_salary_fen, r.education,
               r.school_left_on, {score_sql} AS score
        FROM residents r INDEXED BY ix_residents_matching
        WHERE {" AND ".join(where)}
        ORDER BY {order}
        LIMIT :limit
        """
    ).bindparams(
        *(
            bindparam(name, expanding=True)
            for name in ("communities", "scope", "statuses", "below")
            if name in params
        )
    )
    return [dict(row._mapping) for row in rx.session.execute(query, params)]


def _kind_conditions(kind: JobKind, day: date, params: dict[str, Any]) -> list[str]:
    """The kind's rule in SQL (exactly as `job_eligibility`, re-checked on the rows kept)."""
    rule = KIND_RULES.get(kind)
    if rule is None:
        return []
    routes: list[str] = []
    if rule.recognised:
        routes.append(
            "EXISTS (SELECT 1 FROM recognitions g WHERE g.resident_id = r.id "
            f"AND g.deleted = 0 AND g.state = '{RecognitionState.APPROVED.value}' "
            "AND g.valid_until >= :day)"
        )
    if rule.graduate_years is not None:
        params["left_since"] = add_years(day, -rule.graduate_years).isoformat()
        routes.append("(r.school_left_on >= :left_since AND r.school_left_on <= :day)")
    if rule.youth_ages is not None:
        young, old = rule.youth_ages
        params["youth_by"] = add_years(day, -young).isoformat()
        params["youth_after"] = add_years(day, -(old + 1)).isoformat()
        routes.append("(r.birth_date <= :youth_by AND r.birth_date > :youth_after)")
    if rule.key_groups:
        groups = ", ".join(f"'{g.value}'" for g in sorted(rule.key_groups))
        routes.append(
            "EXISTS (SELECT 1 FROM resident_key_groups k WHERE k.resident_id = r.id "
            f"AND k.key_group IN ({groups}))"
        )
    return [f"({' OR '.join(routes)})"] if routes else ["0"]


def _checked(rx: ReadTx, rows: list[dict[str, Any]], job: Job, day: date) -> list[dict[str, Any]]:
    """The rows whose resident the job's rules let take it (job_eligibility.refusal)."""
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    groups: dict[str, set[KeyGroup]] = {}
    for rid, group in rx.session.execute(
        text(
            "SELECT resident_id, key_group FROM resident_key_groups WHERE resident_id IN :ids"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": ids},
    ):
        groups.setdefault(rid, set()).add(KeyGroup(group))
    approved: dict[str, date] = {}
    lapsed: dict[str, date] = {}
    for rid, state, until in rx.session.execute(
        text(
            "SELECT resident_id, state, valid_until FROM recognitions "
            "WHERE deleted = 0 AND valid_until IS NOT NULL AND resident_id IN :ids"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": ids},
    ):
        end = date.fromisoformat(until)
        if state == RecognitionState.APPROVED.value and end >= day:
            approved[rid] = max(end, approved.get(rid, end))
        elif end < day and state in (
            RecognitionState.APPROVED.value,
            RecognitionState.EXPIRED.value,
        ):
            lapsed[rid] = max(end, lapsed.get(rid, end))
    terms = JobTerms(job.kind, job.age_min, job.age_max)
    kept = []
    for r in rows:
        birth = date.fromisoformat(r["birth_date"])
        left = date.fromisoformat(r["school_left_on"]) if r["school_left_on"] else None
        facts = Facts(
            age=age_on(birth, day),
            status=EmploymentStatus(r["employment_status"]),
            key_groups=frozenset(groups.get(r["id"], ())),
            school_left_on=left,
            recognised_until=approved.get(r["id"]),
            lapsed_until=lapsed.get(r["id"]),
        )
        if refusal(facts, terms, day) is None:
            r["age"] = facts.age
            kept.append(r)
    return kept


def _add_details(rx: ReadTx, rows: list[dict[str, Any]]) -> None:
    """What the list shows of the residents kept: name, sex, phone, ID number."""
    if not rows:
        return
    found = {
        rid: (name, sex, phone, number)
        for rid, name, sex, phone, number in rx.session.execute(
            text(
                "SELECT id, name, sex, phone, id_number FROM residents WHERE id IN :ids"
            ).bindparams(bindparam("ids", expanding=True)),
            {"ids": [r["id"] for r in rows]},
        )
    }
    for r in rows:
        r["name"], r["sex"], r["phone"], r["id_number"] = found[r["id"]]


def _informed_on(rx: ReadTx, job_id: str, resident_ids: Sequence[str]) -> dict[str, date]:
    if not resident_ids:
        return {}
    rows = rx.session.execute(
        text(
            "SELECT resident_id, max(occurred_on) FROM service_records "
            "WHERE job_id = :job AND kind = :kind AND deleted = 0 AND resident_id IN :ids "
            "GROUP BY resident_id"
        ).bindparams(bindparam("ids", expanding=True)),
        {"job": job_id, "kind": ServiceKind.JOB_INFORMATION.value, "ids": list(resident_ids)},
    )
    return {rid: date.fromisoformat(day) for rid, day in rows}


def _match(
    r: Mapping[str, Any],
    near: _Near,
    post: rules.Post,
    radius: float,
    day: date,
    full: bool,
    informed: Mapping[str, date],
) -> ResidentMatch:
    skills = r["skills"]
    seeker = rules.Seeker(
        desired_occupation=r["desired_occupation"],
        skills=tuple(json.loads(skills) if isinstance(skills, str) else (skills or ())),
        desired_salary_fen=r["desired_salary_fen"],
        education=r["education"],
        seeking_work=r["employment_status"] == EmploymentStatus.UNEMPLOYED.value,
    )
    points, reasons = rules.score(seeker, post, km=near.km, radius_km=radius, today=day)
    phone = r["phone"]
    return ResidentMatch(
        resident_id=r["id"],
        name=r["name"],
        sex=Sex(r["sex"]),
        age=r["age"],
        community_name=near.name,
        phone=phone if full or phone is None else mask_phone(phone),
        id_number=r["id_number"] if full else mask_id_number(r["id_number"]),
        employment_status=EmploymentStatus(r["employment_status"]),
        distance_km=round(near.km, 3),
        score=points,
        reasons=reasons,
        informed_on=informed.get(r["id"]),
    )


def _order(m: ResidentMatch, radius: float) -> tuple[bool, bool, float, str]:
    """Those looking for work first; within the radius by score, then beyond it by distance."""
    seeking = m.employment_status is EmploymentStatus.UNEMPLOYED
    km = m.distance_km or 0.0
    beyond = km > radius
    return (not seeking, beyond, km if beyond else -m.score, m.resident_id)


def _p(params: dict[str, Any], value: Any) -> str:
    name = f"v{len(params)}"
    params[name] = value
    return f":{name}"

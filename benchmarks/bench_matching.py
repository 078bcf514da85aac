"""Matching on the scale database: a resident's jobs, a job's residents, the profile with its
matches; each against a brute-force scan of the same data in the same run.

Targets (issue "3-km matching"): match p95 <= 25 ms, a job's push list p95 <= 100 ms,
load_profile with the matches <= 0.2 s, with 50,000 open jobs and 200,000 residents.
The brute force reads every job (every resident), applies the same rules and score and
sorts; it also checks that the service found the same best scores.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, select, text

from benchmarks.scale_database import matching_data_dir
from station_app import paths
from station_app.core.station_session import ReadTx, StationSession
from station_app.database import open_database
from station_app.demo import DEMO_PASSWORD, DEMO_USERNAME
from station_app.models import (
    Community,
    Employer,
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
    Recognition,
    RecognitionState,
    Resident,
    ResidentKeyGroup,
)
from station_app.services import match_rules as rules
from station_app.services.auth import log_in
from station_app.services.job_eligibility import WITHOUT_WORK, Facts, JobTerms, facts_of, refusal
from station_app.services.job_query import distance_km
from station_app.services.matching import (
    match_jobs,
    match_radius_km,
    match_residents,
    resident_point,
    seeker_of,
)
from station_app.services.resident_profile import load_profile
from station_app.services.residents import age_on

MATCH_TARGET_MS = 25.0
PUSH_TARGET_MS = 100.0
PROFILE_TARGET_MS = 200.0
RESIDENTS = 200
JOBS = 100
PROFILES = 50
BRUTE_RESIDENTS = 20
BRUTE_JOBS = 5
T = TypeVar("T")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(station: StationSession, fn: Callable[[ReadTx], T]) -> tuple[float, T]:
    started = time.perf_counter()
    with station.read() as rx:
        result = fn(rx)
    return (time.perf_counter() - started) * 1000, result


def brute_jobs(rx: ReadTx, resident_id: str, day: date, limit: int = 20) -> list[float]:
    """Every job scanned and judged: the best scores within the radius."""
    resident = rx.session.get(Resident, resident_id)
    assert resident is not None
    point = resident_point(rx, resident)
    assert point is not None
    radius = match_radius_km(rx)
    facts = facts_of(rx, resident, day)
    seeker = seeker_of(resident)
    scores = []
    rows = rx.session.execute(
        select(Job, Employer.latitude, Employer.longitude).join(
            Employer, Employer.id == Job.employer_id
        )
    )
    for job, e_lat, e_lon in rows:
        lat = job.latitude if job.latitude is not None else e_lat
        lon = job.longitude if job.longitude is not None else e_lon
        if (
            job.deleted
            or job.status is not JobStatus.OPEN
            or job.filled >= job.headcount
            or job.valid_from > day
            or (job.valid_to is not None and job.valid_to < day)
            or lat is None
            or lon is None
        ):
            continue
        km = distance_km(point[0], point[1], lat, lon)
        if km > radius:
            continue
        if refusal(facts, JobTerms(job.kind, job.age_min, job.age_max), day) is not None:
            continue
        if rules.education_refused(resident.education, job.education_min):
            continue
        post = rules.post_of(job)
        scores.append(rules.score(seeker, post, km=km, radius_km=radius, today=day)[0])
    return sorted(scores, reverse=True)[:limit]


def brute_residents(rx: ReadTx, job_id: str, day: date, limit: int = 100) -> list[float]:
    """Every resident of the scope scanned and judged: the best (seekers first) scores."""
    job = rx.session.get(Job, job_id)
    assert job is not None
    employer = rx.session.get(Employer, job.employer_id)
    assert employer is not None
    lat = job.latitude if job.latitude is not None else employer.latitude
    lon = job.longitude if job.longitude is not None else employer.longitude
    assert lat is not None and lon is not None
    radius = match_radius_km(rx)
    centres = {
        c.id: (c.latitude, c.longitude)
        for c in rx.session.scalars(select(Community))
        if c.latitude is not None and c.longitude is not None
    }
    groups: dict[str, set[KeyGroup]] = {}
    links = select(ResidentKeyGroup.resident_id, ResidentKeyGroup.key_group)
    for rid, group in rx.session.execute(links):
        groups.setdefault(rid, set()).add(group)
    approved: dict[str, date] = {}
    for rid, until in rx.session.execute(
        select(Recognition.resident_id, Recognition.valid_until).where(
            Recognition.state == RecognitionState.APPROVED, Recognition.valid_until >= day
        )
    ):
        approved[rid] = max(until, approved.get(rid, until))
    post = rules.post_of(job)
    terms = JobTerms(job.kind, job.age_min, job.age_max)
    ranked: list[tuple[bool, float]] = []
    scope = rx.scope.communities
    for r in rx.session.execute(select(Resident.__table__)).mappings():
        if r["deleted"] or r["scope_id"] not in scope or r["community_id"] not in centres:
            continue
        status = EmploymentStatus(r["employment_status"])
        if status not in WITHOUT_WORK:
            continue
        c_lat, c_lon = centres[r["community_id"]]
        km = distance_km(lat, lon, c_lat, c_lon)
        if km > radius:
            continue
        facts = Facts(
            age=age_on(r["birth_date"], day),
            status=status,
            key_groups=frozenset(groups.get(r["id"], ())),
            school_left_on=r["school_left_on"],
            recognised_until=approved.get(r["id"]),
            lapsed_until=None,
        )
        if refusal(facts, terms, day) is not None:
            continue
        if rules.education_refused(r["education"], job.education_min):
            continue
        skills = r["skills"]
        seeker = rules.Seeker(
            r["desired_occupation"],
            tuple(json.loads(skills) if isinstance(skills, str) else skills or ()),
            r["desired_salary_fen"],
            r["education"],
            seeking_work=status is EmploymentStatus.UNEMPLOYED,
        )
        points = rules.score(seeker, post, km=km, radius_km=radius, today=day)[0]
        ranked.append((status is not EmploymentStatus.UNEMPLOYED, -points))
    return [-s for _, s in sorted(ranked)[:limit]]


def same(found: list[float], expected: list[float], slack: float = 0.05) -> bool:
    return len(found) == len(expected) and all(
        abs(a - b) <= slack for a, b in zip(found, expected, strict=True)
    )


def report(name: str, times: list[float], target: float | None = None) -> float:
    p95 = percentile(times, 0.95)
    line = (
        f"{name:<30} n={len(times):<4} p50 {percentile(times, 0.5):8.1f} ms"
        f"  p95 {p95:8.1f} ms  max {max(times):8.1f} ms"
    )
    if target is not None:
        line += f"  (target p95 <= {target:.0f} ms: {'met' if p95 <= target else 'MISSED'})"
    print(line)
    return p95


def main() -> int:
    db = open_database(paths.database_path(matching_data_dir()))
    station = log_in(db, DEMO_USERNAME, DEMO_PASSWORD)
    day = date.today()
    with station.read() as rx:
        open_jobs = rx.session.scalar(
            select(func.count()).select_from(Job).where(Job.status == JobStatus.OPEN)
        )
        residents = rx.session.scalar(select(func.count()).select_from(Resident))
        indexed = rx.session.execute(text("SELECT count(*) FROM job_positions")).scalar()
        resident_ids = list(rx.session.scalars(select(Resident.id).order_by(Resident.id)))
        job_ids = list(
            rx.session.scalars(select(Job.id).where(Job.status == JobStatus.OPEN).order_by(Job.id))
        )
        counts = rx.session.execute(select(Job.kind, func.count()).group_by(Job.kind))
        kinds = {kind: count for kind, count in counts}
    print(
        f"open jobs {open_jobs:,} (in the R*Tree: {indexed:,}); residents {residents:,}; "
        f"radius {station.query(match_radius_km)} km; kinds "
        + ", ".join(f"{k.value} {kinds.get(k, 0):,}" for k in JobKind)
    )
    rng = random.Random(11)
    sample_residents = rng.sample(resident_ids, RESIDENTS)
    sample_jobs = rng.sample(job_ids, JOBS)
    for rid in sample_residents[:20]:  # warm the page cache as a day's use would
        timed(station, lambda rx, rid=rid: match_jobs(rx, rid, today=day))

    match_times: list[float] = []
    found_jobs: dict[str, Any] = {}
    for rid in sample_residents:
        ms, found = timed(station, lambda rx, rid=rid: match_jobs(rx, rid, today=day))
        match_times.append(ms)
        found_jobs[rid] = found
    push_times: list[float] = []
    found_residents: dict[str, Any] = {}
    for jid in sample_jobs:
        ms, found = timed(station, lambda rx, jid=jid: match_residents(rx, jid, today=day))
        push_times.append(ms)
        found_residents[jid] = found
    profile_times = [
        timed(station, lambda rx, rid=rid: load_profile(rx, rid, today=day))[0]
        for rid in sample_residents[:PROFILES]
    ]
    brute_match: list[float] = []
    agree_match = 0
    for rid in sample_residents[:BRUTE_RESIDENTS]:
        ms, expected = timed(station, lambda rx, rid=rid: brute_jobs(rx, rid, day))
        brute_match.append(ms)
        agree_match += same([m.score for m in found_jobs[rid]], expected)
    brute_push: list[float] = []
    agree_push = 0
    for jid in sample_jobs[:BRUTE_JOBS]:
        ms, expected = timed(station, lambda rx, jid=jid: brute_residents(rx, jid, day))
        brute_push.append(ms)
        got = found_residents[jid]
        agree_push += same([m.score for m in got], expected)

    print("\nservice (R*Tree, ranked in SQLite)")
    match_p95 = report("match_jobs (a resident's jobs)", match_times, MATCH_TARGET_MS)
    push_p95 = report("match_residents (push list)", push_times, PUSH_TARGET_MS)
    report("load_profile with matches", profile_times, PROFILE_TARGET_MS)
    print("\nbrute force (every row scanned and judged in Python)")
    report("every job", brute_match)
    report("every resident", brute_push)
    match_ratio = percentile(brute_match, 0.5) / percentile(match_times, 0.5)
    push_ratio = percentile(brute_push, 0.5) / percentile(push_times, 0.5)
    print(
        f"\nmedian ratio brute force / service: jobs {match_ratio:.0f}x, residents "
        f"{push_ratio:.0f}x; p95 / target: match {match_p95 / MATCH_TARGET_MS:.2f}, "
        f"push list {push_p95 / PUSH_TARGET_MS:.2f}"
    )
    print(
        f"same best scores as the brute force: {agree_match}/{BRUTE_RESIDENTS} residents, "
        f"{agree_push}/{BRUTE_JOBS} jobs"
    )
    sizes = [len(f) for f in found_jobs.values()]
    print(f"jobs found per resident: median {percentile([float(s) for s in sizes], 0.5):.0f}")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

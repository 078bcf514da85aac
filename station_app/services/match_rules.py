"""How well a job and a resident fit: the score and the reasons a worker reads, pure rules.

A score is the sum of its parts (at most 100): distance (40 × (1 − (d/radius)²): gentle near
home, falling to 0 at the radius), occupation fit (30 for the same occupation, 24 the same
小类, 16 the same 中类, 8 the same 大类; a fit through the resident's skills counts 80 % of
one through the occupation they seek), pay at or above what the resident asks (15), a post
of a kind kept for the resident's group (5), a fresh posting (4, falling to 0 at 60 days),
education at or above the job's minimum (3) and places left (3, full from 5 places). What
the resident wants (near, their occupation, their pay) weighs most; the small parts order
the rest, and keep the search's bounds tight (`job_match_search`). Each part that earns
points gives a reason (`MatchReason`, text `match.<code>`); distance is always the first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from station_app.models import Job, JobKind

DISTANCE_POINTS = 40.0
OCCUPATION_POINTS = (30.0, 24.0, 16.0, 8.0)  # same occupation, 小类, 中类, 大类
SKILL_SHARE = 0.8  # a fit through a skill, against one through the desired occupation
KIND_POINTS = 5.0
SALARY_POINTS = 15.0
EDUCATION_POINTS = 3.0
FRESH_POINTS = 4.0
FRESH_DAYS = 60  # a posting this old earns nothing for freshness
NEW_DAYS = 7  # a posting at most this old is "new"
PLACES_POINTS = 3.0
PLACES_FULL = 5

# Occupation codes of the 2022 classification: 大类 "4", 中类 "4-01", 小类 "4-01-02",
# 职业 "4-01-02-03"; the fit levels, most specific first.
OCCUPATION_LEVELS = ("same_occupation", "same_small_class", "same_medium_class", "same_major_class")
# A post of these kinds is kept for a group; a resident the rules let take it hears why.
KIND_REASONS: Mapping[JobKind, str] = MappingProxyType(
    {
        JobKind.PUBLIC_WELFARE: "public_welfare_eligible",
        JobKind.TRAINEESHIP: "traineeship_eligible",
        JobKind.TEMPORARY_SPECIAL: "temporary_special_eligible",
    }
)
# GB/T 4658-2006 top-level codes by level: 10 研究生 above 20 本科 above 30 专科 above
# 40 中职 = 60 普高 above 70 初中 above 80 小学; 90 其他 says nothing. A second-level code
# (21 大学本科毕业) is at its first digit's level.
EDUCATION_LEVELS: Mapping[str, int] = MappingProxyType(
    {"1": 7, "2": 6, "3": 5, "4": 4, "6": 4, "7": 3, "8": 2}
)
REASON_CODES = (
    "distance",
    "beyond_radius",
    *OCCUPATION_LEVELS,
    "skill_fit",
    *KIND_REASONS.values(),
    "salary_fits",
    "education_fits",
    "new_posting",
    "seeking_work",
)


@dataclass(frozen=True)
class MatchReason:
    code: str  # its text is "match.<code>" in the catalogue
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Seeker:
    """What the score looks at on the resident's side."""

    desired_occupation: str | None
    skills: tuple[str, ...]
    desired_salary_fen: int | None
    education: str | None
    seeking_work: bool = False  # registered unemployed, looking for work


@dataclass(frozen=True)
class Post:
    """What the score looks at on the job's side."""

    kind: JobKind
    occupation_code: str | None
    salary_min_fen: int | None
    salary_max_fen: int | None
    education_min: str | None
    valid_from: date
    places_left: int


def post_of(job: Job) -> Post:
    """The score's view of a job row."""
    return Post(
        job.kind,
        job.occupation_code,
        job.salary_min_fen,
        job.salary_max_fen,
        job.education_min,
        job.valid_from,
        job.headcount - job.filled,
    )


def education_level(code: str | None) -> int | None:
    """The level of a GB/T 4658 code (higher is more), None when unknown or 其他."""
    if not code:
        return None
    return EDUCATION_LEVELS.get(code.strip()[:1])


def education_refused(resident_education: str | None, job_minimum: str | None) -> bool:
    """The resident's education is known and below the job's minimum."""
    have, want = education_level(resident_education), education_level(job_minimum)
    return have is not None and want is not None and have < want


def refused_education_digits(resident_education: str | None) -> frozenset[str]:
    """The first digits of the minimums the resident's education is below (for SQL)."""
    have = education_level(resident_education)
    if have is None:
        return frozenset()
    return frozenset(digit for digit, level in EDUCATION_LEVELS.items() if level > have)


def occupation_fit(code: str | None, other: str | None) -> int | None:
    """How closely two occupation codes agree: 0 the same occupation … 3 the same 大类."""
    if not code or not other:
        return None
    mine, theirs = code.strip().split("-"), other.strip().split("-")
    shared = 0
    for a, b in zip(mine, theirs, strict=False):
        if a != b:
            break
        shared += 1
    if shared == 0:
        return None
    if shared >= 4 and len(mine) == len(theirs) == 4:
        return 0
    return 4 - min(shared, 3)


def closeness(km2: float, radius_km: float) -> float:
    """1 at home, 0 at the radius and beyond, from the squared distance (no square root, so
    SQLite computes the same in a query)."""
    if radius_km <= 0:
        return 0.0
    return max(0.0, 1.0 - km2 / (radius_km * radius_km))


def salary_fits(desired_fen: int | None, minimum: int | None, maximum: int | None) -> bool:
    """The job pays, at its top, at least what the resident asks (an open top: its floor)."""
    top = maximum if maximum is not None else minimum
    return desired_fen is not None and top is not None and top >= desired_fen


def score(
    seeker: Seeker,
    post: Post,
    *,
    km: float | None,
    radius_km: float,
    today: date,
    kind_eligible: bool = True,
) -> tuple[float, tuple[MatchReason, ...]]:
    """The score of the pair (higher fits better) and its reasons, distance first."""
    points = 0.0
    reasons: list[MatchReason] = []
    if km is not None:
        reasons.append(MatchReason("distance", {"km": f"{km:.1f}"}))
        if km <= radius_km:
            points += DISTANCE_POINTS * closeness(km * km, radius_km)
        else:
            reasons.append(MatchReason("beyond_radius", {"km": _km_text(radius_km)}))
    if seeker.seeking_work:
        reasons.append(MatchReason("seeking_work"))
    points += _occupation_part(seeker, post.occupation_code, reasons)
    if kind_eligible and post.kind in KIND_REASONS:
        points += KIND_POINTS
        reasons.append(MatchReason(KIND_REASONS[post.kind]))
    if salary_fits(seeker.desired_salary_fen, post.salary_min_fen, post.salary_max_fen):
        points += SALARY_POINTS
        reasons.append(MatchReason("salary_fits"))
    wanted, have = education_level(post.education_min), education_level(seeker.education)
    if wanted is not None and have is not None and have >= wanted:
        points += EDUCATION_POINTS
        reasons.append(MatchReason("education_fits"))
    age_days = (today - post.valid_from).days
    if 0 <= age_days < FRESH_DAYS:
        points += FRESH_POINTS * (1.0 - age_days / FRESH_DAYS)
        if age_days <= NEW_DAYS:
            reasons.append(MatchReason("new_posting"))
    points += PLACES_POINTS * min(max(post.places_left, 0), PLACES_FULL) / PLACES_FULL
    return round(points, 3), tuple(reasons)


def _occupation_part(seeker: Seeker, code: str | None, reasons: list[MatchReason]) -> float:
    desired = occupation_fit(seeker.desired_occupation, code)
    skilled = _best([occupation_fit(skill, code) for skill in seeker.skills])
    by_desire = OCCUPATION_POINTS[desired] if desired is not None else 0.0
    by_skill = OCCUPATION_POINTS[skilled] * SKILL_SHARE if skilled is not None else 0.0
    if by_desire == 0.0 and by_skill == 0.0:
        return 0.0
    if by_desire >= by_skill:
        assert desired is not None
        reasons.append(MatchReason(OCCUPATION_LEVELS[desired]))
        return by_desire
    assert skilled is not None
    reasons.append(MatchReason("skill_fit"))
    return by_skill


def _best(levels: Sequence[int | None]) -> int | None:
    known = [level for level in levels if level is not None]
    return min(known) if known else None


def _km_text(km: float) -> str:
    return f"{km:g}"

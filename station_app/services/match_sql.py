"""The match score as SQL, so SQLite ranks thousands of candidates and Python reads the best.

Each function gives an SQL expression and its bound parameters for one part of
`match_rules.score`, with the other side's values as parameters: the same rules, computed
where the rows are. The services re-score the rows they keep with `match_rules.score` (the
reference, which also gives the reasons); a test checks that both agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any

from station_app.services import match_rules as rules

Params = dict[str, Any]
_names = itertools.count()
# Where a first digit of a GB/T 4658 code puts it (match_rules.EDUCATION_LEVELS).
EDUCATION_LEVEL_SQL = (
    "(CASE substr({column}, 1, 1) "
    + " ".join(f"WHEN '{d}' THEN {level}" for d, level in rules.EDUCATION_LEVELS.items())
    + " ELSE NULL END)"
)


def _param(params: Params, value: Any) -> str:
    name = f"m{next(_names)}"
    params[name] = value
    return f":{name}"


def _prefixes(code: str | None) -> list[str]:
    """The code's prefixes by segments: "4", "4-01", "4-01-02", "4-01-02-03"."""
    if not code or not code.strip():
        return []
    parts = code.strip().split("-")
    return ["-".join(parts[: n + 1]) for n in range(len(parts))]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _code_level_sql(column: str, code: str | None, params: Params) -> list[tuple[int, str]]:
    """(level, condition) pairs: the column's code shares that level with `code`, the most
    specific first (match_rules.occupation_fit)."""
    prefixes = _prefixes(code)
    pairs: list[tuple[int, str]] = []
    if len(prefixes) == 4:
        pairs.append((0, f"{column} = {_param(params, prefixes[3])}"))
    for shared in (3, 2, 1):
        if len(prefixes) >= shared:
            exact = _param(params, prefixes[shared - 1])
            below = _param(params, _like(prefixes[shared - 1]) + "-%")
            pairs.append((4 - shared, f"({column} = {exact} OR {column} LIKE {below} ESCAPE '\\')"))
    return pairs


def _skills_level_sql(column: str, code: str | None, params: Params) -> list[tuple[int, str]]:
    """Like `_code_level_sql`, for a JSON list of codes in a text column."""
    prefixes = [_like(p) for p in _prefixes(code)]
    pairs: list[tuple[int, str]] = []
    if len(prefixes) == 4:
        pattern = _param(params, '%"' + prefixes[3] + '"%')
        pairs.append((0, f"{column} LIKE {pattern} ESCAPE '\\'"))
    for shared in (3, 2, 1):
        if len(prefixes) >= shared:
            exact = _param(params, '%"' + prefixes[shared - 1] + '"%')
            below = _param(params, '%"' + prefixes[shared - 1] + "-%")
            condition = f"{column} LIKE {exact} ESCAPE '\\' OR {column} LIKE {below} ESCAPE '\\'"
            pairs.append((4 - shared, f"({condition})"))
    return pairs


def _case(pairs: Sequence[tuple[int, str]], share: float = 1.0) -> str:
    if not pairs:
        return "0.0"
    whens = " ".join(
        f"WHEN {condition} THEN {rules.OCCUPATION_POINTS[level] * share!r}"
        for level, condition in pairs
    )
    return f"(CASE {whens} ELSE 0.0 END)"


def job_occupation_sql(column: str, seeker: rules.Seeker, params: Params) -> str:
    """Occupation points of the job in `column` for this resident (desired or skills)."""
    desired = _case(_code_level_sql(column, seeker.desired_occupation, params))
    levels: dict[int, list[str]] = {}
    for skill in seeker.skills:
        for level, condition in _code_level_sql(column, skill, params):
            levels.setdefault(level, []).append(condition)
    merged = [(level, " OR ".join(levels[level])) for level in sorted(levels)]
    skilled = _case([(lv, f"({c})") for lv, c in merged], rules.SKILL_SHARE)
    return f"max({desired}, {skilled})"


def resident_occupation_sql(desired: str, skills: str, code: str | None, params: Params) -> str:
    """Occupation points of residents (columns `desired`, `skills`) for the job's code."""
    by_desire = _case(_code_level_sql(desired, code, params))
    by_skill = _case(_skills_level_sql(skills, code, params), rules.SKILL_SHARE)
    return f"max({by_desire}, {by_skill})"


def salary_sql(top: str, desired: str) -> str:
    """Salary points: `top` (the job's best pay) at least `desired` (both SQL)."""
    return (
        f"(CASE WHEN {desired} IS NOT NULL AND {top} IS NOT NULL AND {top} >= {desired} "
        f"THEN {rules.SALARY_POINTS!r} ELSE 0.0 END)"
    )


def education_sql(have_level: str, minimum_column: str) -> str:
    """Education points: a known level at or above the job's known minimum."""
    wanted = EDUCATION_LEVEL_SQL.format(column=minimum_column)
    return (
        f"(CASE WHEN {have_level} IS NOT NULL AND {wanted} IS NOT NULL "
        f"AND {have_level} >= {wanted} THEN {rules.EDUCATION_POINTS!r} ELSE 0.0 END)"
    )


def freshness_sql(valid_from: str, day: date, params: Params) -> str:
    """Freshness points of a posting valid from `valid_from` (an ISO date column)."""
    return freshness_days_sql(
        f"(julianday({_param(params, day.isoformat())}) - julianday({valid_from}))"
    )


def freshness_days_sql(age: str) -> str:
    """Freshness points of a posting `age` days old (an SQL expression)."""
    return (
        f"(CASE WHEN {age} >= 0 AND {age} < {rules.FRESH_DAYS} "
        f"THEN {rules.FRESH_POINTS!r} * (1.0 - {age} / {float(rules.FRESH_DAYS)!r}) "
        "ELSE 0.0 END)"
    )


def places_sql(places: str) -> str:
    return (
        f"({rules.PLACES_POINTS!r} * min(max({places}, 0), {rules.PLACES_FULL}) "
        f"/ {float(rules.PLACES_FULL)!r})"
    )


def kind_sql(kind_column: str) -> str:
    kinds = ", ".join(f"'{kind.value}'" for kind in rules.KIND_REASONS)
    return f"(CASE WHEN {kind_column} IN ({kinds}) THEN {rules.KIND_POINTS!r} ELSE 0.0 END)"


def closeness_sql(km2: str, radius_km: float) -> str:
    r2 = float(radius_km) * float(radius_km)
    return f"max(0.0, 1.0 - ({km2}) / {r2!r})"

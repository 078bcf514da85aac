"""The score's rules, pure, and their SQL (which SQLite ranks by) against them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from station_app.models import JobKind
from station_app.services import match_rules as rules
from station_app.services import match_sql as sql
from station_app.texts import Catalogue

DAY = date(2026, 6, 15)
CODES = ("4-01-02-01", "4-01-02-03", "4-01-03-01", "4-02-01-01", "6-01-01-01", "4-01", "4")
codes = st.sampled_from(CODES)


def test_occupation_fit_by_the_classifications_levels() -> None:
    assert rules.occupation_fit("4-01-02-01", "4-01-02-01") == 0
    assert rules.occupation_fit("4-01-02-01", "4-01-02-03") == 1  # same 小类
    assert rules.occupation_fit("4-01-02-01", "4-01-03-01") == 2  # same 中类
    assert rules.occupation_fit("4-01-02-01", "4-02-01-01") == 3  # same 大类
    assert rules.occupation_fit("4-01-02-01", "6-01-01-01") is None
    assert rules.occupation_fit("4-01", "4-01-02-01") == 2
    assert rules.occupation_fit(None, "4-01-02-01") is None


def test_education_levels_follow_gb_t_4658() -> None:
    order = ["80", "70", "60", "30", "20", "10"]
    levels = [rules.education_level(code) for code in order]
    assert levels == sorted(levels)
    assert rules.education_level("40") == rules.education_level("60")  # 中职 = 普高
    assert rules.education_level("21") == rules.education_level("20")
    assert rules.education_level("90") is None and rules.education_level(None) is None
    assert rules.education_refused("40", "20") and not rules.education_refused("20", "40")
    assert not rules.education_refused(None, "10") and not rules.education_refused("90", "10")
    assert rules.refused_education_digits("40") == {"1", "2", "3"}


def test_a_score_with_every_reason() -> None:
    seeker = rules.Seeker("4-01-02-01", (), 400_000, "20", seeking_work=True)
    post = rules.Post(JobKind.TRAINEESHIP, "4-01-02-01", 300_000, 500_000, "30", DAY, 9)
    points, reasons = rules.score(seeker, post, km=0.0, radius_km=3.0, today=DAY)
    assert points == 100.0
    assert [r.code for r in reasons] == [
        "distance",
        "seeking_work",
        "same_occupation",
        "traineeship_eligible",
        "salary_fits",
        "education_fits",
        "new_posting",
    ]


def test_every_reason_has_a_text_in_every_language() -> None:
    for language in ("en", "zh_CN"):
        texts = Catalogue.load(language)
        for code in rules.REASON_CODES:
            assert f"match.{code}" in texts, (language, code)


@given(
    desired=st.none() | codes,
    skills=st.lists(codes, max_size=3, unique=True),
    job_code=st.none() | codes,
)
def test_the_sql_occupation_points_are_the_rules(
    desired: str | None, skills: list[str], job_code: str | None
) -> None:
    seeker = rules.Seeker(desired, tuple(skills), None, None)
    expected = rules._occupation_part(seeker, job_code, [])
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE j (occupation_code TEXT)")
    con.execute("CREATE TABLE r (desired TEXT, skills TEXT)")
    con.execute("INSERT INTO j VALUES (?)", (job_code,))
    con.execute("INSERT INTO r VALUES (?, ?)", (desired, json.dumps(skills)))
    params: sql.Params = {}
    by_job = sql.job_occupation_sql("occupation_code", seeker, params)
    (got,) = con.execute(f"SELECT {by_job} FROM j", params).fetchone()
    assert abs(got - expected) < 1e-9
    params = {}
    by_resident = sql.resident_occupation_sql("desired", "skills", job_code, params)
    (got,) = con.execute(f"SELECT {by_resident} FROM r", params).fetchone()
    assert abs(got - expected) < 1e-9


@given(
    desired=st.none() | st.integers(100_000, 900_000),
    top=st.none() | st.integers(100_000, 900_000),
    have=st.sampled_from([None, "10", "20", "40", "80", "90"]),
    minimum=st.sampled_from([None, "10", "20", "40", "80", "90"]),
    age=st.integers(-5, 90),
    places=st.integers(0, 9),
)
def test_the_other_sql_parts_are_the_rules(
    desired: int | None,
    top: int | None,
    have: str | None,
    minimum: str | None,
    age: int,
    places: int,
) -> None:
    from datetime import timedelta

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (top INTEGER, have TEXT, minimum TEXT, start TEXT, places INT)")
    start = DAY - timedelta(days=age)
    row = (top, have, minimum, start.isoformat(), places)
    con.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", row)
    params: sql.Params = {}
    level = sql.EDUCATION_LEVEL_SQL.format(column="have")
    parts = " + ".join(
        (
            sql.salary_sql("top", "NULL" if desired is None else str(desired)),
            sql.education_sql(level, "minimum"),
            sql.freshness_sql("start", DAY, params),
            sql.places_sql("places"),
        )
    )
    (got,) = con.execute(f"SELECT {parts} FROM t", params).fetchone()
    seeker = rules.Seeker(None, (), desired, have)
    post = rules.Post(JobKind.REGULAR, None, None, top, minimum, start, places)
    expected, _ = rules.score(seeker, post, km=None, radius_km=3.0, today=DAY)
    assert abs(got - expected) < 1e-3

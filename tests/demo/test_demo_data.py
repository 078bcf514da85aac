"""The demo database: counts, valid identifiers and codes, clear demo marks, determinism."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select

from station_app.database import Database, open_database
from station_app.demo import (
    ALWAYS_PRESENT_NAME,
    DEFAULT_SEED,
    DEMO_MARK,
    DEMO_PASSWORD,
    DEMO_USERNAME,
    REFERENCE_DATE,
    STANDARD,
    DemoSize,
    generate_demo_database,
)
from station_app.errors import UserError
from station_app.models import (
    CITY_SCOPE,
    AssistancePlan,
    Base,
    Community,
    Employer,
    EmploymentStatusChange,
    Job,
    JobStatus,
    JobStatusChange,
    KeyGroup,
    Recognition,
    RecognitionState,
    RecognitionStep,
    Resident,
    ResidentKeyGroup,
    ServiceRecord,
)
from station_app.services import code_tables
from station_app.services.auth import log_in
from station_app.services.name_pinyin import name_keys
from station_app.services.residents import age_on, get_resident, validate
from station_app.services.station import station_info
from station_app.validation import normalize_phone, parse_credit_code, parse_id_number

TINY = DemoSize(communities=2, residents=30, employers=4, jobs=8)
SYNCED = (Community, Resident, EmploymentStatusChange, Employer, Job)
STORIES = (Recognition, RecognitionStep, ServiceRecord, AssistancePlan, JobStatusChange)


@pytest.fixture(scope="module")
def demo_paths(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """Two STANDARD demos from the same seed, generated once for the whole module."""
    folder = tmp_path_factory.mktemp("demo")
    first, second = folder / "first.sqlite", folder / "second.sqlite"
    messages: list[str] = []
    generate_demo_database(first, STANDARD, progress=messages.append, today=REFERENCE_DATE).close()
    generate_demo_database(second, STANDARD, today=REFERENCE_DATE).close()
    assert messages[-1] == "demo database ready"
    assert f"residents {STANDARD.residents}/{STANDARD.residents}" in messages
    yield first, second


@pytest.fixture
def demo(demo_paths: tuple[Path, Path]) -> Iterator[Database]:
    db = open_database(demo_paths[0])
    yield db
    db.close()


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _rows(db: Database, model: type[Base]) -> list[tuple[Any, ...]]:
    table = _table(model)
    with db.session() as session:
        return [tuple(row) for row in session.execute(select(table).order_by(*table.primary_key))]


def test_counts_match_the_standard_size(demo: Database) -> None:
    with demo.session() as session:
        counts = DemoSize(
            communities=session.scalar(select(func.count()).select_from(Community)) or 0,
            residents=session.scalar(select(func.count()).select_from(Resident)) or 0,
            employers=session.scalar(select(func.count()).select_from(Employer)) or 0,
            jobs=session.scalar(select(func.count()).select_from(Job)) or 0,
        )
        history = session.scalar(select(func.count()).select_from(EmploymentStatusChange))
    assert counts == STANDARD
    assert history == STANDARD.residents + 1  # the status the hired referral recorded


def test_station_is_a_demo_with_a_working_login(demo: Database) -> None:
    info = station_info(demo)
    assert info is not None
    assert info.is_demo
    assert info.street == "东城街道"
    assert info.community_name.endswith(DEMO_MARK)
    session = log_in(demo, DEMO_USERNAME, DEMO_PASSWORD)
    assert session.actor.scope_id == info.community_id


def test_residents_have_valid_identifiers_and_search_keys(demo: Database) -> None:
    with demo.session() as session:
        residents = session.scalars(select(Resident)).all()
        phones = [r.phone for r in residents]
        for resident in residents:
            parsed = parse_id_number(resident.id_number, today=REFERENCE_DATE)
            assert parsed.number == resident.id_number
            assert parsed.region_code == "341282"
            assert (parsed.birth_date, parsed.sex) == (resident.birth_date, resident.sex.value)
            assert 16 <= age_on(resident.birth_date, REFERENCE_DATE) <= 65
            assert resident.phone is not None
            assert normalize_phone(resident.phone) == resident.phone
            keys = name_keys(resident.name)
            assert (resident.name_pinyin, resident.name_initials) == (
                keys.full_text,
                keys.initials_text,
            )
            assert resident.consent_given == (resident.consent_date is not None)
            # One entry from the register; a second for the resident the demo's referral hired.
            assert len(resident.status_history) in (1, 2)
    assert sum(len(r.status_history) for r in residents) == len(residents) + 1
    assert len(set(phones)) == len(phones)
    assert ALWAYS_PRESENT_NAME in {r.name for r in residents}


def test_demo_residents_pass_the_register_form_checks(demo: Database) -> None:
    with demo.session() as session:
        ids = session.scalars(select(Resident.id).order_by(Resident.id).limit(50)).all()
    station = log_in(demo, DEMO_USERNAME, DEMO_PASSWORD)
    for resident_id in ids:
        validate(station.query(get_resident, resident_id).data, today=REFERENCE_DATE)


def test_employers_are_marked_and_have_valid_codes_and_phones(demo: Database) -> None:
    with demo.session() as session:
        employers = session.scalars(select(Employer)).all()
        communities = session.scalars(select(Community)).all()
    assert all(e.name.endswith("（示例）") for e in employers)
    assert len({e.name for e in employers}) == len(employers)
    assert all(c.name.endswith(DEMO_MARK) and c.code.startswith("DEMO-") for c in communities)
    for employer in employers:
        assert parse_credit_code(employer.credit_code) == employer.credit_code
        assert employer.credit_code[2:8] == "341282"
        assert employer.contact_phone is not None
        assert normalize_phone(employer.contact_phone) == employer.contact_phone
    assert len({e.credit_code for e in employers}) == len(employers)
    assert any(e.key_enterprise for e in employers)


def test_codes_come_from_the_code_tables(demo: Database) -> None:
    occupations = code_tables.occupations()
    education = code_tables.education_levels()
    industries = code_tables.industries()
    with demo.session() as session:
        for resident in session.scalars(select(Resident)):
            assert resident.education is None or resident.education in education
            assert all(code in occupations for code in resident.skills)
            assert resident.desired_occupation is None or resident.desired_occupation in occupations
        for employer in session.scalars(select(Employer)):
            assert employer.industry in industries
        for job in session.scalars(select(Job)):
            assert job.occupation_code in occupations
            assert job.education_min is None or job.education_min in education


def test_jobs_are_consistent(demo: Database) -> None:
    with demo.session() as session:
        jobs = session.scalars(select(Job)).all()
        scopes = {
            row.id: row.scope_id for row in session.execute(select(Employer.id, Employer.scope_id))
        }
    for job in jobs:
        assert 1 <= job.headcount <= 30
        assert 0 <= job.filled <= job.headcount
        if job.salary_min_fen is not None and job.salary_max_fen is not None:
            assert job.salary_min_fen <= job.salary_max_fen
        if job.age_min is not None and job.age_max is not None:
            assert job.age_min < job.age_max
        if job.valid_to is not None:
            assert job.valid_from <= job.valid_to
        if job.status in (JobStatus.OPEN, JobStatus.PAUSED):
            assert job.valid_from <= REFERENCE_DATE
            assert job.valid_to is None or job.valid_to >= REFERENCE_DATE
        if job.status is JobStatus.EXPIRED:
            assert job.valid_to is not None and job.valid_to < REFERENCE_DATE
        if job.status is JobStatus.FILLED:
            assert job.filled == job.headcount
        assert job.scope_id == scopes[job.employer_id]
    assert {job.status for job in jobs} == set(JobStatus)


def test_synced_rows_carry_scope_and_bookkeeping(demo: Database) -> None:
    with demo.session() as session:
        for model in SYNCED:
            table = _table(model)
            wrong = session.scalar(
                select(func.count())
                .select_from(table)
                .where(
                    (table.c.row_version < 1)
                    | table.c.deleted
                    | (table.c.updated_by != DEMO_USERNAME)
                )
            )
            assert wrong == 0, model.__name__
            # Only the few the day-to-day records changed (approvals, job status moves).
            changed = session.scalar(
                select(func.count()).select_from(table).where(table.c.row_version != 1)
            )
            assert (changed or 0) <= 5, model.__name__
        assert set(session.scalars(select(Community.scope_id))) == {CITY_SCOPE}
        mismatched = session.scalar(
            select(func.count()).where(Resident.scope_id != Resident.community_id)
        )
        assert mismatched == 0


def test_same_seed_gives_identical_content(demo_paths: tuple[Path, Path]) -> None:
    first, second = (open_database(path) for path in demo_paths)
    try:
        for model in (*SYNCED, *STORIES, ResidentKeyGroup):
            assert _rows(first, model) == _rows(second, model), model.__name__
    finally:
        first.close()
        second.close()


def test_another_seed_gives_other_people_and_an_existing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tiny.sqlite"
    db = generate_demo_database(path, TINY, seed=7)
    try:
        names = {name for (_, name) in _names(db)}
        assert ALWAYS_PRESENT_NAME in names
        assert len(names) > 10
    finally:
        db.close()
    with pytest.raises(UserError):
        generate_demo_database(path, TINY, seed=7)


def _names(db: Database) -> list[tuple[str, str]]:
    with db.session() as session:
        return [(r.id_number, r.name) for r in session.scalars(select(Resident))]


def _jobs_and_births(path: Path) -> tuple[list[Job], list[date]]:
    db = open_database(path)
    try:
        with db.session() as session:
            jobs = list(session.scalars(select(Job)))
            births = list(session.scalars(select(Resident.birth_date)))
            session.expunge_all()
    finally:
        db.close()
    return jobs, births


def test_a_demo_is_made_as_of_today_by_default(tmp_path: Path) -> None:
    today = date.today()
    generate_demo_database(tmp_path / "now.sqlite", TINY, seed=7).close()
    jobs, births = _jobs_and_births(tmp_path / "now.sqlite")
    current = [job for job in jobs if job.status in (JobStatus.OPEN, JobStatus.PAUSED)]
    assert current, "the demo has open jobs"
    for job in current:
        assert job.valid_from <= today
        assert job.valid_to is None or job.valid_to >= today
    assert all(16 <= age_on(birth, today) <= 65 for birth in births)


def test_the_demo_day_moves_the_dates_not_the_content(tmp_path: Path) -> None:
    later = REFERENCE_DATE + timedelta(days=300)
    generate_demo_database(tmp_path / "a.sqlite", TINY, seed=7, today=REFERENCE_DATE).close()
    generate_demo_database(tmp_path / "b.sqlite", TINY, seed=7, today=later).close()
    jobs_a, _ = _jobs_and_births(tmp_path / "a.sqlite")
    jobs_b, _ = _jobs_and_births(tmp_path / "b.sqlite")
    assert [j.title for j in jobs_a] == [j.title for j in jobs_b]
    assert [j.status for j in jobs_a] == [j.status for j in jobs_b]
    shifts = {(b.valid_from - a.valid_from).days for a, b in zip(jobs_a, jobs_b, strict=True)}
    assert shifts == {300}


def test_the_station_has_a_day_of_work_to_show(demo: Database) -> None:
    """Recognitions in every state, contacts due, plans and job moves: the home page's content."""
    from station_app.services.follow_ups import follow_up_state
    from station_app.services.today import today_overview

    session = log_in(demo, DEMO_USERNAME, DEMO_PASSWORD)
    with demo.session() as db_session:
        states = list(db_session.scalars(select(Recognition.state)))
        plans = db_session.scalar(select(func.count()).select_from(AssistancePlan))
        moves = list(db_session.scalars(select(JobStatusChange.to_status)))
        contacts = db_session.scalar(select(func.count()).select_from(ServiceRecord))
    assert {RecognitionState.APPLIED, RecognitionState.IN_NOTICE} <= set(states)
    assert {RecognitionState.APPROVED, RecognitionState.REJECTED} <= set(states)
    assert len(states) == 7 and plans == 2 and (contacts or 0) >= 8
    assert sorted(moves) == sorted([JobStatus.PAUSED, JobStatus.PAUSED, JobStatus.CLOSED])
    overview = session.query(today_overview, REFERENCE_DATE)
    assert overview.notices is not None
    ends = [notice.notice_ends_on for notice in overview.notices]
    assert REFERENCE_DATE + timedelta(days=1) in ends and min(ends) < REFERENCE_DATE
    with demo.session() as db_session:
        contacted = set(db_session.scalars(select(ServiceRecord.resident_id)))
        approved = list(
            db_session.scalars(
                select(Recognition.resident_id).where(
                    Recognition.state == RecognitionState.APPROVED
                )
            )
        )
    due = {session.query(follow_up_state, resident_id).due_on for resident_id in contacted}
    assert REFERENCE_DATE in due
    assert any(day and REFERENCE_DATE < day <= REFERENCE_DATE + timedelta(days=7) for day in due)
    assert any(day and day < REFERENCE_DATE for day in due)
    for resident_id in approved:  # the approval put them in the key group
        groups = session.query(get_resident, resident_id).data.key_groups
        assert KeyGroup.HARD_TO_EMPLOY in groups


def test_the_station_has_referrals_in_every_state_with_slips(demo: Database) -> None:
    """Every outcome is shown somewhere, one referral is overdue, and every serial's slip
    can be read back with the demo's key (the CLI prints them)."""
    from station_app.demo.generator import demo_slip_keys
    from station_app.models import Referral, ReferralStatus
    from station_app.services.referral_slips import slip_facts
    from station_app.services.today import today_overview

    session = log_in(demo, DEMO_USERNAME, DEMO_PASSWORD)
    with demo.session() as db_session:
        referrals = list(db_session.scalars(select(Referral)))
        db_session.expunge_all()
    assert {r.status for r in referrals} == set(ReferralStatus)
    keys = demo_slip_keys(DEFAULT_SEED)
    for referral in referrals:
        facts = session.query(slip_facts, referral.slip_number, keys=keys)
        assert facts.serial == referral.slip_number
        assert keys.is_genuine(facts.serial, facts.check_code)
    overview = session.query(today_overview, REFERENCE_DATE)
    assert overview.referrals is not None
    assert overview.referrals.total == 1

"""The home page's lists: contacts due this week, jobs about to expire, by what a role may see."""

from __future__ import annotations

from datetime import date, timedelta

from station_app.core.actor import Actor
from station_app.core.station_session import StationSession
from station_app.database import Database
from station_app.models import (
    CITY_SCOPE,
    Employer,
    EmployerType,
    Job,
    JobKind,
    JobStatus,
    ServiceChannel,
    UserRole,
)
from station_app.models.recognition import Recognition, RecognitionState
from station_app.services.follow_ups import ContactInput, record_contact
from station_app.services.today import jobs_expiring, today_overview
from tests.conftest import SessionAs
from tests.services.test_follow_ups import register

TODAY = date.today()


def add_jobs(db: Database, *ends: tuple[str, date | None, JobStatus]) -> dict[str, str]:
    with db.session() as session:
        employer = Employer(
            scope_id=CITY_SCOPE,
            name="界首市恒信食品有限公司",
            credit_code="91341282MA2N0A1B3X",
            employer_type=EmployerType.ENTERPRISE,
        )
        session.add(employer)
        session.flush()
        ids = {}
        for title, valid_to, status in ends:
            job = Job(
                scope_id=CITY_SCOPE,
                employer_id=employer.id,
                title=title,
                kind=JobKind.REGULAR,
                headcount=2,
                valid_from=TODAY - timedelta(days=30),
                valid_to=valid_to,
                status=status,
            )
            session.add(job)
            session.flush()
            ids[title] = job.id
        session.commit()
    return ids


def test_jobs_that_end_within_the_week_the_soonest_first(
    station: StationSession, db: Database
) -> None:
    ids = add_jobs(
        db,
        ("包装工", TODAY + timedelta(days=6), JobStatus.OPEN),
        ("叉车司机", TODAY, JobStatus.PAUSED),
        ("质检员", TODAY + timedelta(days=8), JobStatus.OPEN),  # later than the week
        ("仓管员", TODAY - timedelta(days=1), JobStatus.OPEN),  # already over
        ("销售", TODAY + timedelta(days=2), JobStatus.FILLED),  # no longer offered
        ("长期工", None, JobStatus.OPEN),  # no end
    )
    found = station.query(jobs_expiring, TODAY)
    assert found.total == 2
    assert [job.id for job in found.items] == [ids["叉车司机"], ids["包装工"]]
    assert found.items[0].employer_name == "界首市恒信食品有限公司"
    assert station.query(jobs_expiring, TODAY, days=8).total == 3


def test_the_overview_shows_the_week_of_contacts_and_what_the_role_may_see(
    station: StationSession, db: Database, actor: Actor, session_as: SessionAs
) -> None:
    seeker = register(station, actor, "001")
    contact = ContactInput(
        seeker, ServiceChannel.PHONE, TODAY, next_contact_on=TODAY + timedelta(days=5)
    )
    station.perform(record_contact, contact)
    register(station, actor, "002")  # due in a month: not this week
    add_jobs(db, ("包装工", TODAY + timedelta(days=1), JobStatus.OPEN))
    overview = station.query(today_overview, TODAY)
    assert overview.contacts is not None and overview.jobs is not None
    assert [(c.resident_id, c.due_on) for c in overview.contacts.items] == [
        (seeker, TODAY + timedelta(days=5))
    ]
    assert (overview.contacts.overdue, overview.contacts.due_today) == (0, 0)
    assert overview.jobs.total == 1
    kiosk = session_as(db, UserRole.KIOSK).query(today_overview, TODAY)
    assert kiosk.contacts is None and kiosk.jobs is not None


def test_the_overview_lists_the_public_notices_ending_soon(
    station: StationSession, db: Database, actor: Actor
) -> None:
    soon = register(station, actor, "003", name="王磊")
    later = register(station, actor, "004", name="李娜")
    with db.session() as session:
        for resident_id, ends in ((soon, TODAY + timedelta(days=2)), (later, TODAY + timedelta(3))):
            session.add(
                Recognition(
                    scope_id=actor.scope_id,
                    resident_id=resident_id,
                    state=RecognitionState.IN_NOTICE,
                    applied_on=TODAY - timedelta(days=10),
                    notice_starts_on=ends - timedelta(days=7),
                    notice_ends_on=ends,
                )
            )
        session.commit()
    overview = station.query(today_overview, TODAY)
    assert overview.notices is not None
    assert [n.resident_id for n in overview.notices] == [soon]

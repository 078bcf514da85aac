"""Residents, employers and jobs for the recognition, eligibility and placement tests."""

from __future__ import annotations

from datetime import date

from station_app.core.station_session import StationSession, WriteTx
from station_app.models import (
    CITY_SCOPE,
    EmployerType,
    EmploymentStatus,
    Job,
    JobKind,
    JobStatus,
    KeyGroup,
    RecognitionCategory,
    RecognitionEvidence,
)
from station_app.services import recognition as rec
from station_app.services.employers import EmployerInput, register_employer
from station_app.services.residents import ResidentInput, register_resident
from station_app.validation import compute_credit_check_character, compute_id_check_character

APPLIED_ON = date(2025, 3, 3)
E = RecognitionEvidence


def id_number(birth: str, serial: str = "002") -> str:
    """An ID number born on `birth` (YYYYMMDD); an even 17th digit is a woman."""
    body = f"341282{birth}{serial}"
    return body + compute_id_check_character(body)


def add_resident(
    station: StationSession,
    *,
    birth: str = "19800505",
    serial: str = "002",
    status: EmploymentStatus = EmploymentStatus.UNEMPLOYED,
    since: date = date(2024, 1, 2),
    key_groups: frozenset[KeyGroup] = frozenset(),
    school_left_on: date | None = None,
    name: str = "李娟",
) -> str:
    data = ResidentInput(
        id_number=id_number(birth, serial),
        name=name,
        community_id=station.actor.scope_id,
        employment_status=status,
        key_groups=key_groups,
        school_left_on=school_left_on,
    )
    return station.perform(register_resident, data, today=since)


def add_job(
    station: StationSession,
    kind: JobKind,
    *,
    headcount: int = 2,
    age_min: int | None = None,
    age_max: int | None = None,
    valid_to: date | None = date(2026, 12, 31),
    serial: str = "1",
) -> str:
    body = f"91341282MA2N0A1B{serial}"
    employer = EmployerInput(
        name=f"界首市保洁服务中心{serial}",
        credit_code=body + compute_credit_check_character(body),
        employer_type=EmployerType.PUBLIC_INSTITUTION,
        industry="N",
    )

    def add(tx: WriteTx) -> str:
        job = Job(
            scope_id=CITY_SCOPE,
            employer_id=register_employer(tx, employer),
            title="社区保洁员",
            kind=kind,
            headcount=headcount,
            age_min=age_min,
            age_max=age_max,
            valid_from=date(2024, 1, 1),
            valid_to=valid_to,
            status=JobStatus.OPEN,
        )
        tx.session.add(job)
        tx.session.flush()
        return job.id

    return station.perform(add)


def older_worker_application() -> rec.Application:
    return rec.Application(
        frozenset({RecognitionCategory.OLDER_WORKER}),
        frozenset({E.ID_CARD, E.HOUSEHOLD_REGISTER}),
    )


def approved_recognition(
    station: StationSession, resident_id: str, applied_on: date = APPLIED_ON
) -> str:
    """Walks the whole workflow for an older worker; approved 10 days after applying."""
    from datetime import timedelta

    rid = station.perform(
        rec.apply_for_recognition, resident_id, older_worker_application(), on_day=applied_on
    )
    station.perform(rec.pass_community_review, rid, on_day=applied_on + timedelta(days=1))
    station.perform(rec.start_public_notice, rid, on_day=applied_on + timedelta(days=2))
    station.perform(rec.pass_street_review, rid, on_day=applied_on + timedelta(days=9))
    station.perform(rec.approve, rid, on_day=applied_on + timedelta(days=10))
    return rid

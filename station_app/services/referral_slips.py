"""A referral slip (推荐信): what it carries, read by its serial, and its check offline.

The slip names the station, the resident (their ID number masked: the slip is carried around),
the job, its employer with address and contact, the distance from the resident's community,
the date and how long the slip is valid, the serial and its check code (`referral_codes`).
`verify_slip` says at the station whether a serial and check code are genuine, without the city.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.errors import NotFoundError
from station_app.models import Community, Employer, Job, JobKind, Referral, ReferralStatus, Resident
from station_app.models.masking import mask_id_number
from station_app.services.job_query import distance_km
from station_app.services.referral_codes import SlipKeys, parse_serial

SLIP_VALID_DAYS = 14  # a slip is shown to the employer within two weeks (or the job's end)


@dataclass(frozen=True)
class SlipFacts:
    """Everything printed on one referral slip."""

    serial: str
    check_code: str
    station_name: str  # the station's community
    station_street: str
    resident_name: str
    resident_id_number: str  # masked
    job_title: str
    job_kind: JobKind
    employer_name: str
    address: str
    contact_name: str
    contact_phone: str
    distance_km: float | None  # from the resident's community; None without coordinates
    referred_on: date
    valid_until: date
    status: ReferralStatus


@dataclass(frozen=True)
class SlipCheck:
    genuine: bool  # made by this station with its key (the city checks others' online)
    known: bool  # and a referral of this station's database has that serial
    resident_name: str | None = None
    job_title: str | None = None
    status: ReferralStatus | None = None


def slip_facts(rx: ReadTx, serial: str, *, keys: SlipKeys) -> SlipFacts:
    """The slip of the referral with this serial; NotFoundError ("referral.unknown_serial")."""
    rx.require(Permission.RESIDENT_READ)
    text = serial.strip().upper()
    found = _referral(rx, text)
    key = keys.for_serial(text)
    if found is None or key is None:
        raise NotFoundError(
            f"no referral of this station has the serial {serial.strip()!r}",
            code="referral.unknown_serial",
            params={"serial": serial.strip()},
        )
    referral, resident, job, employer = found
    community = rx.session.get(Community, resident.community_id)
    station = rx.station.station
    valid_until = referral.referred_on + timedelta(days=SLIP_VALID_DAYS)
    if job.valid_to is not None:
        valid_until = min(valid_until, job.valid_to)
    return SlipFacts(
        serial=text,
        check_code=key.check(text),
        station_name=station.community_name,
        station_street=station.street,
        resident_name=resident.name,
        resident_id_number=mask_id_number(resident.id_number),
        job_title=job.title,
        job_kind=job.kind,
        employer_name=employer.name,
        address=job.location or employer.address or "",
        contact_name=employer.contact_name or "",
        contact_phone=employer.contact_phone or "",
        distance_km=_distance(community, job, employer),
        referred_on=referral.referred_on,
        valid_until=valid_until,
        status=referral.status,
    )


def verify_slip(rx: ReadTx, serial: str, code: str, *, keys: SlipKeys) -> SlipCheck:
    """Whether the serial and check code are this station's, and which referral it is."""
    rx.require(Permission.RESIDENT_READ)
    text = serial.strip().upper()
    if parse_serial(text) is None or not keys.is_genuine(text, code):
        return SlipCheck(genuine=False, known=False)
    found = _referral(rx, text)
    if found is None:
        return SlipCheck(genuine=True, known=False)
    referral, resident, job, _employer = found
    return SlipCheck(True, True, resident.name, job.title, referral.status)


def _referral(rx: ReadTx, serial: str) -> tuple[Referral, Resident, Job, Employer] | None:
    row = rx.session.execute(
        select(Referral, Resident, Job, Employer)
        .join(Resident, Resident.id == Referral.resident_id)
        .join(Job, Job.id == Referral.job_id)
        .join(Employer, Employer.id == Job.employer_id)
        .where(
            Referral.slip_number == serial,
            Referral.deleted.is_(False),
            Referral.scope_id.in_(rx.scope.ids),
        )
    ).first()
    if row is None:
        return None
    return row[0], row[1], row[2], row[3]


def _distance(community: Community | None, job: Job, employer: Employer) -> float | None:
    if community is None or community.latitude is None or community.longitude is None:
        return None
    lat, lon = job.latitude, job.longitude
    if lat is None or lon is None:
        lat, lon = employer.latitude, employer.longitude
    if lat is None or lon is None:
        return None
    return distance_km(community.latitude, community.longitude, lat, lon)

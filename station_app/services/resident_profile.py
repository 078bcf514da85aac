"""Everything the resident profile shows, read in one call: the record and its parts.

The profile is the hub of the counter: personal data (ID and phone masked unless the role may
see them in full), key groups, the employment status with its dated history and the service
records; and the parts of other areas (`PARTS`: follow-ups due, the 1-3-1 bundle,
recognitions, referrals, the ranked jobs nearby): another area adds its part by adding a
reader there, and the profile's sections pick their part by name from `ResidentProfile.parts`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import (
    Community,
    EmploymentStatus,
    HouseholdType,
    KeyGroup,
    ServiceChannel,
    ServiceKind,
    ServiceRecord,
    Sex,
)
from station_app.models.masking import mask_id_number, mask_phone
from station_app.services.assistance_plans import plans_of
from station_app.services.follow_ups import follow_up_state
from station_app.services.matching import profile_matches
from station_app.services.migrant_bundle import bundle_state
from station_app.services.recognition import recognitions_of
from station_app.services.referrals import referrals_of
from station_app.services.residents import age_on, load_resident
from station_app.services.status_history import HistoryEntry, status_history

MAX_SERVICE_RECORDS = 50  # the newest; the rest is in the ledgers


@dataclass(frozen=True)
class ServiceEntry:
    occurred_on: date
    kind: ServiceKind
    channel: ServiceChannel
    summary: str | None
    staff: str | None
    next_contact_on: date | None


@dataclass(frozen=True)
class ResidentProfile:
    """One resident as the profile shows them; `full_data`: ID and phone are unmasked."""

    id: str
    row_version: int
    name: str
    sex: Sex
    birth_date: date
    age: int
    id_number: str
    phone: str | None
    full_data: bool
    address: str | None
    community_name: str
    household_type: HouseholdType | None
    education: str | None
    skills: tuple[str, ...]
    desired_occupation: str | None
    desired_salary_fen: int | None
    employment_status: EmploymentStatus
    key_groups: frozenset[KeyGroup]
    consent_date: date | None
    notes: str | None
    status_history: tuple[HistoryEntry, ...]
    service_records: tuple[ServiceEntry, ...]
    parts: Mapping[str, object]  # what other areas add, by part name (see PARTS)


# A part of the profile another area adds: reader(rx, resident_id, today) -> its value.
ProfilePart = Callable[[ReadTx, str, date], object]
PARTS: dict[str, ProfilePart] = {
    "follow_ups": lambda rx, resident_id, _today: follow_up_state(rx, resident_id),
    "migrant_bundle": lambda rx, resident_id, today: bundle_state(rx, resident_id, today=today),
    "recognitions": lambda rx, resident_id, _today: recognitions_of(rx, resident_id),
    "assistance_plans": lambda rx, resident_id, _today: tuple(plans_of(rx, resident_id)),
    "referrals": lambda rx, resident_id, _today: referrals_of(rx, resident_id),
    "job_matches": lambda rx, resident_id, today: profile_matches(rx, resident_id, today),
}


def load_profile(rx: ReadTx, resident_id: str, *, today: date | None = None) -> ResidentProfile:
    """The resident's profile; NotFoundError ("resident.gone") if not in the station's scope."""
    rx.require(Permission.RESIDENT_READ)
    today = today or date.today()
    resident = load_resident(rx, resident_id)
    full = rx.station.can(Permission.RESIDENT_FULL_DATA)
    community = rx.session.get(Community, resident.community_id)
    return ResidentProfile(
        id=resident.id,
        row_version=resident.row_version,
        name=resident.name,
        sex=resident.sex,
        birth_date=resident.birth_date,
        age=age_on(resident.birth_date, today),
        id_number=resident.id_number if full else mask_id_number(resident.id_number),
        phone=resident.phone if full or resident.phone is None else mask_phone(resident.phone),
        full_data=full,
        address=resident.address,
        community_name=community.name if community is not None else "",
        household_type=resident.household_type,
        education=resident.education,
        skills=tuple(resident.skills),
        desired_occupation=resident.desired_occupation,
        desired_salary_fen=resident.desired_salary_fen,
        employment_status=resident.employment_status,
        key_groups=resident.key_group_set,
        consent_date=resident.consent_date,
        notes=resident.notes,
        status_history=status_history(rx, resident_id),
        service_records=_service_records(rx, resident_id),
        parts={name: reader(rx, resident_id, today) for name, reader in PARTS.items()},
    )


def _service_records(rx: ReadTx, resident_id: str) -> tuple[ServiceEntry, ...]:
    records = rx.session.scalars(
        select(ServiceRecord)
        .where(ServiceRecord.resident_id == resident_id, ServiceRecord.deleted.is_(False))
        .order_by(ServiceRecord.occurred_on.desc(), ServiceRecord.id.desc())
        .limit(MAX_SERVICE_RECORDS)
    )
    return tuple(
        ServiceEntry(r.occurred_on, r.kind, r.channel, r.summary, r.staff, r.next_contact_on)
        for r in records
    )

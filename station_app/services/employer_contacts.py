"""The station's contacts with an employer (联系记录): dated, with channel, person and note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx, WriteTx
from station_app.errors import NotFoundError, Problem
from station_app.errors import ValidationError as InputError
from station_app.models import CITY_SCOPE, Employer, EmployerContact, ServiceChannel

MAX_PERSON = 64
MAX_NOTE = 500


@dataclass(frozen=True)
class ContactInput:
    contact_date: date
    channel: ServiceChannel
    person: str = ""
    note: str = ""


@dataclass(frozen=True)
class ContactRow:
    id: str
    contact_date: date
    channel: ServiceChannel
    person: str
    note: str
    recorded_by: str


def validate_contact(data: ContactInput, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if data.contact_date > today:
        problems.append(
            Problem("contact_date", "contact.date_future", "The date cannot be in the future.")
        )
    for field, value, limit in (("person", data.person, MAX_PERSON), ("note", data.note, MAX_NOTE)):
        if len(value.strip()) > limit:
            problems.append(
                Problem(
                    field,
                    "contact.too_long",
                    f"At most {limit} characters.",
                    {"max": str(limit)},
                )
            )
    if not data.note.strip():
        problems.append(Problem("note", "contact.note_empty", "Say what the contact was about."))
    return problems


def record_contact(tx: WriteTx, employer_id: str, data: ContactInput) -> str:
    """Records one contact with the employer, by the logged-in worker."""
    tx.require(Permission.EMPLOYER_WRITE)
    problems = validate_contact(data, date.today())
    if problems:
        raise InputError(problems)
    employer = tx.session.get(Employer, employer_id)
    if employer is None or employer.deleted:
        raise NotFoundError("the employer no longer exists", code="employer.gone")
    contact = EmployerContact(
        scope_id=CITY_SCOPE,
        employer_id=employer_id,
        contact_date=data.contact_date,
        channel=data.channel,
        person=data.person.strip() or None,
        note=data.note.strip() or None,
        recorded_by=tx.actor.username,
    )
    tx.session.add(contact)
    tx.session.flush()
    return contact.id


def contact_history(rx: ReadTx, employer_id: str) -> list[ContactRow]:
    """The employer's contacts, newest first."""
    rx.require(Permission.EMPLOYER_READ)
    rows = rx.session.scalars(
        select(EmployerContact)
        .where(EmployerContact.employer_id == employer_id, EmployerContact.deleted.is_(False))
        .order_by(
            EmployerContact.contact_date.desc(),
            EmployerContact.created_at.desc(),
            EmployerContact.id.desc(),
        )
    )
    return [
        ContactRow(
            c.id, c.contact_date, c.channel, c.person or "", c.note or "", c.recorded_by or ""
        )
        for c in rows
    ]

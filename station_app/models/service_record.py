"""ServiceRecord (服务记录): a contact with a resident — registration, follow-up, guidance."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin
from station_app.models.enums import ContactOutcome, ServiceChannel, ServiceKind, enum_column


class ServiceRecord(SyncedMixin, Base):
    __tablename__ = "service_records"
    __entity__ = "service_record"

    resident_id: Mapped[str] = mapped_column(ForeignKey("residents.id"), index=True)
    kind: Mapped[ServiceKind] = mapped_column(enum_column(ServiceKind))
    channel: Mapped[ServiceChannel] = mapped_column(enum_column(ServiceChannel))
    occurred_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)
    next_contact_on: Mapped[date | None] = mapped_column(Date)
    staff: Mapped[str | None] = mapped_column(String(64))
    # What came of a follow-up contact; empty for services that are not contacts.
    outcome: Mapped[ContactOutcome | None] = mapped_column(enum_column(ContactOutcome))
    # The job the service was about (job information provided); empty for other services.
    job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id"), index=True)

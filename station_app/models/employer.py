"""Employer (用人单位) whose labour demand the station collects."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from sqlalchemy import Boolean, Date, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin
from station_app.models.enums import EmployerType, ServiceChannel, enum_column


class Employer(SyncedMixin, Base):
    __tablename__ = "employers"
    __entity__ = "employer"
    __masked_fields__: ClassVar[Mapping[str, str]] = {"contact_phone": "phone"}

    # Indexed: the employers page lists them by name, the first 500 at a time.
    name: Mapped[str] = mapped_column(String(120), index=True)
    # Search keys kept by the services: the name's pinyin spellings and initials, space separated.
    name_pinyin: Mapped[str] = mapped_column(String(512), default="")
    # GB 32100. Not unique in the table, like a resident's ID number (docs/natural-keys.md).
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    employer_type: Mapped[EmployerType] = mapped_column(enum_column(EmployerType))
    industry: Mapped[str | None] = mapped_column(String(1))  # GB/T 4754 section letter
    address: Mapped[str | None] = mapped_column(String(200))
    community_id: Mapped[str | None] = mapped_column(ForeignKey("communities.id"), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    contact_name: Mapped[str | None] = mapped_column(String(64))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    key_enterprise: Mapped[bool] = mapped_column(Boolean, default=False)  # 重点企业白名单
    liaison: Mapped[str | None] = mapped_column(String(64))  # 包保责任人: a station user's username


class EmployerContact(SyncedMixin, Base):
    """One contact with an employer (走访/电话联系): when, how, with whom, what, by which worker."""

    __tablename__ = "employer_contacts"
    __entity__ = "employer_contact"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    contact_date: Mapped[date] = mapped_column(Date)
    channel: Mapped[ServiceChannel] = mapped_column(enum_column(ServiceChannel))
    person: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(String(500))
    recorded_by: Mapped[str | None] = mapped_column(String(64))  # the worker's username

"""Referral (推荐): a resident sent to a job with a printed slip, and its outcome."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin
from station_app.models.enums import ReferralStatus, enum_column


class Referral(SyncedMixin, Base):
    __tablename__ = "referrals"
    __entity__ = "referral"

    resident_id: Mapped[str] = mapped_column(ForeignKey("residents.id"), index=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    referred_on: Mapped[date] = mapped_column(Date)
    slip_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    status: Mapped[ReferralStatus] = mapped_column(enum_column(ReferralStatus))
    outcome_on: Mapped[date | None] = mapped_column(Date)
    outcome_note: Mapped[str | None] = mapped_column(String(200))

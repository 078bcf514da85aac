"""AssistancePlan (一对一帮扶计划): goals, the worker responsible and the steps for one resident."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station_app.models.base import Base, SyncedMixin
from station_app.models.enums import AssistancePlanStatus, enum_column


class AssistancePlan(SyncedMixin, Base):
    __tablename__ = "assistance_plans"
    __entity__ = "assistance_plan"
    __masked_fields__: ClassVar[Mapping[str, str]] = {"goals": "text", "steps": "text"}

    resident_id: Mapped[str] = mapped_column(ForeignKey("residents.id"), index=True)
    goals: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(64))  # the worker's user name
    steps: Mapped[str | None] = mapped_column(Text)  # steps taken and notes, one a line
    status: Mapped[AssistancePlanStatus] = mapped_column(enum_column(AssistancePlanStatus))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

"""Job (岗位): one post an employer offers, with its kind, pay, requirements and validity."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station_app.models.base import Base, SyncedMixin
from station_app.models.employer import Employer
from station_app.models.enums import JobKind, JobStatus, enum_column


class Job(SyncedMixin, Base):
    __tablename__ = "jobs"
    __entity__ = "job"

    employer_id: Mapped[str] = mapped_column(ForeignKey("employers.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    occupation_code: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[JobKind] = mapped_column(enum_column(JobKind))
    headcount: Mapped[int] = mapped_column(Integer)
    filled: Mapped[int] = mapped_column(Integer, default=0)
    salary_min_fen: Mapped[int | None] = mapped_column(Integer)  # monthly, in fen
    salary_max_fen: Mapped[int | None] = mapped_column(Integer)
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)
    education_min: Mapped[str | None] = mapped_column(String(8))  # GB/T 4658 code
    location: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    status: Mapped[JobStatus] = mapped_column(enum_column(JobStatus), index=True)
    description: Mapped[str | None] = mapped_column(Text)

    employer: Mapped[Employer] = relationship()

    __table_args__ = (
        CheckConstraint("headcount >= 1", name="headcount_positive"),
        CheckConstraint("filled >= 0 AND filled <= headcount", name="filled_within_headcount"),
        CheckConstraint(
            "salary_min_fen IS NULL OR salary_max_fen IS NULL OR salary_min_fen <= salary_max_fen",
            name="salary_range_ordered",
        ),
    )


class JobStatusChange(SyncedMixin, Base):
    """One dated move of a job's status (岗位状态变更): from what, to what, when, why and by whom.

    A job's first entry (from no status to open) is written when it is registered.
    """

    __tablename__ = "job_status_changes"
    __entity__ = "job_status_change"

    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id"), index=True)
    from_status: Mapped[JobStatus | None] = mapped_column(enum_column(JobStatus))
    to_status: Mapped[JobStatus] = mapped_column(enum_column(JobStatus))
    changed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(200))
    recorded_by: Mapped[str | None] = mapped_column(String(64))  # the worker's username

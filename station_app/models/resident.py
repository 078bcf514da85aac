"""Resident (居民/劳动者) in the real-name register, with key groups and employment history."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station_app.models.base import Base, SyncedMixin
from station_app.models.enums import (
    DeregistrationReason,
    EmploymentStatus,
    HouseholdType,
    KeyGroup,
    Sex,
    enum_column,
)


class Resident(SyncedMixin, Base):
    __tablename__ = "residents"
    __entity__ = "resident"
    __masked_fields__: ClassVar[Mapping[str, str]] = {
        "id_number": "id_number",
        "name": "name",
        "name_pinyin": "text",
        "name_initials": "text",
        "phone": "phone",
        "address": "text",
        "birth_date": "text",
        "notes": "text",
    }
    # Collections that belong to the resident's record: a change is a change of this field.
    __owned_collections__: ClassVar[Mapping[str, str]] = {"key_groups": "key_group"}

    # Birth date and sex are derived from the ID number by the services, never typed twice.
    # Not unique in the table: two stations may register one ID number while offline, and the
    # second registration must arrive as a merge case, not fail (docs/natural-keys.md). The
    # services refuse a second record for one ID number at this station.
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    name: Mapped[str] = mapped_column(String(64))
    # Search keys kept by the services: every pinyin spelling of the name, space separated.
    name_pinyin: Mapped[str] = mapped_column(String(256), default="")
    name_initials: Mapped[str] = mapped_column(String(64), default="")
    sex: Mapped[Sex] = mapped_column(enum_column(Sex))
    birth_date: Mapped[date] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    # Found by the matching index (`ix_residents_matching`), which begins with it.
    community_id: Mapped[str] = mapped_column(ForeignKey("communities.id"))
    household_type: Mapped[HouseholdType | None] = mapped_column(enum_column(HouseholdType))
    education: Mapped[str | None] = mapped_column(String(8))  # GB/T 4658 code
    # Occupation codes (职业分类大典) the resident can do, and the one they look for.
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    desired_occupation: Mapped[str | None] = mapped_column(String(16))
    desired_salary_fen: Mapped[int | None] = mapped_column(Integer)  # monthly, in fen
    employment_status: Mapped[EmploymentStatus] = mapped_column(enum_column(EmploymentStatus))
    # The day the resident left school or university (for traineeships, 见习); None: unknown.
    school_left_on: Mapped[date | None] = mapped_column(Date)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    key_groups: Mapped[list[ResidentKeyGroup]] = relationship(
        back_populates="resident", cascade="all, delete-orphan", lazy="selectin"
    )
    status_history: Mapped[list[EmploymentStatusChange]] = relationship(
        back_populates="resident",
        cascade="all, delete-orphan",
        order_by="EmploymentStatusChange.since",
    )

    # The register's order (by pinyin), read straight from this covering index (with the scope).
    # A job's residents (services/resident_matching.py) are ranked from the matching index
    # alone: by community and status, with what the rules and the score read.
    __table_args__ = (
        Index("ix_residents_register_order", "deleted", "name_pinyin", "name", "id", "scope_id"),
        Index(
            "ix_residents_matching",
            "community_id",
            "employment_status",
            "deleted",
            "birth_date",
            "education",
            "desired_salary_fen",
            "desired_occupation",
            "school_left_on",
            "scope_id",
            "id",
            "skills",
        ),
    )

    @property
    def key_group_set(self) -> frozenset[KeyGroup]:
        return frozenset(link.key_group for link in self.key_groups)


class ResidentKeyGroup(Base):
    """Membership of a resident in one key group (重点群体); synced with its resident."""

    __tablename__ = "resident_key_groups"

    resident_id: Mapped[str] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), primary_key=True
    )
    key_group: Mapped[KeyGroup] = mapped_column(enum_column(KeyGroup), primary_key=True)

    resident: Mapped[Resident] = relationship(back_populates="key_groups")

    __table_args__ = (Index("ix_resident_key_groups_key_group", "key_group"),)


class EmploymentStatusChange(SyncedMixin, Base):
    """One dated entry of a resident's employment status history.

    The status holds from `since` until the next entry's `since`; of two entries on one day
    the later recorded (the greater UUIDv7 id) holds. `reason` is the official reason when the
    entry ends a registered unemployment; `employer_id` the employer when employed;
    `recorded_by` the display name of the worker who recorded it (users stay at their station).
    """

    __tablename__ = "employment_status_changes"
    __entity__ = "employment_status_change"

    # Found by the history index (`ix_employment_status_changes_history`), which begins with it.
    resident_id: Mapped[str] = mapped_column(ForeignKey("residents.id"))
    status: Mapped[EmploymentStatus] = mapped_column(enum_column(EmploymentStatus))
    since: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[DeregistrationReason | None] = mapped_column(enum_column(DeregistrationReason))
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employers.id"), index=True)
    recorded_by: Mapped[str | None] = mapped_column(String(64))

    resident: Mapped[Resident] = relationship(back_populates="status_history")

    # A status on a day: the resident's entries by date, read from this index alone.
    __table_args__ = (
        Index("ix_employment_status_changes_history", "resident_id", "since", "id", "status"),
    )

"""Which local tables sync with the city, in the order records refer to each other."""

from __future__ import annotations

from station_app.models import (
    Community,
    Employer,
    EmploymentStatusChange,
    Job,
    MergeCase,
    Referral,
    Resident,
    ServiceRecord,
    SyncConflict,
    SyncedMixin,
)

# What others refer to comes first. Users and audit events never leave the station.
SYNCED: dict[str, type[SyncedMixin]] = {
    model.__entity__: model
    for model in (
        Community,
        Employer,
        Job,
        Resident,
        EmploymentStatusChange,
        ServiceRecord,
        Referral,
        SyncConflict,
        MergeCase,
    )
}
# Records about a resident, which live and move with them (by their `resident_id`).
RESIDENT_CHILDREN: tuple[type[SyncedMixin], ...] = (EmploymentStatusChange, ServiceRecord, Referral)

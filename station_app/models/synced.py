"""Which tables sync with the city, in the order records refer to each other (the registry)."""

from __future__ import annotations

from station_app.models.assistance_plan import AssistancePlan
from station_app.models.base import SyncedMixin
from station_app.models.community import Community
from station_app.models.employer import Employer, EmployerContact
from station_app.models.job import Job, JobStatusChange
from station_app.models.recognition import Recognition, RecognitionStep
from station_app.models.referral import Referral
from station_app.models.resident import EmploymentStatusChange, Resident
from station_app.models.service_record import ServiceRecord
from station_app.models.sync_records import MergeCase, SyncConflict

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
        AssistancePlan,
        Recognition,
        RecognitionStep,
        EmployerContact,
        JobStatusChange,
    )
}
# Records about a resident, which live and move with them (by their `resident_id`).
RESIDENT_CHILDREN: tuple[type[SyncedMixin], ...] = (
    EmploymentStatusChange,
    ServiceRecord,
    Referral,
    AssistancePlan,
    Recognition,
    RecognitionStep,
)

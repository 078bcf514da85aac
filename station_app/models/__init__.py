"""The ORM entities of a station database (no behaviour beyond mapping; no Qt)."""

from station_app.models import change_capture  # registers the capture on every ORM session
from station_app.models.assistance_plan import AssistancePlan
from station_app.models.audit import AuditEvent
from station_app.models.base import CITY_SCOPE, Base, SyncedMixin, new_id, utc_now
from station_app.models.change_log import ChangeLogEntry
from station_app.models.community import Community
from station_app.models.employer import Employer, EmployerContact
from station_app.models.enums import (
    AssistancePlanStatus,
    ContactOutcome,
    EmployerType,
    EmploymentStatus,
    HouseholdType,
    JobKind,
    JobStatus,
    KeyGroup,
    ReferralStatus,
    ServiceChannel,
    ServiceKind,
    Sex,
    UserRole,
)
from station_app.models.job import Job, JobStatusChange
from station_app.models.recognition import (
    Recognition,
    RecognitionCategory,
    RecognitionEvidence,
    RecognitionState,
    RecognitionStep,
    RecognitionStepKind,
)
from station_app.models.referral import Referral
from station_app.models.resident import EmploymentStatusChange, Resident, ResidentKeyGroup
from station_app.models.service_record import ServiceRecord
from station_app.models.station_setting import StationSetting
from station_app.models.sync_records import MergeCase, SyncConflict, SyncSeen, SyncState
from station_app.models.user import User

__all__ = [
    "CITY_SCOPE",
    "AssistancePlan",
    "AssistancePlanStatus",
    "AuditEvent",
    "Base",
    "ChangeLogEntry",
    "Community",
    "ContactOutcome",
    "Employer",
    "EmployerContact",
    "EmployerType",
    "EmploymentStatus",
    "EmploymentStatusChange",
    "HouseholdType",
    "Job",
    "JobKind",
    "JobStatus",
    "JobStatusChange",
    "KeyGroup",
    "MergeCase",
    "Recognition",
    "RecognitionCategory",
    "RecognitionEvidence",
    "RecognitionState",
    "RecognitionStep",
    "RecognitionStepKind",
    "Referral",
    "ReferralStatus",
    "Resident",
    "ResidentKeyGroup",
    "ServiceChannel",
    "ServiceKind",
    "ServiceRecord",
    "Sex",
    "StationSetting",
    "SyncConflict",
    "SyncSeen",
    "SyncState",
    "SyncedMixin",
    "User",
    "UserRole",
    "change_capture",
    "new_id",
    "utc_now",
]

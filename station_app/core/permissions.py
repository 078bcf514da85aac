"""Which role may do what: permissions as data, checked by every use case through the doorway."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from station_app.models import UserRole


class Permission(StrEnum):
    RESIDENT_READ = "resident.read"
    RESIDENT_WRITE = "resident.write"
    EMPLOYER_READ = "employer.read"
    EMPLOYER_WRITE = "employer.write"
    COMMUNITY_READ = "community.read"
    USER_MANAGE = "user.manage"
    AUDIT_READ = "audit.read"
    # The full ID and phone numbers in a profile (otherwise masked: models/masking.py).
    RESIDENT_FULL_DATA = "resident.full_data"


_READ_ONLY = frozenset(
    {
        Permission.RESIDENT_READ,
        Permission.EMPLOYER_READ,
        Permission.COMMUNITY_READ,
        Permission.AUDIT_READ,
    }
)
_WORKER = _READ_ONLY | {
    Permission.RESIDENT_WRITE,
    Permission.EMPLOYER_WRITE,
    Permission.RESIDENT_FULL_DATA,
}

ROLE_PERMISSIONS: Mapping[UserRole, frozenset[Permission]] = {
    UserRole.ADMIN: frozenset(Permission),
    UserRole.WORKER: _WORKER,
    UserRole.INSPECTOR: _READ_ONLY,
    # The self-service kiosk shows public facts only: employers and communities, no resident.
    UserRole.KIOSK: frozenset({Permission.EMPLOYER_READ, Permission.COMMUNITY_READ}),
}

# The English reason given when a permission is refused (the UI shows the code's text).
REFUSALS: Mapping[Permission, str] = {
    Permission.RESIDENT_READ: "your role may not see residents' records",
    Permission.RESIDENT_WRITE: "your role may not register or change residents",
    Permission.EMPLOYER_READ: "your role may not see employers",
    Permission.EMPLOYER_WRITE: "your role may not register or change employers",
    Permission.COMMUNITY_READ: "your role may not see communities",
    Permission.USER_MANAGE: "only an administrator may manage user accounts",
    Permission.AUDIT_READ: "your role may not read the audit log",
    Permission.RESIDENT_FULL_DATA: "your role may not see full ID and phone numbers",
}


def permissions_of(role: UserRole) -> frozenset[Permission]:
    return ROLE_PERMISSIONS.get(role, frozenset())

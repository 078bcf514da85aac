"""What the city server knows of each synced entity: whose scope it is in and how it merges.

Employers, jobs and communities, with employers' contact records and jobs' status changes, are
city-wide (scope `city`): every station may read and write them. A resident is in the scope of
their community (its id, `community_id_for`), and a record about a resident (status history,
service records, referrals, assistance plans) is always in its resident's scope: it moves with
the resident. Conflicts and merge cases are made by the server; a station may only record how
they were resolved.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

CITY_SCOPE = "city"
# Community ids are derived from the community's code, the same at every station and here.
COMMUNITY_NAMESPACE = uuid.UUID("6f0c1d3e-2b7a-5c4e-9a51-3e2f7d8b9c10")
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")


def community_id_for(code: str) -> str:
    """The id of the community with this code (a UUIDv5 of the code)."""
    return str(uuid.uuid5(COMMUNITY_NAMESPACE, code.strip()))


@dataclass(frozen=True)
class EntitySpec:
    name: str
    rank: int  # snapshot order: what others refer to comes first
    scoped: bool = False  # in a community's scope (else city-wide)
    parent_field: str | None = None  # its scope follows the resident this field names
    natural_key: str | None = None  # two live records with one key become a merge case
    server_made: bool = False  # stations only resolve it
    station_fields: frozenset[str] = frozenset()  # what a station may write (server-made ones)
    # Computed from other fields (search keys): they follow those, and clash only through them.
    derived_fields: frozenset[str] = frozenset()


RESOLUTION_FIELDS = frozenset({"resolved", "resolution", "resolved_by", "resolved_at"})

ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        EntitySpec("community", 0),
        EntitySpec(
            "employer", 1, natural_key="credit_code", derived_fields=frozenset({"name_pinyin"})
        ),
        EntitySpec("job", 2),
        EntitySpec(
            "resident",
            3,
            scoped=True,
            natural_key="id_number",
            derived_fields=frozenset({"name_pinyin", "name_initials"}),
        ),
        EntitySpec("employment_status_change", 4, scoped=True, parent_field="resident_id"),
        EntitySpec("service_record", 4, scoped=True, parent_field="resident_id"),
        EntitySpec("referral", 4, scoped=True, parent_field="resident_id"),
        EntitySpec(
            "sync_conflict", 5, scoped=True, server_made=True, station_fields=RESOLUTION_FIELDS
        ),
        EntitySpec(
            "merge_case", 5, scoped=True, server_made=True, station_fields=RESOLUTION_FIELDS
        ),
        EntitySpec("assistance_plan", 4, scoped=True, parent_field="resident_id"),
        EntitySpec("recognition", 4, scoped=True, parent_field="resident_id"),
        EntitySpec("recognition_step", 5, scoped=True, parent_field="resident_id"),
        EntitySpec("employer_contact", 2),
        EntitySpec("job_status_change", 3),
    )
}
CHILDREN = tuple(spec for spec in ENTITIES.values() if spec.parent_field)

# A job's status only moves forward: a change to a lower rank is not applied.
JOB_STATUS_RANK = {"open": 0, "paused": 0, "filled": 1, "closed": 2, "expired": 2}

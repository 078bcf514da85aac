"""The 农民工 "1-3-1" bundle: one career guidance, three suitable job offers, one training.

Its state is derived, never stored: the resident's service records of the right kinds in the
period (by default the calendar year, as the campaign runs), counted against what each part
asks for. A job offer is a referral (岗位推荐) or a suitable job the resident was told about
(岗位信息推送, `matching.record_job_information`). The bundle is offered to migrant workers
(农民工).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.models import KeyGroup, ServiceKind, ServiceRecord
from station_app.services.residents import resident_in_scope


@dataclass(frozen=True)
class BundlePart:
    code: str  # its text is "bundle.<code>" in the catalogue
    kind: ServiceKind
    wanted: int
    also: frozenset[ServiceKind] = frozenset()  # other kinds that count for this part

    @property
    def kinds(self) -> frozenset[ServiceKind]:
        return self.also | {self.kind}


BUNDLE: tuple[BundlePart, ...] = (
    BundlePart("career_guidance", ServiceKind.CAREER_GUIDANCE, 1),
    BundlePart(
        "job_offers", ServiceKind.JOB_RECOMMENDATION, 3, frozenset({ServiceKind.JOB_INFORMATION})
    ),
    BundlePart("training", ServiceKind.TRAINING_REFERRAL, 1),
)


@dataclass(frozen=True)
class PartState:
    part: BundlePart
    done: int

    @property
    def complete(self) -> bool:
        return self.done >= self.part.wanted


@dataclass(frozen=True)
class BundleState:
    applies: bool  # the resident is a migrant worker
    since: date
    parts: tuple[PartState, ...]

    @property
    def complete(self) -> bool:
        return all(part.complete for part in self.parts)


def state_from_counts(
    counts: Mapping[ServiceKind, int], *, applies: bool, since: date
) -> BundleState:
    """The bundle's state from how many services of each kind the resident had."""
    parts = tuple(
        PartState(part, sum(counts.get(kind, 0) for kind in part.kinds)) for part in BUNDLE
    )
    return BundleState(applies=applies, since=since, parts=parts)


def bundle_state(
    rx: ReadTx, resident_id: str, *, since: date | None = None, today: date | None = None
) -> BundleState:
    """The resident's 1-3-1 state from their services since `since` (default: 1 January)."""
    rx.require(Permission.RESIDENT_READ)
    resident = resident_in_scope(rx, resident_id)
    start = since or (today or date.today()).replace(month=1, day=1)
    kinds = [kind for part in BUNDLE for kind in part.kinds]
    rows = rx.session.execute(
        select(ServiceRecord.kind, func.count())
        .where(
            ServiceRecord.resident_id == resident_id,
            ServiceRecord.deleted.is_(False),
            ServiceRecord.kind.in_(kinds),
            ServiceRecord.occurred_on >= start,
        )
        .group_by(ServiceRecord.kind)
    )
    counts = {kind: count for kind, count in rows}
    applies = KeyGroup.MIGRANT_WORKER in resident.key_group_set
    return state_from_counts(counts, applies=applies, since=start)

"""The save flow every record form shares, front-end free: validate, duplicate, conflict, gone.

A front end (the counter's dialogs, later the kiosk) hands `save_record` what the worker typed
and shows the `SaveOutcome`; it never needs to know which error a service raised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from station_app.core.station_session import ReadTx, StationSession, WriteTx
from station_app.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    Problem,
    UserError,
    ValidationError,
)
from station_app.services import employers, residents
from station_app.validation import normalize_credit_code, normalize_id_number

T = TypeVar("T")


@dataclass(frozen=True)
class RecordKind(Generic[T]):
    """The services of one kind of record with a unique key (an ID number, a credit code)."""

    entity: str
    key_field: str
    normalize_key: Callable[[str], str]
    find_registered: Callable[[ReadTx, str], str | None]
    fetch: Callable[[ReadTx, str], tuple[int, T]]
    register: Callable[[WriteTx, T], str]
    update: Callable[[WriteTx, str, int, T], None]


class Outcome(StrEnum):
    SAVED = "saved"
    INVALID = "invalid"  # problems at the fields
    DUPLICATE = "duplicate"  # the key is registered already: offer the existing record
    CONFLICT = "conflict"  # changed by someone else since it was opened: offer a reload
    GONE = "gone"  # the record no longer exists
    REFUSED = "refused"  # any other user error (a permission, the environment)


@dataclass(frozen=True)
class SaveOutcome:
    outcome: Outcome
    record_id: str | None = None
    problems: tuple[Problem, ...] = ()
    existing_id: str | None = None
    error: UserError | None = field(default=None, compare=False)

    @property
    def saved(self) -> bool:
        return self.outcome is Outcome.SAVED


def save_record(
    station: StationSession,
    kind: RecordKind[T],
    data: T,
    *,
    record_id: str | None = None,
    row_version: int = 0,
) -> SaveOutcome:
    """Registers `data` (no `record_id`) or saves an edit of the version that was opened."""
    try:
        with station.write(f"save_{kind.entity}") as tx:
            if record_id is None:
                record_id = kind.register(tx, data)
            else:
                kind.update(tx, record_id, row_version, data)
    except ValidationError as error:
        return SaveOutcome(Outcome.INVALID, record_id, tuple(error.problems), error=error)
    except DuplicateError as error:
        return SaveOutcome(Outcome.DUPLICATE, record_id, existing_id=error.existing_id, error=error)
    except ConflictError as error:
        return SaveOutcome(Outcome.CONFLICT, record_id, error=error)
    except NotFoundError as error:
        return SaveOutcome(Outcome.GONE, record_id, error=error)
    except UserError as error:
        return SaveOutcome(Outcome.REFUSED, record_id, error=error)
    return SaveOutcome(Outcome.SAVED, record_id)


def _resident_version(rx: ReadTx, resident_id: str) -> tuple[int, residents.ResidentInput]:
    detail = residents.get_resident(rx, resident_id)
    return detail.row_version, detail.data


RESIDENTS: RecordKind[Any] = RecordKind(
    entity="resident",
    key_field="id_number",
    normalize_key=normalize_id_number,
    find_registered=residents.find_by_id_number,
    fetch=_resident_version,
    register=residents.register_resident,
    update=residents.update_resident,
)

EMPLOYERS: RecordKind[Any] = RecordKind(
    entity="employer",
    key_field="credit_code",
    normalize_key=normalize_credit_code,
    find_registered=employers.find_by_credit_code,
    fetch=employers.get_employer,
    register=employers.register_employer,
    update=employers.update_employer,
)

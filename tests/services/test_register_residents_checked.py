"""A bulk registration trusts an earlier validation only of the very same input and day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from station_app.core.station_session import StationSession
from station_app.errors import ValidationError
from station_app.models import EmploymentStatus
from station_app.services.residents import (
    ResidentInput,
    checked_input,
    get_resident,
    register_residents,
)
from station_app.validation import compute_id_check_character

DAY = date(2026, 3, 2)


def _input(station: StationSession, serial: str, **changes: object) -> ResidentInput:
    body = f"34128219880512{serial}"
    data = ResidentInput(
        id_number=body + compute_id_check_character(body),
        name="李秀英",
        community_id=station.station.community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def test_the_same_input_checked_the_same_day_is_saved_as_validated(
    station: StationSession,
) -> None:
    data = _input(station, "011", phone=" 139 1234 5678 ")
    with station.write("import_residents") as tx:
        [resident_id] = register_residents(
            tx, [data], today=DAY, checked={id(data): checked_input(data, DAY)}
        )
    with station.read() as rx:
        assert get_resident(rx, resident_id).data.phone == "13912345678"


def test_a_check_of_another_day_is_not_trusted(station: StationSession) -> None:
    data = _input(station, "011", consent_given=True, consent_date=date(2026, 3, 5))
    later = checked_input(data, date(2026, 3, 9))  # valid then: the consent date is past
    with station.write("import_residents") as tx, pytest.raises(ValidationError):
        register_residents(tx, [data], today=DAY, checked={id(data): later})


def test_a_check_of_another_input_is_not_trusted(station: StationSession) -> None:
    data = _input(station, "011", name="")
    valid = checked_input(_input(station, "011"), DAY)  # an equal-looking but other input
    with station.write("import_residents") as tx, pytest.raises(ValidationError):
        register_residents(tx, [data], today=DAY, checked={id(data): valid})

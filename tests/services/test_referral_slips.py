"""A referral slip's facts by its serial, and its check at the station without the city."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from station_app.core.station_session import StationSession
from station_app.errors import NotFoundError
from station_app.models import JobKind, ReferralStatus
from station_app.services.referral_codes import SlipKey, SlipKeys
from station_app.services.referral_slips import SLIP_VALID_DAYS, slip_facts, verify_slip
from station_app.services.referrals import create_referral
from tests.services.recognition_helpers import add_job, add_resident, id_number

LOCAL = SlipKey("0a1b2c3d-0000-4000-8000-000000000001", "local secret", enrolled=False)
CITY = SlipKey("9f8e7d6c-0000-4000-8000-000000000002", "city secret", enrolled=True)
DAY = date(2025, 3, 2)


def test_the_slip_carries_the_masked_id_the_job_the_validity_and_the_check_code(
    station: StationSession,
) -> None:
    resident_id = add_resident(station, name="周建国")
    job_id = add_job(station, JobKind.REGULAR)
    keys = SlipKeys(LOCAL)
    made = station.perform(create_referral, resident_id, job_id, keys=keys, on_day=DAY)
    slip = station.query(slip_facts, made.serial.lower(), keys=keys)
    assert (slip.serial, slip.check_code) == (made.serial, made.check_code)
    assert slip.resident_name == "周建国"
    full = id_number("19800505")
    assert slip.resident_id_number != full and slip.resident_id_number[:4] == full[:4]
    assert slip.job_title == "社区保洁员" and slip.employer_name.startswith("界首市保洁服务中心")
    assert slip.station_name == "人民路社区" and slip.station_street == "东城街道"
    assert slip.referred_on == DAY and slip.valid_until == DAY + timedelta(days=SLIP_VALID_DAYS)
    assert slip.status is ReferralStatus.REFERRED
    with pytest.raises(NotFoundError) as unknown:
        station.query(slip_facts, "0A1B2C3D-2025-000099", keys=keys)
    assert unknown.value.code == "referral.unknown_serial"


def test_a_slip_checks_offline_and_an_altered_serial_or_code_does_not(
    station: StationSession,
) -> None:
    resident_id = add_resident(station)
    job_id = add_job(station, JobKind.REGULAR)
    before = station.perform(create_referral, resident_id, job_id, keys=SlipKeys(LOCAL), on_day=DAY)
    # Enrolled later: new slips carry the city's code, the earlier ones still check here.
    keys = SlipKeys(CITY, (LOCAL,))
    other = add_resident(station, serial="032")
    after = station.perform(create_referral, other, job_id, keys=keys, on_day=DAY)
    assert after.serial == "9F8E7D6C-2025-000001"
    for made in (before, after):
        check = station.query(verify_slip, made.serial, made.check_code.lower(), keys=keys)
        assert check.genuine and check.known and check.status is ReferralStatus.REFERRED
    altered = before.serial[:-1] + "9"
    assert not station.query(verify_slip, altered, before.check_code, keys=keys).genuine
    wrong = before.check_code[:-1] + ("A" if before.check_code[-1] != "A" else "B")
    assert not station.query(verify_slip, before.serial, wrong, keys=keys).genuine
    assert not station.query(verify_slip, "not a serial", "x", keys=keys).genuine
    unmade = "9F8E7D6C-2025-000042"
    check = station.query(verify_slip, unmade, CITY.check(unmade), keys=keys)
    assert check.genuine and not check.known

"""The slip identity: a local one made once and kept, the city's after the enrolment."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from station_app.sync.credentials import CredentialsError, StationCredentials, save_credentials
from station_app.sync.slip_identity import IDENTITY_NAME, SECRET_NAME, slip_keys


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_APP_NO_KEYRING", "1")


def test_a_station_without_enrolment_makes_its_local_identity_once(tmp_path: Path) -> None:
    assert slip_keys(tmp_path, create=False) is None
    first = slip_keys(tmp_path)
    assert first is not None and not first.issuing.enrolled and first.earlier == ()
    assert len(first.issuing.code) == 8
    secret_file = tmp_path / SECRET_NAME
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert first.issuing.secret not in (tmp_path / IDENTITY_NAME).read_text(encoding="utf-8")
    assert first.issuing.secret not in repr(first)
    assert slip_keys(tmp_path) == first


def test_after_the_enrolment_the_city_identity_signs_and_the_local_one_still_checks(
    tmp_path: Path,
) -> None:
    local = slip_keys(tmp_path)
    assert local is not None
    city = StationCredentials("http://city", "9f8e7d6c-1111-4111-8111-111111111111", "s3", ())
    save_credentials(tmp_path, city)
    keys = slip_keys(tmp_path)
    assert keys is not None
    assert (keys.issuing.station_id, keys.issuing.enrolled) == (city.station_id, True)
    assert keys.earlier == (local.issuing,)
    enrolled_first = tmp_path / "enrolled-first"
    enrolled_first.mkdir()
    save_credentials(enrolled_first, city)
    assert slip_keys(enrolled_first) == slip_keys(enrolled_first, create=False)
    assert not (enrolled_first / IDENTITY_NAME).exists()


def test_a_lost_secret_is_a_clear_error(tmp_path: Path) -> None:
    slip_keys(tmp_path)
    (tmp_path / SECRET_NAME).unlink()
    with pytest.raises(CredentialsError) as caught:
        slip_keys(tmp_path)
    assert caught.value.code == "slip.identity_unreadable"

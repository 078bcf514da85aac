"""`station-app print referral|registration-form`: the PDF written, clear errors and exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from station_app import cli
from station_app.core.station_session import StationSession
from station_app.models import JobKind
from station_app.services.referrals import create_referral
from station_app.sync.slip_identity import slip_keys
from tests.conftest import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.printing.pdf_helpers import needs_poppler, pdf_text
from tests.services.recognition_helpers import add_job, add_resident, id_number


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)


def run(data_dir: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(data_dir), "print", *args, "--user", ADMIN_USERNAME])


@needs_poppler
def test_a_referral_slip_is_written_by_its_serial(
    station: StationSession, data_dir: Path, tmp_path: Path, password: None
) -> None:
    keys = slip_keys(data_dir)
    assert keys is not None
    resident_id = add_resident(station, name="周建国")
    made = station.perform(
        create_referral,
        resident_id,
        add_job(station, JobKind.REGULAR),
        keys=keys,
        on_day=date(2025, 3, 2),
    )
    out = tmp_path / "slip.pdf"
    assert run(data_dir, "referral", made.serial.lower(), "--out", str(out)) == 0
    text = pdf_text(out, tmp_path)
    assert made.serial in text and made.check_code in text and "周建国" in text


def test_an_unknown_serial_is_an_error_and_no_file(
    station: StationSession,
    data_dir: Path,
    tmp_path: Path,
    password: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "slip.pdf"
    assert run(data_dir, "referral", "0A1B2C3D-2025-000099", "--out", str(out)) == 2
    assert "no referral of this station has the serial" in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_file_is_an_error(
    station: StationSession,
    data_dir: Path,
    tmp_path: Path,
    password: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_resident(station, name="周建国")
    out = tmp_path / "no-such-folder" / "form.pdf"
    assert run(data_dir, "registration-form", id_number("19800505"), "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err


@needs_poppler
def test_a_registration_form_by_id_number(
    station: StationSession,
    data_dir: Path,
    tmp_path: Path,
    password: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_resident(station, name="周建国")
    out = tmp_path / "form.pdf"
    assert run(data_dir, "registration-form", id_number("19800505"), "--out", str(out)) == 0
    assert "周建国" in pdf_text(out, tmp_path) and "求职登记表" in pdf_text(out, tmp_path)
    assert run(data_dir, "registration-form", id_number("19900101"), "--out", str(out)) == 2
    assert "no resident of this station has the ID number" in capsys.readouterr().err

"""`station-app print referral|registration-form`: a document as a PDF file, reported in English."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from station_app.command_login import log_in_for_command
from station_app.errors import UserError
from station_app.models import Resident
from station_app.printing.labels import station_title
from station_app.printing.pdf_file import write_pdf_file
from station_app.printing.referral_slip import referral_slip_pdf
from station_app.printing.registration_form import form_from_profile, registration_form_pdf
from station_app.services.referral_slips import slip_facts
from station_app.services.resident_profile import load_profile
from station_app.sync.slip_identity import slip_keys


def run_print_referral(data_dir: Path, serial: str, target: Path, username: str) -> int:
    db, station = log_in_for_command(data_dir, username)
    try:
        keys = slip_keys(data_dir, create=False)  # a station without one has made no slip
        if keys is None:
            raise UserError(
                f"no referral of this station has the serial {serial.strip()!r}",
                code="referral.unknown_serial",
                params={"serial": serial.strip()},
            )
        facts = station.query(slip_facts, serial, keys=keys)
    finally:
        db.close()
    write_pdf_file(referral_slip_pdf(facts), target)
    print(f"Wrote the referral slip {facts.serial} to {target}.")
    return 0


def run_print_registration_form(data_dir: Path, id_number: str, target: Path, username: str) -> int:
    db, station = log_in_for_command(data_dir, username)
    try:
        with station.read() as rx:
            resident_id = rx.session.scalar(
                select(Resident.id).where(
                    Resident.id_number == id_number.strip().upper(),
                    Resident.deleted.is_(False),
                    Resident.scope_id.in_(rx.scope.ids),
                )
            )
            if resident_id is None:
                raise UserError(
                    f"no resident of this station has the ID number {id_number.strip()}",
                    code="resident.gone",
                )
            profile = load_profile(rx, resident_id)
            info = rx.station.station
            title = station_title(info.street, info.community_name)
    finally:
        db.close()
    form = form_from_profile(profile, station_name=title, today=date.today())
    write_pdf_file(registration_form_pdf(form), target)
    print(f"Wrote the registration form of {profile.name} to {target}.")
    return 0

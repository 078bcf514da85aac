"""The identity a station signs its referral slips with: the city's, or a local one until then.

An enrolled station signs with the id and secret the city gave it (`credentials.py`), so the
city can verify its slips. A station that is not enrolled (the demo station, a station before
its enrolment) makes a local identity once — a random id, whose first eight hex digits are its
serials' code, and a random secret — and keeps it like the city's secret: the id in
`slip-identity.json` in the data folder, the secret in the OS keyring or an owner-only
`slip-secret` file. It is kept after the enrolment, so the station still checks and reprints
the slips it made before. Details: `docs/referrals.md`.
"""

from __future__ import annotations

import json
import os
import secrets
import uuid
from pathlib import Path

from station_app.services.referral_codes import SlipKey, SlipKeys
from station_app.sync.credentials import (
    CredentialsError,
    kept_secret,
    load_credentials,
    store_secret,
)

IDENTITY_NAME = "slip-identity.json"
SECRET_NAME = "slip-secret"
KEYRING_SERVICE = "station-app referral slips"


def slip_keys(data_dir: Path, *, create: bool = True) -> SlipKeys | None:
    """The station's slip keys; a local identity is made when there is none and `create` is
    set (call it under the data folder's lock), else None is answered for a station without."""
    credentials = load_credentials(data_dir)
    local = local_key(data_dir)
    if credentials is not None:
        issuing = SlipKey(credentials.station_id, credentials.secret, enrolled=True)
        earlier = (local,) if local is not None and local.code != issuing.code else ()
        return SlipKeys(issuing, earlier)
    if local is None:
        if not create:
            return None
        local = _create_local(data_dir)
    return SlipKeys(local)


def local_key(data_dir: Path) -> SlipKey | None:
    """The local identity made before any enrolment, if the station has one."""
    path = data_dir / IDENTITY_NAME
    if not path.exists():
        return None
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        station_id = str(kept["station_id"])
        in_keyring = kept.get("secret_in") == "keyring"
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CredentialsError(
            f"the referral slips' identity {path} cannot be read ({error})",
            code="slip.identity_unreadable",
            params={"path": str(path)},
        ) from None
    secret = kept_secret(
        data_dir, station_id, in_keyring=in_keyring, service=KEYRING_SERVICE, file_name=SECRET_NAME
    )
    if not secret:
        raise CredentialsError(
            f"the secret of the referral slips' identity is missing "
            f"({'keyring' if in_keyring else SECRET_NAME}); its slips cannot be checked",
            code="slip.identity_unreadable",
            params={"path": str(path)},
        )
    return SlipKey(station_id, secret, enrolled=False)


def _create_local(data_dir: Path) -> SlipKey:
    station_id = str(uuid.uuid4())
    secret = secrets.token_urlsafe(32)
    where = store_secret(
        data_dir, station_id, secret, service=KEYRING_SERVICE, file_name=SECRET_NAME
    )
    kept = {"station_id": station_id, "secret_in": "keyring" if where == "keyring" else "file"}
    path = data_dir / IDENTITY_NAME
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(json.dumps(kept, indent=2), encoding="utf-8")
    os.replace(temporary, path)
    return SlipKey(station_id, secret, enrolled=False)

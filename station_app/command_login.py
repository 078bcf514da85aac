"""A command's log-in: the station database of the data folder opened, the user logged in
(the password from $STATION_APP_PASSWORD, or typed at a terminal)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from station_app import paths
from station_app.core.station_session import StationSession
from station_app.database import Database, open_database
from station_app.errors import UserError

PASSWORD_ENV = "STATION_APP_PASSWORD"


def log_in_for_command(data_dir: Path, username: str) -> tuple[Database, StationSession]:
    """The open database and the user's session; the caller closes the database."""
    from station_app.services.auth import log_in

    path = paths.database_path(data_dir)
    if not path.exists():
        raise UserError(
            f"there is no station database in {data_dir}: set the station up first",
            code="sync.no_database",
        )
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise UserError(
                f"give the password of {username} in ${PASSWORD_ENV} or type it at a terminal",
                code="ledger.password",
            )
        password = getpass.getpass(f"Password of {username}: ")
    db = open_database(path, backups=paths.backups_dir(data_dir))
    try:
        return db, log_in(db, username, password)
    except BaseException:
        db.close()
        raise

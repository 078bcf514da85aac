"""`city-server`: serve the API, add, list and revoke stations, upgrade the database.

    city-server serve [--db URL] [--host H] [--port P] [--workers N]
    city-server station add --community CODE [--community CODE …] [--name NAME]
    city-server station list
    city-server station revoke ID
    city-server db upgrade
    city-server db current

The database is --db, else CITY_SERVER_DB, else SQLite in the user's data folder. Every
command first brings it to the newest schema (`db current` only reads it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.exc import OperationalError

from city_server import __version__, stations
from city_server.database import make_engine, session_factory
from city_server.schema import SchemaError, current_revision, has_server_tables, upgrade_schema
from city_server.settings import ServerSettings, SettingsError
from city_server.stations import RegistryError

APP_FACTORY = "city_server.serve:app_from_environment"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.db:
            os.environ["CITY_SERVER_DB"] = args.db  # the workers read it too
        settings = ServerSettings.from_environment()
        if args.command == "serve":
            return _serve(settings, args)
        if args.command == "db":
            return _db(settings, args)
        return _station(settings, args)
    except (SettingsError, RegistryError, SchemaError) as error:
        print(f"city-server: error: {error}", file=sys.stderr)
        return 2
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        print(f"city-server: error: cannot use the database: {reason}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="city-server", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    serve = commands.add_parser("serve", help="serve the API")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8400, help="port to listen on (8400)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (1)")
    station = commands.add_parser("station", help="add, list or revoke stations")
    actions = station.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a station; prints its one-time enrolment code")
    add.add_argument("--community", action="append", required=True, metavar="CODE")
    add.add_argument("--name", default="", help="how the station is listed")
    actions.add_parser("list", help="the stations, their status and last contact")
    revoke = actions.add_parser("revoke", help="refuse a station from now on")
    revoke.add_argument("id")
    db = commands.add_parser("db", help="the database's schema revision")
    db_actions = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_actions.add_parser("upgrade", help="bring the database to the newest revision")
    db_actions.add_parser("current", help="show the database's revision and the newest one")
    return parser


def _serve(settings: ServerSettings, args: argparse.Namespace) -> int:
    import uvicorn

    if args.workers < 1:
        raise SettingsError("--workers must be 1 or more")
    if not 0 < args.port < 65536:
        raise SettingsError(f"--port must be between 1 and 65535, not {args.port}")
    # Once, before the workers start: each then finds the newest revision and only reads it.
    upgrade_schema(make_engine(settings.database_url))
    uvicorn.run(APP_FACTORY, factory=True, host=args.host, port=args.port, workers=args.workers)
    return 0


def _station(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = make_engine(settings.database_url)
    upgrade_schema(engine)
    with session_factory(engine)() as session, session.begin():
        if args.action == "add":
            ttl = timedelta(seconds=settings.enrolment_ttl_s)
            summary, code = stations.add_station(
                session, args.community, name=args.name, code_ttl=ttl
            )
            print(f"station {summary.id} added for {', '.join(summary.communities)}")
            print(f"one-time enrolment code (valid {ttl.days} days): {code}")
        elif args.action == "list":
            listed = stations.list_stations(session)
            if not listed:
                print("no stations yet: add one with `city-server station add --community CODE`")
            for s in listed:
                seen = (
                    f"{s.last_seen_at.isoformat(' ', 'seconds')} UTC" if s.last_seen_at else "never"
                )
                print(
                    f"{s.id}  {s.status.value:<8}  {s.name}  "
                    f"[{', '.join(s.communities)}]  last contact {seen}  "
                    f"app {s.app_version or '-'}"
                )
        else:
            summary = stations.revoke_station(session, args.id)
            print(f"station {summary.id} ({summary.name}) revoked")
    return 0


def _db(settings: ServerSettings, args: argparse.Namespace) -> int:
    from city_server.schema import head_revision, known_revisions

    engine = make_engine(settings.database_url)
    head = head_revision()
    if args.action == "upgrade":
        done = upgrade_schema(engine)
        if not done.migrated:
            print(f"the database is at the newest revision, {head}")
        elif done.stamped:
            print(f"tables of an earlier version recognised; the database is at revision {head}")
        else:
            print(f"the database was upgraded from {done.before or 'nothing'} to revision {head}")
        return 0
    with engine.connect() as connection:
        current = current_revision(connection)
        legacy = current is None and has_server_tables(connection)
    if current == head:
        print(f"revision {current} (the newest)")
    elif legacy:
        print(f"no revision: tables of an earlier version (a start stamps them, then {head})")
    elif current is None:
        print(f"no revision: an empty database (a start creates it at {head})")
    elif current in known_revisions():
        print(f"revision {current} (the next start upgrades it to {head})")
    else:
        print(f"revision {current}, unknown to this version (the newest it knows is {head})")
    return 0

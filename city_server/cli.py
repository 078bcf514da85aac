"""`city-server`: serve the API, and add, list and revoke stations.

    city-server serve [--db URL] [--host H] [--port P] [--workers N]
    city-server station add --community CODE [--community CODE …] [--name NAME]
    city-server station list
    city-server station revoke ID

The database is --db, else CITY_SERVER_DB, else SQLite in the user's data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.exc import OperationalError

from city_server import __version__, stations
from city_server.database import create_schema, make_engine, session_factory
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
        return _station(settings, args)
    except (SettingsError, RegistryError) as error:
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
    return parser


def _serve(settings: ServerSettings, args: argparse.Namespace) -> int:
    import uvicorn

    if args.workers < 1:
        raise SettingsError("--workers must be 1 or more")
    if not 0 < args.port < 65536:
        raise SettingsError(f"--port must be between 1 and 65535, not {args.port}")
    create_schema(make_engine(settings.database_url))  # once, before the workers start
    uvicorn.run(APP_FACTORY, factory=True, host=args.host, port=args.port, workers=args.workers)
    return 0


def _station(settings: ServerSettings, args: argparse.Namespace) -> int:
    engine = make_engine(settings.database_url)
    create_schema(engine)
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

"""Command line of the station app (`station-app`): gui, demo, sync, ledgers, print, screenshots."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from station_app import __version__, paths
from station_app.app import gui_available, run_gui
from station_app.config import LANGUAGES, Language
from station_app.data_folder import DataFolderLock, check_data_folder
from station_app.errors import UserError

log = logging.getLogger(__name__)

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    # The common options are accepted before and after the subcommand; SUPPRESS keeps a
    # subcommand from resetting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where the database, backups and logs live (default: ${paths.DATA_DIR_ENV}, "
        "else the per-user data directory)",
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the user interface for this run (default: the saved choice)",
    )
    parser = argparse.ArgumentParser(
        prog="station-app",
        description="Smart Employment Station (智慧就业驿站) of Jieshou.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "gui",
        parents=[common],
        help="open the counter application (the default; renders the screenshot tour "
        "when there is no display)",
    )
    demo = commands.add_parser(
        "demo", parents=[common], help="create a demo database of invented residents"
    )
    demo.add_argument("--scale", action="store_true", help="a large database for performance tests")
    demo.add_argument(
        "--replace",
        action="store_true",
        help="replace an existing demo database (a real station's database is never replaced)",
    )
    enroll = commands.add_parser(
        "enroll",
        parents=[common],
        help="enrol this station with the city server (once, with the code the city gives)",
    )
    enroll.add_argument("--server", required=True, metavar="URL", help="the city server's address")
    enroll.add_argument("--code", required=True, help="the one-time enrolment code")
    commands.add_parser(
        "sync",
        parents=[common],
        help="sync once with the city server (after enroll) and print what it did",
    )
    _add_ledger_commands(commands, common)
    _add_print_commands(commands, common)
    screenshots = commands.add_parser(
        "screenshots", parents=[common], help="render the main screens to PNG files"
    )
    screenshots.add_argument(
        "--out", metavar="DIR", type=Path, help="output directory (default: DATA_DIR/screenshots)"
    )
    return parser


def _add_ledger_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    kinds = ("residents", "employers", "jobs")
    importer = commands.add_parser(
        "import",
        parents=[common],
        help="import a ledger (.xlsx) of residents, employers or jobs; exit code 0 only when "
        "every row was accepted",
    )
    importer.add_argument("kind", choices=kinds)
    importer.add_argument("file", type=Path, metavar="FILE.xlsx")
    importer.add_argument(
        "--user",
        required=True,
        help="the worker who imports (password in $STATION_APP_PASSWORD or asked for)",
    )
    importer.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
    importer.add_argument(
        "--report",
        type=Path,
        metavar="REPORT.xlsx",
        help="write every refused row with its reason to this workbook",
    )
    importer.add_argument(
        "--update",
        action="store_true",
        help="update records registered already (default: skip them)",
    )
    importer.add_argument(
        "--all-or-nothing", action="store_true", help="save nothing when any row is refused"
    )
    exporter = commands.add_parser(
        "export", parents=[common], help="export residents, employers or jobs as a ledger (.xlsx)"
    )
    exporter.add_argument("kind", choices=kinds)
    exporter.add_argument("file", type=Path, metavar="FILE.xlsx")
    exporter.add_argument("--user", required=True, help="the worker who exports")
    template = commands.add_parser(
        "template", parents=[common], help="write an empty ledger (.xlsx) to fill in and import"
    )
    template.add_argument("kind", choices=kinds)
    template.add_argument("file", type=Path, metavar="FILE.xlsx")


def _add_print_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    printer = commands.add_parser(
        "print", parents=[common], help="write a printed document (referral slip, form) as a PDF"
    )
    documents = printer.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    referral = documents.add_parser(
        "referral", parents=[common], help="the referral slip (推荐信) of a serial"
    )
    referral.add_argument("serial", metavar="SERIAL")
    form = documents.add_parser(
        "registration-form",
        parents=[common],
        help="the registration form (求职登记表) of a resident, by ID number",
    )
    form.add_argument("id_number", metavar="ID_NUMBER")
    for command in (referral, form):
        command.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
        command.add_argument(
            "--user",
            required=True,
            help="the worker who prints (password in $STATION_APP_PASSWORD or asked for)",
        )


def run_print_command(data_dir: Path, args: argparse.Namespace) -> int:
    from station_app.printing import command_line

    check_data_folder(data_dir)
    if args.document == "referral":
        return command_line.run_print_referral(data_dir, args.serial, args.out, args.user)
    return command_line.run_print_registration_form(data_dir, args.id_number, args.out, args.user)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _log_to_stderr()
    data_dir = paths.data_dir(getattr(args, "data_dir", None))
    language: Language | None = getattr(args, "lang", None)
    try:
        if args.command == "demo":
            check_data_folder(data_dir)
            # One copy at a time: the demo must not replace a database the GUI has open.
            with DataFolderLock(data_dir):
                return create_demo(data_dir, scale=args.scale, replace=args.replace)
        if args.command == "enroll":
            check_data_folder(data_dir)
            with DataFolderLock(data_dir):
                return enroll(data_dir, args.server, args.code)
        if args.command == "sync":
            check_data_folder(data_dir)
            return sync_once(data_dir)
        if args.command in ("import", "export", "template"):
            return run_ledger_command(data_dir, args)
        if args.command == "print":
            return run_print_command(data_dir, args)
        if args.command == "screenshots":
            check_data_folder(data_dir)
            return render_screenshots(
                data_dir, args.out or paths.screenshots_dir(data_dir), language=language
            )
        return open_gui(data_dir, language=language)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR


def run_ledger_command(data_dir: Path, args: argparse.Namespace) -> int:
    from station_app.ledgers import command_line

    if args.command == "template":
        return command_line.run_template(args.kind, args.file)
    check_data_folder(data_dir)
    if args.command == "export":
        return command_line.run_export(data_dir, args.kind, args.file, args.user)
    return command_line.run_import(
        data_dir,
        args.kind,
        args.file,
        args.user,
        dry_run=args.dry_run,
        report=args.report,
        update=args.update,
        all_or_nothing=args.all_or_nothing,
    )


def open_gui(data_dir: Path, *, language: Language | None) -> int:
    if gui_available():
        # The window checks the data folder itself and says what is wrong in the UI's language.
        return run_gui(data_dir, language=language)
    check_data_folder(data_dir)
    print(
        "There is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can "
        "open. Rendering the screenshot tour instead."
    )
    return render_screenshots(data_dir, paths.screenshots_dir(data_dir), language=language)


def enroll(data_dir: Path, server_url: str, code: str) -> int:
    from station_app.sync.enrolment import enroll_station

    credentials, where = enroll_station(data_dir, server_url, code)
    kept = "in the system keyring" if where == "keyring" else f"in {where} (only you may read it)"
    print(
        f"Enrolled with {credentials.server_url} as station {credentials.station_id}, "
        f"for {', '.join(credentials.communities)}. Its secret is kept {kept}."
    )
    return 0


def sync_once(data_dir: Path) -> int:
    """One sync, beside a running counter app too (the database serialises the writes)."""
    from station_app.database import open_database
    from station_app.sync.client import CityClient
    from station_app.sync.credentials import load_credentials
    from station_app.sync.engine import SyncEngine

    credentials = load_credentials(data_dir)
    if credentials is None:
        raise UserError(
            "this station is not enrolled with a city server yet: "
            "run `station-app enroll --server URL --code CODE` first",
            code="sync.not_enrolled",
        )
    path = paths.database_path(data_dir)
    if not path.exists():
        raise UserError(
            f"there is no station database in {data_dir}: set the station up first",
            code="sync.no_database",
        )
    db = open_database(path, backups=paths.backups_dir(data_dir))
    client = CityClient(credentials.server_url)
    try:
        report = SyncEngine(db, client, credentials).run()
    finally:
        client.close()
        db.close()
    print(f"Synced with {credentials.server_url}: {describe_report(report)}.")
    return 0


def describe_report(report: object) -> str:
    """A sync's report in one English line."""
    from station_app.sync.engine import SyncReport

    assert isinstance(report, SyncReport)
    parts = [
        f"sent {report.pushed} change(s)",
        f"received {report.pulled + report.snapshot} record(s)",
    ]
    if report.seeded:
        parts.append(f"{report.seeded} existing record(s) queued for the city")
    if report.conflicts:
        parts.append(f"{report.conflicts} conflict(s) for a worker to check")
    if report.rejected:
        parts.append(f"{report.rejected} change(s) refused by the city")
    if report.ignored:
        parts.append(f"{report.ignored} change(s) to records deleted meanwhile")
    if report.removed:
        parts.append(f"{report.removed} record(s) removed (no longer this station's)")
    parts += report.notes
    return ", ".join(parts) + f"; at city sequence {report.cursor}"


def render_screenshots(data_dir: Path, out_dir: Path, *, language: Language | None) -> int:
    from station_app.ui.counter.screenshot_tour import render_tour

    files = render_tour(data_dir, out_dir, language=language)
    print(f"Wrote {len(files)} screenshots to {out_dir}:")
    for file in files:
        print(f"  {file.name}")
    return 0


def create_demo(data_dir: Path, *, scale: bool, replace: bool) -> int:
    """Creates the demo database; an existing one is replaced only if it is demo data."""
    from station_app import demo
    from station_app.sync.slip_identity import slip_keys

    target = paths.database_path(data_dir)
    if target.exists():
        if not _may_replace(target, replace=replace):
            print(f"A demo database already exists at {target}; it was kept.")
            print("Use `station-app demo --replace` to create a new one.")
            _print_login(demo.DEMO_USERNAME, demo.DEMO_PASSWORD)
            return 0
        _remove_database_files(target)
    size = demo.SCALE if scale else demo.STANDARD
    print(f"Creating the demo database at {target} ...")
    started = time.perf_counter()
    # The demo's referral slips are signed with this data folder's key, so they print here.
    keys = slip_keys(data_dir)
    db = demo.generate_demo_database(target, size, progress=_print_progress, slip_keys=keys)
    try:
        serials = demo.referral_serials(db)
    finally:
        db.close()
    print(f"Done in {time.perf_counter() - started:.1f} s.")
    _print_login(demo.DEMO_USERNAME, demo.DEMO_PASSWORD)
    if serials:
        print(f"Its {len(serials)} referral slips print, e.g.:")
        print(f"  station-app print referral {serials[0]} --out slip.pdf --user demo")
    return 0


def _may_replace(target: Path, *, replace: bool) -> bool:
    """False to keep an existing demo database; UserError for one that must not be replaced."""
    from station_app.database import open_database
    from station_app.services.station import station_info

    db = open_database(target, backups=paths.backups_dir(target.parent))
    try:
        info = station_info(db)
    finally:
        db.close()
    if info is not None and not info.is_demo:
        raise UserError(
            f"{target} is the database of a real station ({info.community_name}), not demo "
            "data; it is never replaced. Use another --data-dir for the demo."
        )
    if info is None and not replace:
        raise UserError(
            f"a database that was never set up exists at {target}; "
            "use --replace to replace it with demo data"
        )
    return replace


def _remove_database_files(target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    log.info("removed the old demo database %s", target)


def _print_progress(*args: object) -> None:
    print("  " + " ".join(str(arg) for arg in args), flush=True)


def _print_login(username: str, password: str) -> None:
    print(f"Log in with user name {username!r} and password {password!r}.")


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when a record comes (redirections may replace it)."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass  # always the current sys.stderr


def _log_to_stderr() -> None:
    """INFO and above to stderr (one handler, however often main() runs)."""
    root = logging.getLogger()
    if not any(isinstance(h, _StderrHandler) for h in root.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.INFO)
        root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # chatter

"""`station-app import|export|template`: ledgers from the command line, reported in English."""

from __future__ import annotations

from pathlib import Path

from station_app.command_login import log_in_for_command
from station_app.core.station_session import StationSession
from station_app.errors import UserError
from station_app.ledgers.collector import collector_paused
from station_app.ledgers.importer import (
    ImportPlan,
    MatchChoice,
    RowAction,
    commit_import,
    plan_import,
)
from station_app.ledgers.writer import write_export, write_report, write_template

EXIT_REJECTED_ROWS = 1


def run_template(kind: str, target: Path) -> int:
    write_template(kind, target)
    print(f"Wrote the {kind} ledger template to {target}.")
    return 0


def run_export(data_dir: Path, kind: str, target: Path, username: str) -> int:
    db, station = log_in_for_command(data_dir, username)
    try:
        with station.read() as rx:
            count = write_export(rx, kind, target)
    finally:
        db.close()
    print(f"Exported {count} {kind} to {target}.")
    return 0


def run_import(
    data_dir: Path,
    kind: str,
    source: Path,
    username: str,
    *,
    dry_run: bool,
    report: Path | None,
    update: bool,
    all_or_nothing: bool,
) -> int:
    """Exit 0 only when every row of the file was accepted."""
    if not source.is_file():
        raise UserError(f"there is no file {source}", code="ledger.no_file")
    db, station = log_in_for_command(data_dir, username)
    try:
        # From the plan to the save, and until the plan is freed (by reference counting, as
        # the helper returns): the cycle collector's passes would walk its million objects and
        # free none of them (`collector.py`).
        with collector_paused():
            accepted = _plan_and_save(
                station,
                kind,
                source,
                dry_run=dry_run,
                report=report,
                update=update,
                all_or_nothing=all_or_nothing,
            )
    finally:
        db.close()
    return 0 if accepted else EXIT_REJECTED_ROWS


def _plan_and_save(
    station: StationSession,
    kind: str,
    source: Path,
    *,
    dry_run: bool,
    report: Path | None,
    update: bool,
    all_or_nothing: bool,
) -> bool:
    """Plans the import, prints it, writes the report and saves; whether every row was accepted."""
    with station.read() as rx:
        plan = plan_import(rx, kind, source)
    _print_plan(plan)
    if report is not None:
        write_report(plan, report)
        print(f"Wrote the report to {report}.")
    if dry_run:
        print("Dry run: nothing was saved.")
    elif all_or_nothing and not plan.all_accepted:
        print("Some rows were refused and --all-or-nothing was given: nothing was saved.")
    else:
        _commit(station, plan, update=update)
    return plan.all_accepted


def _commit(station: StationSession, plan: ImportPlan, *, update: bool) -> None:
    choice = MatchChoice.UPDATE if update else MatchChoice.SKIP
    result = commit_import(station, plan, on_match=choice)
    print(
        f"Saved: {result.created} new, {result.updated} updated; "
        f"{result.skipped} registered already and skipped"
        + ("" if update else " (use --update to update them)")
        + f", {result.unchanged} unchanged, {result.rejected} refused."
    )


def _print_plan(plan: ImportPlan) -> None:
    counts = plan.counts
    print(
        f"{plan.file}: {len(plan.rows)} row(s): {counts[RowAction.NEW]} new, "
        f"{counts[RowAction.UPDATE]} registered with changes, "
        f"{counts[RowAction.UNCHANGED]} registered unchanged, "
        f"{counts[RowAction.REJECTED]} refused."
    )
    for sheet in plan.ignored_sheets:
        print(f"  sheet {sheet}: no ledger header found, ignored")
    for problem in plan.problems:
        where = f"sheet {problem.sheet}, row {problem.row}"
        if problem.column:
            where += f", column {problem.column} ({problem.header})"
        elif problem.header:
            where += f", column {problem.header} (not in the sheet)"
        print(f"  {where}: {problem.message}")
